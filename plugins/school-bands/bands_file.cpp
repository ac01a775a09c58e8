#include "bands_file.hpp"

#include "band_colours.hpp"
#include "grade_lookup.hpp"

#include <waymark/plugin.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <unordered_map>

namespace waymark::schemes {

namespace {

constexpr const char *format_hint =
    "a bands file starts with 'name: <scheme name>' and then has one [CODE] section per grade, lowest first";

// Every blank lookup_key ignores, so a value left non-empty is one a teacher can type.
constexpr const char *blanks = " \t\r\f\v";

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(blanks);
    return std::string(text.substr(first, last - first + 1));
}

std::optional<uint32_t> colour_from(std::string_view text) {
    static constexpr std::array<std::pair<const char *, uint32_t>, 6> named = {{{"red", colours::red},
                                                                                {"amber", colours::amber},
                                                                                {"green", colours::green},
                                                                                {"blue", colours::blue},
                                                                                {"grey", colours::grey},
                                                                                {"white", colours::white}}};
    const std::string key = lookup_key(text);
    for (const auto &[name, rgb] : named) {
        if (key == name) return rgb;
    }
    if (key.size() != 7 || key[0] != '#') return std::nullopt;
    uint32_t rgb = 0;
    const auto [end, error] = std::from_chars(key.data() + 1, key.data() + key.size(), rgb, 16);
    if (error != std::errc() || end != key.data() + key.size()) return std::nullopt;
    return rgb;
}

class parser {
public:
    explicit parser(const std::string &source) : source_(source) {}

    bands_definition run(std::istream &text) {
        std::string raw;
        while (std::getline(text, raw)) {
            ++line_;
            // A message quoting the line would end at its first NUL, so it is refused before anything
            // is read from it; UTF-16, as some editors save text, has one in every character.
            if (raw.find('\0') != std::string::npos)
                fail(line_, "the line has a NUL byte, so the file is not text; save it as UTF-8 text");
            const std::string line = trim(raw);
            if (line.empty() || line[0] == '#') continue;
            if (line.front() == '[') {
                start_grade(line);
            } else {
                set(line);
            }
        }
        finish_grade();
        if (definition_.name.empty() && definition_.grades.empty()) {
            fail(1, "the file has no settings; " + std::string(format_hint) + " (see example.bands)");
        }
        if (definition_.name.empty()) fail(1, "the file has no 'name:' line; put 'name: <scheme name>' before the first grade");
        if (definition_.grades.empty()) fail(line_, "the file names no grades; add one [CODE] section per grade, lowest first");
        return std::move(definition_);
    }

private:
    struct open_grade {
        band_grade grade;
        std::size_t line = 0;
        std::unordered_map<std::string, std::size_t> keys_seen;  // key -> line
        std::optional<bool> on_track;
    };

    [[noreturn]] void fail(std::size_t line, const std::string &problem) const {
        throw invalid_input(source_ + ", line " + std::to_string(line) + ": " + problem + ".");
    }

    void start_grade(const std::string &line) {
        finish_grade();
        if (line.back() != ']') fail(line_, "a grade section is written [CODE] with a closing bracket");
        const std::string code = trim(std::string_view(line).substr(1, line.size() - 2));
        if (code.empty()) fail(line_, "the grade section '[]' has no code; write the code teachers' grades are stored as, such as [OT]");
        if (definition_.name.empty()) fail(line_, "the 'name:' line must come before the first grade");
        if (auto [first, inserted] = codes_.emplace(lookup_key(code), line_); !inserted) {
            fail(line_, "the code '" + code + "' is already used by the grade on line " + std::to_string(first->second) +
                            "; give each grade its own code");
        }
        current_ = open_grade{};
        current_->grade.code = code;
        current_->line = line_;
        claim(code, code);
    }

    // Makes `name` find the current grade in teacher input, refusing a name another grade has.
    void claim(const std::string &name, const std::string &code) {
        auto [found, inserted] = names_.emplace(lookup_key(name), std::pair{code, line_});
        if (!inserted && found->second.first != code) {
            fail(line_, "'" + name + "' already names the grade [" + found->second.first + "] (line " +
                            std::to_string(found->second.second) + "); every code, label and alias must be unique");
        }
    }

