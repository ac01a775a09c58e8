#include "reports/builders/pupil_profile.hpp"

#include "domain/codes.hpp"
#include "services/tracking/tracking_records.hpp"
#include "store/statutory.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace waymark::reports {
namespace {

std::string uk_date(const std::optional<domain::date> &day) { return day ? domain::format_uk_date(*day) : ""; }

// Whether something stamped 'YYYY-MM-DD...' is on or before the as-of instant ("" = now).
bool by_then(const std::string &stamp, const std::string &as_of) { return as_of.empty() || stamp <= as_of; }

const services::filtered_pupil &pupil_with_upn(const std::vector<services::filtered_pupil> &on_roll, const store::school &school,
                                               const std::string &upn) {
    const auto found = std::find_if(on_roll.begin(), on_roll.end(), [&](const auto &p) { return p.upn == upn; });
    if (found == on_roll.end())
        throw services::record_not_found("There is no pupil with UPN " + upn + " on roll at " + school.name + "; check the UPN.");
    return *found;
}

bool holds_anything(const services::grid_row &cells) {
    return !cells.judgements.empty() || !cells.test_scores.empty() || !cells.formative.empty() || cells.phonics.has_value();
}

std::string phonics_outcome(const std::string &code) {
    if (code == "Wa") return "Met the expected standard";
    if (code == "Wt") return "Not yet met the expected standard";
    if (code == "A") return "Absent";
    if (code == "D") return "Disapplied";
    if (code == "L") return "Left";
    if (code == "Q") return "Maladministration";
    return code;
}

class profile_builder {
public:
    profile_builder(const pupil_profiles &profiles, const services::scheme_library &schemes)
        : profiles_(profiles), schemes_(schemes) {}

    document build(std::optional<std::size_t> only) {
        const profile_scope &scope = profiles_.scope;
        document doc;
        doc.school = scope.school.name;
        doc.kind = "pupil_profile";
        doc.generated = scope.generated;
        doc.as_of = as_of_day(scope.as_of, scope.generated);
        doc.counts = "Each pupil's judgements in every assessment, statutory results, interventions (at any school), "
                     "pupil progress meetings, and targets with the notional trajectory towards them.";
        if (!scope.as_of.empty())
            doc.counts += " Statutory results are shown as recorded now (they keep no history); targets as they stood then, "
                          "trajectories only for targets unchanged since.";
        const bool one_pupil = only || scope.upn;
        if (one_pupil) {
            const pupil_journey &pupil = profiles_.pupils.at(only.value_or(0));
            doc.title = "Pupil profile: " + pupil.record.pupil.forename + " " + pupil.record.pupil.surname;
            doc.filters.push_back("UPN " + pupil.record.pupil.upn);
        } else {
            doc.title = "Pupil profiles: " + profiles_.filter_text;
            doc.filters.push_back(profiles_.filter_text);
            doc.filters.push_back(std::to_string(profiles_.pupils.size()) + " pupils, one after another");
            doc.excluded_pupils = profiles_.excluded_pupils;
        }
        for (std::size_t i = 0; i < profiles_.pupils.size(); ++i) {
            if (only && i != *only) continue;
            if (!doc.blocks.empty()) doc.blocks.emplace_back(page_break{});
            add_pupil(doc, profiles_.pupils[i], !one_pupil);
        }
        if (profiles_.pupils.empty()) doc.blocks.emplace_back(paragraph{"The filter selects no pupils included in data.", false});
        doc.schemes = schemes_used_;
        return doc;
    }

private:
    // One of several pupils starts with their name; a pupil's own profile has it in its title.
    void add_pupil(document &doc, const pupil_journey &pupil, bool named) {
        const domain::pupil &who = pupil.record.pupil;
        if (named) doc.blocks.emplace_back(heading{who.forename + " " + who.surname, 1});
        doc.blocks.emplace_back(details(pupil));
        if (!who.include_in_data)
            doc.blocks.emplace_back(paragraph{"Include in Data is No for this pupil: their results are left out of the school's figures.", true});
        add_assessments(doc, pupil);
        // Targets next to the judgements they are read against.
        add_targets(doc, pupil);
        add_statutory(doc, pupil);
        add_interventions(doc, pupil);
        add_meetings(doc, pupil);
    }

