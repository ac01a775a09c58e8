// Statutory data a school keys in itself (issue 4, item 4; seed 000 "Phonics Submission" and "KS1
// SATS Submission"): EYFSP goals, the phonics check in Year 1 and its retake in Year 2, KS1 teacher
// assessment and scaled scores, KS2 likewise. A year group's phonics or KS1 results are then
// submitted with a declaration, which locks them: nothing changes them (the MIS sync included) until
// an administrator unlocks the submission, and both the submission and the unlock are kept.
#pragma once

#include "domain/calendar.hpp"
#include "domain/pupil.hpp"
#include "domain/statutory.hpp"
#include "store/database.hpp"
#include "store/schools.hpp"

#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::services {

// What a value is for. Each belongs to one year group: goals to Reception, phonics to Year 1 (the
// check) or Year 2 (the retake, only for a pupil who did not meet the threshold in Year 1), KS1 to
// Year 2 and KS2 to Year 6, in the academic year the values are recorded for.
enum class statutory_measure { elg, phonics, ks1_ta, ks1_scaled, ks2_ta, ks2_scaled };
std::string_view statutory_measure_name(statutory_measure measure);  // "elg", "phonics", "ks1_ta", ...
std::optional<statutory_measure> parse_statutory_measure(std::string_view name);

struct statutory_value {
    std::string upn;
    statutory_measure measure = statutory_measure::phonics;
    std::string subject;  // the goal for elg (E01-E17), a subject code for KS1/KS2 (reading, ...), "" for phonics
    std::string value;    // Emerging/Expected; phonics mark 0-40 or A, D, L, Q; a TA code; a scaled score
};

// A submission covers one year group's results of one kind for one academic year.
enum class submission_kind { phonics_year1, phonics_year2, ks1 };
std::string_view submission_kind_name(submission_kind kind);  // "phonics-y1", "phonics-y2", "ks1"
std::optional<submission_kind> parse_submission_kind(std::string_view name);
std::string submission_title(submission_kind kind);  // "Year 1 phonics", "Year 2 phonics", "KS1"

// The usual wording (seed 000); a caller may have the person make their own.
inline constexpr std::string_view standard_declaration =
    "I have authority from the Headteacher to confirm and submit these results.";

struct submission {
    long long id = 0;
    submission_kind kind = submission_kind::phonics_year1;
    domain::academic_year year{};
    std::string submitted_by;
    std::string submitted_at;  // 'YYYY-MM-DDTHH:MM:SSZ'
    std::string declaration;
    int pupils = 0;  // in the year group when submitted
    // Set once an administrator unlocked it; a submission without them is in force (locks its values).
    std::optional<std::string> unlocked_by, unlocked_at, unlock_reason;

    bool in_force() const { return !unlocked_at.has_value(); }
    bool operator==(const submission &) const = default;
};

// Who acts, and whether as an administrator (the CLI's --admin, the API's `administer` permission):
// only an administrator may unlock a submission.
struct statutory_actor {
    std::string who;
    bool administrator = false;
};

// Why a request was refused: about a value (invalid), a UPN not on roll, a submitted (locked) year
// group, an administrator's step taken by someone else, or a step the submission state does not allow.
enum class statutory_refusal { invalid, unknown_pupil, locked, not_administrator, conflict };

struct statutory_problem {
    std::optional<std::size_t> index;  // the value's position in the call, when about one value
    std::string upn;                   // "" when not about a pupil
    statutory_refusal reason = statutory_refusal::invalid;
    std::string message;               // one sentence
};

// Refused as a whole, with every problem found (never only the first): nothing was written.
class statutory_error : public std::runtime_error {
public:
    explicit statutory_error(std::vector<statutory_problem> problems);
    const std::vector<statutory_problem> &problems() const { return problems_; }
    // The most telling reason: invalid before unknown_pupil before locked, else the first's.
    statutory_refusal reason() const;

private:
    std::vector<statutory_problem> problems_;
};

