#include "services/pupils/pupil_filter.hpp"

#include "domain/codes.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>

namespace waymark::services {
namespace {

struct yes_no_option {
    std::string_view name;
    std::string_view label;
    std::optional<bool> pupil_filter::*field;
};

constexpr std::array yes_no_options{
    yes_no_option{"summer-born", "summer born", &pupil_filter::summer_born},
    yes_no_option{"pp", "PP", &pupil_filter::pupil_premium},
    yes_no_option{"fsm", "FSM", &pupil_filter::fsm},
    yes_no_option{"ever6", "Ever 6", &pupil_filter::ever6_fsm},
    yes_no_option{"disadvantaged", "disadvantaged", &pupil_filter::disadvantaged},
    yes_no_option{"eal", "EAL", &pupil_filter::eal},
    yes_no_option{"intervention", "intervention", &pupil_filter::intervention},
};

constexpr std::string_view option_names[]{
    "academic-year", "year", "key-stage", "class", "group", "gender", "summer-born", "sen",
    "ethnicity", "pp", "fsm", "ever6", "disadvantaged", "eal", "intervention",
    "custom1", "custom2", "custom3", "custom4", "custom5", "custom6"};

std::string upper(std::string_view text) {
    std::string out(text);
    for (char &c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool parse_yes_no(std::string_view option, const std::string &text) {
    const std::string word = upper(text);
    if (word == "YES" || word == "Y" || word == "TRUE" || word == "1") return true;
    if (word == "NO" || word == "N" || word == "FALSE" || word == "0") return false;
    throw filter_error("--" + std::string(option) + " takes yes or no, not \"" + text + "\".");
}

int parse_year_group(const std::string &text) {
    const std::string word = upper(text);
    if (word == "R" || word == "RECEPTION") return 0;
    if (word == "N" || word == "NURSERY") return -1;
    std::string_view digits = word;
    if (digits.starts_with('Y')) digits.remove_prefix(1);
    int year = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), year);
    if (error != std::errc{} || end != digits.data() + digits.size() || digits.empty() || year < 1 || year > 11)
        throw filter_error("--year takes a year group: R (Reception), N (nursery) or 1 to 11, not \"" + text + "\".");
    return year;
}

std::string year_group_name(int year) {
    if (year == 0) return "Reception";
    if (year < 0) return "Nursery";
    return "Year " + std::to_string(year);
}

std::string joined(const std::vector<std::string> &names) {
    std::string out;
    for (const auto &name : names) out += (out.empty() ? "" : ", ") + name;
    return out.empty() ? "none" : out;
}

// The id of the school's row named `name` in `table` (wm_classes or wm_groups), or a filter_error
// listing the names there are.
long long named_id(soci::session &session, const store::school &school, const std::string &table, const std::string &what,
                   const std::string &name) {
    std::vector<long long> ids(256);
    std::vector<std::string> names(256);
    std::vector<std::string> all;
    long long found = 0;
    soci::statement rows = (session.prepare << "SELECT id, CAST(name AS VARCHAR(100)) FROM " + table +
                                                   " WHERE school_id = :school ORDER BY name",
                            soci::into(ids), soci::into(names), soci::use(school.id, "school"));
    rows.execute();
    while (rows.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (names[i] == name) found = ids[i];
            all.push_back(names[i]);
        }
        ids.resize(256);
        names.resize(256);
    }
    if (found == 0)
        throw filter_error("No " + what + " named \"" + name + "\" at " + school.name + "; its " + what + "es are: " +
                           joined(all) + ".");
    return found;
}

}  // namespace

bool pupil_filter::whole_school() const {
    pupil_filter plain;
    plain.academic_year = academic_year;
    return *this == plain;
}

