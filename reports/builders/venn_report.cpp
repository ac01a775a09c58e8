#include "reports/builders/venn_report.hpp"

#include "reports/grid.hpp"

#include <array>

namespace waymark::reports {

document build_venn_report(const assessment_cohort &cohort) {
    constexpr std::array<const char *, 3> core{"reading", "writing", "maths"};
    const int pupils = static_cast<int>(cohort.pupils.size());
    document doc = report_frame(cohort, "venn", "Venn: reading, writing and maths on track, " + cohort.scope.assessment.name,
                                "Pupils included in data by the core subjects they are on track or above in");

    venn diagram;
    diagram.title = "Reading, writing and maths on track or above";
    for (const char *subject : core) diagram.sets.push_back(cohort.subject_name(subject));
    diagram.total = pupils;
    pupil_lists lists{"Pupils in each region", {}};
    std::array<int, 3> on_track{};
    // Region bits: 1 reading, 2 writing, 4 maths; 7 first so the heart of the diagram leads the lists.
    for (const unsigned bits : {7u, 3u, 5u, 6u, 1u, 2u, 4u, 0u}) {
        venn_region region;
        for (unsigned s = 0; s < core.size(); ++s) region.membership.push_back((bits >> s & 1u) != 0);
        pupil_list list{"region-" + std::to_string(bits), "", {"Class"}, {}};
        list.columns.insert(list.columns.end(), diagram.sets.begin(), diagram.sets.end());
        for (const auto &pupil : cohort.pupils) {
            unsigned in = 0;
            std::vector<std::string> values{pupil.pupil.class_name};
            for (unsigned s = 0; s < core.size(); ++s) {
                const auto found = pupil.judgements.find(core[s]);
                const bool judged = found != pupil.judgements.end();
                if (judged && found->second.on_track) in |= 1u << s;
                values.push_back(judged ? found->second.label : "No judgement");
            }
            if (in == bits) list.pupils.push_back({pupil_name(pupil.pupil), std::move(values)});
        }
        for (unsigned s = 0; s < core.size(); ++s)
            if ((bits >> s & 1u) != 0) on_track[s] += static_cast<int>(list.pupils.size());
        region.count = static_cast<int64_t>(list.pupils.size());
        region.percent = percent(static_cast<int>(region.count), pupils);
        if (region.count > 0) {
            list.title = region_name(diagram, region) + ": " + count_and_percent(static_cast<int>(region.count), pupils);
            region.pupils = list.id;
            lists.lists.push_back(std::move(list));
        }
        diagram.regions.push_back(std::move(region));
    }

    key_values rates;
    for (unsigned s = 0; s < core.size(); ++s)
        rates.items.push_back({diagram.sets[s] + " on track or above", count_and_percent(on_track[s], pupils)});
    rates.items.push_back({"Pupils counted", std::to_string(pupils)});
    doc.blocks.emplace_back(std::move(diagram));
    doc.blocks.emplace_back(std::move(rates));
    if (!lists.lists.empty()) {
        doc.blocks.emplace_back(page_break{});
        doc.blocks.emplace_back(std::move(lists));
    }
    return doc;
}

}  // namespace waymark::reports