// Records or changes every value for `year` in one transaction, or none. Each pupil must be on roll
// and in the measure's year group that year; values are checked (ranges as domain::statutory_problem,
// KS1 scaled 79-120, KS2 80-120; HNM only for science and science only HNM, EXS, A or D), a Year 2
// phonics entry is refused for a pupil who met the threshold in Year 1, and a value in a submitted year
// group is refused. A value that equals what is stored is no change (and no refusal). Returns how many
// values changed. Results name no author (the store keeps none); the submission names who vouched for them.
// `lines`, when given (one per value), names each value by its line in a file rather than its position.
std::size_t record_statutory(store::database &db, const store::school &school, domain::academic_year year,
                             std::span<const statutory_value> values, std::span<const std::size_t> lines = {});

// Values read from a CSV file with the header UPN,measure,subject,value (subject empty for phonics),
// each with the line it is on. A file that is not such CSV, or a line without four cells or with an
// unknown measure, is a statutory_error naming every such line.
struct statutory_file {
    std::vector<statutory_value> values;
    std::vector<std::size_t> lines;
};
statutory_file read_statutory_csv(std::string_view text);

// One pupil's statutory data, as the screens show it; phonics checks by the year group they were taken in.
struct phonics_check {
    domain::academic_year year{};
    std::optional<int> mark;
    std::string outcome;  // Wa, Wt, A, D, L or Q
    bool operator==(const phonics_check &) const = default;
};

struct statutory_row {
    std::string upn;
    std::string surname;
    std::string forename;
    int nc_year = 0;
    std::optional<bool> gld;                  // derived from E01-E12; nothing without goals
    std::map<std::string, std::string> elg;   // "E01" -> "Expected"
    std::optional<phonics_check> phonics_year1, phonics_year2;
    std::map<std::string, std::string> ks1_ta, ks2_ta;  // subject -> code
    std::map<std::string, int> ks1_scaled, ks2_scaled;  // subject -> score
};

struct statutory_view {
    domain::academic_year year{};
    int year_group = 0;
    std::vector<statutory_row> pupils;  // on roll, by surname, forename
    // Every submission made for this year group and year (phonics-y1 for Year 1, phonics-y2 and ks1
    // for Year 2), oldest first, unlocked ones too.
    std::vector<submission> submissions;
};

// A year group's statutory data in an academic year (default the school's current).
statutory_view statutory_data(soci::session &session, const store::school &school, int year_group,
                              std::optional<domain::academic_year> year = std::nullopt);

// Submits a year group's results with a declaration; the pupils' values are locked from now on. Refused
// (conflict) when that year group is already submitted and not unlocked, when the declaration is empty,
// or when a pupil of the year group has no result yet (every such UPN named).
submission submit_statutory(store::database &db, const store::school &school, submission_kind kind,
                            domain::academic_year year, const std::string &declaration, const statutory_actor &by);

// Unlocks the submission in force, recording who, when and why; only an administrator may
// (not_administrator), a reason is required, and a year group not submitted is a conflict.
submission unlock_statutory(store::database &db, const store::school &school, submission_kind kind,
                            domain::academic_year year, const std::string &reason, const statutory_actor &by);

// Every submission of the school, oldest first.
std::vector<submission> submissions_of(soci::session &session, const store::school &school);

// The submissions in force of every school, by school id, in one query: for the MIS sync, which must
// leave locked values alone.
std::map<long long, std::vector<submission>> submissions_in_force(soci::session &session);

// The submission in force that locks this result of this pupil, if any: phonics by the year group the
// pupil was in when it was taken, KS1 by the year the pupil was in Year 2. A year override is the
// pupil's NC year in the school's `current_year`.
const submission *locking_submission(const domain::statutory_result &result, const domain::pupil &pupil,
                                     domain::academic_year current_year, std::span<const submission> in_force);

}  // namespace waymark::services
