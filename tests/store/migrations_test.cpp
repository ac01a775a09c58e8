#include "database_fixture.hpp"

#include <gmock/gmock.h>

namespace {

using waymark::store::database_error;
using waymark::store::latest_schema_version;
using waymark::store::migrate;
using waymark::store::schema_version;

class migrations_test : public waymark::testing::database_test {};

TEST_P(migrations_test, an_empty_database_gets_every_table) {
    const auto report = migrate(db());
    EXPECT_EQ(report.from, 0);
    EXPECT_EQ(report.to, latest_schema_version());
    EXPECT_EQ(schema_version(db()), latest_schema_version());
    int subjects = 0;
    db().session() << "SELECT CAST(COUNT(*) AS INTEGER) FROM wm_subjects", soci::into(subjects);
    EXPECT_EQ(subjects, 18);  // 5 core, phonics and 12 foundation subjects (migration 4)
    for (const char *table : {"wm_schools", "wm_pupils", "wm_classes", "wm_custom_flag_names", "wm_academic_years",
                              "wm_terms", "wm_eyfsp_results", "wm_phonics_results",
                              "wm_phonics_thresholds", "wm_key_stage_results", "wm_assessments",
                              "wm_assessment_records", "wm_interventions", "wm_rollovers",
                              "wm_discussion_templates", "wm_pupil_meetings", "wm_cohort_meetings", "wm_meeting_answers",
                              "wm_cohort_meeting_outcomes", "wm_cohort_meeting_barriers"}) {
        EXPECT_NO_THROW(db().session() << std::string("SELECT COUNT(*) FROM ") + table) << table;
    }
}

TEST_P(migrations_test, running_again_changes_nothing) {
    migrate(db());
    const auto again = migrate(db());
    EXPECT_EQ(again.from, latest_schema_version());
    EXPECT_EQ(again.to, latest_schema_version());
    int rows = 0;
    db().session() << "SELECT CAST(COUNT(*) AS INTEGER) FROM wm_schema_version", soci::into(rows);
    EXPECT_EQ(rows, latest_schema_version());
}

TEST_P(migrations_test, a_newer_schema_is_refused_naming_both_versions) {
    migrate(db());
    const int newer = latest_schema_version() + 1;
    db().session() << "INSERT INTO wm_schema_version (version, description, applied_at) "
                      "VALUES (:v, 'from the future', '2030-01-01T00:00:00Z')",
        soci::use(newer);
    try {
        migrate(db());
        FAIL() << "a newer schema was accepted";
    } catch (const database_error &e) {
        EXPECT_THAT(e.what(), ::testing::HasSubstr("schema is version " + std::to_string(newer) +
                                                   " but this waymark knows versions up to " +
                                                   std::to_string(latest_schema_version())));
    }
}

TEST_P(migrations_test, open_creates_the_data_folder_and_migrates) {
    waymark::store::settings where;
    where.data_dir = scratch_folder() / "data";
    where.connection = on_postgresql() ? connection() : waymark::store::embedded_connection(where.data_dir);
    auto opened = waymark::store::open(where);
    EXPECT_EQ(schema_version(opened), latest_schema_version());
    if (!on_postgresql()) {
        EXPECT_TRUE(std::filesystem::exists(where.data_dir / "waymark.db"));
    }
}

WAYMARK_ON_EVERY_DATABASE(migrations_test);

}  // namespace
