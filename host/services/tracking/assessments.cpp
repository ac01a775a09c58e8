#include "services/tracking/assessments.hpp"

#include "store/fetch_rows.hpp"
#include "services/tracking/school_settings.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <set>

namespace waymark::services {
namespace {

constexpr std::string_view core_subjects[] = {"reading", "writing", "maths"};
constexpr std::size_t longest_title = 60;

std::string joined(const std::vector<std::string> &words) {
    std::string out;
    for (const auto &word : words) out += (out.empty() ? "" : ", ") + word;
    return out;
}

void check_title(const std::optional<std::string> &title, std::string_view column) {
    if (!title) return;
    if (title->empty() || title->size() > longest_title)
        throw tracking_error("The " + std::string(column) + " title must be 1 to " + std::to_string(longest_title) +
                             " characters; give it a name such as KLIPS or NFER.");
}

void check_spec(const assessment &spec) {
    if (spec.name.empty() || spec.name.size() > 100)
        throw tracking_error("An assessment needs a name of 1 to 100 characters.");
    if (spec.year_groups.empty())
        throw tracking_error("Choose at least one year group (Reception 0 to Year 11) for assessment '" + spec.name + "'.");
    for (const int year : spec.year_groups) {
        if (year < 0 || year > 11)
            throw tracking_error("Year group " + std::to_string(year) + " is outside Reception (0) to Year 11; choose year groups 0 to 11.");
    }
    check_title(spec.formative_title, "formative curriculum");
    check_title(spec.test_scores_title, "test scores");
    const bool has_tests = std::any_of(spec.subjects.begin(), spec.subjects.end(), [](const auto &s) { return s.test_score.has_value(); });
    if (has_tests && !spec.test_scores_title)
        throw tracking_error("Test score columns need a title (for example NFER); give --tests-title.");
}

domain::term term_from(const std::string &name) {
    return domain::parse_term(name).value_or(domain::term::autumn);
}

}  // namespace

std::map<std::string, long long, std::less<>> subject_ids(soci::session &session) {
    std::map<std::string, long long, std::less<>> found;
    std::vector<std::string> codes;
    std::vector<long long> ids;
    store::size_for_fetch(codes, ids);
    soci::statement rows = (session.prepare << "SELECT code, id FROM wm_subjects", soci::into(codes),
                            soci::into(ids));
    store::fetch_rows(rows, [&](std::size_t i) { found.emplace(codes[i], ids[i]); }, codes, ids);
    return found;
}

std::map<std::string, std::string, std::less<>> subject_names(soci::session &session) {
    std::map<std::string, std::string, std::less<>> found;
    std::vector<std::string> codes, names;
    store::size_for_fetch(codes, names);
    soci::statement rows = (session.prepare << "SELECT code, name FROM wm_subjects", soci::into(codes), soci::into(names));
    store::fetch_rows(rows, [&](std::size_t i) { found.emplace(codes[i], names[i]); }, codes, names);
    return found;
}

const plugins::scheme &scheme_library::get(std::string_view id) const {
    const plugins::scheme_entry *entry = catalog_->find(id);
    if (entry == nullptr) {
        const auto ids = loaded_ids();
        throw tracking_error("No descriptor scheme '" + std::string(id) + "' is loaded; choose one of: " +
                             (ids.empty() ? std::string("(none loaded)") : joined(ids)) + ".");
    }
    if (!entry->ready) throw tracking_error("The descriptor scheme '" + std::string(id) + "' cannot be used: " + entry->problem);
    return *entry->ready;
}

std::vector<std::string> scheme_library::loaded_ids() const {
    std::vector<std::string> ids;
    for (const auto &entry : catalog_->entries()) ids.push_back(entry.listing.descriptor.id);
    return ids;
}

// Indexed by test_score_kind; the names wm_assessment_subjects.test_score_kind allows.
constexpr std::array<std::string_view, 4> test_score_kind_names{"standardised", "raw", "percentage", "reading_age"};

std::string_view test_score_kind_name(test_score_kind kind) { return test_score_kind_names.at(static_cast<std::size_t>(kind)); }

std::optional<test_score_kind> parse_test_score_kind(std::string_view name) {
    const auto found = std::find(test_score_kind_names.begin(), test_score_kind_names.end(), name);
    if (found == test_score_kind_names.end()) return std::nullopt;
    return static_cast<test_score_kind>(found - test_score_kind_names.begin());
}

double parse_test_score(std::string_view text, test_score_kind kind) {
    struct range { double low, high; const char *what; };
    const range allowed = [&]() -> range {
        switch (kind) {
            case test_score_kind::standardised: return {40, 160, "a standardised score from 40 to 160"};
            case test_score_kind::raw_mark: return {0, 1000, "a raw mark from 0 to 1000"};
            case test_score_kind::percentage: return {0, 100, "a percentage from 0 to 100"};
            case test_score_kind::reading_age_months: return {0, 240, "a reading age in months from 0 to 240"};
        }
        return {0, 0, ""};
    }();
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) ||
        value < allowed.low || value > allowed.high)
        throw tracking_error("'" + std::string(text) + "' is not a test score here; this column takes " + allowed.what + ".");
    return value;
}

