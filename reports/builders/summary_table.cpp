#include "reports/builders/summary_table.hpp"

#include "reports/grid.hpp"
#include "services/statutory/statutory_entry.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <set>

namespace waymark::reports {
namespace {

constexpr std::array<const char *, 3> core{"reading", "writing", "maths"};
const band small_group{"*", "Fewer than " + std::to_string(smallest_meaningful_group) + " pupils", 0xE6E6E6};

// What the table knows of one counted pupil.
struct pupil_figures {
    const services::grid_row *row;
    const cohort_part *part;
    std::optional<bool> gld;           // from the pupil's EYFS profile, for Year 1 and above
    std::optional<bool> ks1_expected;  // reading, writing and maths all EXS or GDS, for Year 3 and above
};

struct test_column {
    std::string subject;
    services::test_score_kind kind;
};

struct characteristic {
    const char *name;
    std::function<void(services::pupil_filter &)> narrow;
};

const std::vector<characteristic> &characteristics() {
    static const std::vector<characteristic> groups{
        {"Girls", [](services::pupil_filter &f) { f.gender = 'F'; }},
        {"Boys", [](services::pupil_filter &f) { f.gender = 'M'; }},
        {"No SEN", [](services::pupil_filter &f) { f.sen = 'N'; }},
        {"SEN support", [](services::pupil_filter &f) { f.sen = 'K'; }},
        {"EHC plan", [](services::pupil_filter &f) { f.sen = 'E'; }},
        {"Pupil premium", [](services::pupil_filter &f) { f.pupil_premium = true; }},
        {"Not pupil premium", [](services::pupil_filter &f) { f.pupil_premium = false; }},
        {"Disadvantaged", [](services::pupil_filter &f) { f.disadvantaged = true; }},
        {"Not disadvantaged", [](services::pupil_filter &f) { f.disadvantaged = false; }},
        {"Free school meals", [](services::pupil_filter &f) { f.fsm = true; }},
        {"EAL", [](services::pupil_filter &f) { f.eal = true; }},
        {"Summer born", [](services::pupil_filter &f) { f.summer_born = true; }},
    };
    return groups;
}

bool expected_or_above(const std::map<std::string, std::string> &ta, const char *subject) {
    const auto found = ta.find(subject);
    return found != ta.end() && (found->second == "EXS" || found->second == "GDS");
}

cell figure(std::string text, std::optional<double> value = std::nullopt) { return {std::move(text), value, std::nullopt, "", 1}; }

std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

class summary_builder {
public:
    summary_builder(soci::session &session, const assessment_cohort &cohort) : session_(session), cohort_(cohort) {
        for (const auto &part : cohort_.parts) {
            for (const auto &row : part.pupils) pupils_.push_back({&row, &part, std::nullopt, std::nullopt});
            for (const auto &subject : part.assessment.subjects) {
                if (!subject.test_score) continue;
                const bool known = std::any_of(tests_.begin(), tests_.end(), [&](const test_column &t) {
                    return t.subject == subject.code && t.kind == *subject.test_score;
                });
                if (!known) tests_.push_back({subject.code, *subject.test_score});
            }
        }
        add_prior_attainment();
    }

    document build() {
        document doc = report_frame(cohort_, "summary_table", "Summary table: " + assessments_title(cohort_),
                                    "Pupils included in data: prior attainment, teacher assessment on track or above and "
                                    "average test scores, by year group and by pupil characteristic");
        // Portrait: the two tables and the notes fit one page, which landscape's height does not give.
        doc.page_orientation = orientation::portrait;

        // One table, year groups then characteristic groups, all pupils last: one set of headings
        // keeps it to one page.
        table t = empty_table("By year group and by pupil characteristic");
        std::set<int> year_groups;
        for (const auto &p : pupils_) year_groups.insert(p.row->pupil.nc_year);
        for (const int year : year_groups)
            t.rows.push_back(group_row(year_name(year), [&](const pupil_figures &p) { return p.row->pupil.nc_year == year; }));
        for (const auto &group : characteristics()) {
            services::pupil_filter filter = cohort_.scope.filter;
            group.narrow(filter);
            std::set<std::string> upns;
            for (const auto &pupil : services::filtered_pupils(session_, cohort_.scope.school, filter, services::inclusion::included))
                upns.insert(pupil.upn);
            t.rows.push_back(group_row(group.name, [&](const pupil_figures &p) { return upns.count(p.row->pupil.upn) > 0; }));
        }
        t.footer_rows.push_back(group_row("All pupils", [](const pupil_figures &) { return true; }));
        doc.blocks.emplace_back(std::move(t));
        doc.blocks.emplace_back(paragraph{notes(), false});
        return doc;
    }

private:
    // GLD from each pupil's Reception year, KS1 from their Year 2: one statutory query per year group.
    void add_prior_attainment() {
        const domain::academic_year year = *cohort_.scope.filter.academic_year;
        std::set<int> year_groups;
        for (const auto &p : pupils_) year_groups.insert(p.row->pupil.nc_year);
        std::map<std::string, std::optional<bool>> gld, ks1;
        for (const int nc_year : year_groups) {
            if (nc_year >= 1) {
                for (const auto &row : services::statutory_data(session_, cohort_.scope.school, 0, domain::academic_year{year.start_year - nc_year}).pupils)
                    gld[row.upn] = row.gld;
            }
            if (nc_year >= 3) {
                const domain::academic_year year2{year.start_year - (nc_year - 2)};
                for (const auto &row : services::statutory_data(session_, cohort_.scope.school, 2, year2).pupils) {
                    const bool all_recorded = std::all_of(core.begin(), core.end(), [&](const char *s) { return row.ks1_ta.count(s) > 0; });
                    if (all_recorded)
                        ks1[row.upn] = std::all_of(core.begin(), core.end(), [&](const char *s) { return expected_or_above(row.ks1_ta, s); });
                }
            }
        }
        for (auto &p : pupils_) {
            const std::string &upn = p.row->pupil.upn;
            if (const auto found = gld.find(upn); found != gld.end() && p.row->pupil.nc_year >= 1) p.gld = found->second;
            if (const auto found = ks1.find(upn); found != ks1.end() && p.row->pupil.nc_year >= 3) p.ks1_expected = found->second;
        }
    }

