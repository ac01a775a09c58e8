// Issue 6, renderers: what a PDF costs end to end through the host (document checked, plugin
// called, bytes written). Targets: a one-page report under 50 ms; 420 one-page pupil profiles in
// one document under 1 s (the font is embedded once per document), against 420 separate files
// under 10 s. Documents are built with the typed model and serialised, as report builders will.
#include "plugin_host/registry.hpp"
#include "plugin_host/renderer.hpp"
#include "reports/document_json.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace {

namespace r = waymark::reports;

const r::band below{"B", "Below", 0xE8857A};
const r::band on_track{"OT", "On track", 0x8FD18F};

r::document empty_document(const std::string &title, const std::string &kind) {
    r::document doc;
    doc.title = title;
    doc.school = "Brontë Street Primary School";
    doc.kind = kind;
    doc.counts = "Pupils on roll in Year 4";
    doc.filters = {"Year 4", "Summer term 2026"};
    doc.generated = "2026-11-22T14:05:00Z";
    doc.as_of = "2026-07-18";
    doc.schemes = {"Lancashire four-band"};
    return doc;
}

r::cell text_cell(const std::string &text) { return r::cell{text, {}, {}, "", 1}; }

// A one-page full report: summary by subject with band colours, and the Venn.
std::string one_page_report() {
    r::document doc = empty_document("Full report: Year 4", "full_report");
    r::table t;
    t.title = "Summary by subject";
    t.columns = {{"Subject", r::column_type::text, 1.5}, {"Below", r::column_type::integer, 1},
                 {"On track", r::column_type::integer, 1}, {"Pupils", r::column_type::integer, 1}};
    for (const char *subject : {"Reading", "Writing", "Maths", "Science", "GPS"}) {
        t.rows.push_back({text_cell(subject), r::cell{"12 (20%)", 12.0, below, "", 1},
                          r::cell{"48 (80%)", 48.0, on_track, "", 1}, text_cell("60")});
    }
    r::venn v{"On track in reading, writing and maths", {"Reading", "Writing", "Maths"}, 60, {}, {}};
    for (int mask = 7; mask >= 0; --mask) {
        v.regions.push_back({{(mask & 1) != 0, (mask & 2) != 0, (mask & 4) != 0}, 60 / 8, 12.5, ""});
    }
    doc.blocks = {r::heading{"Attainment", 1}, t, v};
    return r::to_json(doc);
}

// One pupil's profile page: details, judgements term by term, and their trend.
void add_profile(r::document &doc, int pupil) {
    if (!doc.blocks.empty()) doc.blocks.push_back(r::page_break{});
    doc.blocks.push_back(r::heading{"ŁUKASZ-BRONTË, Zoë " + std::to_string(pupil), 1});
    doc.blocks.push_back(r::key_values{{{"UPN", "A123456789012"}, {"Class", "Blue Bears"}, {"Year", "Year 4"}}});
    r::table t;
    t.title = "Judgements";
    t.columns = {{"Term", r::column_type::text, 1.5}, {"Reading", r::column_type::grade, 1},
                 {"Writing", r::column_type::grade, 1}, {"Maths", r::column_type::grade, 1}};
    r::chart c{"Points, term by term", r::chart_kind::line, "Term", "Points", {}, {}, std::nullopt, std::nullopt};
    c.series = {{"Reading", {}, std::nullopt}, {"Maths", {}, std::nullopt}};
    for (int term = 0; term < 6; ++term) {
        const std::string name = "Term " + std::to_string(term + 1);
        t.rows.push_back({text_cell(name), r::cell{"On track", {}, on_track, "", 1}, r::cell{"Below", {}, below, "", 1},
                          r::cell{"On track", {}, on_track, "", 1}});
        c.categories.push_back(name);
        c.series[0].values.push_back(20.0 + term * 2.5);
        c.series[1].values.push_back(18.0 + term * 3.0);
    }
    doc.blocks.push_back(t);
    doc.blocks.push_back(c);
}

std::string profiles(int count) {
    r::document doc = empty_document("Pupil profiles", "pupil_profile");
    for (int pupil = 0; pupil < count; ++pupil) add_profile(doc, pupil);
    return r::to_json(doc);
}

// 420 (a two-form-entry primary school) unless WAYMARK_BENCH_PROFILES says otherwise (ctest's smoke run).
int profile_count() {
    const char *given = std::getenv("WAYMARK_BENCH_PROFILES");
    return given != nullptr && std::atoi(given) > 0 ? std::atoi(given) : 420;
}

const waymark::plugins::renderer &pdf() {
    static waymark::plugins::registry plugins;
    static const waymark::plugins::renderer renderer = [] {
        const auto report = plugins.load_file(std::string(WAYMARK_PLUGIN_DIR) + "/renderer-pdf.so");
        if (!report.loaded) {
            std::cerr << "render_bench: " << report.message << "\n";
            std::exit(1);
        }
        return waymark::plugins::find_renderer(plugins, "pdf");
    }();
    return renderer;
}

// Renders `json` to memory once per iteration and reports the size of the PDF.
void render_each_iteration(benchmark::State &state, const std::string &json) {
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::ostringstream out;
        pdf().render(json, out);
        bytes = out.str().size();
    }
    state.counters["pdf_bytes"] = static_cast<double>(bytes);
}

void one_page_report_to_pdf(benchmark::State &state) { render_each_iteration(state, one_page_report()); }
BENCHMARK(one_page_report_to_pdf)->Unit(benchmark::kMillisecond);

void profiles_in_one_document(benchmark::State &state) {
    render_each_iteration(state, profiles(static_cast<int>(state.range(0))));
}
BENCHMARK(profiles_in_one_document)->Arg(profile_count())->Unit(benchmark::kMillisecond);

void profiles_as_separate_files(benchmark::State &state) {
    const int count = static_cast<int>(state.range(0));
    std::vector<std::string> documents;
    for (int pupil = 0; pupil < count; ++pupil) {
        r::document doc = empty_document("Pupil profile", "pupil_profile");
        add_profile(doc, pupil);
        documents.push_back(r::to_json(doc));
    }
    const auto folder = std::filesystem::temp_directory_path() / "waymark-render-bench";
    std::filesystem::create_directories(folder);
    for (auto _ : state) {
        for (int pupil = 0; pupil < count; ++pupil) {
            pdf().render_to_file(documents[static_cast<std::size_t>(pupil)],
                                 folder / ("profile-" + std::to_string(pupil) + ".pdf"));
        }
    }
    std::filesystem::remove_all(folder);
}
BENCHMARK(profiles_as_separate_files)->Arg(profile_count())->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