const assessment_subject *assessment::subject(std::string_view code) const {
    const auto found = std::find_if(subjects.begin(), subjects.end(), [&](const auto &s) { return s.code == code; });
    return found == subjects.end() ? nullptr : &*found;
}

std::vector<std::string> assessable_subjects(soci::session &session) {
    std::vector<std::string> codes;
    for (const auto &[code, id] : subject_ids(session))
        if (code != "phonics") codes.push_back(code);
    return codes;
}

assessment create_assessment(store::database &db, const store::school &school, assessment spec,
                             const scheme_library &schemes, std::string_view default_scheme) {
    check_spec(spec);
    std::sort(spec.year_groups.begin(), spec.year_groups.end());
    spec.year_groups.erase(std::unique(spec.year_groups.begin(), spec.year_groups.end()), spec.year_groups.end());
    for (const auto core : core_subjects) {
        if (!spec.subject(core)) spec.subjects.insert(spec.subjects.begin(), assessment_subject{std::string(core), "", {}});
    }
    return db.transaction("creating assessment '" + spec.name + "'", [&](soci::session &session) {
        // A subject named without a scheme takes the school's choice for it, else the one given.
        const auto chosen = chosen_schemes(session, school.id);
        for (auto &subject : spec.subjects) {
            if (subject.scheme_id.empty()) {
                const auto found = chosen.find(subject.code);
                subject.scheme_id = found != chosen.end() ? found->second : std::string(default_scheme);
            }
            schemes.get(subject.scheme_id);  // refuses an id no loaded scheme has
        }
        auto ids = subject_ids(session);
        ids.erase("phonics");  // a column of its own, not a judged subject
        std::set<std::string> seen;
        for (const auto &subject : spec.subjects) {
            if (!ids.contains(subject.code)) {
                std::vector<std::string> names;
                for (const auto &[code, id] : ids) names.push_back(code);
                throw tracking_error("'" + subject.code + "' is not a subject Waymark tracks; choose from: " + joined(names) + ".");
            }
            if (!seen.insert(subject.code).second) throw tracking_error("Subject '" + subject.code + "' is listed twice.");
        }
        std::sort(spec.subjects.begin(), spec.subjects.end(),
                  [&](const auto &a, const auto &b) { return ids.find(a.code)->second < ids.find(b.code)->second; });
        int taken = 0;
        session << "SELECT COUNT(*) FROM wm_assessments WHERE school_id = :s AND academic_year = :y AND name = :n",
            soci::use(school.id), soci::use(spec.year.start_year), soci::use(spec.name), soci::into(taken);
        if (taken > 0)
            throw tracking_error("The school already has an assessment named '" + spec.name + "' in " +
                                 domain::format_academic_year(spec.year) + "; choose another name.");
        const std::string assessed_on = domain::format_iso_date(spec.assessed_on);
        const std::string term(domain::term_name(spec.term));
        const int phonics = spec.phonics ? 1 : 0;
        soci::indicator formative_set = spec.formative_title ? soci::i_ok : soci::i_null;
        soci::indicator tests_set = spec.test_scores_title ? soci::i_ok : soci::i_null;
        const std::string formative = spec.formative_title.value_or("");
        const std::string tests = spec.test_scores_title.value_or("");
        const std::string insert =
            "INSERT INTO wm_assessments (school_id, name, assessed_on, academic_year, term, formative_title, "
            "test_scores_title, phonics) VALUES (:school, :name, :on, :year, :term, :formative, :tests, :phonics)";
        if (db.kind() == store::dialect::postgresql) {
            session << insert + " RETURNING id", soci::use(school.id), soci::use(spec.name), soci::use(assessed_on),
                soci::use(spec.year.start_year), soci::use(term), soci::use(formative, formative_set),
                soci::use(tests, tests_set), soci::use(phonics), soci::into(spec.id);
        } else {
            session << insert, soci::use(school.id), soci::use(spec.name), soci::use(assessed_on),
                soci::use(spec.year.start_year), soci::use(term), soci::use(formative, formative_set),
                soci::use(tests, tests_set), soci::use(phonics);
            session << "SELECT id FROM wm_assessments WHERE school_id = :s AND academic_year = :y AND name = :n",
                soci::use(school.id), soci::use(spec.year.start_year), soci::use(spec.name), soci::into(spec.id);
        }
        for (const int year : spec.year_groups) {
            session << "INSERT INTO wm_assessment_year_groups (assessment_id, nc_year) VALUES (:a, :y)", soci::use(spec.id),
                soci::use(year);
        }
        for (const auto &subject : spec.subjects) {
            const long long subject_id = ids.find(subject.code)->second;
            const std::string kind(subject.test_score ? test_score_kind_name(*subject.test_score) : "");
            soci::indicator kind_set = subject.test_score ? soci::i_ok : soci::i_null;
            session << "INSERT INTO wm_assessment_subjects (assessment_id, subject_id, scheme_id, test_score_kind) "
                       "VALUES (:a, :s, :scheme, :kind)",
                soci::use(spec.id), soci::use(subject_id), soci::use(subject.scheme_id), soci::use(kind, kind_set);
        }
        return spec;
    });
}

