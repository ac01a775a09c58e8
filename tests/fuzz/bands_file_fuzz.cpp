// The school-bands plugin's bands file (plugins/school-bands/bands_file.hpp parse_bands), as a data
// manager writes it by hand. Invariants:
//   - the only failure is waymark::invalid_input, one sentence starting "fuzz.bands, line N: " with
//     N a line the file has;
//   - an accepted file has a name and grades, every code, label and alias something a teacher can
//     type (not blank) that finds one grade only;
//   - an accepted file, written back in the example's layout and read again, is the same
//     definition (so nothing it accepted depended on spelling, spacing or order of settings).
#include "bands_file.hpp"
#include "fuzz_check.hpp"
#include "grade_lookup.hpp"

#include <waymark/plugin.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>

namespace {

using waymark::fuzz::require;
using waymark::schemes::band_grade;
using waymark::schemes::bands_definition;

constexpr std::string_view source = "fuzz.bands";

std::string written_back(const bands_definition &definition) {
    std::string text = "name: " + definition.name + "\n";
    for (const auto &grade : definition.grades) {
        char colour[8];
        std::snprintf(colour, sizeof colour, "#%06X", static_cast<unsigned>(grade.colour_rgb));
        const char *band = grade.band == WAYMARK_BAND_BELOW ? "below" : grade.band == WAYMARK_BAND_AT ? "at" : "above";
        text += "\n[" + grade.code + "]\nlabel: " + grade.label + "\ncolour: " + colour + "\nband: " + band +
                "\non track: " + (grade.on_track ? "yes" : "no") + "\n";
        if (!grade.aliases.empty()) {
            text += "aliases: ";
            for (const auto &alias : grade.aliases) text += alias + (&alias == &grade.aliases.back() ? "\n" : ", ");
        }
        if (grade.has_points) {
            char points[64];
            const auto written = std::to_chars(points, points + sizeof points, grade.points);
            text += "points: " + std::string(points, written.ptr) + "\n";
        }
    }
    return text;
}

auto fields(const band_grade &grade) {
    return std::tie(grade.code, grade.label, grade.colour_rgb, grade.band, grade.on_track, grade.aliases, grade.has_points,
                    grade.points);
}

bands_definition parsed(const std::string &text) {
    std::istringstream in(text);
    return waymark::schemes::parse_bands(in, std::string(source));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string text(reinterpret_cast<const char *>(data), size);
    bands_definition definition;
    try {
        definition = parsed(text);
    } catch (const waymark::invalid_input &refused) {
        const std::string message = refused.what();
        require(waymark::fuzz::is_sentence(message), "a refused bands file gets a sentence");
        const std::string prefix = std::string(source) + ", line ";
        require(message.starts_with(prefix), "a refusal names the file and a line");
        const auto line = std::stoull(message.substr(prefix.size()));
        require(line >= 1 && line <= static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1,
                "the line named is one the file has");
        return 0;
    }

    require(!definition.name.empty() && !definition.grades.empty(), "an accepted file has a name and grades");
    std::map<std::string, std::size_t> grade_of;  // a name's lookup key -> the grade it finds
    for (std::size_t index = 0; index < definition.grades.size(); ++index) {
        const auto &grade = definition.grades[index];
        require(!grade.code.empty() && !grade.label.empty(), "every grade has a code and a label");
        require(grade.band == WAYMARK_BAND_BELOW || grade.band == WAYMARK_BAND_AT || grade.band == WAYMARK_BAND_ABOVE,
                "every grade has a band");
        require(grade.colour_rgb <= 0xFFFFFFu, "every colour is #RRGGBB");
        std::vector<std::string> names = grade.aliases;
        names.push_back(grade.code);
        names.push_back(grade.label);
        for (const auto &name : names) {
            require(!waymark::schemes::lookup_key(name).empty(), "every code, label and alias can be typed (is not blank)");
            const auto [found, inserted] = grade_of.emplace(waymark::schemes::lookup_key(name), index);
            require(inserted || found->second == index, "every code, label and alias finds one grade");
        }
    }

    bands_definition again;
    try {
        again = parsed(written_back(definition));
    } catch (const waymark::invalid_input &refused) {
        std::fprintf(stderr, "%s\n", refused.what());
        require(false, "an accepted file, written back, is accepted");
    }
    require(again.name == definition.name, "the name survives a write and re-read");
    require(std::ranges::equal(again.grades, definition.grades, [](const auto &a, const auto &b) { return fields(a) == fields(b); }),
            "the grades survive a write and re-read");
    return 0;
}
