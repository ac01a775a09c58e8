#include "services/statutory/statutory_entry.hpp"

#include "csv/csv_table.hpp"
#include "services/pupils/pupil_filter.hpp"
#include "store/statutory.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <set>
#include <tuple>
#include <variant>

namespace waymark::services {
namespace {

using domain::statutory_kind;
using domain::statutory_result;

// Each measure's name (CLI and API), what a sentence calls it, and the year groups it belongs to.
struct measure_info {
    statutory_measure measure;
    std::string_view name;
    std::string_view title;
    std::string_view year_groups;
};

constexpr std::array measures{
    measure_info{statutory_measure::elg, "elg", "early learning goal", "Reception"},
    measure_info{statutory_measure::phonics, "phonics", "phonics", "Year 1 or Year 2"},
    measure_info{statutory_measure::ks1_ta, "ks1_ta", "KS1 teacher assessment", "Year 2"},
    measure_info{statutory_measure::ks1_scaled, "ks1_scaled", "KS1 scaled score", "Year 2"},
    measure_info{statutory_measure::ks2_ta, "ks2_ta", "KS2 teacher assessment", "Year 6"},
    measure_info{statutory_measure::ks2_scaled, "ks2_scaled", "KS2 scaled score", "Year 6"},
};

const measure_info &info(statutory_measure measure) { return *std::ranges::find(measures, measure, &measure_info::measure); }

struct kind_name {
    submission_kind kind;
    std::string_view name;
    std::string_view title;
};

constexpr std::array kind_names{
    kind_name{submission_kind::phonics_year1, "phonics-y1", "Year 1 phonics"},
    kind_name{submission_kind::phonics_year2, "phonics-y2", "Year 2 phonics"},
    kind_name{submission_kind::ks1, "ks1", "KS1"},
};

constexpr std::array phonics_codes{std::string_view{"A"}, std::string_view{"D"}, std::string_view{"L"}, std::string_view{"Q"}};
constexpr std::array ks1_ta_subjects{std::string_view{"reading"}, std::string_view{"writing"}, std::string_view{"maths"},
                                     std::string_view{"science"}};

std::optional<int> whole_number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string year_text(domain::academic_year year) { return domain::format_academic_year(year); }

std::string year_group_text(int nc_year) { return nc_year == 0 ? "Reception" : "Year " + std::to_string(nc_year); }

// The year group a measure's values belong to; phonics takes Year 1 or Year 2.
bool takes_year_group(statutory_measure measure, int nc_year) {
    switch (measure) {
        case statutory_measure::elg: return nc_year == 0;
        case statutory_measure::phonics: return nc_year == 1 || nc_year == 2;
        case statutory_measure::ks1_ta:
        case statutory_measure::ks1_scaled: return nc_year == 2;
        case statutory_measure::ks2_ta:
        case statutory_measure::ks2_scaled: return nc_year == 6;
    }
    return false;
}

// The store's form of a value; a phonics entry is a mark or an outcome code (Wa and Wt follow from a
// mark and the year's threshold, so they are never typed).
std::variant<statutory_result, std::string> as_result(const statutory_value &entry, domain::academic_year year) {
    statutory_result result{entry.upn, statutory_kind::eyfsp_goal, entry.subject, entry.value, year};
    switch (entry.measure) {
        case statutory_measure::elg: break;
        case statutory_measure::phonics:
            result.subject.clear();
            if (whole_number(entry.value)) {
                result.kind = statutory_kind::phonics_mark;
            } else if (std::ranges::find(phonics_codes, entry.value) != phonics_codes.end()) {
                result.kind = statutory_kind::phonics_outcome;
            } else {
                return "The phonics entry \"" + entry.value + "\" should be a mark from 0 to 40 or one of A, D, L or Q "
                       "(Wa and Wt follow from the mark).";
            }
            break;
        case statutory_measure::ks1_ta: result.kind = statutory_kind::ks1_ta; break;
        case statutory_measure::ks1_scaled: result.kind = statutory_kind::ks1_scaled; break;
        case statutory_measure::ks2_ta: result.kind = statutory_kind::ks2_ta; break;
        case statutory_measure::ks2_scaled: result.kind = statutory_kind::ks2_scaled; break;
    }
    if (auto problem = domain::statutory_problem(result)) return *problem;
    const bool numeric = result.kind == statutory_kind::phonics_mark || result.kind == statutory_kind::ks1_scaled ||
                         result.kind == statutory_kind::ks2_scaled;
    if (numeric) result.value = std::to_string(*whole_number(result.value));  // "037" is the stored 37
    const bool teacher_assessment = result.kind == statutory_kind::ks1_ta || result.kind == statutory_kind::ks2_ta;
    if (teacher_assessment && result.subject == "science" &&
        !(result.value == "HNM" || result.value == "EXS" || result.value == "A" || result.value == "D"))
        return "Science teacher assessment takes HNM, EXS, A or D, not \"" + result.value + "\".";
    if (teacher_assessment && result.subject != "science" && result.value == "HNM")
        return "HNM (has not met) is for science only; " + result.subject + " takes PK, BLW, WTS, EXS, GDS, A, D or EM codes.";
    return result;
}

// "Value 3 (UPN ...): ", or "Line 4 (UPN ...): " for values read from a file.
std::string sentence_start(std::size_t index, const std::string &upn, std::span<const std::size_t> lines) {
    const std::string place = lines.empty() ? "Value " + std::to_string(index + 1) : "Line " + std::to_string(lines[index]);
    return place + " (UPN " + upn + "): ";
}

// Stored results of one school, found by pupil, kind, subject and (phonics) year.
using result_key = std::tuple<std::string, statutory_kind, std::string, int>;

result_key key_of(const statutory_result &result) {
    const bool by_year = result.kind == statutory_kind::phonics_mark || result.kind == statutory_kind::phonics_outcome;
    return {result.upn, result.kind, result.subject, by_year ? result.year.start_year : 0};
}

// The phonics retake rule: a pupil retakes the check in Year 2 only when below the threshold in
// Year 1, so a Year 2 entry after a Year 1 pass is refused, and so is a Year 1 pass under a retake.
std::optional<std::string> retake_problem(const std::map<result_key, statutory_result> &stored, const statutory_result &result,
                                          int nc_year, int threshold, const filtered_pupil &pupil) {
    const auto outcome = [&](auto taken) {
        return std::ranges::find_if(stored, [&](const auto &each) {
            return each.second.upn == result.upn && each.second.kind == statutory_kind::phonics_outcome && taken(each.second);
        });
    };
    if (nc_year == 2) {
        const auto met = outcome([&](const statutory_result &earlier) { return earlier.year < result.year && earlier.value == "Wa"; });
        if (met != stored.end())
            return pupil.forename + " " + pupil.surname + " met the phonics threshold in Year 1 (" + year_text(met->second.year) +
                   "), so there is no Year 2 check to record.";
    }
    if (nc_year == 1 && result.kind == statutory_kind::phonics_mark && std::stoi(result.value) >= threshold) {
        const auto retake = outcome([&](const statutory_result &later) { return later.year > result.year; });
        if (retake != stored.end())
            return "a Year 1 mark of " + result.value + " meets the threshold (" + std::to_string(threshold) +
                   "), but this pupil already has a Year 2 check in " + year_text(retake->second.year) +
                   "; only a pupil below the threshold retakes it.";
    }
    return std::nullopt;
}

std::string locked_sentence(const submission &in_force) {
    return "the " + submission_title(in_force.kind) + " results of " + year_text(in_force.year) + " were submitted by " +
           in_force.submitted_by + " on " + in_force.submitted_at.substr(0, 10) +
           " and are locked; an administrator must unlock them (waymark statutory unlock " +
           std::string(submission_kind_name(in_force.kind)) + " --admin) before they can change.";
}

const submission *in_force_for(std::span<const submission> submissions, submission_kind kind, domain::academic_year year) {
    const auto found = std::ranges::find_if(submissions, [&](const submission &each) {
        return each.in_force() && each.kind == kind && each.year == year;
    });
    return found == submissions.end() ? nullptr : &*found;
}

std::optional<submission_kind> kind_covering(statutory_kind kind, int nc_year_then) {
    switch (kind) {
        case statutory_kind::phonics_mark:
        case statutory_kind::phonics_outcome:
            if (nc_year_then == 1) return submission_kind::phonics_year1;
            if (nc_year_then == 2) return submission_kind::phonics_year2;
            return std::nullopt;
        case statutory_kind::ks1_ta:
        case statutory_kind::ks1_scaled: return submission_kind::ks1;
        default: return std::nullopt;
    }
}

std::vector<submission> fetch_submissions(soci::session &session, const std::string &where, const long long *school_id,
                                          std::vector<long long> *schools_out) {
    constexpr std::size_t batch = 256;
    std::vector<long long> ids(batch), schools(batch);
    std::vector<int> years(batch), pupils(batch);
    std::vector<std::string> kinds(batch), by(batch), at(batch), declarations(batch), unlocked_by(batch), unlocked_at(batch),
        reasons(batch);
    std::vector<soci::indicator> unlocked_by_set(batch), unlocked_at_set(batch), reason_set(batch);
    soci::statement statement(session);
    for (auto *column : {&ids, &schools}) statement.exchange(soci::into(*column));
    statement.exchange(soci::into(years));
    statement.exchange(soci::into(kinds));
    for (auto *column : {&by, &at, &declarations}) statement.exchange(soci::into(*column));
    statement.exchange(soci::into(pupils));
    statement.exchange(soci::into(unlocked_by, unlocked_by_set));
    statement.exchange(soci::into(unlocked_at, unlocked_at_set));
    statement.exchange(soci::into(reasons, reason_set));
    if (school_id != nullptr) statement.exchange(soci::use(*school_id, "school"));
    statement.alloc();
    statement.prepare("SELECT s.id, s.school_id, s.academic_year, s.kind, s.submitted_by, s.submitted_at, s.declaration, "
                      "s.pupils, u.unlocked_by, u.unlocked_at, u.reason FROM wm_statutory_submissions s "
                      "LEFT JOIN wm_statutory_unlocks u ON u.submission_id = s.id " + where + " ORDER BY s.id");
    statement.define_and_bind();
    statement.execute();
    std::vector<submission> out;
    const auto optional_text = [](const std::string &text, soci::indicator set) {
        return set == soci::i_ok ? std::optional<std::string>(text) : std::nullopt;
    };
    while (statement.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
            out.push_back({ids[i], *parse_submission_kind(kinds[i]), {years[i]}, by[i], at[i], declarations[i], pupils[i],
                           optional_text(unlocked_by[i], unlocked_by_set[i]), optional_text(unlocked_at[i], unlocked_at_set[i]),
                           optional_text(reasons[i], reason_set[i])});
            if (schools_out != nullptr) schools_out->push_back(schools[i]);
        }
        for (auto *column : {&ids, &schools}) column->resize(batch);
        for (auto *column : {&years, &pupils}) column->resize(batch);
        for (auto *column : {&kinds, &by, &at, &declarations, &unlocked_by, &unlocked_at, &reasons}) column->resize(batch);
        for (auto *column : {&unlocked_by_set, &unlocked_at_set, &reason_set}) column->resize(batch);
    }
    return out;
}

[[noreturn]] void refuse(statutory_refusal reason, const std::string &message) {
    throw statutory_error({{std::nullopt, "", reason, message}});
}

// Pupils on roll (included in data or not: statutory results are everyone's) in a year group, or all.
std::vector<filtered_pupil> pupils_in(soci::session &session, const store::school &school, domain::academic_year year,
                                      std::optional<int> year_group) {
    pupil_filter filter;
    filter.academic_year = year;
    filter.year_group = year_group;
    return filtered_pupils(session, school, filter, inclusion::all);
}

// The phonics check a pupil took in `year` as the view shows it, from its mark and outcome rows.
phonics_check &check_of(std::optional<phonics_check> &slot, domain::academic_year year) {
    if (!slot) slot = phonics_check{year, std::nullopt, ""};
    return *slot;
}

}  // namespace