namespace {

// The school's assessments, or only the one with id `only` (a number, inlined), in date order.
std::vector<assessment> read_assessments(soci::session &session, long long school_id, std::optional<long long> only) {
    const std::string one = only ? " AND a.id = " + std::to_string(*only) : "";
    std::vector<assessment> found;
    std::map<long long, std::size_t> index;
    std::vector<long long> ids;
    std::vector<std::string> names, dates, terms, formative, tests;
    std::vector<int> years, phonics;
    store::size_for_fetch(ids, names, dates, years, terms, formative, tests, phonics);
    soci::statement header = (session.prepare << "SELECT id, name, assessed_on, academic_year, term, "
                                                 "CAST(COALESCE(formative_title, '') AS VARCHAR(60)), "
                                                 "CAST(COALESCE(test_scores_title, '') AS VARCHAR(60)), phonics "
                                                 "FROM wm_assessments a WHERE a.school_id = :s" + one + " ORDER BY academic_year, assessed_on, name",
                              soci::use(school_id), soci::into(ids), soci::into(names), soci::into(dates), soci::into(years),
                              soci::into(terms), soci::into(formative), soci::into(tests), soci::into(phonics));
    store::fetch_rows(header, [&](std::size_t i) {
        assessment a;
        a.id = ids[i];
        a.name = names[i];
        a.assessed_on = domain::parse_iso_date(dates[i]).value_or(domain::date{});
        a.year = {years[i]};
        a.term = term_from(terms[i]);
        if (!formative[i].empty()) a.formative_title = formative[i];
        if (!tests[i].empty()) a.test_scores_title = tests[i];
        a.phonics = phonics[i] != 0;
        index.emplace(a.id, found.size());
        found.push_back(std::move(a));
    }, ids, names, dates, years, terms, formative, tests, phonics);

    std::vector<long long> owners;
    std::vector<int> nc_years;
    store::size_for_fetch(owners, nc_years);
    soci::statement groups = (session.prepare << "SELECT g.assessment_id, g.nc_year FROM wm_assessment_year_groups g "
                                                 "JOIN wm_assessments a ON a.id = g.assessment_id WHERE a.school_id = :s" + one +
                                                     " ORDER BY g.nc_year",
                              soci::use(school_id), soci::into(owners), soci::into(nc_years));
    store::fetch_rows(groups, [&](std::size_t i) { found[index.at(owners[i])].year_groups.push_back(nc_years[i]); }, owners, nc_years);

    std::vector<std::string> codes, schemes, kinds;
    store::size_for_fetch(owners, codes, schemes, kinds);
    soci::statement subjects = (session.prepare << "SELECT x.assessment_id, s.code, x.scheme_id, "
                                                   "CAST(COALESCE(x.test_score_kind, '') AS VARCHAR(20)) "
                                                   "FROM wm_assessment_subjects x JOIN wm_assessments a ON a.id = x.assessment_id "
                                                   "JOIN wm_subjects s ON s.id = x.subject_id WHERE a.school_id = :s" + one + " ORDER BY s.id",
                                soci::use(school_id), soci::into(owners), soci::into(codes), soci::into(schemes), soci::into(kinds));
    store::fetch_rows(subjects, [&](std::size_t i) {
        found[index.at(owners[i])].subjects.push_back({codes[i], schemes[i], parse_test_score_kind(kinds[i])});
    }, owners, codes, schemes, kinds);
    return found;
}

}  // namespace

std::vector<assessment> list_assessments(soci::session &session, long long school_id) {
    return read_assessments(session, school_id, std::nullopt);
}

std::optional<assessment> find_assessment_by_id(soci::session &session, long long school_id, long long id) {
    auto found = read_assessments(session, school_id, id);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

assessment find_assessment(soci::session &session, long long school_id, std::string_view name) {
    auto all = list_assessments(session, school_id);
    std::vector<std::string> names;
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (it->name == name) return std::move(*it);
        names.push_back(it->name);
    }
    throw tracking_error("The school has no assessment named '" + std::string(name) + "'; it has: " +
                         (names.empty() ? std::string("none yet (create one with waymark assessments create)") : joined(names)) + ".");
}

}  // namespace waymark::services
