// The school-bands file: a school's own descriptor scheme, written by hand by a data manager.
// See README.md and example.bands for the format. Every problem is one sentence naming the file and
// the line.
#ifndef WAYMARK_SCHEMES_BANDS_FILE_HPP
#define WAYMARK_SCHEMES_BANDS_FILE_HPP

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace waymark::schemes {

struct band_grade {
    std::string code;
    std::string label;
    uint32_t colour_rgb = 0;
    int32_t band = 0;       // WAYMARK_BAND_BELOW, _AT or _ABOVE
    bool on_track = false;  // defaults to band != below
    std::vector<std::string> aliases;
    bool has_points = false;
    double points = 0.0;
};

struct bands_definition {
    std::string name;
    std::vector<band_grade> grades;  // lowest first, as in the file
};

// Reads a definition; `source` names the file in messages. Throws waymark::invalid_input.
bands_definition parse_bands(std::istream &text, const std::string &source);
bands_definition read_bands_file(const std::string &path);

}  // namespace waymark::schemes

#endif