std::string_view statutory_measure_name(statutory_measure measure) {
    return info(measure).name;
}

std::optional<statutory_measure> parse_statutory_measure(std::string_view name) {
    const auto found = std::ranges::find(measures, name, &measure_info::name);
    if (found == measures.end()) return std::nullopt;
    return found->measure;
}

std::string_view submission_kind_name(submission_kind kind) { return std::ranges::find(kind_names, kind, &kind_name::kind)->name; }

std::optional<submission_kind> parse_submission_kind(std::string_view name) {
    const auto found = std::ranges::find(kind_names, name, &kind_name::name);
    if (found == kind_names.end()) return std::nullopt;
    return found->kind;
}

std::string submission_title(submission_kind kind) {
    return std::string(std::ranges::find(kind_names, kind, &kind_name::kind)->title);
}

namespace {

std::string problems_text(const std::vector<statutory_problem> &problems) {
    if (problems.size() == 1) return problems.front().message + " Nothing was saved.";
    std::string text = "Nothing was saved; " + std::to_string(problems.size()) + " values need fixing:";
    for (const auto &problem : problems) text += "\n  " + problem.message;
    return text;
}

}  // namespace

statutory_error::statutory_error(std::vector<statutory_problem> problems)
    : std::runtime_error(problems_text(problems)), problems_(std::move(problems)) {}

