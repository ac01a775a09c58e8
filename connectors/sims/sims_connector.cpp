#include "sims_connector.hpp"

#include <soci/soci.h>

#include <stdexcept>
#include <utility>

namespace waymark::connectors {

std::string_view sims_queries_sql();  // connectors/sims/queries.sql, compiled in

namespace {

constexpr std::size_t batch_rows = 5000;

domain::date read_date(std::string_view text, std::string_view upn, std::string_view column) {
    if (const auto day = domain::parse_iso_date(text)) return *day;
    throw std::runtime_error("The MIS pupil " + std::string(upn) + " has an unreadable " + std::string(column) +
                             " '" + std::string(text) + "'; correct it in the MIS and run again.");
}

// The profile's statutory aspects: the MIS's aspect code, what Waymark calls it, and how the MIS
// writes grades Waymark spells differently.
struct statutory_aspect {
    std::string_view code;
    domain::statutory_kind kind;
    std::string_view subject;
};

constexpr std::string_view goal_codes[] = {"E01", "E02", "E03", "E04", "E05", "E06", "E07", "E08", "E09",
                                           "E10", "E11", "E12", "E13", "E14", "E15", "E16", "E17"};

std::optional<statutory_aspect> statutory_aspect_of(std::string_view code) {
    using domain::statutory_kind;
    static constexpr statutory_aspect fixed[] = {
        {"EYFSP.GLD", statutory_kind::eyfsp_gld, ""},
        {"PHONICS.MARK", statutory_kind::phonics_mark, ""},
        {"PHONICS.OUTCOME", statutory_kind::phonics_outcome, ""},
        {"KS1.READING.TA", statutory_kind::ks1_ta, "reading"},
        {"KS1.WRITING.TA", statutory_kind::ks1_ta, "writing"},
        {"KS1.MATHS.TA", statutory_kind::ks1_ta, "maths"},
        {"KS1.SCIENCE.TA", statutory_kind::ks1_ta, "science"},
    };
    for (const auto &aspect : fixed)
        if (aspect.code == code) return aspect;
    if (code.starts_with("EYFSP.E"))
        for (const auto goal : goal_codes)
            if (code.substr(6) == goal) return statutory_aspect{code, statutory_kind::eyfsp_goal, goal};
    return std::nullopt;
}

std::string statutory_value(std::string_view grade) {
    if (grade == "EMG") return "Emerging";
    if (grade == "EXP") return "Expected";
    return std::string(grade);
}

std::string digits(int value, int width) {
    std::string text = std::to_string(value);
    return std::string(text.size() < static_cast<std::size_t>(width) ? static_cast<std::size_t>(width) - text.size() : 0, '0') + text;
}

// The columns of the `pupils` query, one vector each, in the query's order.
struct pupil_columns {
    std::vector<int> establishment;
    std::vector<std::string> upn, former_upn, surname, forename, dob, gender, postcode, ethnicity, language;
    std::vector<int> looked_after;
    std::vector<std::string> la_reference, admission, leaving;
    std::vector<int> fsm, ever6_fsm;
    std::vector<std::string> sen, class_name;
    std::vector<int> year_group;

