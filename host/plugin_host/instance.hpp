// A live plugin object. Owns the waymark_plugin and keeps its library loaded until it is destroyed.
#pragma once

#include "plugin_host/library.hpp"
#include "plugin_host/plugin_error.hpp"
#include "plugin_host/struct_prefix.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace waymark::plugins {

class instance {
public:
    // Takes ownership of `plugin`, which `library` created for `descriptor` (one of the library's
    // own); refuses (plugin_error) a plugin object whose table is too small or lacks
    // destroy/get_interface.
    instance(std::shared_ptr<const loaded_library> library, const descriptor_info &descriptor,
             const waymark_plugin *plugin);
    instance(instance &&other) noexcept;
    instance &operator=(instance &&other) noexcept;
    instance(const instance &) = delete;
    instance &operator=(const instance &) = delete;
    ~instance();

    const descriptor_info &descriptor() const { return *descriptor_; }
    const std::filesystem::path &file() const { return library_->file(); }
    const waymark_plugin *raw() const { return plugin_; }

    // The interface table `interface_id`, copied up to the size both sides know, or nothing when
    // the plugin does not offer it. Throws plugin_error when the plugin's table is smaller than
    // `minimum_size` (the host needs fields that plugin does not have). Thread-safe.
    template <class T>
    std::optional<T> interface(std::string_view interface_id, std::size_t minimum_size = sizeof(T)) const {
        const auto *table = static_cast<const T *>(raw_interface(interface_id));
        if (table == nullptr) return std::nullopt;
        check_table_size(interface_id, declared_size(table), minimum_size);
        return read_prefix(table);
    }

    // "Plugin 'org.example.x' (hello.so)": how messages about this instance name it.
    std::string name_for_messages() const;

private:
    const void *raw_interface(std::string_view interface_id) const;
    void check_table_size(std::string_view interface_id, uint32_t declared, std::size_t minimum) const;
    void release() noexcept;

    std::shared_ptr<const loaded_library> library_;
    const waymark_plugin *plugin_ = nullptr;
    const descriptor_info *descriptor_ = nullptr;
    void (*destroy_)(const waymark_plugin *) = nullptr;
    const void *(*get_interface_)(const waymark_plugin *, const char *) = nullptr;
};

}  // namespace waymark::plugins