std::string pupil_filter::describe() const {
    std::vector<std::string> parts;
    if (academic_year) parts.push_back(domain::format_academic_year(*academic_year));
    if (year_group) parts.push_back(year_group_name(*year_group));
    if (key_stage) parts.push_back(upper(*key_stage));
    if (class_name) parts.push_back("class " + *class_name);
    if (group) parts.push_back("group \"" + *group + "\"");
    if (gender) parts.push_back(*gender == 'F' ? "girls" : "boys");
    if (sen) parts.push_back("SEN " + std::string(1, *sen));
    if (ethnicity) parts.push_back("ethnicity " + *ethnicity);
    for (const auto &option : yes_no_options) {
        if (const auto &value = this->*option.field) parts.push_back(std::string(option.label) + (*value ? " yes" : " no"));
    }
    for (std::size_t slot = 0; slot < custom_flags.size(); ++slot) {
        if (custom_flags[slot]) parts.push_back("custom " + std::to_string(slot + 1) + (*custom_flags[slot] ? " yes" : " no"));
    }
    if (parts.size() == (academic_year ? 1U : 0U)) parts.push_back("Whole school");
    std::string out;
    for (const auto &part : parts) out += (out.empty() ? "" : ", ") + part;
    return out;
}

std::optional<nc_year_range> key_stage_years(std::string_view name) {
    const std::string word = upper(name);
    if (word == "EYFS") return nc_year_range{0, 0};
    if (word == "KS1") return nc_year_range{1, 2};
    if (word == "KS2") return nc_year_range{3, 6};
    if (word == "LKS2") return nc_year_range{3, 4};
    if (word == "UKS2") return nc_year_range{5, 6};
    if (word == "KS3") return nc_year_range{7, 9};
    if (word == "KS4") return nc_year_range{10, 11};
    return std::nullopt;
}

std::span<const std::string_view> pupil_filter_options() { return option_names; }

pupil_filter parse_pupil_filter(const std::function<std::optional<std::string>(std::string_view)> &value) {
    pupil_filter filter;
    if (const auto text = value("academic-year")) {
        filter.academic_year = domain::parse_academic_year(*text);
        if (!filter.academic_year)
            throw filter_error("--academic-year takes an academic year such as 2025/2026, not \"" + *text + "\".");
    }
    if (const auto text = value("year")) filter.year_group = parse_year_group(*text);
    if (const auto text = value("key-stage")) {
        if (!key_stage_years(*text))
            throw filter_error("--key-stage takes EYFS, KS1, KS2, LKS2, UKS2, KS3 or KS4, not \"" + *text + "\".");
        filter.key_stage = upper(*text);
    }
    for (const auto &[option, field] : {std::pair{"class", &pupil_filter::class_name}, std::pair{"group", &pupil_filter::group}}) {
        if (const auto text = value(option)) {
            if (text->empty()) throw filter_error("--" + std::string(option) + " takes a name; it was empty.");
            filter.*field = *text;
        }
    }
    if (const auto text = value("gender")) {
        const auto *code = domain::find_gender(*text);
        if (code == nullptr) throw filter_error("--gender takes M or F, not \"" + *text + "\".");
        filter.gender = code->code.front();
    }
    if (const auto text = value("sen")) {
        const auto *code = domain::find_sen(*text);
        if (code == nullptr) throw filter_error("--sen takes N, K, E, A, P or S, not \"" + *text + "\".");
        filter.sen = code->code.front();
    }
    if (const auto text = value("ethnicity")) {
        const auto *code = domain::find_ethnicity(*text);
        if (code == nullptr)
            throw filter_error("--ethnicity takes an ethnicity code such as WBRI or WENG, not \"" + *text + "\".");
        filter.ethnicity = std::string(code->code);
    }
    for (const auto &option : yes_no_options) {
        if (const auto text = value(option.name)) filter.*option.field = parse_yes_no(option.name, *text);
    }
    for (std::size_t slot = 0; slot < filter.custom_flags.size(); ++slot) {
        const std::string option = "custom" + std::to_string(slot + 1);
        if (const auto text = value(option)) filter.custom_flags[slot] = parse_yes_no(option, *text);
    }
    return filter;
}