statutory_refusal statutory_error::reason() const {
    for (const auto reason : {statutory_refusal::invalid, statutory_refusal::unknown_pupil, statutory_refusal::locked}) {
        if (std::ranges::any_of(problems_, [&](const auto &problem) { return problem.reason == reason; })) return reason;
    }
    return problems_.empty() ? statutory_refusal::invalid : problems_.front().reason;
}

namespace {

// Recording, submitting and unlocking each read the submissions in force and then write. Locking the
// school's row first makes two of them at once (two browsers, two host processes) take turns, so two
// submissions of one year group cannot both be accepted and no value slips in beside a submission.
// (PostgreSQL reads committed data per statement; SQLite already lets one writer in at a time.)
void take_turn(soci::session &session, const store::school &school) {
    session << "UPDATE wm_schools SET name = name WHERE id = :s", soci::use(school.id, "s");
}

}  // namespace

std::size_t record_statutory(store::database &db, const store::school &school, domain::academic_year year,
                             std::span<const statutory_value> values, std::span<const std::size_t> lines) {
    return db.transaction("recording statutory results", [&](soci::session &session) {
        take_turn(session, school);
        std::map<std::string, filtered_pupil> pupils;
        for (auto &pupil : pupils_in(session, school, year, std::nullopt)) pupils.emplace(pupil.upn, std::move(pupil));
        std::map<result_key, statutory_result> stored;
        for (auto &result : store::load_statutory_results(session, school.id)) stored.emplace(key_of(result), std::move(result));
        const auto submissions = submissions_of(session, school);
        const int threshold = store::phonics_threshold(session, year);

        std::vector<statutory_problem> problems;
        std::vector<statutory_result> changed;
        std::vector<long long> marks_to_clear;  // pupils whose phonics check this year is now a code, not a mark
        std::set<std::tuple<std::string, statutory_measure, std::string>> seen;
        for (std::size_t i = 0; i < values.size(); ++i) {
            const statutory_value &entry = values[i];
            const auto problem = [&](statutory_refusal reason, const std::string &text) {
                problems.push_back({i, entry.upn, reason, sentence_start(i, entry.upn, lines) + text});
            };
            const auto pupil = pupils.find(entry.upn);
            if (pupil == pupils.end()) {
                problem(statutory_refusal::unknown_pupil, "no pupil on roll at " + school.name +
                                                             " has this UPN; check it (pupils who have left are archived).");
                continue;
            }
            const int nc_year = pupil->second.nc_year;
            if (!takes_year_group(entry.measure, nc_year)) {
                problem(statutory_refusal::invalid, pupil->second.forename + " " + pupil->second.surname + " is in " +
                                                        year_group_text(nc_year) + " in " + year_text(year) + ", but " +
                                                        std::string(info(entry.measure).title) + " results are for " +
                                                        std::string(info(entry.measure).year_groups) + ".");
                continue;
            }
            if (!seen.insert({entry.upn, entry.measure, entry.subject}).second) {
                problem(statutory_refusal::invalid, "this pupil's " + std::string(info(entry.measure).title) +
                                                        (entry.subject.empty() ? "" : " in " + entry.subject) +
                                                        " is given twice; give it once.");
                continue;
            }
            auto converted = as_result(entry, year);
            if (auto *sentence = std::get_if<std::string>(&converted)) {
                problem(statutory_refusal::invalid, *sentence);
                continue;
            }
            const statutory_result &result = std::get<statutory_result>(converted);
            if (entry.measure == statutory_measure::phonics) {
                if (auto retake = retake_problem(stored, result, nc_year, threshold, pupil->second)) {
                    problem(statutory_refusal::invalid, *retake);
                    continue;
                }
            }
            const auto now = stored.find(key_of(result));
            const bool code_over_mark =
                result.kind == statutory_kind::phonics_outcome &&
                stored.contains(key_of({entry.upn, statutory_kind::phonics_mark, "", "", year}));
            if (now != stored.end() && now->second.value == result.value && now->second.year == year && !code_over_mark) continue;
            if (const auto kind = kind_covering(result.kind, nc_year)) {
                if (const submission *lock = in_force_for(submissions, *kind, year)) {
                    problem(statutory_refusal::locked, locked_sentence(*lock));
                    continue;
                }
            }
            if (code_over_mark) marks_to_clear.push_back(pupil->second.id);
            changed.push_back(result);
        }
        if (!problems.empty()) throw statutory_error(std::move(problems));
        store::write_statutory_results(session, school.id, changed);
        if (!marks_to_clear.empty()) {
            std::vector<int> years(marks_to_clear.size(), year.start_year);
            session << "UPDATE wm_phonics_results SET mark = NULL WHERE pupil_id = :p AND academic_year = :y",
                soci::use(marks_to_clear, "p"), soci::use(years, "y");
        }
        return changed.size();
    });
}

