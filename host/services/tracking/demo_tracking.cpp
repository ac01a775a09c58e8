#include "services/tracking/demo_tracking.hpp"

#include "services/tracking/judgements.hpp"
#include "services/tracking/pupil_selection.hpp"

#include <algorithm>
#include <array>
#include <functional>

namespace waymark::services {
namespace {

constexpr std::array<const char *, 4> four_bands{"B", "T", "OT", "D"};
constexpr std::array<const char *, 3> core_subjects{"reading", "writing", "maths"};
constexpr int demo_teachers_year = 4;

// A number from 0 to 99 that stays the same for a pupil, subject and step on every run.
int percentile(const std::string &upn, const std::string &what, int step) {
    return static_cast<int>(std::hash<std::string>{}(upn + '/' + what + '/' + std::to_string(step)) % 100);
}

// Where a pupil starts (12% below, 23% towards, 50% on track, 15% deeper, a subject now and then a
// band apart from the others, as children are) and how they move from term to term: up a band one
// time in seven, down one time in twenty.
int band_at(const std::string &upn, const std::string &subject, int step) {
    const int start = percentile(upn, "overall", 0), apart = percentile(upn, subject, 0);
    int band = start < 12 ? 0 : start < 35 ? 1 : start < 85 ? 2 : 3;
    if (apart < 10) band = std::max(band - 1, 0);
    else if (apart >= 92) band = std::min(band + 1, 3);
    for (int s = 1; s <= step; ++s) {
        const int drift = percentile(upn, subject, s);
        if (drift < 14) band = std::min(band + 1, 3);
        else if (drift >= 95) band = std::max(band - 1, 0);
    }
    return band;
}

struct planned_assessment {
    std::string name;
    domain::date on;
    domain::academic_year year;
    domain::term term;
};

domain::date day_of(int year, unsigned month, unsigned day) {
    return domain::date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

// Last summer's assessment, then each term of this year whose assessment date has passed by `today`
// (the autumn one as soon as the year has started, dated today until its usual date).
std::vector<planned_assessment> plan(domain::date today) {
    const domain::academic_year year = domain::academic_year_of(today);
    const int start = year.start_year;
    std::vector<planned_assessment> planned{
        {"Summer " + std::to_string(start), day_of(start, 6, 20), year.previous(), domain::term::summer}};
    planned.push_back({"Autumn " + std::to_string(start), std::min(today, day_of(start, 11, 14)), year, domain::term::autumn});
    if (today >= day_of(start + 1, 3, 13))
        planned.push_back({"Spring " + std::to_string(start + 1), day_of(start + 1, 3, 13), year, domain::term::spring});
    if (today >= day_of(start + 1, 6, 19))
        planned.push_back({"Summer " + std::to_string(start + 1), day_of(start + 1, 6, 19), year, domain::term::summer});
    return planned;
}

}  // namespace

std::optional<demo_tracking> add_demo_tracking(store::database &db, const store::school &school,
                                               const scheme_library &schemes, domain::date today) {
    if (!list_assessments(db.session(), school.id).empty()) return std::nullopt;
    const auto planned = plan(today);
    demo_tracking made;
    for (std::size_t step = 0; step < planned.size(); ++step) {
        const auto &p = planned[step];
        assessment spec;
        spec.name = p.name;
        spec.assessed_on = p.on;
        spec.year = p.year;
        spec.term = p.term;
        spec.year_groups = {1, 2, 3, 4, 5, 6};
        for (const char *subject : core_subjects) spec.subjects.push_back({subject, "", {}});
        const assessment created = create_assessment(db, school, spec, schemes, default_scheme_id);
        const bool latest = step + 1 == planned.size();
        std::vector<cell_change> changes;
        for (const auto &pupil : select_pupils(db.session(), school, {}, p.year)) {
            if (pupil.nc_year < 1 || pupil.nc_year > 6 || (latest && pupil.nc_year == demo_teachers_year)) continue;
            for (const char *subject : core_subjects) {
                cell_change change;
                change.cell = {pupil.upn, subject, cell_kind::judgement};
                change.value = four_bands[static_cast<std::size_t>(band_at(pupil.upn, subject, static_cast<int>(step)))];
                changes.push_back(std::move(change));
            }
        }
        record_changes(db, school, created, schemes, changes, {"demo", domain::format_iso_date(p.on) + "T15:30:00Z"});
        made.assessments.push_back(p.name);
        made.judgements += changes.size();
    }
    return made;
}

}  // namespace waymark::services