    static key_values details(const pupil_journey &pupil) {
        const domain::pupil &who = pupil.record.pupil;
        std::string now = year_name(pupil.nc_year) + (who.class_name.empty() ? "" : ", class " + who.class_name);
        if (who.year_override) now += " (taught outside their age group)";
        std::string characteristics;
        const auto add = [&](bool has, const char *name) {
            if (has) characteristics += (characteristics.empty() ? "" : ", ") + std::string(name);
        };
        add(who.pupil_premium, "Pupil premium");
        add(who.fsm, "FSM");
        add(who.ever6_fsm, "Ever 6 FSM");
        add(who.looked_after, "Looked after");
        add(who.previously_looked_after, "Previously looked after");
        add(who.eal, "EAL");
        add(who.alternative_assessment, "Alternative assessment");
        const auto *sen = domain::find_sen(std::string(1, who.sen));
        const auto *gender = domain::find_gender(std::string(1, who.gender));
        key_values items{{{"UPN", who.upn},
                          {"Date of birth", domain::format_uk_date(who.date_of_birth)},
                          {"Now in", now},
                          {"Gender", gender ? std::string(gender->label) : std::string(1, who.gender)},
                          {"SEN", sen ? std::string(sen->label) : std::string(1, who.sen)},
                          {"Characteristics", characteristics.empty() ? "None recorded" : characteristics}}};
        if (who.date_joined) items.items.push_back({"Joined", domain::format_uk_date(*who.date_joined)});
        return items;
    }

    void add_assessments(document &doc, const pupil_journey &pupil) {
        if (pupil.periods.empty()) {
            empty_section(doc, "Assessments", "No judgements recorded yet.");
            return;
        }
        std::vector<std::string> subjects;
        bool tests = false, phonics = false;
        for (const auto &period : pupil.periods) {
            for (const auto &subject : period.which.subjects) {
                if (period.cells.judgements.contains(subject.code) &&
                    std::find(subjects.begin(), subjects.end(), subject.code) == subjects.end())
                    subjects.push_back(subject.code);
            }
            tests = tests || !period.cells.test_scores.empty() || !period.cells.formative.empty();
            phonics = phonics || period.cells.phonics.has_value();
        }
        table t;
        t.title = "Assessments: judgements in every assessment, oldest first";
        t.columns = {{"Date", column_type::text, 1.6}, {"Assessment", column_type::text, 1.6}, {"Year", column_type::text, 0.8}};
        for (const auto &code : subjects) t.columns.push_back({subject_name(code), column_type::grade, 1.6});
        if (tests) t.columns.push_back({"Tests and notes", column_type::text, 1.5});
        if (phonics) t.columns.push_back({"Phonics", column_type::text, 1.0});
        for (const auto &period : pupil.periods) {
            row r{text_cell(domain::format_uk_date(period.which.assessed_on)), text_cell(period.which.name),
                  text_cell(period.nc_year == 0 ? "R" : "Y" + std::to_string(period.nc_year))};
            for (const auto &code : subjects) r.push_back(judgement_cell(period, code));
            if (tests) r.push_back(text_cell(tests_text(period)));
            if (phonics) r.push_back(text_cell(period.cells.phonics.value_or("")));
            t.rows.push_back(std::move(r));
        }
        doc.blocks.emplace_back(std::move(t));
    }

    cell judgement_cell(const assessed_period &period, const std::string &code) {
        const auto found = period.cells.judgements.find(code);
        if (found == period.cells.judgements.end()) return text_cell("");
        const services::assessment_subject *subject = period.which.subject(code);
        if (subject != nullptr) {
            const std::string &scheme = schemes_.get(subject->scheme_id).descriptor().name;
            if (std::find(schemes_used_.begin(), schemes_used_.end(), scheme) == schemes_used_.end()) schemes_used_.push_back(scheme);
        }
        cell c = text_cell(found->second.label);
        c.cell_band = band{found->second.code, found->second.label, found->second.colour};
        return c;
    }

    std::string tests_text(const assessed_period &period) const {
        std::string text;
        const auto add = [&](const std::string &part) { text += (text.empty() ? "" : "; ") + part; };
        for (const auto &[code, score] : period.cells.test_scores)
            add(subject_name(code) + " " + score + (period.which.test_scores_title ? " (" + *period.which.test_scores_title + ")" : ""));
        for (const auto &[code, note] : period.cells.formative)
            add((period.which.formative_title ? *period.which.formative_title + " " : "") + subject_name(code) + ": " + note);
        return text;
    }

