#include "reports/builders/trends_report.hpp"

#include "reports/grid.hpp"
#include "services/tracking/summary_statistics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

namespace waymark::reports {
namespace {

// Reading, writing, maths and all three: what the chart draws (the table has every subject).
constexpr std::array<const char *, 3> core{"reading", "writing", "maths"};
constexpr const char *all_three = "";
const std::array<uint32_t, 4> series_colours{0x1F77B4, 0xD62728, 0x2CA02C, 0x111111};

struct period {
    domain::academic_year year{};
    domain::term term = domain::term::autumn;
    auto operator<=>(const period &) const = default;
};

// On track or above, and out of how many, per subject code ("" for reading, writing and maths at once).
struct period_figures {
    std::vector<std::string> assessments;
    int pupils = 0;
    std::map<std::string, std::pair<int, int>> on_track;
};

std::string period_name(const period &p) {
    return std::string(domain::term_name(p.term)) + " " + domain::format_academic_year(p.year);
}

class trends_builder {
public:
    trends_builder(soci::session &session, const services::scheme_library &schemes, const report_scope &scope)
        : session_(session), schemes_(schemes), scope_(scope) {}

    document build() {
        const std::string day = (scope_.as_of.empty() ? scope_.generated : scope_.as_of).substr(0, 10);
        // Each period's latest assessment per NC year.
        std::map<period, std::map<int, const services::assessment *>> latest;
        const auto all = services::list_assessments(session_, scope_.school.id);
        for (const auto &which : all) {
            if (domain::format_iso_date(which.assessed_on) > day) continue;
            if (scope_.filter.academic_year && which.year != *scope_.filter.academic_year) continue;
            for (const int nc_year : which.year_groups) {
                const services::assessment *&held = latest[{which.year, which.term}][nc_year];
                if (held == nullptr || held->assessed_on <= which.assessed_on) held = &which;
            }
        }
        for (const auto &[when, by_year] : latest) count_period(when, by_year);

        std::vector<std::string> subjects;  // every subject counted, reading, writing, maths first
        for (const char *subject : core) subjects.emplace_back(subject);
        for (const auto &[when, figures] : figures_)
            for (const auto &[subject, counts] : figures.on_track)
                if (!subject.empty() && std::find(subjects.begin(), subjects.end(), subject) == subjects.end()) subjects.push_back(subject);

        document doc = frame();
        doc.blocks.emplace_back(trend_chart());
        doc.blocks.emplace_back(trend_table(subjects));
        doc.blocks.emplace_back(paragraph{
            "Each term counts every year group in its latest assessment of that term, over the pupils on roll now who are "
            "included in data; the filter applies in each term's own academic year, so the pupils of a year group differ from "
            "one year to the next. A pupil without a judgement counts as not on track. \u2013: no pupil judged in that subject.",
            false});
        return doc;
    }

private:
    void count_period(const period &when, const std::map<int, const services::assessment *> &by_year) {
        // The NC years each assessment is the latest for; all of them asks once, some ask year by year.
        std::map<const services::assessment *, std::vector<int>> years_of;
        for (const auto &[nc_year, which] : by_year) years_of[which].push_back(nc_year);
        period_figures figures;
        for (const auto &[which, years] : years_of) {
            std::vector<std::optional<int>> asks;
            if (years == which->year_groups) asks.emplace_back();
            else asks.assign(years.begin(), years.end());
            bool counted = false;
            for (const auto &only_year : asks) {
                services::pupil_filter filter = scope_.filter;
                filter.academic_year = which->year;
                if (only_year) {
                    if (filter.year_group && *filter.year_group != *only_year) continue;
                    filter.year_group = only_year;
                }
                const auto summary = services::summarise(session_, scope_.school, *which, schemes_, filter, scope_.as_of);
                if (summary.pupils == 0) continue;
                counted = true;
                figures.pupils += summary.pupils;
                for (const auto &subject : summary.subjects) {
                    auto &[on_track, of] = figures.on_track[subject.subject];
                    on_track += subject.on_track;
                    of += subject.pupils;
                }
                auto &[on_track, of] = figures.on_track[all_three];
                on_track += summary.reading_writing_maths_on_track;
                of += summary.pupils;
                for (const auto &subject : which->subjects) {
                    const std::string &name = schemes_.get(subject.scheme_id).descriptor().name;
                    if (std::find(scheme_names_.begin(), scheme_names_.end(), name) == scheme_names_.end()) scheme_names_.push_back(name);
                }
            }
            if (counted) figures.assessments.push_back(which->name);
        }
        if (figures.pupils > 0) figures_.emplace(when, std::move(figures));
    }