statutory_view statutory_data(soci::session &session, const store::school &school, int year_group,
                              std::optional<domain::academic_year> year) {
    statutory_view view;
    view.year = year.value_or(school.current_year);
    view.year_group = year_group;
    std::map<std::string, statutory_row *> rows;
    for (auto &pupil : pupils_in(session, school, view.year, year_group)) {
        view.pupils.push_back({pupil.upn, pupil.surname, pupil.forename, pupil.nc_year, {}, {}, {}, {}, {}, {}, {}, {}});
    }
    for (auto &row : view.pupils) rows.emplace(row.upn, &row);
    for (const auto &result : store::load_statutory_results(session, school.id)) {
        const auto found = rows.find(result.upn);
        if (found == rows.end()) continue;
        statutory_row &row = *found->second;
        const int year_group_then = row.nc_year - (view.year.start_year - result.year.start_year);
        auto &phonics = year_group_then == 1 ? row.phonics_year1 : row.phonics_year2;
        const bool phonics_year = year_group_then == 1 || year_group_then == 2;
        switch (result.kind) {
            case statutory_kind::eyfsp_goal: row.elg[result.subject] = result.value; break;
            case statutory_kind::eyfsp_gld: row.gld = result.value == "Y"; break;
            case statutory_kind::phonics_mark:
                if (phonics_year) check_of(phonics, result.year).mark = std::stoi(result.value);
                break;
            case statutory_kind::phonics_outcome:
                if (phonics_year) check_of(phonics, result.year).outcome = result.value;
                break;
            case statutory_kind::ks1_ta: row.ks1_ta[result.subject] = result.value; break;
            case statutory_kind::ks2_ta: row.ks2_ta[result.subject] = result.value; break;
            case statutory_kind::ks1_scaled: row.ks1_scaled[result.subject] = std::stoi(result.value); break;
            case statutory_kind::ks2_scaled: row.ks2_scaled[result.subject] = std::stoi(result.value); break;
        }
    }
    for (auto &each : submissions_of(session, school)) {
        const bool for_this_group = (each.kind == submission_kind::phonics_year1 && year_group == 1) ||
                                    (each.kind != submission_kind::phonics_year1 && year_group == 2);
        if (each.year == view.year && for_this_group) view.submissions.push_back(std::move(each));
    }
    return view;
}