pupil_condition::pupil_condition(soci::session &session, const store::school &school, const pupil_filter &filter,
                                 inclusion which)
    : year_(filter.academic_year.value_or(school.current_year)) {
    // The year override is kept for the school's current year (the rollover moves it up), so in
    // another academic year it shifts by the difference. The years are integers of ours, written as
    // literals so the expression can appear in SELECT and GROUP BY lists without parameters.
    const std::string cohort =
        "(CAST(SUBSTR(p.date_of_birth, 1, 4) AS INTEGER) - CASE WHEN SUBSTR(p.date_of_birth, 6, 2) < '09' THEN 1 ELSE 0 END)";
    nc_year_sql_ = "COALESCE(p.year_override + " + std::to_string(year_.start_year - school.current_year.start_year) + ", " +
                   std::to_string(year_.start_year - 5) + " - " + cohort + ")";

    where_ = "p.school_id = " + placeholder(school.id) + " AND p.archived = 0";
    if (which != inclusion::all) add("p.include_in_data = " + placeholder(which == inclusion::included ? 1 : 0));
    if (filter.year_group) add(nc_year_sql_ + " = " + placeholder(*filter.year_group));
    if (filter.key_stage) {
        const nc_year_range years = *key_stage_years(*filter.key_stage);
        add(nc_year_sql_ + " BETWEEN " + placeholder(years.first) + " AND " + placeholder(years.last));
    }
    if (filter.class_name)
        add("p.class_id = " + placeholder(named_id(session, school, "wm_classes", "class", *filter.class_name)));
    if (filter.group)
        add("p.id IN (SELECT m.pupil_id FROM wm_group_members m WHERE m.group_id = " +
            placeholder(named_id(session, school, "wm_groups", "group", *filter.group)) + ")");
    if (filter.gender) add("p.gender = " + placeholder(std::string(1, *filter.gender)));
    if (filter.sen) add("p.sen = " + placeholder(std::string(1, *filter.sen)));
    if (filter.ethnicity) {
        std::string codes;
        for (const auto &code : domain::ethnicity_codes()) {
            if (code.code == *filter.ethnicity || code.main_code == *filter.ethnicity)
                codes += (codes.empty() ? "" : ", ") + placeholder(std::string(code.code));
        }
        add("p.ethnicity IN (" + codes + ")");
    }
    const auto flag = [&](const std::optional<bool> &wanted, const std::string &expression) {
        if (wanted) add(expression + " = " + placeholder(*wanted ? 1 : 0));
    };
    flag(filter.summer_born, "CASE WHEN SUBSTR(p.date_of_birth, 6, 2) BETWEEN '04' AND '08' THEN 1 ELSE 0 END");
    flag(filter.pupil_premium, "p.pupil_premium");
    flag(filter.fsm, "p.fsm");
    flag(filter.ever6_fsm, "p.ever6_fsm");
    flag(filter.disadvantaged,
         "CASE WHEN p.ever6_fsm = 1 OR p.looked_after = 1 OR p.previously_looked_after = 1 THEN 1 ELSE 0 END");
    flag(filter.eal, "p.eal");
    if (filter.intervention)
        // Interventions travel with the child (services/meetings/interventions.hpp): any school's, by UPN.
        flag(filter.intervention, "CASE WHEN EXISTS (SELECT 1 FROM wm_interventions i JOIN wm_pupils q ON q.id = i.pupil_id "
                                  "WHERE (q.upn = p.upn OR q.upn = p.former_upn) AND i.academic_year = " +
                                      placeholder(year_.start_year) + ") THEN 1 ELSE 0 END");
    for (std::size_t slot = 0; slot < filter.custom_flags.size(); ++slot)
        flag(filter.custom_flags[slot], "p.custom_flag_" + std::to_string(slot + 1));
}