    void set(const std::string &line) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) {
            fail(line_, "'" + line + "' is neither a [CODE] section nor a 'key: value' line");
        }
        const std::string key = lookup_key(line.substr(0, colon));
        const std::string value = trim(std::string_view(line).substr(colon + 1));
        if (!current_) {
            if (key != "name") fail(line_, "'" + trim(line.substr(0, colon)) + "' is not a setting of the file; before the first [CODE] section only 'name:' may appear");
            if (!definition_.name.empty()) fail(line_, "the file has a second 'name:' line; keep one");
            if (value.empty()) fail(line_, "the name is empty; write the scheme's name after 'name:'");
            definition_.name = value;
            return;
        }
        const std::string canonical = key == "colour" || key == "color" ? "colour" : key == "on-track" ? "ontrack" : key;
        if (auto [seen, inserted] = current_->keys_seen.emplace(canonical, line_); !inserted) {
            fail(line_, "the grade [" + current_->grade.code + "] already has '" + trim(line.substr(0, colon)) +
                            "' (line " + std::to_string(seen->second) + "); keep one");
        }
        band_grade &grade = current_->grade;
        if (canonical == "label") {
            if (value.empty()) fail(line_, "the label is empty; write what teachers see, such as 'label: On track'");
            grade.label = value;
            claim(value, grade.code);
        } else if (canonical == "colour") {
            const auto rgb = colour_from(value);
            if (!rgb) fail(line_, "'" + value + "' is not a colour; write #RRGGBB (such as #43A047) or one of red, amber, green, blue, grey, white");
            grade.colour_rgb = *rgb;
        } else if (canonical == "band") {
            const std::string band = lookup_key(value);
            if (band == "below") grade.band = WAYMARK_BAND_BELOW;
            else if (band == "at") grade.band = WAYMARK_BAND_AT;
            else if (band == "above") grade.band = WAYMARK_BAND_ABOVE;
            else fail(line_, "the band must be below, at or above, not '" + value + "'");
        } else if (canonical == "ontrack") {
            const std::string answer = lookup_key(value);
            if (answer != "yes" && answer != "no") fail(line_, "'on track' must be yes or no, not '" + value + "'");
            current_->on_track = answer == "yes";
        } else if (canonical == "aliases") {
            std::string_view rest = value;
            while (!rest.empty()) {
                const auto comma = rest.find(',');
                const std::string alias = trim(rest.substr(0, comma));
                if (alias.empty()) fail(line_, "an alias is empty; separate aliases with single commas");
                grade.aliases.push_back(alias);
                claim(alias, grade.code);
                rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            }
        } else if (canonical == "points") {
            double points = 0;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), points);
            // from_chars also reads "nan" and "inf", which no average can use.
            if (value.empty() || error != std::errc() || end != value.data() + value.size() || !std::isfinite(points)) {
                fail(line_, "'" + value + "' is not a number of points; write a number such as 3 or 2.5");
            }
            grade.has_points = true;
            grade.points = points;
        } else {
            fail(line_, "'" + trim(line.substr(0, colon)) + "' is not a setting of a grade; use label, colour, band, on track, aliases or points");
        }
    }

    void finish_grade() {
        if (!current_) return;
        for (const char *required : {"label", "colour", "band"}) {
            if (current_->keys_seen.count(required) == 0) {
                fail(current_->line, "the grade [" + current_->grade.code + "] has no " + required + "; add a '" +
                                         required + ": ...' line under it");
            }
        }
        current_->grade.on_track = current_->on_track.value_or(current_->grade.band != WAYMARK_BAND_BELOW);
        definition_.grades.push_back(std::move(current_->grade));
        current_.reset();
    }

    const std::string &source_;
    std::size_t line_ = 0;
    bands_definition definition_;
    std::optional<open_grade> current_;
    std::unordered_map<std::string, std::size_t> codes_;                          // code's key -> line
    std::unordered_map<std::string, std::pair<std::string, std::size_t>> names_;  // key -> {code, line}
};

}  // namespace

bands_definition parse_bands(std::istream &text, const std::string &source) { return parser(source).run(text); }

bands_definition read_bands_file(const std::string &path) {
    if (path.empty()) {
        throw invalid_input("The school-bands scheme needs the path of a bands file as its setting (see example.bands).");
    }
    std::ifstream file(path);
    if (!file) throw invalid_input(path + " cannot be opened; check that the school-bands setting names a readable bands file.");
    return parse_bands(file, path);
}

}  // namespace waymark::schemes
