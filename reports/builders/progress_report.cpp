#include "reports/builders/progress_report.hpp"

#include "plugin_host/plugin_error.hpp"
#include "reports/builders/target_standing.hpp"

#include <waymark/plugin.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

namespace waymark::reports {
namespace {

// Seed 003: progress below expected is red, expected green, above blue.
const band below_expected{"BE", "Below expected", 0xF2A7A7};
const band at_expected{"EX", "Expected", 0xA8DCA8};
const band above_expected{"AE", "Above expected", 0xA9C8F0};

std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, value == static_cast<long long>(value) ? "%.0f" : "%.1f", value);
    return text;
}

// One pupil's progress in one subject; `measured` false when either judgement is missing (or the
// scheme has no expectation for the pupil's year).
struct pupil_progress {
    const services::grid_row *pupil = nullptr;
    const services::grid_judgement *from = nullptr;
    const services::grid_judgement *to = nullptr;
    std::optional<waymark_progress> made;
    std::optional<double> points_now;  // the later judgement's points
};

// What the summary counts, in its column order.
enum class progress_kind { regressed, none, below, at, above };

progress_kind kind_of(const waymark_progress &made) {
    if (made.points < 0) return progress_kind::regressed;
    if (made.points == 0) return progress_kind::none;
    if (made.band == WAYMARK_BAND_ABOVE) return progress_kind::above;
    if (made.band == WAYMARK_BAND_AT) return progress_kind::at;
    return progress_kind::below;
}

class progress_builder {
public:
    progress_builder(soci::session &session, const services::scheme_library &schemes, const assessment_cohort &cohort,
                     const services::assessment &from, const plugins::trajectory *plotter)
        : session_(session), schemes_(schemes), cohort_(cohort), from_(from), plotter_(plotter) {}

    document build() {
        const services::assessment &to = cohort_.parts.at(0).assessment;
        document doc = report_frame(cohort_, "progress", "Progress: " + from_.name + " to " + to.name,
                                    "Pupils included in data, by the progress each made from their judgement in " + from_.name +
                                        " to their judgement in " + to.name + ", in each subject whose scheme measures progress");
        doc.filters.insert(doc.filters.begin(), "From " + from_.name + " (" + domain::format_uk_date(from_.assessed_on) + ") to " +
                                                    to.name + " (" + domain::format_uk_date(to.assessed_on) + ")");
        doc.page_orientation = orientation::landscape;
        load_from_grid();
        std::map<std::string, std::vector<std::string>> unmeasured;  // scheme -> subjects
        std::vector<std::string> mismatched;
        for (const auto &subject : to.subjects) {
            const services::assessment_subject *earlier = from_.subject(subject.code);
            const std::string name = cohort_.subject_name(subject.code);
            if (earlier == nullptr) {
                mismatched.push_back(name + " is not judged in " + from_.name);
            } else if (earlier->scheme_id != subject.scheme_id) {
                mismatched.push_back(name + " is judged in " + schemes_.get(earlier->scheme_id).descriptor().name + " in " + from_.name +
                                     " and in " + schemes_.get(subject.scheme_id).descriptor().name + " in " + to.name);
            } else if (schemes_.get(subject.scheme_id).progress() == nullptr) {
                unmeasured[schemes_.get(subject.scheme_id).descriptor().name].push_back(name);
            } else {
                measured_.push_back({subject.code, measure(subject)});
            }
        }
        for (const auto &[scheme, subjects] : unmeasured)
            doc.blocks.emplace_back(paragraph{"No progress figures for " + joined(subjects) + ": " + scheme +
                                                  " judges attainment in bands and does not measure progress between "
                                                  "assessments.", false});
        if (!mismatched.empty())
            doc.blocks.emplace_back(paragraph{"No progress figures where the two assessments do not judge a subject in the same "
                                              "scheme: " + joined(mismatched) + ".", false});
        if (!measured_.empty()) {
            doc.blocks.emplace_back(summary_table());
            doc.blocks.emplace_back(key_measures_table());
        }
        add_against_targets(doc);
        for (const auto &[code, pupils] : measured_) {
            doc.blocks.emplace_back(page_break{});
            doc.blocks.emplace_back(pupil_table(code, pupils));
        }
        add_appendix(doc, std::move(lists_), "Pupils against their targets");
        return doc;
    }

private:
    static std::string joined(const std::vector<std::string> &parts) {
        std::string text;
        for (std::size_t i = 0; i < parts.size(); ++i) text += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
        return text;
    }

