#include "services/pupils/schools.hpp"

#include "domain/postcode.hpp"
#include "services/record_json.hpp"

#include <algorithm>
#include <cctype>

namespace waymark::services {
namespace {

bool all_digits(const std::string &text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool blank(const std::string &text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

store::school checked(const new_school &details, domain::date today) {
    if (details.laestab.size() != 7 || !all_digits(details.laestab))
        throw school_details_error("laestab", "A school's number is its LA number and establishment number together, seven digits "
                                   "such as 8012000, not '" + details.laestab + "'.");
    if (blank(details.name) || details.name.size() > 200)
        throw school_details_error("name", "Give the school's name (1 to 200 characters).");
    store::school school;
    school.la_number = details.laestab.substr(0, 3);
    school.establishment_number = details.laestab.substr(3);
    school.name = details.name;
    if (!details.postcode.empty()) {
        const auto postcode = domain::normalise_postcode(details.postcode);
        if (!postcode)
            throw school_details_error("postcode", "The postcode '" + details.postcode + "' is not a UK postcode such as PR1 8XJ.");
        school.postcode = *postcode;
    }
    if (!details.urn.empty() && (details.urn.size() != 6 || !all_digits(details.urn)))
        throw school_details_error("urn", "A URN is six digits, such as 119234, not '" + details.urn + "'; leave it out if unknown.");
    school.urn = details.urn;
    school.current_year = domain::academic_year_of(today);
    return school;
}

}  // namespace

store::school add_school(store::database &db, const new_school &details, domain::date today, const with_new_school &also) {
    const store::school wanted = checked(details, today);
    return db.transaction("adding school " + details.laestab, [&](soci::session &session) {
        if (const auto existing = store::find_school(session, wanted.la_number, wanted.establishment_number))
            throw school_exists_error("The database already holds school " + details.laestab + " (" + existing->name +
                                      "); nothing was added.");
        auto added = store::find_or_create_school(session, wanted);
        if (also) also(session, added);
        return added;
    });
}

Poco::JSON::Object school_json(const store::school &which) {
    return json_object({{"school", store::laestab(which)}, {"name", which.name}, {"urn", which.urn},
                        {"postcode", which.postcode}, {"current_year", domain::format_academic_year(which.current_year)}});
}

}  // namespace waymark::services