submission submit_statutory(store::database &db, const store::school &school, submission_kind kind,
                            domain::academic_year year, const std::string &declaration, const statutory_actor &by) {
    const std::string title = submission_title(kind) + " results of " + year_text(year);
    if (declaration.find_first_not_of(" \t\r\n") == std::string::npos)
        refuse(statutory_refusal::invalid, "Submitting the " + title + " needs a declaration; the usual one is: \"" +
                                               std::string(standard_declaration) + "\"");
    if (declaration.size() > 500)
        refuse(statutory_refusal::invalid, "The declaration can be at most 500 characters; shorten it.");
    return db.transaction("submitting the " + title, [&](soci::session &session) {
        take_turn(session, school);
        const auto earlier = submissions_of(session, school);
        if (const submission *lock = in_force_for(earlier, kind, year))
            refuse(statutory_refusal::conflict, "The " + title + " were already submitted by " + lock->submitted_by + " on " +
                                                    lock->submitted_at.substr(0, 10) + "; an administrator must unlock them before they can be submitted again.");
        const statutory_view view = statutory_data(session, school, kind == submission_kind::phonics_year1 ? 1 : 2, year);
        if (view.pupils.empty())
            refuse(statutory_refusal::conflict, school.name + " has no " + (kind == submission_kind::phonics_year1 ? "Year 1" : "Year 2") +
                                                    " pupils on roll in " + year_text(year) + ", so there is nothing to submit.");
        std::vector<statutory_problem> missing;
        for (const auto &row : view.pupils) {
            std::string lacks;
            if (kind == submission_kind::phonics_year1 && !row.phonics_year1) lacks = "Year 1 phonics result";
            const bool met_in_year1 = row.phonics_year1 && row.phonics_year1->outcome == "Wa";
            if (kind == submission_kind::phonics_year2 && !met_in_year1 && !row.phonics_year2) lacks = "Year 2 phonics result";
            if (kind == submission_kind::ks1) {
                for (const auto subject : ks1_ta_subjects) {
                    if (!row.ks1_ta.contains(std::string(subject))) lacks += (lacks.empty() ? "KS1 teacher assessment in " : ", ") + std::string(subject);
                }
            }
            if (!lacks.empty())
                missing.push_back({std::nullopt, row.upn, statutory_refusal::conflict,
                                   row.forename + " " + row.surname + " (UPN " + row.upn + ") has no " + lacks + ";"
                                   " record it (or an A, D or other code) before submitting."});
        }
        if (!missing.empty()) throw statutory_error(std::move(missing));
        submission made{0, kind, year, by.who, store::utc_timestamp_now(), declaration, static_cast<int>(view.pupils.size()),
                        std::nullopt, std::nullopt, std::nullopt};
        const std::string kind_text(submission_kind_name(kind));
        session << "INSERT INTO wm_statutory_submissions (school_id, academic_year, kind, submitted_by, submitted_at, "
                   "declaration, pupils) VALUES (:s, :y, :k, :b, :a, :d, :n)",
            soci::use(school.id, "s"), soci::use(year.start_year, "y"), soci::use(kind_text, "k"), soci::use(made.submitted_by, "b"),
            soci::use(made.submitted_at, "a"), soci::use(made.declaration, "d"), soci::use(made.pupils, "n");
        made.id = in_force_for(submissions_of(session, school), kind, year)->id;
        return made;
    });
}