    void resize(std::size_t n) {
        for (auto *text : {&upn, &former_upn, &surname, &forename, &dob, &gender, &postcode, &ethnicity, &language,
                           &la_reference, &admission, &leaving, &sen, &class_name})
            text->resize(n);
        for (auto *number : {&establishment, &looked_after, &fsm, &ever6_fsm, &year_group}) number->resize(n);
    }
};

}  // namespace

sims_connector::sims_connector(soci::session &session, std::string_view mis_schema)
    : session_(session), queries_(sims_queries_sql(), "connectors/sims/queries.sql", mis_schema) {}

std::vector<mis_school> sims_connector::schools() {
    std::vector<int> id(batch_rows), la(batch_rows), estab(batch_rows);
    std::vector<std::string> name(batch_rows), postcode(batch_rows);
    soci::statement statement = (session_.prepare << queries_["schools"], soci::into(id), soci::into(la),
                                 soci::into(estab), soci::into(name), soci::into(postcode));
    statement.execute();
    std::vector<mis_school> schools;
    while (statement.fetch()) {
        for (std::size_t i = 0; i < id.size(); ++i)
            schools.push_back({id[i], digits(la[i], 3), digits(estab[i], 4), name[i], postcode[i]});
        for (auto *v : {&id, &la, &estab}) v->resize(batch_rows);
        for (auto *v : {&name, &postcode}) v->resize(batch_rows);
    }
    return schools;
}

std::map<int, std::vector<domain::pupil>> sims_connector::pupils(const std::vector<mis_school> &schools, domain::date as_of) {
    std::map<int, std::string> school_postcode;
    for (const auto &school : schools) school_postcode[school.establishment_id] = school.postcode;
    const std::string as_of_text = domain::format_iso_date(as_of);
    const std::string ever6_text =
        domain::format_iso_date(domain::date{as_of.year() - std::chrono::years{6}, as_of.month(), as_of.day()});
    pupil_columns c;
    c.resize(batch_rows);
    soci::statement statement =
        (session_.prepare << queries_["pupils"], soci::use(as_of_text, "as_of"), soci::use(ever6_text, "ever6_from"),
         soci::into(c.establishment), soci::into(c.upn), soci::into(c.former_upn), soci::into(c.surname),
         soci::into(c.forename), soci::into(c.dob), soci::into(c.gender), soci::into(c.postcode), soci::into(c.ethnicity),
         soci::into(c.language), soci::into(c.looked_after), soci::into(c.la_reference), soci::into(c.admission),
         soci::into(c.leaving), soci::into(c.fsm), soci::into(c.ever6_fsm), soci::into(c.sen), soci::into(c.class_name),
         soci::into(c.year_group));
    statement.execute();
    std::map<int, std::vector<domain::pupil>> pupils;
    while (statement.fetch()) {
        for (std::size_t i = 0; i < c.upn.size(); ++i) {
            domain::pupil &p = pupils[c.establishment[i]].emplace_back();
            p.upn = std::move(c.upn[i]);
            p.former_upn = std::move(c.former_upn[i]);
            p.surname = std::move(c.surname[i]);
            p.forename = std::move(c.forename[i]);
            p.date_of_birth = read_date(c.dob[i], p.upn, "date of birth");
            p.gender = c.gender[i] == "F" ? 'F' : 'M';
            p.postcode = c.postcode[i].empty() ? school_postcode[c.establishment[i]] : std::move(c.postcode[i]);
            p.ethnicity = std::move(c.ethnicity[i]);
            p.first_language = std::move(c.language[i]);
            p.eal = p.first_language == "OTH" || p.first_language == "OTB";
            p.looked_after = c.looked_after[i] != 0;
            p.la_reference = std::move(c.la_reference[i]);
            p.date_joined = read_date(c.admission[i], p.upn, "admission date");
            if (!c.leaving[i].empty()) p.date_left = read_date(c.leaving[i], p.upn, "leaving date");
            p.archived = p.date_left && *p.date_left <= as_of;
            p.fsm = c.fsm[i] != 0;
            p.ever6_fsm = c.ever6_fsm[i] != 0;
            p.sen = c.sen[i].empty() ? 'N' : c.sen[i][0];
            p.class_name = std::move(c.class_name[i]);
            const auto year = domain::academic_year_of(p.date_left && p.archived ? *p.date_left : as_of);
            if (c.year_group[i] >= 0 && c.year_group[i] != domain::nc_year(p.date_of_birth, year))
                p.year_override = c.year_group[i];
        }
        c.resize(batch_rows);
    }
    return pupils;
}

std::map<int, std::vector<domain::statutory_result>> sims_connector::statutory_results() {
    std::vector<int> establishment(batch_rows);
    std::vector<std::string> upn(batch_rows), aspect(batch_rows), year(batch_rows), value(batch_rows);
    soci::statement statement = (session_.prepare << queries_["statutory_results"], soci::into(establishment),
                                 soci::into(upn), soci::into(aspect), soci::into(year), soci::into(value));
    statement.execute();
    std::map<int, std::vector<domain::statutory_result>> results;
    while (statement.fetch()) {
        for (std::size_t i = 0; i < upn.size(); ++i) {
            const auto known = statutory_aspect_of(aspect[i]);
            if (!known) continue;
            const auto academic = domain::parse_academic_year(year[i]);
            domain::statutory_result result{upn[i], known->kind, std::string(known->subject), statutory_value(value[i]),
                                            academic.value_or(domain::academic_year{})};
            auto problem = academic ? domain::statutory_problem(result)
                                    : std::optional<std::string>("its academic year '" + year[i] + "' is not like 2023/2024");
            if (problem)
                throw std::runtime_error("The MIS result " + aspect[i] + " '" + value[i] + "' of pupil " + upn[i] +
                                         " cannot be read: " + *problem);
            results[establishment[i]].push_back(std::move(result));
        }
        establishment.resize(batch_rows);
        for (auto *v : {&upn, &aspect, &year, &value}) v->resize(batch_rows);
    }
    return results;
}

}  // namespace waymark::connectors
