// Issue 6: `waymark report` as a whole process (start-up, migrations check, plugin loading, query,
// render) against headless Chromium printing the same report's HTML page to PDF as a whole process,
// side by side in one run, on the demo school's Year 4. Target: Waymark at least 50 times faster.
// The HTML is the HTML renderer's page of the very same report document. Chromium is Debian's
// `chromium`; without it the second benchmark says so and is skipped.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <unistd.h>

namespace {

namespace fs = std::filesystem;

const fs::path waymark_binary = fs::path(WAYMARK_BINARY_DIR) / "bin" / "waymark";

// A demo school with a Year 4 assessment whose columns are filled, made once per run.
class demo_school {
public:
    demo_school() : folder_(fs::temp_directory_path() / ("waymark-report-process-" + std::to_string(::getpid()))) {
        fs::remove_all(folder_);
        fs::create_directories(folder_);
        for (const std::string &step : std::initializer_list<std::string>{"demo", "sync", "assessments create \"Spring 1\" --date 2026-02-10 --years 4",
              "judgements fill reading OT --year 4 --assessment \"Spring 1\"",
              "judgements fill writing T --year 4 --class Maple --assessment \"Spring 1\"",
              "judgements fill maths OT --year 4 --class Maple --assessment \"Spring 1\"",
              "report full --assessment \"Spring 1\" --year 4 --format html --out " + html().string()}) {
            if (!run(step)) throw std::runtime_error("Preparing the demo school failed at: waymark " + step);
        }
    }
    ~demo_school() { fs::remove_all(folder_); }

    bool run(const std::string &arguments) const {
        const std::string command = "TZ=UTC " + waymark_binary.string() + " --data-dir " + folder_.string() + " " + arguments +
                                    " >/dev/null 2>&1";
        return std::system(command.c_str()) == 0;
    }
    fs::path html() const { return folder_ / "report.html"; }
    fs::path pdf(const std::string &name) const { return folder_ / name; }

private:
    fs::path folder_;
};

demo_school &school() {
    static demo_school made;
    return made;
}

void waymark_report_process(benchmark::State &state) {
    const std::string arguments = "report full --assessment \"Spring 1\" --year 4 --format pdf --out " + school().pdf("waymark.pdf").string();
    for (auto _ : state) {
        if (!school().run(arguments)) {
            state.SkipWithError("waymark report failed");
            return;
        }
    }
}

void chromium_print_process(benchmark::State &state) {
    if (std::system("command -v chromium >/dev/null 2>&1") != 0) {
        state.SkipWithError("Debian's chromium is not installed; apt-get install chromium to compare.");
        return;
    }
    const std::string command = "chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=" +
                                school().pdf("chromium.pdf").string() + " file://" + school().html().string() + " >/dev/null 2>&1";
    for (auto _ : state) {
        if (std::system(command.c_str()) != 0) {
            state.SkipWithError("chromium could not print the page");
            return;
        }
    }
}

}  // namespace

BENCHMARK(waymark_report_process)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(chromium_print_process)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