    void load_from_grid() {
        services::pupil_selection chosen;
        for (const auto &graded : cohort_.parts.at(0).pupils) chosen.upns.push_back(graded.pupil.upn);
        if (chosen.upns.empty()) return;
        for (auto &graded : services::load_class_grid(session_, cohort_.scope.school, from_, schemes_, chosen, cohort_.scope.as_of).rows)
            from_rows_.emplace(graded.pupil.upn, std::move(graded));
    }

    static plugins::judgement_context context_of(const services::assessment &which, const services::grid_judgement &judged,
                                                 const std::string &subject) {
        return {judged.judged_year, static_cast<int32_t>(which.term) + 1, subject};
    }

    std::vector<pupil_progress> measure(const services::assessment_subject &subject) {
        const plugins::scheme &scheme = schemes_.get(subject.scheme_id);
        const services::assessment &to = cohort_.parts.at(0).assessment;
        std::vector<pupil_progress> measured;
        for (const auto &graded : cohort_.parts.at(0).pupils) {
            pupil_progress p{&graded, nullptr, nullptr, std::nullopt, std::nullopt};
            const auto now = graded.judgements.find(subject.code);
            if (now != graded.judgements.end()) {
                p.to = &now->second;
                const auto grade = scheme.find_code(now->second.code);
                if (grade) p.points_now = scheme.grades()[*grade].points;
            }
            const auto earlier_row = from_rows_.find(graded.pupil.upn);
            if (earlier_row != from_rows_.end()) {
                const auto earlier = earlier_row->second.judgements.find(subject.code);
                if (earlier != earlier_row->second.judgements.end()) p.from = &earlier->second;
            }
            if (p.from && p.to) {
                try {
                    p.made = scheme.progress()->progress(*scheme.find_code(p.from->code), context_of(from_, *p.from, subject.code),
                                                         *scheme.find_code(p.to->code), context_of(to, *p.to, subject.code));
                } catch (const plugins::plugin_error &) {
                    // The scheme has no expected progress for this pupil's years (a nursery pupil, say): not measured.
                }
            }
            measured.push_back(p);
        }
        return measured;
    }

    table summary_table() const {
        table t;
        t.title = "Progression summary";
        t.columns = {{"Subject", column_type::text, 1.6},  {"Regressed", column_type::text, 1.1},
                     {"No progress", column_type::text, 1.1}, {"Below expected", column_type::text, 1.1},
                     {"At expected", column_type::text, 1.1}, {"Above expected", column_type::text, 1.1},
                     {"Not measured", column_type::integer, 0.9}, {"Pupils", column_type::integer, 0.7}};
        for (const auto &[code, pupils] : measured_) {
            std::array<int, 5> counts{};
            int measured = 0;
            for (const auto &p : pupils) {
                if (!p.made) continue;
                ++measured;
                ++counts[static_cast<std::size_t>(kind_of(*p.made))];
            }
            row r{text_cell(cohort_.subject_name(code))};
            for (const int count : counts) r.push_back(text_cell(count_and_percent(count, measured), count));
            const int total = static_cast<int>(pupils.size());
            r.push_back(text_cell(std::to_string(total - measured), total - measured));
            r.push_back(text_cell(std::to_string(total), total));
            t.rows.push_back(std::move(r));
        }
        return t;
    }