submission unlock_statutory(store::database &db, const store::school &school, submission_kind kind,
                            domain::academic_year year, const std::string &reason, const statutory_actor &by) {
    const std::string title = submission_title(kind) + " results of " + year_text(year);
    if (!by.administrator)
        refuse(statutory_refusal::not_administrator,
               "Only an administrator can unlock the submitted " + title + "; ask one to (waymark statutory unlock ... --admin).");
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
        refuse(statutory_refusal::invalid, "Unlocking the " + title + " needs a reason, which is kept with the unlock.");
    if (reason.size() > 500) refuse(statutory_refusal::invalid, "The reason can be at most 500 characters; shorten it.");
    return db.transaction("unlocking the " + title, [&](soci::session &session) {
        take_turn(session, school);
        const auto all = submissions_of(session, school);
        const submission *lock = in_force_for(all, kind, year);
        if (lock == nullptr)
            refuse(statutory_refusal::conflict, "The " + title + " are not submitted, so there is nothing to unlock.");
        submission unlocked = *lock;
        unlocked.unlocked_by = by.who;
        unlocked.unlocked_at = store::utc_timestamp_now();
        unlocked.unlock_reason = reason;
        session << "INSERT INTO wm_statutory_unlocks (submission_id, unlocked_by, unlocked_at, reason) VALUES (:s, :b, :a, :r)",
            soci::use(unlocked.id, "s"), soci::use(*unlocked.unlocked_by, "b"), soci::use(*unlocked.unlocked_at, "a"),
            soci::use(reason, "r");
        return unlocked;
    });
}