    document frame() const {
        document doc;
        doc.title = "Trends: on track or above over time";
        doc.school = scope_.school.name;
        doc.kind = "trends";
        doc.counts = "Pupils included in data on track or above in each subject, per term, in each year group's latest "
                     "assessment of the term";
        if (!figures_.empty())
            doc.filters.push_back(period_name(figures_.begin()->first) + " to " + period_name(figures_.rbegin()->first));
        services::pupil_filter shown = scope_.filter;
        doc.filters.push_back(shown.academic_year ? shown.describe() : "Each term's academic year, " + lowercase_first(shown.describe()));
        doc.generated = scope_.generated;
        doc.as_of = (scope_.as_of.empty() ? scope_.generated : scope_.as_of).substr(0, 10);
        doc.schemes = scheme_names_;
        // Pupils left out now, in the academic year the filter names or the school's current.
        services::pupil_filter now = scope_.filter;
        if (!now.academic_year) now.academic_year = scope_.school.current_year;
        doc.excluded_pupils = services::excluded_pupils(session_, scope_.school, now);
        // Portrait: the chart and a year or two of terms in the table share one page.
        doc.page_orientation = orientation::portrait;
        return doc;
    }

    static std::string lowercase_first(std::string text) {
        if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
        return text;
    }

    std::optional<double> share(const period_figures &figures, const std::string &subject) const {
        const auto found = figures.on_track.find(subject);
        if (found == figures.on_track.end() || found->second.second == 0) return std::nullopt;
        return percent(found->second.first, found->second.second);
    }

    // "Maths" as schools say it, so the narrow columns of a portrait page keep it on one line.
    std::string subject_title(const std::string &subject) const {
        if (subject == all_three) return "Reading, writing and maths";
        return subject == "maths" ? std::string("Maths") : cohort_subject_name(subject);
    }

    std::string cohort_subject_name(const std::string &code) const {
        const auto found = subject_names_.find(code);
        return found == subject_names_.end() ? code : found->second;
    }

    chart trend_chart() const {
        chart c;
        c.title = "On track or above (%)";
        c.kind = chart_kind::line;
        c.x_title = "Term";
        c.y_title = "% of pupils";
        c.y_min = 0;
        c.y_max = 100;
        for (const auto &[when, figures] : figures_) c.categories.push_back(period_name(when));
        if (c.categories.empty()) c.categories.push_back("No assessment yet");
        std::vector<std::string> drawn(core.begin(), core.end());
        drawn.emplace_back(all_three);
        for (std::size_t s = 0; s < drawn.size(); ++s) {
            chart_series line{subject_title(drawn[s]), {}, series_colours[s]};
            for (const auto &[when, figures] : figures_) {
                const auto value = share(figures, drawn[s]);
                line.values.push_back(value ? std::optional<double>(std::round(*value * 10.0) / 10.0) : std::nullopt);
            }
            if (figures_.empty()) line.values.emplace_back();
            c.series.push_back(std::move(line));
        }
        return c;
    }

    table trend_table(const std::vector<std::string> &subjects) const {
        table t;
        t.title = "On track or above by term";
        t.columns = {{"Term", column_type::text, 1.8}, {"Assessments", column_type::text, 1.3}, {"Pupils", column_type::integer, 0.7}};
        for (const auto &subject : subjects) t.columns.push_back({subject_title(subject), column_type::percent, 1.1});
        t.columns.push_back({"Reading, writing and maths", column_type::percent, 1.2});
        for (const auto &[when, figures] : figures_) {
            std::string names;
            for (const auto &name : figures.assessments) names += (names.empty() ? "" : ", ") + name;
            row r{cell{period_name(when), std::nullopt, std::nullopt, "", 1}, cell{names, std::nullopt, std::nullopt, "", 1},
                  cell{std::to_string(figures.pupils), figures.pupils, std::nullopt, "", 1}};
            for (const auto &subject : subjects) r.push_back(share_cell(figures, subject));
            r.push_back(share_cell(figures, all_three));
            t.rows.push_back(std::move(r));
        }
        return t;
    }

    cell share_cell(const period_figures &figures, const std::string &subject) const {
        const auto value = share(figures, subject);
        if (!value) return cell{"\u2013", std::nullopt, std::nullopt, "", 1};
        return cell{percent_text(*value), *value, std::nullopt, "", 1};
    }

    soci::session &session_;
    const services::scheme_library &schemes_;
    const report_scope &scope_;
    std::map<std::string, std::string, std::less<>> subject_names_ = services::subject_names(session_);
    std::map<period, period_figures> figures_;
    std::vector<std::string> scheme_names_;
};

}  // namespace

document build_trends_report(soci::session &session, const services::scheme_library &schemes, const report_scope &scope) {
    return trends_builder(session, schemes, scope).build();
}

}  // namespace waymark::reports
