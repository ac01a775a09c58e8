// Adding, editing and archiving pupils by hand (issue 7, the Pupils screen; `waymark pupils add|edit|
// archive|return`): every field of a pupil record a school maintains, checked as the CSV upload checks
// it (domain/pupil_fields.hpp) plus the UPN unique in the school. A wrong field is one sentence
// naming it and nothing is written; many pupils are changed in one transaction, all or none. Nothing
// is ever deleted: a leaver is archived with the day they left and can be returned to roll.
//
// For a school whose pupils come from an MIS, `waymark sync` owns most fields (services/transfer/sync.hpp):
// mis_owned_fields() lists them, so the page can say beside each one that the next sync replaces it.
#pragma once

#include "domain/pupil.hpp"
#include "store/database.hpp"
#include "store/pupils.hpp"
#include "store/schools.hpp"

#include <Poco/JSON/Object.h>

#include <array>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::services {

// A field refused: `field` is its name in pupil_field_names(), `upn` the pupil's when many pupils
// were being changed ("" otherwise); what() is one sentence saying what to fix.
class pupil_field_error : public std::runtime_error {
public:
    pupil_field_error(std::string field, std::string upn, const std::string &message)
        : std::runtime_error(message), field_(std::move(field)), upn_(std::move(upn)) {}
    const std::string &field() const { return field_; }
    const std::string &upn() const { return upn_; }

private:
    std::string field_;
    std::string upn_;
};

// No pupil of the school (archived ones included) has this UPN.
class pupil_not_found : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The fields a school maintains, by the names the JSON API, the page and the CLI use: upn, former_upn,
// surname, forename, date_of_birth, gender, postcode, ethnicity, first_language, eal, fsm, ever6_fsm,
// pupil_premium, looked_after, previously_looked_after, sen, alternative_assessment, class,
// year_override, date_joined, la_reference, custom_flag_1 .. custom_flag_6, include_in_data.
std::span<const std::string_view> pupil_field_names();

// The fields `waymark sync` copies from the MIS over Waymark's value (the rest are Waymark's own).
std::span<const std::string_view> mis_owned_fields();

// Field name -> the value as typed: yes/no fields take Y, N or blank; dates dd/mm/yyyy (the upload
// template's form) or yyyy-mm-dd; year_override R, N or 1 to 11, blank for none.
using pupil_fields = std::map<std::string, std::string, std::less<>>;

struct pupil_edit {
    std::string upn;      // the pupil as they are now
    pupil_fields fields;  // only the fields to change
};

// The pupil of the school with this UPN, archived ones too; nullopt when there is none.
std::optional<store::stored_pupil> find_pupil(soci::session &session, const store::school &school, std::string_view upn);

// Adds a pupil from every field (upn, surname, forename, date_of_birth, gender, postcode and
// ethnicity are required; the rest default to blank / no, include_in_data to yes). Returns them as stored.
store::stored_pupil add_pupil(store::database &db, const store::school &school, const pupil_fields &fields,
                              const std::string &by);

// Changes the given fields of one pupil (the UPN too, kept unique). Returns them as stored.
store::stored_pupil edit_pupil(store::database &db, const store::school &school, const pupil_edit &edit,
                               const std::string &by);

// Changes many pupils in one transaction; the first wrong field refuses all of them, naming the pupil.
// Returns how many pupils changed (a row changing nothing is not counted).
std::size_t edit_pupils(store::database &db, const store::school &school, std::span<const pupil_edit> edits,
                        const std::string &by);

// A leaver: archived with the day they left (their history kept). Refused when already archived.
store::stored_pupil archive_pupil(store::database &db, const store::school &school, std::string_view upn,
                                  domain::date left_on);

// A leaver's date left corrected where it was recorded wrongly, leaving them archived. Refused when the
// pupil is on roll (archive them with the day instead) or the day is before they were born.
store::stored_pupil correct_date_left(store::database &db, const store::school &school, std::string_view upn,
                                      domain::date left_on);

// An archive made by mistake undone: back on roll, without a leaving date. Refused when on roll.
store::stored_pupil return_to_roll(store::database &db, const store::school &school, std::string_view upn);

// {upn, former_upn, surname, ..., custom_flag_1 .. 6, include_in_data, nc_year, date_left, archived}:
// the field names above with yes/no as true/false, dates as yyyy-mm-dd (null when none),
// year_override a number or null; nc_year is the pupil's year group in the school's current year.
Poco::JSON::Object pupil_record_json(const store::school &school, const domain::pupil &pupil);

// {custom_flag_names: [6 names, "" unnamed], mis_owned_fields: [...]}: what a form needs to label fields.
Poco::JSON::Object pupil_form_json(soci::session &session, const store::school &school);

}  // namespace waymark::services