    void add_statutory(document &doc, const pupil_journey &pupil) const {
        table t;
        t.title = "Statutory results";
        t.columns = {{"Assessment", column_type::text, 2.2}, {"Academic year", column_type::text, 1.0},
                     {"Result", column_type::text, 2.6}};
        int goals = 0, expected = 0;
        domain::academic_year goals_year{};
        std::map<std::pair<int, std::string>, std::pair<std::string, std::string>> key_stage;  // (stage, subject) -> TA, score
        std::map<int, std::pair<std::string, std::string>> phonics;                          // year -> mark, outcome
        std::optional<std::pair<domain::academic_year, bool>> gld;
        std::map<std::pair<int, std::string>, domain::academic_year> key_stage_year;
        for (const auto &result : pupil.statutory) {
            switch (result.kind) {
                case domain::statutory_kind::eyfsp_goal:
                    ++goals;
                    if (result.value == "Expected") ++expected;
                    goals_year = result.year;
                    break;
                case domain::statutory_kind::eyfsp_gld: gld = {result.year, result.value == "Y"}; break;
                case domain::statutory_kind::phonics_mark: phonics[result.year.start_year].first = result.value; break;
                case domain::statutory_kind::phonics_outcome: phonics[result.year.start_year].second = result.value; break;
                case domain::statutory_kind::ks1_ta:
                case domain::statutory_kind::ks2_ta:
                case domain::statutory_kind::ks1_scaled:
                case domain::statutory_kind::ks2_scaled: {
                    const bool ks1 = result.kind == domain::statutory_kind::ks1_ta || result.kind == domain::statutory_kind::ks1_scaled;
                    const bool ta = result.kind == domain::statutory_kind::ks1_ta || result.kind == domain::statutory_kind::ks2_ta;
                    const std::pair key{ks1 ? 1 : 2, result.subject};
                    (ta ? key_stage[key].first : key_stage[key].second) = result.value;
                    key_stage_year[key] = result.year;
                    break;
                }
            }
        }
        if (goals > 0 || gld) {
            std::string text = gld ? (gld->second ? "Good level of development" : "Not a good level of development") : "";
            if (goals > 0) text += (text.empty() ? "" : ": ") + std::to_string(expected) + " of " + std::to_string(goals) + " goals expected";
            t.rows.push_back({text_cell("EYFS profile"), text_cell(domain::format_academic_year(gld ? gld->first : goals_year)),
                              text_cell(text)});
        }
        const int current_start = profiles_.scope.school.current_year.start_year;
        for (const auto &[start, check] : phonics) {
            const int year_then = pupil.nc_year - (current_start - start);
            std::string text = phonics_outcome(check.second);
            if (!check.first.empty()) text += " (" + check.first + " marks)";
            t.rows.push_back({text_cell(year_then == 2 ? "Phonics check retake (Year 2)" : "Phonics check (Year 1)"),
                              text_cell(domain::format_academic_year({start})), text_cell(text)});
        }
        for (const auto &[key, result] : key_stage) {
            std::string text = result.first;
            if (!result.second.empty()) text += (text.empty() ? "" : ", ") + std::string("scaled score ") + result.second;
            t.rows.push_back({text_cell("KS" + std::to_string(key.first) + " " + subject_name(key.second)),
                              text_cell(domain::format_academic_year(key_stage_year.at(key))), text_cell(text)});
        }
        if (t.rows.empty()) empty_section(doc, t.title, "No statutory results recorded.");
        else doc.blocks.emplace_back(std::move(t));
    }

    void add_interventions(document &doc, const pupil_journey &pupil) const {
        if (pupil.interventions.empty()) {
            empty_section(doc, "Interventions", "No interventions recorded.");
            return;
        }
        table t;
        t.title = "Interventions";
        t.columns = {{"Year", column_type::text, 1.0}, {"Period", column_type::text, 1.3}, {"Subject", column_type::text, 1.2},
                     {"Intervention", column_type::text, 2.6}, {"Dates", column_type::text, 1.8}, {"Cost", column_type::number, 0.8}};
        const std::string here = store::laestab(profiles_.scope.school);
        for (const auto &given : pupil.interventions) {
            std::string dates = uk_date(given.started_on);
            if (given.ended_on) dates += " to " + uk_date(given.ended_on);
            else if (given.started_on) dates += ", ongoing";
            std::string what = given.description;
            if (given.school != here) what += " (at school " + given.school + ")";
            t.rows.push_back({text_cell(domain::format_academic_year(given.year)), text_cell(given.assessment),
                              text_cell(given.subject.empty() ? "" : subject_name(given.subject)), text_cell(what),
                              text_cell(dates), text_cell(given.cost_pence ? "£" + services::format_pounds(*given.cost_pence) : "")});
        }
        doc.blocks.emplace_back(std::move(t));
    }

