// Reads only the prefix of a plugin structure that both sides know. Every SDK structure starts with
// `uint32_t struct_size`; a plugin built with an older minor version has a shorter structure, and
// the host must neither read past its end nor trust fields it does not have.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace waymark::plugins {

template <class T>
uint32_t declared_size(const T *table) {
    uint32_t size = 0;
    std::memcpy(&size, table, sizeof size);
    return size;
}

// A copy of *table with the fields beyond its declared size zeroed (so absent function pointers are
// NULL). The caller has checked that declared_size(table) covers what it needs.
template <class T>
T read_prefix(const T *table) {
    static_assert(std::is_trivially_copyable_v<T>);
    T copy{};
    std::memcpy(&copy, table, std::min<std::size_t>(declared_size(table), sizeof(T)));
    return copy;
}

}  // namespace waymark::plugins