void pupil_condition::only_upns(std::span<const std::string> upns) {
    if (upns.empty()) return;
    std::string list;
    for (const auto &upn : upns) list += (list.empty() ? "" : ", ") + placeholder(upn);
    add("p.upn IN (" + list + ")");
}

std::string pupil_condition::placeholder(std::variant<long long, std::string> value) {
    names_.push_back("pf" + std::to_string(names_.size()));
    values_.push_back(std::move(value));
    return ":" + names_.back();
}

void pupil_condition::bind(soci::statement &statement) const {
    for (std::size_t i = 0; i < values_.size(); ++i)
        std::visit([&](const auto &value) { statement.exchange(soci::use(value, names_[i])); }, values_[i]);
}

void pupil_condition::bind(soci::details::prepare_temp_type &statement) const {
    for (std::size_t i = 0; i < values_.size(); ++i)
        std::visit([&](const auto &value) { statement, soci::use(value, names_[i]); }, values_[i]);
}

std::vector<filtered_pupil> filtered_pupils(soci::session &session, const store::school &school, const pupil_filter &filter,
                                            inclusion which, std::span<const std::string> only_upns) {
    pupil_condition condition(session, school, filter, which);
    condition.only_upns(only_upns);
    constexpr std::size_t batch = 512;
    std::vector<long long> ids(batch);
    std::vector<std::string> upns(batch), surnames(batch), forenames(batch), classes(batch);
    std::vector<int> years(batch), included(batch);
    soci::details::prepare_temp_type query =
        (session.prepare << "SELECT p.id, p.upn, p.surname, p.forename, CAST(COALESCE(c.name, '') AS VARCHAR(60)), " +
                                condition.nc_year_sql() + ", p.include_in_data FROM wm_pupils p LEFT JOIN wm_classes c ON "
                                "c.id = p.class_id WHERE " + condition.where() + " ORDER BY p.surname, p.forename, p.upn",
         soci::into(ids), soci::into(upns), soci::into(surnames), soci::into(forenames), soci::into(classes),
         soci::into(years), soci::into(included));
    condition.bind(query);
    soci::statement rows(query);
    std::vector<filtered_pupil> result;
    rows.execute();
    while (rows.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i)
            result.push_back({ids[i], upns[i], surnames[i], forenames[i], classes[i], years[i], included[i] != 0});
        for (auto *column : {&upns, &surnames, &forenames, &classes}) column->resize(batch);
        ids.resize(batch);
        years.resize(batch);
        included.resize(batch);
    }
    return result;
}

int excluded_pupils(soci::session &session, const store::school &school, const pupil_filter &filter) {
    const pupil_condition condition(session, school, filter, inclusion::excluded);
    int count = 0;
    soci::details::prepare_temp_type query =
        (session.prepare << "SELECT CAST(COUNT(*) AS INTEGER) FROM wm_pupils p WHERE " + condition.where(), soci::into(count));
    condition.bind(query);
    soci::statement(query).execute(true);
    return count;
}

std::vector<long long> on_roll_pupil_ids(soci::session &session, const store::school &school,
                                         std::span<const std::string> upns) {
    std::map<std::string, long long, std::less<>> on_roll;
    for (const auto &pupil : filtered_pupils(session, school, {}, inclusion::all)) on_roll.emplace(pupil.upn, pupil.id);
    std::vector<long long> ids;
    std::vector<std::string> unknown;
    std::set<long long> seen;
    for (const auto &upn : upns) {
        const auto found = on_roll.find(upn);
        if (found == on_roll.end()) {
            unknown.push_back(upn);
        } else if (seen.insert(found->second).second) {
            ids.push_back(found->second);
        }
    }
    if (!unknown.empty())
        throw filter_error("No pupil on roll at " + school.name + " has UPN " + joined(unknown) +
                           "; check the UPN (pupils who have left are archived and cannot be chosen).");
    return ids;
}

}  // namespace waymark::services