    table key_measures_table() const {
        table t;
        t.title = "Key measures: attainment in " + cohort_.parts.at(0).assessment.name +
                  " against age-related expectations, and progress since " + from_.name;
        t.columns = {{"Subject", column_type::text, 1.5},         {"Below age-related", column_type::text, 1.1},
                     {"Within age-related", column_type::text, 1.1}, {"Beyond age-related", column_type::text, 1.1},
                     {"Average points", column_type::number, 0.9},  {"Not making expected progress", column_type::text, 1.2},
                     {"Making expected progress", column_type::text, 1.2}, {"Exceeding expected progress", column_type::text, 1.2},
                     {"Average steps", column_type::number, 0.9}};
        for (const auto &[code, pupils] : measured_) {
            std::array<int, 3> attainment{}, progress{};
            int judged = 0, measured = 0, with_points = 0;
            double points = 0, steps = 0;
            for (const auto &p : pupils) {
                if (p.to && p.to->band >= WAYMARK_BAND_BELOW && p.to->band <= WAYMARK_BAND_ABOVE) {
                    ++judged;
                    ++attainment[static_cast<std::size_t>(p.to->band - WAYMARK_BAND_BELOW)];
                }
                if (p.points_now) points += *p.points_now, ++with_points;
                if (!p.made) continue;
                ++measured;
                steps += p.made->steps;
                if (p.made->band >= WAYMARK_BAND_BELOW && p.made->band <= WAYMARK_BAND_ABOVE)
                    ++progress[static_cast<std::size_t>(p.made->band - WAYMARK_BAND_BELOW)];
            }
            row r{text_cell(cohort_.subject_name(code))};
            for (const int count : attainment) r.push_back(text_cell(count_and_percent(count, judged), count));
            r.push_back(with_points ? text_cell(number_text(points / with_points), points / with_points) : text_cell(""));
            for (const int count : progress) r.push_back(text_cell(count_and_percent(count, measured), count));
            r.push_back(measured ? text_cell(number_text(steps / measured), steps / measured) : text_cell(""));
            t.rows.push_back(std::move(r));
        }
        return t;
    }

    // The target a pupil's attainment in a subject is set against at this review: one with a trajectory
    // line this term, else the end-of-year target, else the end-of-key-stage one.
    static const target_standing *review_target(const std::vector<target_standing> &standings, const std::string &subject,
                                                const services::assessment &review) {
        const target_standing *chosen = nullptr;
        const auto rank = [&](const target_standing &s) {
            if (s.trajectory && s.trajectory->unavailable.empty() &&
                std::any_of(s.trajectory->terms.begin(), s.trajectory->terms.end(),
                            [&](const auto &t) { return t.academic_year == review.year.start_year && t.term == review.term; }))
                return 0;
            return s.target.target.horizon == services::target_horizon::end_of_year ? 1 : 2;
        };
        for (const auto &standing : standings)
            if (standing.target.target.subject == subject && (chosen == nullptr || rank(standing) < rank(*chosen))) chosen = &standing;
        return chosen;
    }

    static bool is_core_subject(const std::string &code) { return code == "reading" || code == "writing" || code == "maths"; }

    // Seed 004 D.3's "English + mathematics": of the pupils with a target in every core subject the
    // review judges (two at least), how many have every one at expected or above, and above.
    void add_core_subjects_together(const services::assessment &review,
                                    const std::map<std::string, std::map<std::string, target_ambition>> &core_ambitions, table &t) const {
        std::vector<std::string> core;
        for (const auto &subject : review.subjects) {
            const bool targeted = std::any_of(core_ambitions.begin(), core_ambitions.end(),
                                              [&](const auto &pupil) { return pupil.second.count(subject.code) != 0; });
            if (is_core_subject(subject.code) && targeted) core.push_back(subject.code);
        }
        if (core.size() < 2) return;
        int with_all = 0, all_at_expected = 0, all_above = 0;
        for (const auto &[upn, ambitions] : core_ambitions) {
            if (ambitions.size() != core.size()) continue;
            ++with_all;
            const auto every = [&](bool target_ambition::*holds) {
                return std::all_of(ambitions.begin(), ambitions.end(), [&](const auto &a) { return a.second.*holds; });
            };
            all_at_expected += every(&target_ambition::at_expected_or_above) ? 1 : 0;
            all_above += every(&target_ambition::above_expected) ? 1 : 0;
        }
        if (with_all == 0) return;
        std::string names;
        for (std::size_t i = 0; i < core.size(); ++i)
            names += (i == 0 ? "" : i + 1 == core.size() ? " and " : ", ") + cohort_.subject_name(core[i]);
        t.rows.push_back({text_cell(names + " together"), text_cell(""), text_cell(""), text_cell(""), text_cell(""),
                          text_cell(std::to_string(with_all), with_all), text_cell(count_and_percent(all_at_expected, with_all), all_at_expected),
                          text_cell(count_and_percent(all_above, with_all), all_above)});
    }