    void add_meetings(document &doc, const pupil_journey &pupil) const {
        if (pupil.meetings.empty()) {
            empty_section(doc, "Pupil progress meetings", "No pupil progress meetings recorded.");
            return;
        }
        table held;
        held.title = "Pupil progress meetings: reading, writing and maths at the previous and current assessment";
        held.columns = {{"Date", column_type::text, 1.0}, {"Teacher", column_type::text, 1.4}, {"Assessment", column_type::text, 1.4},
                        {"Reading", column_type::text, 1.0}, {"Writing", column_type::text, 1.0}, {"Maths", column_type::text, 1.0}};
        table discussed;
        discussed.title = "What was discussed at the meetings";
        discussed.columns = {{"Date", column_type::text, 1.0}, {"Question", column_type::text, 2.2}, {"Notes", column_type::text, 2.4},
                             {"Agreed next steps", column_type::text, 2.0}};
        const auto standards = [](const std::string &before, const std::string &now) {
            if (before.empty()) return now;
            return before + " → " + (now.empty() ? "none" : now);
        };
        for (const auto &meeting : pupil.meetings) {
            const std::string day = domain::format_uk_date(meeting.held_on);
            held.rows.push_back({text_cell(day), text_cell(meeting.teacher), text_cell(meeting.assessment),
                                 text_cell(standards(meeting.previous.reading, meeting.current.reading)),
                                 text_cell(standards(meeting.previous.writing, meeting.current.writing)),
                                 text_cell(standards(meeting.previous.maths, meeting.current.maths))});
            for (const auto &answer : meeting.answers) {
                if (answer.notes.empty() && answer.next_steps.empty()) continue;
                discussed.rows.push_back({text_cell(day), text_cell(answer.question), text_cell(answer.notes), text_cell(answer.next_steps)});
            }
        }
        doc.blocks.emplace_back(std::move(held));
        if (!discussed.rows.empty()) doc.blocks.emplace_back(std::move(discussed));
    }

    // The pupil's latest assessment judging the subject in the scheme, if any.
    static const assessed_period *latest_judging(const pupil_journey &pupil, const std::string &subject, const std::string &scheme_id) {
        for (auto period = pupil.periods.rbegin(); period != pupil.periods.rend(); ++period) {
            const auto *judged = period->which.subject(subject);
            if (judged != nullptr && judged->scheme_id == scheme_id && period->cells.judgements.contains(subject)) return &*period;
        }
        return nullptr;
    }

    void add_targets(document &doc, const pupil_journey &pupil) const {
        if (pupil.targets.empty()) {
            empty_section(doc, "Targets", "No targets are set for this pupil.");
            return;
        }
        table t;
        t.title = "Targets and latest judgements";
        // Portrait: narrow columns, short headings ("notional" is said in the note under the table).
        t.columns = {{"Subject", column_type::text, 1.5},  {"For", column_type::text, 1.2},         {"Target", column_type::grade, 1.1},
                     {"Set by", column_type::text, 1.3},   {"Latest", column_type::text, 1.1},      {"Judged", column_type::grade, 1.1},
                     {"Trajectory", column_type::grade, 1.0}, {"Against it", column_type::grade, 1.4}};
        std::vector<std::string> notes;
        const auto note = [&](const std::string &text) {
            if (std::find(notes.begin(), notes.end(), text) == notes.end()) notes.push_back(text);
        };
        for (const auto &standing : pupil.targets) {
            const auto &target = standing.target;
            const plugins::scheme &scheme = schemes_.get(target.scheme_id);
            row r{text_cell(subject_name(target.target.subject)), text_cell(target_horizon_text(target)), target_grade_cell(target, schemes_),
                  text_cell(target.set_by + ", " + uk_date(domain::parse_iso_date(std::string_view(target.set_at).substr(0, 10))))};
            const assessed_period *latest = latest_judging(pupil, target.target.subject, target.scheme_id);
            if (latest == nullptr) {
                for (const char *empty : {"No judgement yet", "", "", ""}) r.push_back(text_cell(empty));
            } else {
                const auto &judged = latest->cells.judgements.at(target.target.subject);
                const target_position position =
                    position_at(standing, scheme, latest->which.year.start_year, latest->which.term, judged.code);
                r.push_back(text_cell(latest->which.name));
                cell judged_cell = text_cell(judged.label);
                judged_cell.cell_band = band{judged.code, judged.label, judged.colour};
                r.push_back(std::move(judged_cell));
                r.push_back(text_cell(position.line.empty() ? "None" : position.line));
                cell against = text_cell(position_text(position));
                against.cell_band = position_band(position);
                r.push_back(std::move(against));
            }
            if (target.target.horizon == services::target_horizon::end_of_year)
                note("End-of-year targets have no trajectory: the judgement is set against the target itself.");
            else if (standing.trajectory && !standing.trajectory->unavailable.empty())
                note(standing.trajectory->unavailable + " Its judgements are set against the target itself.");
            else if (standing.trajectory)
                note("Trajectories are notional: a straight line from " + subject_name(target.target.subject) + " " +
                     standing.trajectory->baseline_grade + " to the target, shown as the " +
                     (standing.trajectory->rounding == services::trajectory_rounding::pair ? "pair of grades it falls between"
                                                                                           : "nearest grade") + ".");
            else
                note("Where no trajectory is drawn (no trajectory plugin is loaded, or the target has changed since the as-of "
                     "day), the judgement is set against the target itself.");
            t.rows.push_back(std::move(r));
        }
        doc.blocks.emplace_back(std::move(t));
        std::string text;
        for (const auto &line : notes) text += (text.empty() ? "" : "\n") + line;
        doc.blocks.emplace_back(paragraph{text, false});
        add_trajectory_terms(doc, pupil);
    }