    table empty_table(std::string title) const {
        table t;
        t.title = std::move(title);
        t.columns = {{"Group", column_type::text, 1.7}, {"Pupils", column_type::integer, 0.7},
                     {"GLD", column_type::percent, 0.8}, {"KS1 RWM EXS+", column_type::percent, 0.9}};
        row headings{figure(""), figure(""), figure("Prior attainment"), figure("Teacher assessment: on track or above")};
        headings[2].span = 2;
        headings[3].span = 4;
        for (const char *subject : {"Reading", "Writing", "Maths"}) t.columns.push_back({subject, column_type::percent, 0.9});
        t.columns.push_back({"RWM", column_type::percent, 0.8});
        for (const auto &test : tests_) {
            t.columns.push_back({cohort_.subject_name(test.subject) + " " + std::string(services::test_score_kind_name(test.kind)),
                                 column_type::number, 1.3});
        }
        if (!tests_.empty()) {
            headings.push_back(figure("Test average"));
            headings.back().span = static_cast<uint32_t>(tests_.size());
        }
        t.header_rows.push_back(std::move(headings));
        return t;
    }

    static cell share(int count, int of) {
        if (of == 0) return figure("\u2013");
        const double p = percent(count, of);
        return figure(percent_text(p), p);
    }

    row group_row(const std::string &name, const std::function<bool(const pupil_figures &)> &in_group) const {
        std::vector<const pupil_figures *> members;
        for (const auto &p : pupils_)
            if (in_group(p)) members.push_back(&p);
        const int n = static_cast<int>(members.size());
        row r{figure(name), figure(std::to_string(n), n)};
        int gld_known = 0, gld_yes = 0, ks1_known = 0, ks1_yes = 0, all_three = 0;
        std::array<int, 3> on_track{};
        for (const auto *p : members) {
            gld_known += p->gld ? 1 : 0;
            gld_yes += p->gld.value_or(false) ? 1 : 0;
            ks1_known += p->ks1_expected ? 1 : 0;
            ks1_yes += p->ks1_expected.value_or(false) ? 1 : 0;
            int subjects_on_track = 0;
            for (std::size_t s = 0; s < core.size(); ++s) {
                const auto found = p->row->judgements.find(core[s]);
                if (found == p->row->judgements.end() || !found->second.on_track) continue;
                ++on_track[s];
                ++subjects_on_track;
            }
            if (subjects_on_track == 3) ++all_three;
        }
        r.push_back(share(gld_yes, gld_known));
        r.push_back(share(ks1_yes, ks1_known));
        for (const int count : on_track) r.push_back(share(count, n));
        r.push_back(share(all_three, n));
        for (const auto &test : tests_) r.push_back(average_score(members, test));
        // Every cell carries the mark, so it shows (small, in a corner) whichever figure is read.
        if (n < smallest_meaningful_group)
            for (auto &c : r) c.cell_band = small_group;
        return r;
    }

    static cell average_score(const std::vector<const pupil_figures *> &members, const test_column &test) {
        double sum = 0;
        int scored = 0;
        for (const auto *p : members) {
            const auto found = p->row->test_scores.find(test.subject);
            const auto *judged = p->part->assessment.subject(test.subject);
            if (found == p->row->test_scores.end() || judged == nullptr || judged->test_score != test.kind) continue;
            try {
                sum += services::parse_test_score(found->second, test.kind);
                ++scored;
            } catch (const services::tracking_error &) {
                // A score written before the column's kind changed is left out, as the summary statistics do.
            }
        }
        if (scored == 0) return figure("\u2013");
        return figure(number_text(sum / scored), sum / scored);
    }

    std::string notes() const {
        return "* Fewer than " + std::to_string(smallest_meaningful_group) +
               " pupils: one pupil moves the group's percentages by more than 16 points, so its figures are not "
               "statistically meaningful.\n"
               "GLD: a good level of development at the end of Reception (Year 1 and above); KS1 RWM EXS+: reading, writing "
               "and maths all at the expected standard or greater depth at the end of Key Stage 1 (Year 3 and above). Both are "
               "percentages of the pupils with that result recorded; \u2013 means none has one.\n"
               "Teacher assessment: the percentage of the group's pupils on track or above in the subject, a pupil without a "
               "judgement counting as not; RWM: in all three. Tests: the average of the scores recorded.";
    }

    soci::session &session_;
    const assessment_cohort &cohort_;
    std::vector<pupil_figures> pupils_;
    std::vector<test_column> tests_;
};

}  // namespace

document build_summary_table(soci::session &session, const assessment_cohort &cohort) {
    return summary_builder(session, cohort).build();
}

}  // namespace waymark::reports
