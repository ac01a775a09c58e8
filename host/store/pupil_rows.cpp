#include "store/pupil_rows.hpp"

#include "domain/calendar.hpp"

#include <array>
#include <functional>
#include <stdexcept>

namespace waymark::store {
namespace {

// Columns held as text, with how each is read from and written to a pupil.
struct text_column {
    const char *name;
    std::function<std::string(const domain::pupil &)> get;
    std::function<void(domain::pupil &, std::string)> set;
};

text_column member_text(const char *name, std::string domain::pupil::*member) {
    return {name, [member](const domain::pupil &p) { return p.*member; },
            [member](domain::pupil &p, std::string value) { p.*member = std::move(value); }};
}

text_column letter_text(const char *name, char domain::pupil::*member) {
    return {name, [member](const domain::pupil &p) { return std::string(1, p.*member); },
            [member](domain::pupil &p, std::string value) { p.*member = value.empty() ? ' ' : value[0]; }};
}

const std::vector<text_column> &text_columns() {
    static const std::vector<text_column> columns{
        member_text("upn", &domain::pupil::upn),
        member_text("former_upn", &domain::pupil::former_upn),
        member_text("surname", &domain::pupil::surname),
        member_text("forename", &domain::pupil::forename),
        {"date_of_birth", [](const domain::pupil &p) { return domain::format_iso_date(p.date_of_birth); },
         [](domain::pupil &p, std::string value) {
             const auto day = domain::parse_iso_date(value);
             if (!day) throw std::runtime_error("wm_pupils holds a date of birth that is not a date: '" + value + "'");
             p.date_of_birth = *day;
         }},
        letter_text("gender", &domain::pupil::gender),
        member_text("postcode", &domain::pupil::postcode),
        member_text("ethnicity", &domain::pupil::ethnicity),
        member_text("first_language", &domain::pupil::first_language),
        letter_text("sen", &domain::pupil::sen),
        member_text("la_reference", &domain::pupil::la_reference),
    };
    return columns;
}

struct flag_column {
    const char *name;
    bool (*get)(const domain::pupil &);
    void (*set)(domain::pupil &, bool);
};

template <bool domain::pupil::*member>
constexpr flag_column member_flag(const char *name) {
    return {name, [](const domain::pupil &p) { return p.*member; }, [](domain::pupil &p, bool value) { p.*member = value; }};
}

template <std::size_t slot>
constexpr flag_column custom_flag(const char *name) {
    return {name, [](const domain::pupil &p) { return p.custom_flags[slot]; },
            [](domain::pupil &p, bool value) { p.custom_flags[slot] = value; }};
}

constexpr std::array flag_columns{
    member_flag<&domain::pupil::eal>("eal"),
    member_flag<&domain::pupil::fsm>("fsm"),
    member_flag<&domain::pupil::ever6_fsm>("ever6_fsm"),
    member_flag<&domain::pupil::pupil_premium>("pupil_premium"),
    member_flag<&domain::pupil::looked_after>("looked_after"),
    member_flag<&domain::pupil::previously_looked_after>("previously_looked_after"),
    member_flag<&domain::pupil::alternative_assessment>("alternative_assessment"),
    custom_flag<0>("custom_flag_1"),
    custom_flag<1>("custom_flag_2"),
    custom_flag<2>("custom_flag_3"),
    custom_flag<3>("custom_flag_4"),
    custom_flag<4>("custom_flag_5"),
    custom_flag<5>("custom_flag_6"),
    member_flag<&domain::pupil::include_in_data>("include_in_data"),
    member_flag<&domain::pupil::archived>("archived"),
};

// The nullable columns, after the text and flag columns in every list.
constexpr std::array nullable_columns{"year_override", "date_joined", "date_left"};

enum class class_column { name_by_join, id };

template <class Each>
std::string joined(class_column with, Each &&each) {
    std::string out;
    const auto add = [&](const std::string &name) {
        if (!out.empty()) out += ", ";
        out += each(name);
    };
    for (const auto &column : text_columns()) add(column.name);
    for (const auto &column : flag_columns) add(column.name);
    for (const char *name : nullable_columns) add(name);
    if (with == class_column::id) add("class_id");
    return out;
}

template <class T>
void resize_each(std::vector<std::vector<T>> &columns, std::size_t count, std::size_t rows) {
    columns.resize(count);
    for (auto &column : columns) column.resize(rows);
}

std::optional<std::string> optional_date(const std::optional<domain::date> &day) {
    if (!day) return std::nullopt;
    return domain::format_iso_date(*day);
}

std::optional<domain::date> read_optional_date(const std::string &text, soci::indicator present) {
    if (present != soci::i_ok) return std::nullopt;
    const auto day = domain::parse_iso_date(text);
    if (!day) throw std::runtime_error("wm_pupils holds a date that is not a date: '" + text + "'");
    return day;
}

}  // namespace

void pupil_rows::clear() { resize(0); }

void pupil_rows::reserve(std::size_t rows) {
    resize(size());
    row_ids_.reserve(rows);
    for (auto &column : texts_) column.reserve(rows);
    for (auto &column : flags_) column.reserve(rows);
}

void pupil_rows::resize(std::size_t rows) {
    row_ids_.resize(rows);
    resize_each(texts_, text_columns().size(), rows);
    resize_each(flags_, flag_columns.size(), rows);
    class_names_.resize(rows);
    class_ids_.resize(rows);
    class_id_present_.resize(rows, soci::i_ok);
    year_overrides_.resize(rows);
    year_override_present_.resize(rows, soci::i_ok);
    date_joined_.resize(rows);
    date_joined_present_.resize(rows, soci::i_ok);
    date_left_.resize(rows);
    date_left_present_.resize(rows, soci::i_ok);
}

void pupil_rows::append(long long row_id, const domain::pupil &pupil, const class_ids &classes) {
    resize(size());  // makes sure every column exists before the first row
    row_ids_.push_back(row_id);
    for (std::size_t c = 0; c < text_columns().size(); ++c) texts_[c].push_back(text_columns()[c].get(pupil));
    for (std::size_t c = 0; c < flag_columns.size(); ++c) flags_[c].push_back(flag_columns[c].get(pupil) ? 1 : 0);
    class_names_.push_back(pupil.class_name);
    const auto class_row = classes.find(pupil.class_name);
    if (!pupil.class_name.empty() && class_row == classes.end()) {
        throw std::logic_error("class '" + pupil.class_name + "' was not added before its pupils");
    }
    class_ids_.push_back(class_row == classes.end() ? 0 : class_row->second);
    class_id_present_.push_back(class_row == classes.end() ? soci::i_null : soci::i_ok);
    year_overrides_.push_back(pupil.year_override.value_or(0));
    year_override_present_.push_back(pupil.year_override ? soci::i_ok : soci::i_null);
    const auto joined_on = optional_date(pupil.date_joined);
    date_joined_.push_back(joined_on.value_or(""));
    date_joined_present_.push_back(joined_on ? soci::i_ok : soci::i_null);
    const auto left_on = optional_date(pupil.date_left);
    date_left_.push_back(left_on.value_or(""));
    date_left_present_.push_back(left_on ? soci::i_ok : soci::i_null);
}

domain::pupil pupil_rows::pupil(std::size_t index) const {
    domain::pupil out;
    for (std::size_t c = 0; c < text_columns().size(); ++c) text_columns()[c].set(out, texts_[c][index]);
    for (std::size_t c = 0; c < flag_columns.size(); ++c) flag_columns[c].set(out, flags_[c][index] != 0);
    out.class_name = class_names_[index];
    if (year_override_present_[index] == soci::i_ok) out.year_override = year_overrides_[index];
    out.date_joined = read_optional_date(date_joined_[index], date_joined_present_[index]);
    out.date_left = read_optional_date(date_left_[index], date_left_present_[index]);
    return out;
}

void pupil_rows::use_all(soci::details::prepare_temp_type &statement, with_row_id row_id, const std::string &suffix) {
    resize(size());
    const auto named = [&](const char *column) { return column + suffix; };
    if (row_id == with_row_id::yes) statement, soci::use(row_ids_, named("row_id"));
    for (std::size_t c = 0; c < texts_.size(); ++c) statement, soci::use(texts_[c], named(text_columns()[c].name));
    for (std::size_t c = 0; c < flags_.size(); ++c) statement, soci::use(flags_[c], named(flag_columns[c].name));
    statement, soci::use(year_overrides_, year_override_present_, named("year_override"));
    statement, soci::use(date_joined_, date_joined_present_, named("date_joined"));
    statement, soci::use(date_left_, date_left_present_, named("date_left"));
    statement, soci::use(class_ids_, class_id_present_, named("class_id"));
}

void pupil_rows::into_all(soci::details::prepare_temp_type &statement) {
    statement, soci::into(row_ids_);
    for (auto &column : texts_) statement, soci::into(column);
    for (auto &column : flags_) statement, soci::into(column);
    statement, soci::into(year_overrides_, year_override_present_);
    statement, soci::into(date_joined_, date_joined_present_);
    statement, soci::into(date_left_, date_left_present_);
    statement, soci::into(class_names_);
}

std::string pupil_rows::select_list() {
    return "p.id, " + joined(class_column::name_by_join, [](const std::string &name) { return "p." + name; }) + ", CAST(COALESCE(c.name, '') AS VARCHAR(60))";
}

std::string pupil_rows::insert_columns() {
    return joined(class_column::id, [](const std::string &name) { return name; });
}

std::string pupil_rows::insert_values(const std::string &suffix) {
    return joined(class_column::id, [&](const std::string &name) { return ":" + name + suffix; });
}

std::string pupil_rows::update_assignments() {
    return joined(class_column::id, [](const std::string &name) { return name + " = :" + name; });
}

}  // namespace waymark::store