    // Each trajectory's line term by term with the judgement at each review (seed 004 D.1).
    void add_trajectory_terms(document &doc, const pupil_journey &pupil) const {
        std::vector<const services::pupil_trajectory *> lines;
        std::set<std::tuple<int, int, int>> terms;  // academic year, term, NC year
        for (const auto &standing : pupil.targets) {
            if (!standing.trajectory || !standing.trajectory->unavailable.empty()) continue;
            lines.push_back(&*standing.trajectory);
            for (const auto &t : standing.trajectory->terms) terms.insert({t.academic_year, static_cast<int>(t.term), t.nc_year});
        }
        if (lines.empty()) return;
        table t;
        t.title = "Notional trajectory term by term";
        t.columns = {{"Term", column_type::text, 1.6}};
        for (const auto *line : lines) {
            t.columns.push_back({subject_name(line->subject) + ": notional", column_type::grade, 1.0});
            t.columns.push_back({subject_name(line->subject) + ": judged", column_type::grade, 1.4});
        }
        for (const auto &[year, term, nc_year] : terms) {
            row r{text_cell(std::string(domain::term_name(static_cast<domain::term>(term))) + " " + domain::format_academic_year({year}) +
                            " (" + year_name(nc_year) + ")")};
            for (const auto *line : lines) {
                const auto found = std::find_if(line->terms.begin(), line->terms.end(), [&](const auto &each) {
                    return each.academic_year == year && static_cast<int>(each.term) == term;
                });
                if (found == line->terms.end()) {
                    r.push_back(text_cell(""));
                    r.push_back(text_cell(""));
                    continue;
                }
                r.push_back(text_cell(found->grade));
                const target_position position = term_position(*found);
                cell judged = text_cell(found->attained ? *found->attained + ": " + position_text(position) : "");
                judged.cell_band = position_band(position);
                if (judged.cell_band) judged.cell_band->label = judged.text;  // says the position in words: no code tag
                r.push_back(std::move(judged));
            }
            t.rows.push_back(std::move(r));
        }
        doc.blocks.emplace_back(std::move(t));
    }

    // A section with nothing in it: its heading (a table would carry it as its title) and why it is empty.
    static void empty_section(document &doc, const std::string &title, const std::string &why) {
        doc.blocks.emplace_back(heading{title, 3});
        doc.blocks.emplace_back(paragraph{why, false});
    }

    std::string subject_name(const std::string &code) const {
        const auto found = profiles_.subject_names.find(code);
        return found == profiles_.subject_names.end() ? code : found->second;
    }

    const pupil_profiles &profiles_;
    const services::scheme_library &schemes_;
    std::vector<std::string> schemes_used_;
};

}  // namespace

