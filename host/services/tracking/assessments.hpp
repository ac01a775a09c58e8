// Assessments (seed 000, "How do I create a new assessment?"): a named, dated point in a school's
// year, the year groups it applies to, the subjects judged in it (each against one descriptor scheme)
// and its optional columns: a formative curriculum column, test scores (a numeric kind per subject)
// and phonics. Also the services' view of the loaded schemes.
#pragma once

#include "domain/calendar.hpp"
#include "plugin_host/scheme_catalog.hpp"
#include "store/database.hpp"
#include "store/schools.hpp"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::services {

// Input a teacher has to correct (unknown scheme, name taken, a judgement the scheme does not have):
// one sentence saying what and how. Nothing was stored.
class tracking_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The schemes assessments are judged against, as the services ask for them: a view of the one set of
// scheme instances the host created at start-up (plugins::scheme_catalog, which the JSON API's scheme
// routes list too), answering a scheme that cannot be used with a tracking_error. Thread-safe.
class scheme_library {
public:
    explicit scheme_library(const plugins::scheme_catalog &catalog) : catalog_(&catalog) {}

    // Throws tracking_error naming the id and the loaded schemes when no scheme plugin has it, or
    // with the plugin's own sentence when it could not be created (a bands file it needs).
    const plugins::scheme &get(std::string_view id) const;
    std::vector<std::string> loaded_ids() const;

private:
    const plugins::scheme_catalog *catalog_;
};

enum class test_score_kind { standardised, raw_mark, percentage, reading_age_months };

std::string_view test_score_kind_name(test_score_kind kind);  // "standardised", "raw", "percentage", "reading_age"
std::optional<test_score_kind> parse_test_score_kind(std::string_view name);
// The number a test score cell holds, or a tracking_error sentence saying what the column takes.
double parse_test_score(std::string_view text, test_score_kind kind);

struct assessment_subject {
    std::string code;       // wm_subjects.code: "reading", "history", ...
    std::string scheme_id;  // "" = the default scheme given to create_assessment
    std::optional<test_score_kind> test_score;  // a test score column for this subject, of this kind

    bool operator==(const assessment_subject &) const = default;
};

struct assessment {
    long long id = 0;  // 0 before it is stored
    std::string name;
    domain::date assessed_on{};
    domain::academic_year year{};
    domain::term term = domain::term::autumn;
    std::vector<int> year_groups;  // NC years 0 (Reception) .. 11, ascending
    std::vector<assessment_subject> subjects;  // reading, writing, maths first, then as given
    std::optional<std::string> formative_title;    // the formative curriculum column ("KLIPS")
    std::optional<std::string> test_scores_title;  // the test score columns ("NFER")
    bool phonics = false;  // a free-text phonics column (50 characters)

    const assessment_subject *subject(std::string_view code) const;
    bool operator==(const assessment &) const = default;
};

// The scheme a subject is judged against unless whoever creates the assessment names another.
inline constexpr std::string_view default_scheme_id = "org.waymark.lancashire-four-band";

// wm_subjects code -> id, "phonics" (the phonics column's subject) included.
std::map<std::string, long long, std::less<>> subject_ids(soci::session &session);
// wm_subjects code -> the name reports print ("maths" -> "Mathematics").
std::map<std::string, std::string, std::less<>> subject_names(soci::session &session);
// The subject codes an assessment can judge, alphabetically.
std::vector<std::string> assessable_subjects(soci::session &session);

// Stores a new assessment for the school. Reading, writing and maths are always judged (added when
// missing); subjects without a scheme get `default_scheme`. Refuses with tracking_error: an empty or
// taken name (per school and academic year), no year groups or one outside Reception..Year 11, an
// unknown subject or scheme, a test score kind without a title. Returns it with its id.
assessment create_assessment(store::database &db, const store::school &school, assessment spec,
                             const scheme_library &schemes, std::string_view default_scheme);

std::vector<assessment> list_assessments(soci::session &session, long long school_id);
// The school's assessment with this id, or nothing (another school's id included).
std::optional<assessment> find_assessment_by_id(soci::session &session, long long school_id, long long id);
// The school's assessment of that name (the latest academic year's when several years use it), or
// a tracking_error listing the names there are.
assessment find_assessment(soci::session &session, long long school_id, std::string_view name);

}  // namespace waymark::services