statutory_file read_statutory_csv(std::string_view text) {
    constexpr std::array<std::string_view, 4> header{"upn", "measure", "subject", "value"};
    std::vector<connectors::csv::csv_row> rows;
    try {
        rows = connectors::csv::read_csv(text);
    } catch (const connectors::csv::csv_format_error &error) {
        refuse(statutory_refusal::invalid, "Line " + std::to_string(error.line()) + ", column " + std::to_string(error.column()) +
                                               ": " + error.reason() + ".");
    }
    const auto is_header = [&](const connectors::csv::csv_row &row) {
        return row.cells.size() == header.size() && std::ranges::equal(row.cells, header, [](const std::string &cell, std::string_view name) {
                   return std::ranges::equal(cell, name, [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
               });
    };
    if (rows.empty() || !is_header(rows.front()))
        refuse(statutory_refusal::invalid, "The first line should be the header UPN,measure,subject,value; the file starts otherwise.");
    statutory_file file;
    std::vector<statutory_problem> problems;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto &row = rows[r];
        const std::string upn = row.cells.empty() ? "" : row.cells[0];
        const auto problem = [&](const std::string &text_of_it) {
            problems.push_back({std::nullopt, upn, statutory_refusal::invalid, "Line " + std::to_string(row.line) + " (UPN " + upn + "): " + text_of_it});
        };
        if (row.cells.size() != header.size()) {
            problem("the line has " + std::to_string(row.cells.size()) + " cells; it needs 4 (UPN, measure, subject, value; subject may be empty).");
            continue;
        }
        const auto measure = parse_statutory_measure(row.cells[1]);
        if (!measure) {
            problem("\"" + row.cells[1] + "\" is not a measure; write elg, phonics, ks1_ta, ks1_scaled, ks2_ta or ks2_scaled.");
            continue;
        }
        file.values.push_back({upn, *measure, row.cells[2], row.cells[3]});
        file.lines.push_back(row.line);
    }
    if (!problems.empty()) throw statutory_error(std::move(problems));
    return file;
}

std::vector<submission> submissions_of(soci::session &session, const store::school &school) {
    return fetch_submissions(session, "WHERE s.school_id = :school", &school.id, nullptr);
}

std::map<long long, std::vector<submission>> submissions_in_force(soci::session &session) {
    std::vector<long long> schools;
    auto all = fetch_submissions(session, "WHERE u.submission_id IS NULL", nullptr, &schools);
    std::map<long long, std::vector<submission>> by_school;
    for (std::size_t i = 0; i < all.size(); ++i) by_school[schools[i]].push_back(std::move(all[i]));
    return by_school;
}

const submission *locking_submission(const domain::statutory_result &result, const domain::pupil &pupil,
                                     domain::academic_year current_year, std::span<const submission> in_force) {
    const int then = pupil.year_override ? *pupil.year_override + (result.year.start_year - current_year.start_year)
                                         : domain::nc_year(pupil.date_of_birth, result.year);
    const auto kind = kind_covering(result.kind, then);
    if (!kind) return nullptr;
    // A pupil has one KS1 result per subject, whatever year it names: the year they were in Year 2 locks it.
    const domain::academic_year locked_year = *kind == submission_kind::ks1 ? domain::academic_year{result.year.start_year + 2 - then}
                                                                            : result.year;
    return in_force_for(in_force, *kind, locked_year);
}

}  // namespace waymark::services