pupil_profiles load_pupil_profiles(soci::session &session, const services::scheme_library &schemes, profile_scope scope,
                                   const plugins::trajectory *plotter) {
    pupil_profiles loaded;
    if (scope.upn) scope.filter = {};
    if (!scope.filter.academic_year) scope.filter.academic_year = scope.school.current_year;
    loaded.subject_names = services::subject_names(session);
    std::vector<services::filtered_pupil> chosen;
    if (scope.upn) {
        chosen.push_back(pupil_with_upn(services::filtered_pupils(session, scope.school, scope.filter), scope.school, *scope.upn));
    } else {
        chosen = services::filtered_pupils(session, scope.school, scope.filter, services::inclusion::included);
        loaded.excluded_pupils = services::excluded_pupils(session, scope.school, scope.filter);
    }
    loaded.filter_text = scope.filter.describe();

    std::map<long long, store::stored_pupil> records;
    for (auto &each : store::load_pupils(session, scope.school.id, store::which_pupils::on_roll)) records.emplace(each.id, std::move(each));
    std::map<std::string, std::size_t, std::less<>> position;
    services::pupil_selection selection;
    for (const auto &pupil : chosen) {
        position.emplace(pupil.upn, loaded.pupils.size());
        loaded.pupils.push_back({records.at(pupil.id), pupil.nc_year, {}, {}, {}, {}, {}});
        if (!scope.filter.whole_school() || scope.upn) selection.upns.push_back(pupil.upn);
    }
    const auto journey_of = [&](const std::string &upn) -> pupil_journey * {
        const auto found = position.find(upn);
        return found == position.end() ? nullptr : &loaded.pupils[found->second];
    };

    const std::string day = as_of_day(scope.as_of, scope.generated);
    for (auto &which : services::list_assessments(session, scope.school.id))
        if (domain::format_iso_date(which.assessed_on) <= day) loaded.assessments.push_back(std::move(which));
    std::stable_sort(loaded.assessments.begin(), loaded.assessments.end(),
                     [](const auto &a, const auto &b) { return a.assessed_on < b.assessed_on; });
    if (!chosen.empty()) {
        for (const auto &which : loaded.assessments) {
            for (auto &cells : services::load_class_grid(session, scope.school, which, schemes, selection, scope.as_of).rows) {
                pupil_journey *journey = journey_of(cells.pupil.upn);
                if (journey == nullptr || !holds_anything(cells)) continue;
                const int nc_year = cells.pupil.nc_year;
                journey->periods.push_back({which, nc_year, std::move(cells)});
            }
        }
        for (auto &result : store::load_statutory_results(session, scope.school.id)) {
            if (pupil_journey *journey = journey_of(result.upn)) journey->statutory.push_back(std::move(result));
        }
        const auto interventions = scope.upn ? services::pupil_interventions(session, scope.school, *scope.upn)
                                             : services::school_interventions(session, scope.school);
        std::map<std::string, pupil_journey *, std::less<>> by_former_upn;
        for (auto &journey : loaded.pupils)
            if (!journey.record.pupil.former_upn.empty()) by_former_upn.emplace(journey.record.pupil.former_upn, &journey);
        for (const auto &given : interventions) {
            if (!by_then(given.recorded_at, scope.as_of)) continue;
            pupil_journey *journey = journey_of(given.upn);
            if (journey == nullptr && by_former_upn.contains(given.upn)) journey = by_former_upn.at(given.upn);
            if (journey != nullptr) journey->interventions.push_back(given);
        }
        const auto meetings = scope.upn ? services::pupil_meetings(session, scope.school, *scope.upn)
                                        : services::school_pupil_meetings(session, scope.school);
        for (const auto &meeting : meetings) {
            if (!by_then(meeting.recorded_at, scope.as_of) || domain::format_iso_date(meeting.held_on) > day) continue;
            if (pupil_journey *journey = journey_of(meeting.upn)) journey->meetings.push_back(meeting);
        }
        for (auto &[upn, standings] : load_target_standings(session, scope.school, schemes, plotter, scope.upn, scope.as_of))
            if (pupil_journey *journey = journey_of(upn)) journey->targets = std::move(standings);
    }
    loaded.scope = std::move(scope);
    return loaded;
}

document build_pupil_profiles(const pupil_profiles &profiles, const services::scheme_library &schemes,
                              std::optional<std::size_t> only) {
    return profile_builder(profiles, schemes).build(only);
}

std::string profile_file_stem(const pupil_journey &pupil) {
    std::string stem = pupil.record.pupil.upn + "-" + pupil.record.pupil.surname + "-" + pupil.record.pupil.forename;
    for (char &c : stem)
        if (c == ' ' || c == '/' || c == '\\' || c == ':' || c == '\'' || c == '"') c = '-';
    return stem;
}

}  // namespace waymark::reports