    // Seed 004 D.1 and D.3: attainment at this review against each pupil's target, per subject.
    void add_against_targets(document &doc) {
        const services::assessment &to = cohort_.parts.at(0).assessment;
        const auto standings = load_target_standings(session_, cohort_.scope.school, schemes_, plotter_, std::nullopt, cohort_.scope.as_of);
        table t;
        t.title = "Attainment against targets";  // short: it is also a workbook's sheet name (31 characters)
        t.columns = {{"Subject", column_type::text, 1.5},     {"Above target", column_type::text, 1.1}, {"On target", column_type::text, 1.1},
                     {"Below target", column_type::text, 1.1}, {"Not judged", column_type::text, 1.1},   {"Pupils with a target", column_type::integer, 1.0},
                     {"Target at expected or above", column_type::text, 1.2}, {"Target above expected", column_type::text, 1.2}};
        bool by_trajectory = false, by_target = false;
        std::map<std::string, std::map<std::string, target_ambition>> core_ambitions;  // UPN -> core subject -> its target's
        for (const auto &subject : to.subjects) {
            std::array<pupil_list, 4> cells;  // above, on, below, not judged
            int aiming_at_expected = 0, aiming_above = 0;
            for (const auto &graded : cohort_.parts.at(0).pupils) {
                const auto found = standings.find(graded.pupil.upn);
                if (found == standings.end()) continue;
                const target_standing *standing = review_target(found->second, subject.code, to);
                if (standing == nullptr) continue;
                const plugins::scheme &scheme = schemes_.get(standing->target.scheme_id);
                const auto judged = graded.judgements.find(subject.code);
                const std::string code = judged != graded.judgements.end() && subject.scheme_id == standing->target.scheme_id ? judged->second.code : "";
                const target_position position = position_at(*standing, scheme, to.year.start_year, to.term, code);
                (position.by_trajectory ? by_trajectory : by_target) = true;
                const auto ambition = target_against_expected(standing->target, scheme, graded.pupil.nc_year, to.year.start_year);
                aiming_at_expected += ambition.at_expected_or_above ? 1 : 0;
                aiming_above += ambition.above_expected ? 1 : 0;
                if (is_core_subject(subject.code)) core_ambitions[graded.pupil.upn][subject.code] = ambition;
                cells[static_cast<std::size_t>(position.where)].pupils.push_back(
                    {pupil_name(graded.pupil),
                     {graded.pupil.class_name, target_grade_cell(standing->target, schemes_).text,
                      standing->target.target.horizon == services::target_horizon::end_of_year ? "End of year" : "End of key stage",
                      judged == graded.judgements.end() ? "No judgement" : judged->second.label, position.line.empty() ? "None" : position.line,
                      position_text(position)}});
            }
            int with_target = 0;
            for (const auto &list : cells) with_target += static_cast<int>(list.pupils.size());
            if (with_target == 0) continue;
            row r{text_cell(cohort_.subject_name(subject.code))};
            constexpr std::array<const char *, 4> names{"above target", "on target", "below target", "not judged"};
            for (std::size_t i = 0; i < cells.size(); ++i) {
                pupil_list &list = cells[i];
                const int count = static_cast<int>(list.pupils.size());
                cell c = text_cell(count_and_percent(count, with_target), count);
                if (count > 0) {
                    list.id = "target-" + subject.code + "-" + std::to_string(i);
                    list.title = cohort_.subject_name(subject.code) + ", " + names[i] + " in " + to.name + ": " + count_and_percent(count, with_target);
                    list.columns = {"Class", "Target", "For", to.name, "Trajectory", "Against it"};
                    std::sort(list.pupils.begin(), list.pupils.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
                    c.pupils = list.id;
                    lists_.lists.push_back(std::move(list));
                }
                r.push_back(std::move(c));
            }
            r.push_back(text_cell(std::to_string(with_target), with_target));
            r.push_back(text_cell(count_and_percent(aiming_at_expected, with_target), aiming_at_expected));
            r.push_back(text_cell(count_and_percent(aiming_above, with_target), aiming_above));
            t.rows.push_back(std::move(r));
        }
        add_core_subjects_together(to, core_ambitions, t);
        if (t.rows.empty()) {
            doc.blocks.emplace_back(heading{"Attainment against targets", 3});
            doc.blocks.emplace_back(paragraph{"No targets are set for these pupils in the subjects " + to.name +
                                                  " judges, so there is no attainment against targets to show.", false});
            return;
        }
        doc.blocks.emplace_back(std::move(t));
        std::string how;
        if (by_trajectory)
            how = "For an end-of-key-stage target in a scheme that measures progress, the target at this review is the notional "
                  "trajectory's grade for the " + std::string(domain::term_name(to.term)) + " term, and the judgement is that term's "
                  "latest (column Trajectory).";
        if (by_target)
            how += std::string(how.empty() ? "" : " ") + "Where a target has no trajectory (an end-of-year target, or a scheme "
                   "that measures no progress) the " + to.name + " judgement is compared with the target itself.";
        how += " Target at expected or above: the target is at or above what its scheme expects at the end of the year it is "
               "for; above expected: beyond it, the higher standard (seed 004 D.3). A combined row counts the pupils with a "
               "target in each of those subjects, and those whose targets all are.";
        how += " Targets as they stood on " + domain::format_uk_date(*domain::parse_iso_date(as_of_day(cohort_.scope.as_of, cohort_.scope.generated))) + ".";
        doc.blocks.emplace_back(paragraph{how, false});
    }

    table pupil_table(const std::string &code, const std::vector<pupil_progress> &pupils) const {
        const std::string name = cohort_.subject_name(code);
        table t;
        t.title = name + ": each pupil's progress from " + from_.name + " to " + cohort_.parts.at(0).assessment.name;
        t.columns = {{"Pupil", column_type::text, 2.0},       {"Class", column_type::text, 0.7},
                     {from_.name, column_type::grade, 1.5},    {cohort_.parts.at(0).assessment.name, column_type::grade, 1.5},
                     {"Points", column_type::number, 0.7},      {"Steps", column_type::number, 0.7},
                     {"Expected points", column_type::number, 0.9}, {"Progress", column_type::grade, 1.4}};
        double points = 0, steps = 0, expected = 0;
        int measured = 0;
        const auto judgement = [](const services::grid_judgement *judged) {
            if (judged == nullptr) return text_cell("No judgement");
            cell c = text_cell(judged->label);
            c.cell_band = band{judged->code, judged->label, judged->colour};
            return c;
        };
        for (const auto &p : pupils) {
            row r{text_cell(pupil_name(p.pupil->pupil)), text_cell(p.pupil->pupil.class_name), judgement(p.from), judgement(p.to)};
            if (p.made) {
                ++measured;
                points += p.made->points, steps += p.made->steps, expected += p.made->expected_points;
                r.push_back(text_cell(number_text(p.made->points), p.made->points));
                r.push_back(text_cell(number_text(p.made->steps), p.made->steps));
                r.push_back(text_cell(number_text(p.made->expected_points), p.made->expected_points));
                const progress_kind kind = kind_of(*p.made);
                const band &shown = kind == progress_kind::above ? above_expected : kind == progress_kind::at ? at_expected : below_expected;
                cell c = text_cell(kind == progress_kind::regressed ? "Regressed" : kind == progress_kind::none ? "No progress" : shown.label);
                c.cell_band = shown;
                r.push_back(std::move(c));
            } else {
                for (int i = 0; i < 4; ++i) r.push_back(text_cell(i == 3 ? "Not measured" : ""));
            }
            t.rows.push_back(std::move(r));
        }
        if (measured > 0) {
            t.footer_rows.push_back({text_cell("Average of " + std::to_string(measured) + " pupils measured"), text_cell(""), text_cell(""),
                                     text_cell(""), text_cell(number_text(points / measured), points / measured),
                                     text_cell(number_text(steps / measured), steps / measured),
                                     text_cell(number_text(expected / measured), expected / measured), text_cell("")});
        }
        return t;
    }

    soci::session &session_;
    const services::scheme_library &schemes_;
    const assessment_cohort &cohort_;
    const services::assessment &from_;
    std::map<std::string, services::grid_row> from_rows_;
    std::vector<std::pair<std::string, std::vector<pupil_progress>>> measured_;
    const plugins::trajectory *plotter_;
    pupil_lists lists_;
};

}  // namespace

document build_progress_report(soci::session &session, const services::scheme_library &schemes,
                               const assessment_cohort &cohort, const services::assessment &from,
                               const plugins::trajectory *plotter) {
    return progress_builder(session, schemes, cohort, from, plotter).build();
}

}  // namespace waymark::reports
