#include "tracking_records_options.hpp"

#include "domain/whole_number.hpp"

#include <cctype>
#include <chrono>
#include <ostream>

namespace waymark::cli {

namespace {

long long id_from(const std::string &text, std::string_view what) {
    const auto id = domain::parse_whole_number(text, 1);
    if (!id) throw usage_error(std::string(what) + " is a whole number, not '" + text + "'.");
    return *id;
}

}  // namespace

long long record_id(const invocation &args, std::size_t index, std::string_view what) {
    return id_from(args.positional(index, what), what);
}

std::optional<domain::date> date_option(const invocation &args, std::string_view name) {
    const auto text = args.option(name);
    if (!text) return std::nullopt;
    const auto day = domain::parse_iso_date(*text);
    if (!day) throw usage_error("--" + std::string(name) + " takes a date as YYYY-MM-DD, not '" + *text + "'.");
    return day;
}

domain::date required_date_option(const invocation &args, std::string_view name) {
    args.required_option(name);
    return *date_option(args, name);
}

meeting_words meeting_words_from(const invocation &args, std::size_t first) {
    meeting_words words;
    for (std::size_t i = first; i < args.positional().size(); ++i) {
        const std::string &word = args.positional()[i];
        const auto equals = word.find('=');
        if (equals == std::string::npos || equals == 0)
            throw usage_error("'" + word + "' is neither an answer (TEMPLATE_ID[@SUBJECT]=NOTES[|NEXT STEPS]) nor a barrier "
                              "(UPN=BARRIER[|NEXT STEPS]).");
        const std::string key = word.substr(0, equals), text = word.substr(equals + 1);
        const auto bar = text.find('|');
        const std::string said = text.substr(0, bar), next = bar == std::string::npos ? "" : text.substr(bar + 1);
        if (std::isalpha(static_cast<unsigned char>(key.front()))) {
            words.barriers.push_back({key, said, next});
            continue;
        }
        const auto at = key.find('@');
        words.answers.push_back({id_from(key.substr(0, at), "An answer's template id"),
                                 at == std::string::npos ? "" : key.substr(at + 1), said, next});
    }
    return words;
}

std::string day_text(const std::optional<domain::date> &day) { return day ? domain::format_iso_date(*day) : ""; }

}  // namespace waymark::cli
