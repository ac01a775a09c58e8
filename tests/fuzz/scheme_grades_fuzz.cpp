// The built-in schemes' lenient grade parsers (plugins/lancashire-four-band, app-sublevels and
// lep-points), reached through the C table as the host reaches them, on what a teacher might type.
// Invariants, for each scheme:
//   - parse returns OK with a grade the scheme has, or WAYMARK_ERROR_INVALID_INPUT with one
//     sentence that quotes the input (or says none was entered, for a blank one);
//   - an accepted input finds the grade its own code finds;
//   - leniency is only letter case and spacing: the input with ASCII letters' case swapped and a
//     space between every character is read the same way (accepted as the same grade, or refused).
#include "app_sublevels_scheme.hpp"
#include "four_band_scheme.hpp"
#include "fuzz_check.hpp"
#include "lep_points_scheme.hpp"

#include <waymark/plugin.h>
#include <waymark/plugin.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

using waymark::fuzz::require;

struct destroyer {
    void operator()(const waymark_plugin *p) const { p->destroy(p); }
};

struct scheme_under_test {
    std::unique_ptr<const waymark_plugin, destroyer> plugin;
    const waymark_scheme *table = nullptr;

    scheme_under_test(const waymark_plugin_factory *factory, const char *id) {
        char text[512] = {};
        waymark_message error{text, sizeof text};
        const waymark_plugin *created = nullptr;
        if (factory->create(factory, nullptr, id, "", &created, &error) != WAYMARK_OK || created == nullptr) __builtin_trap();
        plugin.reset(created);
        table = static_cast<const waymark_scheme *>(created->get_interface(created, WAYMARK_KIND_SCHEME));
    }

    struct reading {
        waymark_status status;
        uint32_t grade;
        std::string message;
    };

    reading parse(const std::string &input, const waymark_context &where) const {
        // Room for any sentence quoting the input, so a refusal is never seen cut short here.
        std::vector<char> text(input.size() + 4096);
        waymark_message error{text.data(), static_cast<uint32_t>(text.size())};
        reading result{WAYMARK_OK, 0, {}};
        result.status = table->parse(plugin.get(), input.c_str(), &where, &result.grade, &error);
        result.message = text.data();
        return result;
    }
};

const std::vector<scheme_under_test> &schemes() {
    static const auto all = [] {
        std::vector<scheme_under_test> made;
        made.emplace_back(waymark::detail::library<waymark::schemes::four_band_scheme>::get_factory(),
                          "org.waymark.lancashire-four-band");
        made.emplace_back(waymark::detail::library<waymark::schemes::app_sublevels_scheme>::get_factory(),
                          "org.waymark.app-sublevels");
        made.emplace_back(waymark::detail::library<waymark::schemes::lep_points_scheme>::get_factory(),
                          "org.waymark.lep-points");
        return made;
    }();
    return all;
}

bool blank(std::string_view text) { return text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos; }

std::string respaced_and_recased(std::string_view input) {
    std::string out;
    for (const char c : input) {
        if (c >= 'a' && c <= 'z') out += static_cast<char>(c - 'a' + 'A');
        else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else out += c;
        out += ' ';
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    // The first byte chooses the context (NC year -1 to 11, a term); the rest, to a NUL as the C
    // interface reads it, is the input.
    const waymark_context where{sizeof(waymark_context), static_cast<int32_t>(data[0] % 13) - 1,
                                static_cast<int32_t>(data[0] / 13 % 3) + WAYMARK_TERM_AUTUMN, "maths"};
    std::string input(reinterpret_cast<const char *>(data + 1), size - 1);
    input = input.substr(0, input.find('\0'));

    for (const auto &scheme : schemes()) {
        const auto read = scheme.parse(input, where);
        const auto again = scheme.parse(respaced_and_recased(input), where);
        if (read.status != WAYMARK_OK) {
            require(read.status == WAYMARK_ERROR_INVALID_INPUT, "a grade not read is invalid input");
            require(waymark::fuzz::is_sentence(read.message), "a refused grade gets a sentence");
            require(blank(input) ? !read.message.empty() : read.message.find("'" + input + "'") != std::string::npos,
                    "a refusal quotes the input");
            require(again.status != WAYMARK_OK, "what is refused stays refused with other case and spacing");
            continue;
        }
        require(read.grade < scheme.table->grade_count(scheme.plugin.get()), "an accepted input is a grade the scheme has");
        const waymark_grade *grade = scheme.table->grade(scheme.plugin.get(), read.grade);
        const auto by_code = scheme.parse(grade->code, where);
        require(by_code.status == WAYMARK_OK && by_code.grade == read.grade, "an accepted input finds the grade its code finds");
        require(again.status == WAYMARK_OK && again.grade == read.grade, "case and spacing do not change the grade read");
    }
    return 0;
}
