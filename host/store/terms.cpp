#include "store/terms.hpp"

#include "store/schools.hpp"

#include <stdexcept>

namespace waymark::store {
namespace {

void check(domain::academic_year year, const std::vector<term_dates> &terms) {
    const std::string year_name = domain::format_academic_year(year);
    if (terms.empty() || terms.size() > 6) {
        throw std::invalid_argument("A school year has 1 to 6 terms, not " + std::to_string(terms.size()) + ".");
    }
    for (std::size_t i = 0; i < terms.size(); ++i) {
        const auto &term = terms[i];
        const std::string named = "The term '" + term.name + "' (" + domain::format_iso_date(term.starts_on) + " to " +
                                  domain::format_iso_date(term.ends_on) + ")";
        if (term.name.empty()) throw std::invalid_argument("Term " + std::to_string(i + 1) + " of " + year_name + " has no name.");
        if (term.ends_on < term.starts_on) throw std::invalid_argument(named + " ends before it starts.");
        if (!year.contains(term.starts_on) || !year.contains(term.ends_on)) {
            throw std::invalid_argument(named + " is not within " + year_name + " (1 September to 31 August).");
        }
        if (i > 0 && term.starts_on <= terms[i - 1].ends_on) {
            throw std::invalid_argument(named + " starts before '" + terms[i - 1].name + "' ends.");
        }
    }
}

}  // namespace

void save_terms(soci::session &session, long long school_id, domain::academic_year year,
                const std::vector<term_dates> &terms) {
    check(year, terms);
    ensure_academic_year(session, year);
    session << "DELETE FROM wm_terms WHERE school_id = :school AND academic_year = :year", soci::use(school_id),
        soci::use(year.start_year);
    std::vector<long long> schools(terms.size(), school_id);
    std::vector<int> years(terms.size(), year.start_year), sequences;
    std::vector<std::string> names, starts, ends;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        sequences.push_back(static_cast<int>(i + 1));
        names.push_back(terms[i].name);
        starts.push_back(domain::format_iso_date(terms[i].starts_on));
        ends.push_back(domain::format_iso_date(terms[i].ends_on));
    }
    session << "INSERT INTO wm_terms (school_id, academic_year, sequence, name, starts_on, ends_on) "
               "VALUES (:school, :year, :sequence, :name, :starts_on, :ends_on)",
        soci::use(schools), soci::use(years), soci::use(sequences), soci::use(names), soci::use(starts), soci::use(ends);
}

std::vector<term_dates> load_terms(soci::session &session, long long school_id, domain::academic_year year) {
    std::vector<std::string> names(6), starts(6), ends(6);
    session << "SELECT name, starts_on, ends_on FROM wm_terms WHERE school_id = :school AND academic_year = :year "
               "ORDER BY sequence",
        soci::use(school_id), soci::use(year.start_year), soci::into(names), soci::into(starts), soci::into(ends);
    std::vector<term_dates> terms;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto starts_on = domain::parse_iso_date(starts[i]);
        const auto ends_on = domain::parse_iso_date(ends[i]);
        if (!starts_on || !ends_on) throw std::runtime_error("wm_terms holds a term date that is not a date: " + starts[i] + ", " + ends[i]);
        terms.push_back({names[i], *starts_on, *ends_on});
    }
    return terms;
}

}  // namespace waymark::store
