// The one shape of the services' JSON writers: an object whose keys keep the order written, from a
// list of fields; an array of such objects from a list of records; null for what is absent. Every
// room's *_json.cpp writes its records through these, so a record's JSON reads as its field list.
#pragma once

#include "domain/calendar.hpp"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <optional>
#include <string>

namespace waymark::services {

struct json_field {
    std::string key;
    Poco::Dynamic::Var value;
};

// {key: value, ...} in the order given.
inline Poco::JSON::Object json_object(std::initializer_list<json_field> fields) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto &field : fields) json.set(field.key, field.value);
    return json;
}

// Each element of `records` through `to_json` (or as it is, for plain values), as an array.
template <class Records, class ToJson>
Poco::JSON::Array json_array(const Records &records, ToJson &&to_json) {
    Poco::JSON::Array array;
    for (const auto &record : records) array.add(to_json(record));
    return array;
}
template <class Records>
Poco::JSON::Array json_array(const Records &values) {
    Poco::JSON::Array array;
    for (const auto &value : values) array.add(value);
    return array;
}

// {key: value} for each entry of a map, in the map's order.
template <class Map>
Poco::JSON::Object json_by_key(const Map &values) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto &[key, value] : values) json.set(key, value);
    return json;
}

template <class T>
Poco::Dynamic::Var or_null(const std::optional<T> &value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

inline Poco::Dynamic::Var text_or_null(const std::string &text) {
    return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

// 'YYYY-MM-DD', or null.
inline Poco::Dynamic::Var day_or_null(const std::optional<domain::date> &day) {
    return day ? Poco::Dynamic::Var(domain::format_iso_date(*day)) : Poco::Dynamic::Var();
}

}  // namespace waymark::services
