#include "services/pupils/pupil_records.hpp"

#include "services/record_json.hpp"

#include "domain/codes.hpp"
#include "domain/pupil_fields.hpp"
#include "domain/upn.hpp"
#include "services/pupils/pupil_inclusion.hpp"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>

namespace waymark::services {

namespace {

using domain::field_problem;
using domain::pupil;

constexpr std::size_t class_name_limit = 60;  // wm_classes.name

// What a field's reader may need besides the text: the school's postcode (for UNKNOWN) and year.
struct field_context {
    const store::school &school;
};

struct field_spec {
    std::string_view name;
    std::function<field_problem(pupil &, std::string_view, const field_context &)> read;
};

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// The API returns dates as yyyy-mm-dd; the template's dd/mm/yyyy is what people type. Both are taken.
std::string as_typed_date(std::string_view text) {
    const auto value = domain::trimmed(text);
    if (const auto iso = domain::parse_iso_date(value)) return domain::format_uk_date(*iso);
    return std::string(value);
}

field_problem read_optional_date(std::string_view label, std::string_view text, std::optional<domain::date> &day) {
    const std::string typed = as_typed_date(text);
    if (typed.empty()) {
        day.reset();
        return std::nullopt;
    }
    domain::date read{};
    if (auto problem = domain::read_date_field(typed, read)) return "The " + std::string(label) + " " + *problem;
    day = read;
    return std::nullopt;
}

field_problem read_year_override(std::string_view text, std::optional<int> &year) {
    const std::string word = domain::upper_case(domain::trimmed(text));
    if (word.empty()) {
        year.reset();
        return std::nullopt;
    }
    if (word == "R") year = 0;
    else if (word == "N") year = -1;
    else {
        int number = 0;
        const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), number);
        if (error != std::errc{} || end != word.data() + word.size() || number < 1 || number > 11)
            return "The year override " + in_quotes(domain::trimmed(text)) +
                   " should be R, N or 1 to 11, or blank when the pupil is taught with their age group.";
        year = number;
    }
    return std::nullopt;
}

field_problem read_first_language(std::string_view text, std::string &language) {
    const auto value = domain::trimmed(text);
    if (value.empty()) {
        language.clear();
        return std::nullopt;
    }
    const auto *found = domain::find_first_language(value);
    if (!found)
        return "The first language " + in_quotes(value) + " should be ENG, ENB, OTH, OTB, NOT, REF or blank.";
    language = std::string(found->code);
    return std::nullopt;
}

