#include "reports/builders/venn_report.hpp"

#include "reports/grid.hpp"

#include <algorithm>
#include <array>

namespace waymark::reports {
namespace {

constexpr std::array<const char *, 3> core{"reading", "writing", "maths"};

// A pupil's region (bit 1 reading, 2 writing, 4 maths on track), whether they are judged in all
// three, and their list row.
struct placed_pupil {
    unsigned region = 0;
    bool judged = true;
    listed_pupil row;
};

placed_pupil place(const services::grid_row &pupil) {
    placed_pupil placed{0, true, {pupil_name(pupil.pupil), {pupil.pupil.class_name}}};
    for (unsigned s = 0; s < core.size(); ++s) {
        const auto found = pupil.judgements.find(core[s]);
        const bool judged = found != pupil.judgements.end();
        placed.judged = placed.judged && judged;
        if (judged && found->second.on_track) placed.region |= 1u << s;
        placed.row.values.push_back(judged ? found->second.label : "No judgement");
    }
    return placed;
}

}  // namespace

document build_venn_report(const assessment_cohort &cohort) {
    const int pupils = static_cast<int>(cohort.pupil_count());
    document doc = report_frame(cohort, "venn", "Venn: reading, writing and maths on track, " + assessments_title(cohort),
                                "Pupils included in data by the core subjects they are on track or above in");
    std::vector<placed_pupil> placed;
    for (const auto &part : cohort.parts)
        for (const auto &pupil : part.pupils) placed.push_back(place(pupil));
    std::sort(placed.begin(), placed.end(), [](const auto &a, const auto &b) { return a.row.name < b.row.name; });
    const int judged = static_cast<int>(std::count_if(placed.begin(), placed.end(), [](const auto &p) { return p.judged; }));

    venn diagram;
    diagram.title = "Reading, writing and maths on track or above";
    for (const char *subject : core) diagram.sets.push_back(cohort.subject_name(subject));
    diagram.total = judged;
    pupil_lists lists;
    const auto new_list = [&](std::string id) {
        pupil_list list{std::move(id), "", {"Class"}, {}};
        list.columns.insert(list.columns.end(), diagram.sets.begin(), diagram.sets.end());
        return list;
    };
    std::array<int, 3> on_track{};
    // 7 first so the heart of the diagram leads the lists; "in none" last.
    for (const unsigned bits : {7u, 3u, 5u, 6u, 1u, 2u, 4u, 0u}) {
        venn_region region;
        for (unsigned s = 0; s < core.size(); ++s) region.membership.push_back((bits >> s & 1u) != 0);
        pupil_list list = new_list("region-" + std::to_string(bits));
        for (const auto &pupil : placed)
            if (pupil.judged && pupil.region == bits) list.pupils.push_back(pupil.row);
        region.count = static_cast<int64_t>(list.pupils.size());
        region.percent = percent(static_cast<int>(region.count), judged);
        if (region.count > 0) {
            list.title = region_name(diagram, region) + ": " + count_and_percent(static_cast<int>(region.count), judged);
            region.pupils = list.id;
            lists.lists.push_back(std::move(list));
        }
        diagram.regions.push_back(std::move(region));
    }
    // Kept apart as the progress matrix keeps "No data": counted in "none" they would look judged
    // below in all three and overstate the pupils not on track.
    pupil_list unjudged = new_list("unjudged");
    for (const auto &pupil : placed) {
        if (!pupil.judged) unjudged.pupils.push_back(pupil.row);
        // The rates stay over every pupil, a missing judgement not on track, to match the summary table.
        for (unsigned s = 0; s < core.size(); ++s)
            if (pupil.region >> s & 1u) ++on_track[s];
    }
    diagram.unjudged = venn_unjudged{"No judgement in at least one subject", pupils - judged, ""};
    if (!unjudged.pupils.empty()) {
        unjudged.title = diagram.unjudged->label + ": " + std::to_string(diagram.unjudged->count);
        diagram.unjudged->pupils = unjudged.id;
        lists.lists.push_back(std::move(unjudged));
    }

    key_values rates;
    for (unsigned s = 0; s < core.size(); ++s)
        rates.items.push_back({diagram.sets[s] + " on track or above", count_and_percent(on_track[s], pupils)});
    // Not "Pupils counted": the diagram counts only the judged pupils under that name.
    rates.items.push_back({"Pupils included in data", std::to_string(pupils)});
    doc.blocks.emplace_back(std::move(diagram));
    doc.blocks.emplace_back(std::move(rates));
    add_appendix(doc, std::move(lists), "Pupils in each region");
    return doc;
}

}  // namespace waymark::reports
