// Lenient, never-guessing lookup of a teacher's input among a scheme's grades, shared by the
// built-in scheme plugins. "On track", " on  track " and "ON TRACK" are one key; anything that is
// not a listed name or alias is refused with a sentence that lists the valid choices.
#ifndef WAYMARK_SCHEMES_GRADE_LOOKUP_HPP
#define WAYMARK_SCHEMES_GRADE_LOOKUP_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace waymark::schemes {

// The comparison key of a piece of text: ASCII letters lower-cased, all whitespace removed.
std::string lookup_key(std::string_view text);

// True when `text` holds nothing but whitespace.
bool is_blank(std::string_view text);

class grade_lookup {
public:
    // `scheme_name` and `choices` (e.g. "Below (B), Towards (T)") go into refusal sentences.
    explicit grade_lookup(std::string scheme_name);

    // Makes `name` find `grade_index`. Returns false, changing nothing, when the name's key is
    // blank or already finds another grade (the same grade again is harmless).
    bool add(std::string_view name, uint32_t grade_index);

    void set_choices(std::string choices) { choices_ = std::move(choices); }
    const std::string &choices() const { return choices_; }

    std::optional<uint32_t> find(std::string_view input) const;

    // find(), or waymark::invalid_input naming the input and the valid choices.
    uint32_t parse(std::string_view input) const;

    // The sentence parse() throws for `input` (also for empty input).
    std::string refusal(std::string_view input) const;

private:
    std::string scheme_name_;
    std::string choices_;
    std::unordered_map<std::string, uint32_t> grades_by_key_;
};

}  // namespace waymark::schemes

#endif