field_problem read_class(std::string_view text, std::string &class_name) {
    const auto value = domain::trimmed(text);
    class_name = std::string(value);
    if (std::ranges::any_of(value, [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        return "The class contains a line break or tab; keep a class name on one line.";
    if (value.size() > class_name_limit)
        return "The class name is longer than " + std::to_string(class_name_limit) + " characters.";
    return std::nullopt;
}

field_problem read_former_upn(std::string_view text, std::string &former) {
    std::string upn;
    if (domain::trimmed(text).empty()) {
        former.clear();
        return std::nullopt;
    }
    if (auto problem = domain::read_upn_field(text, upn)) return "As the former UPN: " + *problem;
    former = upn;
    return std::nullopt;
}

template <bool pupil::*member> field_spec yes_no(std::string_view name, std::string_view label) {
    return {name, [label](pupil &p, std::string_view text, const field_context &) {
                return domain::read_yes_no_field(label, text, p.*member);
            }};
}

field_spec custom_flag(std::string_view name, std::size_t slot) {
    return {name, [slot](pupil &p, std::string_view text, const field_context &) {
                return domain::read_yes_no_field("custom flag " + std::to_string(slot + 1), text, p.custom_flags[slot]);
            }};
}

const std::vector<field_spec> &field_specs() {
    static const std::vector<field_spec> specs{
        {"upn", [](pupil &p, std::string_view text, const field_context &) { return domain::read_upn_field(text, p.upn); }},
        {"former_upn", [](pupil &p, std::string_view text, const field_context &) { return read_former_upn(text, p.former_upn); }},
        {"surname", [](pupil &p, std::string_view text, const field_context &) { return domain::read_name_field("surname", text, p.surname); }},
        {"forename", [](pupil &p, std::string_view text, const field_context &) { return domain::read_name_field("forename", text, p.forename); }},
        {"date_of_birth", [](pupil &p, std::string_view text, const field_context &context) {
             return domain::read_date_of_birth_field(as_typed_date(text), context.school.current_year, p.date_of_birth);
         }},
        {"gender", [](pupil &p, std::string_view text, const field_context &) { return domain::read_gender_field(text, p.gender); }},
        {"postcode", [](pupil &p, std::string_view text, const field_context &context) {
             return domain::read_postcode_field(text, context.school.postcode, p.postcode);
         }},
        {"ethnicity", [](pupil &p, std::string_view text, const field_context &) { return domain::read_ethnicity_field(text, p.ethnicity); }},
        {"first_language", [](pupil &p, std::string_view text, const field_context &) { return read_first_language(text, p.first_language); }},
        yes_no<&pupil::eal>("eal", "EAL"),
        yes_no<&pupil::fsm>("fsm", "FSM"),
        yes_no<&pupil::ever6_fsm>("ever6_fsm", "Ever 6 FSM"),
        yes_no<&pupil::pupil_premium>("pupil_premium", "pupil premium"),
        yes_no<&pupil::looked_after>("looked_after", "looked after"),
        yes_no<&pupil::previously_looked_after>("previously_looked_after", "previously looked after"),
        {"sen", [](pupil &p, std::string_view text, const field_context &) { return domain::read_sen_field(text, p.sen); }},
        yes_no<&pupil::alternative_assessment>("alternative_assessment", "alternative assessment"),
        {"class", [](pupil &p, std::string_view text, const field_context &) { return read_class(text, p.class_name); }},
        {"year_override", [](pupil &p, std::string_view text, const field_context &) { return read_year_override(text, p.year_override); }},
        {"date_joined", [](pupil &p, std::string_view text, const field_context &) { return read_optional_date("date joined", text, p.date_joined); }},
        {"la_reference", [](pupil &p, std::string_view text, const field_context &) { return domain::read_la_reference_field(text, p.la_reference); }},
        custom_flag("custom_flag_1", 0),
        custom_flag("custom_flag_2", 1),
        custom_flag("custom_flag_3", 2),
        custom_flag("custom_flag_4", 3),
        custom_flag("custom_flag_5", 4),
        custom_flag("custom_flag_6", 5),
        yes_no<&pupil::include_in_data>("include_in_data", "include in data"),
    };
    return specs;
}

const field_spec *spec_named(std::string_view name) {
    const auto &specs = field_specs();
    const auto found = std::ranges::find(specs, name, &field_spec::name);
    return found == specs.end() ? nullptr : &*found;
}

std::string display_name(const pupil &p) { return p.forename + " " + p.surname + " (" + p.upn + ")"; }

// Writes the fields into `p`; the first wrong one is thrown, `who` (a pupil's name, for many
// pupils) leading its sentence.
void apply_fields(pupil &p, const pupil_fields &fields, const field_context &context, const std::string &upn_for_error,
                  const std::string &who) {
    for (const auto &[name, text] : fields) {
        const auto *spec = spec_named(name);
        if (!spec)
            throw pupil_field_error(name, upn_for_error,
                                    who + "\"" + name + "\" is not a field of a pupil record; the date left changes "
                                          "only by archiving, and the fields are listed in the API's pupil record.");
        if (auto problem = spec->read(p, text, context)) throw pupil_field_error(name, upn_for_error, who + *problem);
    }
}

void check_upn_free(soci::session &session, const store::school &school, const std::string &upn, long long own_id,
                    const std::string &upn_for_error, const std::string &who) {
    const auto existing = store::pupil_ids_by_upn(session, school.id);
    const auto found = existing.find(upn);
    if (found != existing.end() && found->second != own_id)
        throw pupil_field_error("upn", upn_for_error,
                                who + "The UPN " + upn + " already belongs to a pupil of " + school.name +
                                    " in Waymark (archived pupils included); check it was copied correctly.");
}

std::vector<store::stored_pupil> all_pupils(soci::session &session, const store::school &school) {
    return store::load_pupils(session, school.id, store::which_pupils::all);
}

store::stored_pupil pupil_or_throw(soci::session &session, const store::school &school, std::string_view upn) {
    auto found = find_pupil(session, school, upn);
    if (!found) throw pupil_not_found("No pupil of " + school.name + " has the UPN " + std::string(upn) + ", on roll or archived.");
    return std::move(*found);
}

// Rewrites these pupils and records any include-in-data change the way the inclusion toggle does.
void store_changes(soci::session &session, const store::school &school, const std::vector<store::stored_pupil> &before,
                   const std::vector<store::stored_pupil> &after, const std::string &by) {
    store::update_pupils(session, school.id, after);
    std::vector<long long> included, excluded;
    for (std::size_t i = 0; i < after.size(); ++i)
        if (before[i].pupil.include_in_data != after[i].pupil.include_in_data)
            (after[i].pupil.include_in_data ? included : excluded).push_back(after[i].id);
    record_inclusion_changes(session, std::move(included), true, by);
    record_inclusion_changes(session, std::move(excluded), false, by);
}

// Stores the day an archived pupil left, refusing one before they were born.
store::stored_pupil leaving_on(soci::session &session, const store::school &school, store::stored_pupil stored, domain::date left_on) {
    if (left_on < stored.pupil.date_of_birth)
        throw pupil_field_error("date_left", "", "The date left " + domain::format_uk_date(left_on) + " is before " +
                                                     display_name(stored.pupil) + " was born; check the year.");
    stored.pupil.date_left = left_on;
    store::update_pupils(session, school.id, std::span<const store::stored_pupil>(&stored, 1));
    return stored;
}

}  // namespace

std::span<const std::string_view> pupil_field_names() {
    static const auto names = [] {
        std::vector<std::string_view> result;
        for (const auto &spec : field_specs()) result.push_back(spec.name);
        return result;
    }();
    return names;
}

std::span<const std::string_view> mis_owned_fields() {
    // As services/transfer/sync.cpp's synced_fields() copies them (date left and archived through leavers).
    static constexpr std::array<std::string_view, 18> names{
        "surname", "forename", "date_of_birth", "gender", "former_upn", "class", "year_override", "fsm", "ever6_fsm",
        "sen", "eal", "first_language", "ethnicity", "looked_after", "postcode", "date_joined", "la_reference", "upn"};
    return names;
}

std::optional<store::stored_pupil> find_pupil(soci::session &session, const store::school &school, std::string_view upn) {
    std::string wanted;
    (void)domain::read_upn_field(upn, wanted);  // people type UPNs in lower case too
    for (auto &stored : all_pupils(session, school))
        if (stored.pupil.upn == wanted) return std::move(stored);
    return std::nullopt;
}

store::stored_pupil add_pupil(store::database &db, const store::school &school, const pupil_fields &fields,
                              const std::string &by) {
    pupil_fields every = fields;
    for (const auto name : pupil_field_names()) every.try_emplace(std::string(name), "");
    if (domain::trimmed(every.at("include_in_data")).empty()) every["include_in_data"] = "Y";
    pupil added;
    // Required fields first, in the order a form shows them, so the sentence is about the first box.
    for (const auto name : pupil_field_names()) apply_fields(added, {{std::string(name), every.at(std::string(name))}}, {school}, "", "");
    for (const auto &[name, text] : fields)
        if (!spec_named(name)) apply_fields(added, {{name, text}}, {school}, "", "");
    return db.transaction("adding a pupil", [&](soci::session &session) {
        check_upn_free(session, school, added.upn, 0, "", "");
        store::insert_pupils(session, school.id, std::span<const pupil>(&added, 1));
        auto stored = pupil_or_throw(session, school, added.upn);
        if (!added.include_in_data) record_inclusion_changes(session, {stored.id}, false, by);
        return stored;
    });
}

store::stored_pupil edit_pupil(store::database &db, const store::school &school, const pupil_edit &edit,
                               const std::string &by) {
    edit_pupils(db, school, std::span<const pupil_edit>(&edit, 1), by);
    const std::string upn = edit.fields.contains("upn") ? edit.fields.at("upn") : edit.upn;
    return pupil_or_throw(db.session(), school, upn);
}

std::size_t edit_pupils(store::database &db, const store::school &school, std::span<const pupil_edit> edits,
                        const std::string &by) {
    const bool many = edits.size() > 1;
    return db.transaction(many ? "editing pupils" : "editing a pupil", [&](soci::session &session) {
        std::map<std::string, store::stored_pupil, std::less<>> by_upn;
        for (auto &stored : all_pupils(session, school)) by_upn.emplace(stored.pupil.upn, std::move(stored));
        std::vector<store::stored_pupil> before, after;
        for (const auto &edit : edits) {
            std::string upn;
            (void)domain::read_upn_field(edit.upn, upn);
            const auto found = by_upn.find(upn);
            if (found == by_upn.end())
                throw pupil_not_found("No pupil of " + school.name + " has the UPN " + edit.upn + ", on roll or archived.");
            const std::string who = many ? display_name(found->second.pupil) + ": " : "";
            store::stored_pupil changed = found->second;
            apply_fields(changed.pupil, edit.fields, {school}, found->first, who);
            if (changed.pupil.upn != found->first) check_upn_free(session, school, changed.pupil.upn, changed.id, found->first, who);
            if (changed == found->second) continue;
            before.push_back(found->second);
            after.push_back(std::move(changed));
        }
        if (!after.empty()) store_changes(session, school, before, after, by);
        return after.size();
    });
}

store::stored_pupil archive_pupil(store::database &db, const store::school &school, std::string_view upn,
                                  domain::date left_on) {
    return db.transaction("archiving a leaver", [&](soci::session &session) {
        auto stored = pupil_or_throw(session, school, upn);
        if (stored.pupil.archived)
            throw pupil_field_error("archived", "",
                                    display_name(stored.pupil) + " is already archived (left " +
                                        (stored.pupil.date_left ? domain::format_uk_date(*stored.pupil.date_left) : "on an unrecorded day") + ").");
        stored.pupil.archived = true;
        return leaving_on(session, school, std::move(stored), left_on);
    });
}

store::stored_pupil correct_date_left(store::database &db, const store::school &school, std::string_view upn,
                                      domain::date left_on) {
    return db.transaction("correcting a leaver's date left", [&](soci::session &session) {
        auto stored = pupil_or_throw(session, school, upn);
        if (!stored.pupil.archived)
            throw pupil_field_error("date_left", "", display_name(stored.pupil) +
                                                         " is on roll, so has no date left to correct; archive them with the day they left.");
        return leaving_on(session, school, std::move(stored), left_on);
    });
}

store::stored_pupil return_to_roll(store::database &db, const store::school &school, std::string_view upn) {
    return db.transaction("returning a pupil to roll", [&](soci::session &session) {
        auto stored = pupil_or_throw(session, school, upn);
        if (!stored.pupil.archived)
            throw pupil_field_error("archived", "", display_name(stored.pupil) + " is on roll already; only an archived pupil can return.");
        stored.pupil.archived = false;
        stored.pupil.date_left.reset();
        store::update_pupils(session, school.id, std::span<const store::stored_pupil>(&stored, 1));
        return stored;
    });
}

Poco::JSON::Object pupil_record_json(const store::school &school, const domain::pupil &p) {
    auto record = json_object(
        {{"upn", p.upn}, {"former_upn", p.former_upn}, {"surname", p.surname}, {"forename", p.forename},
         {"date_of_birth", domain::format_iso_date(p.date_of_birth)}, {"gender", std::string(1, p.gender)},
         {"postcode", p.postcode}, {"ethnicity", p.ethnicity}, {"first_language", p.first_language}, {"eal", p.eal},
         {"fsm", p.fsm}, {"ever6_fsm", p.ever6_fsm}, {"pupil_premium", p.pupil_premium},
         {"looked_after", p.looked_after}, {"previously_looked_after", p.previously_looked_after},
         {"sen", std::string(1, p.sen)}, {"alternative_assessment", p.alternative_assessment},
         {"class", p.class_name}, {"year_override", or_null(p.year_override)},
         {"date_joined", day_or_null(p.date_joined)}, {"la_reference", p.la_reference}});
    for (std::size_t i = 0; i < p.custom_flags.size(); ++i) record.set("custom_flag_" + std::to_string(i + 1), p.custom_flags[i]);
    record.set("include_in_data", p.include_in_data);
    record.set("nc_year", domain::nc_year(p.date_of_birth, school.current_year, p.year_override));
    record.set("date_left", day_or_null(p.date_left));
    record.set("archived", p.archived);
    return record;
}

Poco::JSON::Object pupil_form_json(soci::session &session, const store::school &school) {
    std::vector<std::string> owned, fields;
    for (const auto name : mis_owned_fields()) owned.emplace_back(name);
    for (const auto name : pupil_field_names()) fields.emplace_back(name);
    return json_object({{"fields", json_array(fields)},
                        {"custom_flag_names", json_array(store::custom_flag_names(session, school.id))},
                        {"mis_owned_fields", json_array(owned)}});
}

}  // namespace waymark::services
