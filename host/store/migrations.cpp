#include "store/migrations.hpp"

#include <array>
#include <filesystem>
#include <string_view>

namespace waymark::store {
namespace {

struct migration {
    int version;
    std::string_view description;
    std::string_view sql;  // statements separated by ";\n"; {id} filled per dialect
};

// Conventions of every wm_ table: VARCHAR(n), never TEXT (sqliteodbc reports TEXT as 64 KB per cell
// and bulk fetches crawl); yes/no as SMALLINT 0/1 (SQL Server has no BOOLEAN and PostgreSQL will not
// take an int for one); dates as ISO 'YYYY-MM-DD' text and instants as 'YYYY-MM-DDTHH:MM:SSZ', so no
// driver converts them through a local time zone; academic years as the calendar year their autumn
// falls in (2025 = 2025/2026).
constexpr std::array migrations{
    migration{1, "schools, pupils, calendar, subjects, statutory results, assessment history", R"sql(
CREATE TABLE wm_schools (
    id {id},
    la_number VARCHAR(3) NOT NULL,
    establishment_number VARCHAR(4) NOT NULL,
    urn VARCHAR(8) NOT NULL DEFAULT '',
    name VARCHAR(200) NOT NULL,
    postcode VARCHAR(10) NOT NULL DEFAULT '',
    current_academic_year INTEGER NOT NULL,
    UNIQUE (la_number, establishment_number)
);
CREATE TABLE wm_custom_flag_names (
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    slot SMALLINT NOT NULL CHECK (slot BETWEEN 1 AND 6),
    name VARCHAR(60) NOT NULL,
    PRIMARY KEY (school_id, slot)
);
CREATE TABLE wm_classes (
    id {id},
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    name VARCHAR(60) NOT NULL,
    UNIQUE (school_id, name)
);
CREATE TABLE wm_academic_years (
    start_year INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(9) NOT NULL UNIQUE,
    first_day VARCHAR(10) NOT NULL,
    last_day VARCHAR(10) NOT NULL
);
CREATE TABLE wm_terms (
    id {id},
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    academic_year INTEGER NOT NULL REFERENCES wm_academic_years (start_year),
    sequence SMALLINT NOT NULL CHECK (sequence BETWEEN 1 AND 6),
    name VARCHAR(20) NOT NULL,
    starts_on VARCHAR(10) NOT NULL,
    ends_on VARCHAR(10) NOT NULL,
    UNIQUE (school_id, academic_year, sequence)
);
CREATE TABLE wm_subjects (
    id {id},
    code VARCHAR(20) NOT NULL UNIQUE,
    name VARCHAR(60) NOT NULL
);
CREATE TABLE wm_pupils (
    id {id},
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    upn VARCHAR(13) NOT NULL,
    former_upn VARCHAR(13) NOT NULL DEFAULT '',
    surname VARCHAR(100) NOT NULL,
    forename VARCHAR(100) NOT NULL,
    date_of_birth VARCHAR(10) NOT NULL,
    gender VARCHAR(1) NOT NULL CHECK (gender IN ('M', 'F')),
    postcode VARCHAR(10) NOT NULL DEFAULT '',
    ethnicity VARCHAR(4) NOT NULL DEFAULT '',
    first_language VARCHAR(3) NOT NULL DEFAULT '',
    eal SMALLINT NOT NULL DEFAULT 0,
    fsm SMALLINT NOT NULL DEFAULT 0,
    ever6_fsm SMALLINT NOT NULL DEFAULT 0,
    pupil_premium SMALLINT NOT NULL DEFAULT 0,
    looked_after SMALLINT NOT NULL DEFAULT 0,
    previously_looked_after SMALLINT NOT NULL DEFAULT 0,
    sen VARCHAR(1) NOT NULL DEFAULT 'N' CHECK (sen IN ('N', 'K', 'E', 'A', 'P', 'S')),
    alternative_assessment SMALLINT NOT NULL DEFAULT 0,
    class_id BIGINT REFERENCES wm_classes (id),
    year_override SMALLINT,
    date_joined VARCHAR(10),
    date_left VARCHAR(10),
    la_reference VARCHAR(20) NOT NULL DEFAULT '',
    custom_flag_1 SMALLINT NOT NULL DEFAULT 0,
    custom_flag_2 SMALLINT NOT NULL DEFAULT 0,
    custom_flag_3 SMALLINT NOT NULL DEFAULT 0,
    custom_flag_4 SMALLINT NOT NULL DEFAULT 0,
    custom_flag_5 SMALLINT NOT NULL DEFAULT 0,
    custom_flag_6 SMALLINT NOT NULL DEFAULT 0,
    include_in_data SMALLINT NOT NULL DEFAULT 1,
    archived SMALLINT NOT NULL DEFAULT 0,
    UNIQUE (school_id, upn)
);
CREATE INDEX wm_pupils_on_roll ON wm_pupils (school_id, archived);
CREATE INDEX wm_pupils_class ON wm_pupils (class_id);
CREATE TABLE wm_eyfsp_results (
    pupil_id BIGINT NOT NULL REFERENCES wm_pupils (id),
    goal VARCHAR(3) NOT NULL CHECK (goal IN ('E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07', 'E08', 'E09',
                                            'E10', 'E11', 'E12', 'E13', 'E14', 'E15', 'E16', 'E17')),
    academic_year INTEGER NOT NULL,
    outcome VARCHAR(8) NOT NULL CHECK (outcome IN ('Emerging', 'Expected')),
    PRIMARY KEY (pupil_id, goal)
);
CREATE VIEW wm_eyfsp_gld AS
    SELECT pupil_id, academic_year,
           CASE WHEN SUM(CASE WHEN goal <= 'E12' AND outcome = 'Expected' THEN 1 ELSE 0 END) = 12
                THEN 1 ELSE 0 END AS gld
    FROM wm_eyfsp_results
    GROUP BY pupil_id, academic_year;
CREATE TABLE wm_phonics_thresholds (
    academic_year INTEGER NOT NULL PRIMARY KEY,
    threshold SMALLINT NOT NULL CHECK (threshold BETWEEN 0 AND 40)
);
CREATE TABLE wm_phonics_results (
    pupil_id BIGINT NOT NULL REFERENCES wm_pupils (id),
    academic_year INTEGER NOT NULL,
    mark SMALLINT CHECK (mark BETWEEN 0 AND 40),
    outcome VARCHAR(2) NOT NULL CHECK (outcome IN ('Wa', 'Wt', 'A', 'D', 'L', 'Q')),
    PRIMARY KEY (pupil_id, academic_year)
);
CREATE TABLE wm_key_stage_results (
    pupil_id BIGINT NOT NULL REFERENCES wm_pupils (id),
    key_stage SMALLINT NOT NULL CHECK (key_stage IN (1, 2)),
    subject_id BIGINT NOT NULL REFERENCES wm_subjects (id),
    academic_year INTEGER NOT NULL,
    ta_code VARCHAR(4) CHECK (ta_code IN ('PK1', 'PK2', 'PK3', 'PK4', 'PK5', 'PK6', 'BLW', 'WTS', 'EXS', 'GDS',
                                          'HNM', 'A', 'D', 'EM')),
    scaled_score SMALLINT CHECK (scaled_score BETWEEN 79 AND 120),
    PRIMARY KEY (pupil_id, key_stage, subject_id)
);
CREATE TABLE wm_assessments (
    id {id},
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    name VARCHAR(100) NOT NULL,
    assessed_on VARCHAR(10) NOT NULL,
    academic_year INTEGER NOT NULL,
    term VARCHAR(20) NOT NULL,
    UNIQUE (school_id, academic_year, name)
);
CREATE TABLE wm_assessment_records (
    id {id},
    pupil_id BIGINT NOT NULL REFERENCES wm_pupils (id),
    assessment_id BIGINT NOT NULL REFERENCES wm_assessments (id),
    subject_id BIGINT NOT NULL REFERENCES wm_subjects (id),
    value VARCHAR(40) NOT NULL DEFAULT '',
    recorded_by VARCHAR(100) NOT NULL,
    recorded_at VARCHAR(20) NOT NULL,
    supersedes_id BIGINT REFERENCES wm_assessment_records (id),
    cleared SMALLINT NOT NULL DEFAULT 0
);
CREATE INDEX wm_assessment_records_cell ON wm_assessment_records (assessment_id, subject_id, pupil_id);
CREATE INDEX wm_assessment_records_pupil ON wm_assessment_records (pupil_id);
CREATE TABLE wm_interventions (
    id {id},
    pupil_id BIGINT NOT NULL REFERENCES wm_pupils (id),
    name VARCHAR(100) NOT NULL,
    academic_year INTEGER NOT NULL,
    started_on VARCHAR(10) NOT NULL,
    ended_on VARCHAR(10)
);
CREATE INDEX wm_interventions_pupil ON wm_interventions (pupil_id, academic_year);
CREATE TABLE wm_rollovers (
    id {id},
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    from_year INTEGER NOT NULL,
    to_year INTEGER NOT NULL,
    performed_at VARCHAR(20) NOT NULL,
    pupils_on_roll INTEGER NOT NULL,
    overrides_moved INTEGER NOT NULL,
    UNIQUE (school_id, to_year)
))sql"},
    migration{2, "the core subjects", R"sql(
INSERT INTO wm_subjects (code, name) VALUES ('reading', 'Reading');
INSERT INTO wm_subjects (code, name) VALUES ('writing', 'Writing');
INSERT INTO wm_subjects (code, name) VALUES ('maths', 'Mathematics');
INSERT INTO wm_subjects (code, name) VALUES ('gps', 'Grammar, punctuation and spelling');
INSERT INTO wm_subjects (code, name) VALUES ('science', 'Science'))sql"},
    // SQLite cannot push a school filter into an aggregate view, so every filtered read of the view
    // grouped every school's goals (0.9 s a school at 100,000 pupils). GLD is now derived by the store's
    // statutory loader from the goals it has already narrowed to one school.
    migration{3, "GLD derived by the statutory loader, not a view", R"sql(
DROP VIEW wm_eyfsp_gld)sql"},
    // An assessment's columns: judged subjects (a scheme each), an optional formative column, test
    // scores (a kind per subject) and phonics. Every cell change is a new record superseding the
    // cell's latest (unique: a record is superseded once), so a cell's value as of an instant is its
    // record at or before then that nothing at or before then supersedes.
    migration{4, "assessment columns, year groups, schemes per subject, cell colours and judged-against years", R"sql(
ALTER TABLE wm_assessments ADD COLUMN formative_title VARCHAR(60);
ALTER TABLE wm_assessments ADD COLUMN test_scores_title VARCHAR(60);
ALTER TABLE wm_assessments ADD COLUMN phonics SMALLINT NOT NULL DEFAULT 0;
CREATE TABLE wm_assessment_year_groups (
    assessment_id BIGINT NOT NULL REFERENCES wm_assessments (id),
    nc_year SMALLINT NOT NULL CHECK (nc_year BETWEEN 0 AND 11),
    PRIMARY KEY (assessment_id, nc_year)
);
CREATE TABLE wm_assessment_subjects (
    assessment_id BIGINT NOT NULL REFERENCES wm_assessments (id),
    subject_id BIGINT NOT NULL REFERENCES wm_subjects (id),
    scheme_id VARCHAR(100) NOT NULL,
    test_score_kind VARCHAR(20) CHECK (test_score_kind IN ('standardised', 'raw', 'percentage', 'reading_age')),
    PRIMARY KEY (assessment_id, subject_id)
);
ALTER TABLE wm_assessment_records ADD COLUMN cell_kind VARCHAR(10) NOT NULL DEFAULT 'judgement'
    CHECK (cell_kind IN ('judgement', 'formative', 'test', 'phonics'));
ALTER TABLE wm_assessment_records ADD COLUMN colour_rgb INTEGER;
ALTER TABLE wm_assessment_records ADD COLUMN judged_year SMALLINT;
ALTER TABLE wm_assessment_records ADD COLUMN text_value VARCHAR(100) NOT NULL DEFAULT '';
CREATE UNIQUE INDEX wm_assessment_records_supersedes ON wm_assessment_records (supersedes_id);
CREATE INDEX wm_assessment_records_as_of ON wm_assessment_records (assessment_id, recorded_at);
INSERT INTO wm_subjects (code, name) VALUES ('phonics', 'Phonics');
INSERT INTO wm_subjects (code, name) VALUES ('history', 'History');
INSERT INTO wm_subjects (code, name) VALUES ('geography', 'Geography');
INSERT INTO wm_subjects (code, name) VALUES ('design_technology', 'Design and technology');
INSERT INTO wm_subjects (code, name) VALUES ('art_design', 'Art and design');
INSERT INTO wm_subjects (code, name) VALUES ('music', 'Music');
INSERT INTO wm_subjects (code, name) VALUES ('pe', 'Physical education');
INSERT INTO wm_subjects (code, name) VALUES ('computing', 'Computing');
INSERT INTO wm_subjects (code, name) VALUES ('languages_ks2', 'Ancient and modern foreign languages (KS2)');
INSERT INTO wm_subjects (code, name) VALUES ('languages_ks1', 'Modern foreign languages (KS1)');
INSERT INTO wm_subjects (code, name) VALUES ('pshe', 'Personal, social and health education');
INSERT INTO wm_subjects (code, name) VALUES ('citizenship', 'Citizenship');
INSERT INTO wm_subjects (code, name) VALUES ('re', 'Religious education'))sql"},
    // Stored groups of pupils ("Year 5 recent arrivals") to filter lists and statistics by, and who
    // took a pupil out of the data or put one back (the flag itself is wm_pupils.include_in_data).
    migration{5, "stored pupil groups and include-in-data changes", R"sql(
CREATE TABLE wm_groups (
    id {id},
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    name VARCHAR(100) NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    created_at VARCHAR(20) NOT NULL,
    UNIQUE (school_id, name)
);
CREATE TABLE wm_group_members (
    group_id BIGINT NOT NULL REFERENCES wm_groups (id),
    pupil_id BIGINT NOT NULL REFERENCES wm_pupils (id),
    added_by VARCHAR(100) NOT NULL,
    added_at VARCHAR(20) NOT NULL,
    PRIMARY KEY (group_id, pupil_id)
);
CREATE INDEX wm_group_members_pupil ON wm_group_members (pupil_id);
CREATE TABLE wm_inclusion_changes (
    id {id},
    pupil_id BIGINT NOT NULL REFERENCES wm_pupils (id),
    include_in_data SMALLINT NOT NULL,
    changed_by VARCHAR(100) NOT NULL,
    changed_at VARCHAR(20) NOT NULL
);
CREATE INDEX wm_inclusion_changes_pupil ON wm_inclusion_changes (pupil_id))sql"},
    // A year group's phonics or KS1 results submitted with a declaration are locked until an
    // administrator unlocks them. Both steps are kept as rows of their own, never updated: a
    // submission without an unlock is in force, and a resubmission after an unlock is a new row.
    migration{6, "statutory submissions and their unlocks", R"sql(
CREATE TABLE wm_statutory_submissions (
    id {id},
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    academic_year INTEGER NOT NULL,
    kind VARCHAR(12) NOT NULL CHECK (kind IN ('phonics-y1', 'phonics-y2', 'ks1')),
    submitted_by VARCHAR(100) NOT NULL,
    submitted_at VARCHAR(20) NOT NULL,
    declaration VARCHAR(500) NOT NULL,
    pupils INTEGER NOT NULL
);
CREATE INDEX wm_statutory_submissions_school ON wm_statutory_submissions (school_id, academic_year, kind);
CREATE TABLE wm_statutory_unlocks (
    submission_id BIGINT NOT NULL PRIMARY KEY REFERENCES wm_statutory_submissions (id),
    unlocked_by VARCHAR(100) NOT NULL,
    unlocked_at VARCHAR(20) NOT NULL,
    reason VARCHAR(500) NOT NULL
))sql"},
    // Interventions gain the seed's form (assessment period, subject, description, optional dates and
    // cost) and who recorded them; start dates become optional, which SQLite can only do by rebuilding
    // the table. They stay rows of a pupil: a child who moves school gets a new wm_pupils row with the
    // same UPN, and wm_pupils_upn lets every school find the child's interventions by it. Meetings keep
    // the question text each answer was given against, so editing or retiring a template never
    // rewrites a saved meeting (template_id is a plain number for that reason, not a reference).
    migration{7, "interventions by assessment and subject, discussion-area templates, pupil and cohort progress meetings", R"sql(
CREATE TABLE wm_interventions_7 (
    id {id},
    pupil_id BIGINT NOT NULL REFERENCES wm_pupils (id),
    academic_year INTEGER NOT NULL,
    assessment_id BIGINT REFERENCES wm_assessments (id),
    subject_id BIGINT REFERENCES wm_subjects (id),
    description VARCHAR(200) NOT NULL,
    started_on VARCHAR(10),
    ended_on VARCHAR(10),
    cost_pence BIGINT CHECK (cost_pence >= 0),
    recorded_by VARCHAR(100) NOT NULL DEFAULT '',
    recorded_at VARCHAR(20) NOT NULL DEFAULT ''
);
INSERT INTO wm_interventions_7 (pupil_id, academic_year, description, started_on, ended_on)
    SELECT pupil_id, academic_year, name, started_on, ended_on FROM wm_interventions ORDER BY id;
DROP TABLE wm_interventions;
ALTER TABLE wm_interventions_7 RENAME TO wm_interventions;
CREATE INDEX wm_interventions_pupil ON wm_interventions (pupil_id, academic_year);
CREATE INDEX wm_pupils_upn ON wm_pupils (upn);
CREATE TABLE wm_discussion_templates (
    id {id},
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    meeting_type VARCHAR(6) NOT NULL CHECK (meeting_type IN ('pupil', 'cohort')),
    question VARCHAR(500) NOT NULL,
    sort_order INTEGER NOT NULL,
    live_from VARCHAR(10) NOT NULL,
    live_to VARCHAR(10)
);
CREATE INDEX wm_discussion_templates_school ON wm_discussion_templates (school_id, meeting_type);
CREATE TABLE wm_pupil_meetings (
    id {id},
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    pupil_id BIGINT NOT NULL REFERENCES wm_pupils (id),
    teacher VARCHAR(100) NOT NULL,
    held_on VARCHAR(10) NOT NULL,
    assessment_id BIGINT REFERENCES wm_assessments (id),
    previous_assessment_id BIGINT REFERENCES wm_assessments (id),
    previous_reading VARCHAR(40) NOT NULL DEFAULT '',
    previous_writing VARCHAR(40) NOT NULL DEFAULT '',
    previous_maths VARCHAR(40) NOT NULL DEFAULT '',
    current_reading VARCHAR(40) NOT NULL DEFAULT '',
    current_writing VARCHAR(40) NOT NULL DEFAULT '',
    current_maths VARCHAR(40) NOT NULL DEFAULT '',
    recorded_by VARCHAR(100) NOT NULL,
    recorded_at VARCHAR(20) NOT NULL
);
CREATE INDEX wm_pupil_meetings_pupil ON wm_pupil_meetings (pupil_id);
CREATE TABLE wm_cohort_meetings (
    id {id},
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    nc_year SMALLINT NOT NULL CHECK (nc_year BETWEEN 0 AND 11),
    class_id BIGINT REFERENCES wm_classes (id),
    assessment_id BIGINT NOT NULL REFERENCES wm_assessments (id),
    previous_assessment_id BIGINT REFERENCES wm_assessments (id),
    teacher VARCHAR(100) NOT NULL,
    held_on VARCHAR(10) NOT NULL,
    pupils INTEGER NOT NULL,
    targeted_support VARCHAR(2000) NOT NULL DEFAULT '',
    specific_groups VARCHAR(2000) NOT NULL DEFAULT '',
    recorded_by VARCHAR(100) NOT NULL,
    recorded_at VARCHAR(20) NOT NULL
);
CREATE INDEX wm_cohort_meetings_school ON wm_cohort_meetings (school_id);
CREATE TABLE wm_cohort_meeting_outcomes (
    meeting_id BIGINT NOT NULL REFERENCES wm_cohort_meetings (id),
    subject_id BIGINT NOT NULL REFERENCES wm_subjects (id),
    position SMALLINT NOT NULL,
    grade_label VARCHAR(60) NOT NULL,
    percent_now SMALLINT NOT NULL,
    percent_previous SMALLINT,
    PRIMARY KEY (meeting_id, subject_id, position)
);
CREATE TABLE wm_meeting_answers (
    id {id},
    pupil_meeting_id BIGINT REFERENCES wm_pupil_meetings (id),
    cohort_meeting_id BIGINT REFERENCES wm_cohort_meetings (id),
    subject_id BIGINT REFERENCES wm_subjects (id),
    position INTEGER NOT NULL,
    template_id BIGINT,
    question VARCHAR(500) NOT NULL,
    notes VARCHAR(2000) NOT NULL DEFAULT '',
    next_steps VARCHAR(2000) NOT NULL DEFAULT '',
    CHECK ((pupil_meeting_id IS NULL) <> (cohort_meeting_id IS NULL))
);
CREATE UNIQUE INDEX wm_meeting_answers_pupil ON wm_meeting_answers (pupil_meeting_id, position);
CREATE UNIQUE INDEX wm_meeting_answers_cohort ON wm_meeting_answers (cohort_meeting_id, position);
CREATE TABLE wm_cohort_meeting_barriers (
    meeting_id BIGINT NOT NULL REFERENCES wm_cohort_meetings (id),
    position INTEGER NOT NULL,
    pupil_id BIGINT NOT NULL REFERENCES wm_pupils (id),
    barrier VARCHAR(2000) NOT NULL DEFAULT '',
    next_steps VARCHAR(2000) NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, position)
))sql"},
    // A cell's latest record is its highest id (records are appended in time order), found from this
    // index alone: the grid and a save no longer probe every earlier record for a successor.
    migration{8, "an index for the latest record of each cell", R"sql(
CREATE INDEX wm_assessment_records_latest ON wm_assessment_records (assessment_id, pupil_id, subject_id, cell_kind, recorded_at, id))sql"},
    // Targets (seed 004 B) per pupil, subject and horizon, in the subject's scheme: like assessment
    // records, every set, revision and clear is a new row superseding the latest, so the target as
    // of any instant can be read back. A school's policy: the dates targets may change between, the
    // roles it lets set them (free text until users exist), its minimum progress (rate_points over
    // rate_terms terms: 12 over 12 is two levels across KS2, 7 over 3 is 7 LEP points a year), how a
    // trajectory between grades is shown, and term weights for uneven terms. Flags are the
    // validator's last word on each pupil's current targets, replaced on every run. Predictions are
    // a table of their own, never a kind of target.
    migration{9, "targets and their history, target policies, target flags and predictions", R"sql(
CREATE TABLE wm_targets (
    id {id},
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    pupil_id BIGINT NOT NULL REFERENCES wm_pupils (id),
    subject_id BIGINT NOT NULL REFERENCES wm_subjects (id),
    horizon VARCHAR(16) NOT NULL CHECK (horizon IN ('end_of_year', 'end_of_key_stage')),
    academic_year INTEGER NOT NULL,
    grade_code VARCHAR(40) NOT NULL DEFAULT '',
    scheme_id VARCHAR(100) NOT NULL,
    cleared SMALLINT NOT NULL DEFAULT 0,
    set_by VARCHAR(100) NOT NULL,
    set_at VARCHAR(20) NOT NULL,
    supersedes_id BIGINT REFERENCES wm_targets (id)
);
CREATE UNIQUE INDEX wm_targets_supersedes ON wm_targets (supersedes_id);
CREATE INDEX wm_targets_pupil ON wm_targets (pupil_id, subject_id, horizon);
CREATE INDEX wm_targets_school ON wm_targets (school_id, set_at);
CREATE TABLE wm_target_policies (
    school_id BIGINT NOT NULL PRIMARY KEY REFERENCES wm_schools (id),
    who_may_set VARCHAR(500) NOT NULL DEFAULT '',
    window_from VARCHAR(10),
    window_to VARCHAR(10),
    rate_points INTEGER NOT NULL DEFAULT 0 CHECK (rate_points >= 0),
    rate_terms INTEGER NOT NULL DEFAULT 0 CHECK (rate_terms >= 0),
    rounding VARCHAR(7) NOT NULL DEFAULT 'nearest' CHECK (rounding IN ('nearest', 'pair')),
    term_weights VARCHAR(100) NOT NULL DEFAULT '',
    changed_by VARCHAR(100) NOT NULL,
    changed_at VARCHAR(20) NOT NULL
);
CREATE TABLE wm_target_flags (
    id {id},
    target_id BIGINT NOT NULL REFERENCES wm_targets (id),
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    pupil_id BIGINT NOT NULL REFERENCES wm_pupils (id),
    code VARCHAR(40) NOT NULL,
    severity SMALLINT NOT NULL CHECK (severity BETWEEN 0 AND 2),
    sentence VARCHAR(1000) NOT NULL,
    raised_at VARCHAR(20) NOT NULL
);
CREATE INDEX wm_target_flags_school ON wm_target_flags (school_id, pupil_id);
CREATE INDEX wm_target_flags_target ON wm_target_flags (target_id);
CREATE TABLE wm_predictions (
    id {id},
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    pupil_id BIGINT NOT NULL REFERENCES wm_pupils (id),
    subject_id BIGINT NOT NULL REFERENCES wm_subjects (id),
    academic_year INTEGER NOT NULL,
    scheme_id VARCHAR(100) NOT NULL,
    predictor_id VARCHAR(100) NOT NULL,
    sufficient SMALLINT NOT NULL,
    likely_code VARCHAR(40) NOT NULL DEFAULT '',
    percent_expected SMALLINT,
    percent_higher SMALLINT,
    based_on INTEGER NOT NULL,
    history_scope VARCHAR(10) NOT NULL CHECK (history_scope IN ('school', 'authority')),
    note VARCHAR(1000) NOT NULL DEFAULT '',
    made_at VARCHAR(20) NOT NULL
);
CREATE INDEX wm_predictions_pupil ON wm_predictions (school_id, pupil_id, subject_id))sql"},
    // Sign-in (issue 7). A user holds one role; school roles belong to one school, an authority user
    // to none and opens the schools granted. A teacher's classes are class names as the MIS gives
    // them. Passwords are Argon2id strings (libsodium); a session's token is stored only as its
    // SHA-256, so a copy of the database signs nobody in. totp_last_step keeps a used code from being
    // used again. Sign-in attempts feed the throttle; the audit log holds every change with who,
    // what, when and from where.
    migration{10, "users, their classes and school grants, sessions, sign-in attempts and the audit log", R"sql(
CREATE TABLE wm_users (
    id {id},
    username VARCHAR(60) NOT NULL UNIQUE,
    display_name VARCHAR(100) NOT NULL,
    role VARCHAR(13) NOT NULL CHECK (role IN ('administrator', 'leader', 'teacher', 'read_only', 'authority')),
    school_id BIGINT REFERENCES wm_schools (id),
    password_hash VARCHAR(200) NOT NULL,
    totp_secret VARCHAR(64) NOT NULL,
    totp_last_step BIGINT NOT NULL DEFAULT 0,
    disabled SMALLINT NOT NULL DEFAULT 0,
    created_at VARCHAR(20) NOT NULL
);
CREATE TABLE wm_user_classes (
    user_id BIGINT NOT NULL REFERENCES wm_users (id),
    class_name VARCHAR(60) NOT NULL,
    PRIMARY KEY (user_id, class_name)
);
CREATE TABLE wm_user_school_grants (
    user_id BIGINT NOT NULL REFERENCES wm_users (id),
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    PRIMARY KEY (user_id, school_id)
);
CREATE TABLE wm_sessions (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES wm_users (id),
    created_at VARCHAR(20) NOT NULL,
    last_seen VARCHAR(20) NOT NULL,
    second_step_done SMALLINT NOT NULL DEFAULT 0,
    csrf_token VARCHAR(64) NOT NULL
);
CREATE INDEX wm_sessions_user ON wm_sessions (user_id);
CREATE TABLE wm_login_attempts (
    id {id},
    username VARCHAR(60) NOT NULL,
    address VARCHAR(64) NOT NULL,
    at VARCHAR(20) NOT NULL,
    ok SMALLINT NOT NULL
);
CREATE INDEX wm_login_attempts_user ON wm_login_attempts (username, at);
CREATE INDEX wm_login_attempts_address ON wm_login_attempts (address, at);
CREATE TABLE wm_audit_log (
    id {id},
    at VARCHAR(20) NOT NULL,
    username VARCHAR(60) NOT NULL,
    address VARCHAR(64) NOT NULL,
    method VARCHAR(10) NOT NULL,
    path VARCHAR(500) NOT NULL,
    status INTEGER NOT NULL,
    summary VARCHAR(1000) NOT NULL DEFAULT ''
);
CREATE INDEX wm_audit_log_at ON wm_audit_log (at);
CREATE INDEX wm_audit_log_user ON wm_audit_log (username, at))sql"},
    // The subjects a school tracks, each with the descriptor scheme a new assessment judges it in
    // unless whoever makes the assessment chooses another. No rows: reading, writing and maths on
    // the host's default scheme, as before this table.
    migration{11, "the subjects a school tracks and each one's default scheme", R"sql(
CREATE TABLE wm_school_subjects (
    school_id BIGINT NOT NULL REFERENCES wm_schools (id),
    subject_id BIGINT NOT NULL REFERENCES wm_subjects (id),
    scheme_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (school_id, subject_id)
))sql"},
};

// The dialect map: the only words the migrations spell differently per database.
std::string_view identity_column(dialect kind) {
    switch (kind) {
        case dialect::sqlite: return "INTEGER PRIMARY KEY";  // the rowid itself
        case dialect::postgresql: return "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
        case dialect::sqlserver: return "BIGINT IDENTITY(1,1) PRIMARY KEY";
    }
    return "";
}

std::string_view create_version_table(dialect kind) {
    if (kind == dialect::sqlserver) {
        return "IF OBJECT_ID('wm_schema_version') IS NULL CREATE TABLE wm_schema_version ("
               "version INTEGER NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at VARCHAR(20) NOT NULL)";
    }
    return "CREATE TABLE IF NOT EXISTS wm_schema_version ("
           "version INTEGER NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at VARCHAR(20) NOT NULL)";
}

std::string for_dialect(std::string_view sql, dialect kind) {
    std::string out;
    for (std::size_t at = 0;;) {
        const std::size_t found = sql.find("{id}", at);
        out += sql.substr(at, found - at);
        if (found == std::string_view::npos) return out;
        out += identity_column(kind);
        at = found + 4;
    }
}

// The advisory-lock class (first key) of Waymark's migrations: "WM" in ASCII, apart from any other
// application's locks on the same server.
constexpr int migration_lock_class = 0x574D;

void apply(soci::session &session, const migration &step, dialect kind) {
    const std::string sql = for_dialect(step.sql, kind);
    for (std::size_t at = 0; at < sql.size();) {
        const std::size_t end = std::min(sql.find(";\n", at), sql.size());
        const std::string statement = sql.substr(at, end - at);
        if (statement.find_first_not_of(" \n") != std::string::npos) session << statement;
        at = end + 2;
    }
    const std::string description(step.description);
    const std::string applied_at = utc_timestamp_now();
    session << "INSERT INTO wm_schema_version (version, description, applied_at) VALUES (:v, :d, :a)",
        soci::use(step.version), soci::use(description), soci::use(applied_at);
}

// SQLite: the version table exists before any transaction reads it under the write lock below. Its
// own transaction writes first when it creates the table (so it waits its turn like any writer) and
// changes nothing when the table is there. The servers make it under their lock instead, as two
// PostgreSQL sessions creating one table at once can fail.
void ensure_version_table(database &db) {
    if (db.kind() != dialect::sqlite) return;
    db.transaction("making the schema version table",
                   [&](soci::session &session) { session << create_version_table(dialect::sqlite); });
}

// Takes the database-wide migration lock for the rest of the transaction, then reads the recorded
// version, so two processes starting at once on one database (two `waymark serve` after an
// upgrade) apply each migration once: the second waits, then finds it applied.
//   PostgreSQL: a transaction-scoped advisory lock, keyed by the schema Waymark's tables live in
//     (each schema holds a Waymark database of its own).
//   SQLite: a write that changes nothing, as the transaction's first statement, takes the file's
//     write lock, waiting through the driver's busy timeout (sqliteodbc's Timeout, 100 s by default)
//     while another process holds it. A read first would not do: a transaction that read and then
//     wants to write fails at once when another wrote meanwhile.
//   SQL Server: no lock (as before); the version is still read again inside the step's transaction.
int locked_schema_version(soci::session &session, dialect kind) {
    switch (kind) {
        case dialect::postgresql: {
            int held = 0;  // fetched, so the driver's cursor surely runs the lock function
            session << "SELECT 1 FROM (SELECT pg_advisory_xact_lock(" + std::to_string(migration_lock_class) +
                           ", COALESCE(hashtext(current_schema()), 0))) AS locked",
                soci::into(held);
            session << create_version_table(kind);
            break;
        }
        case dialect::sqlite: session << "UPDATE wm_schema_version SET version = version WHERE version < 0"; break;
        case dialect::sqlserver: session << create_version_table(kind); break;
    }
    int version = 0;
    soci::indicator none = soci::i_ok;
    session << "SELECT MAX(version) FROM wm_schema_version", soci::into(version, none);
    return none == soci::i_null ? 0 : version;
}

void refuse_newer_than_this_build(int version) {
    const int latest = migrations.back().version;
    if (version <= latest) return;
    throw database_error("This database's Waymark schema is version " + std::to_string(version) +
                         " but this waymark knows versions up to " + std::to_string(latest) +
                         " only; upgrade waymark before using this database (nothing was changed).");
}

}  // namespace

int latest_schema_version() { return migrations.back().version; }

int schema_version(database &db) {
    ensure_version_table(db);
    return db.transaction("reading the schema version",
                          [&](soci::session &session) { return locked_schema_version(session, db.kind()); });
}

migration_report migrate(database &db) {
    migration_report report;
    report.from = schema_version(db);
    refuse_newer_than_this_build(report.from);
    for (const migration &step : migrations) {
        if (step.version <= report.from) continue;
        db.transaction("applying schema migration " + std::to_string(step.version) + " (" + std::string(step.description) + ")",
                       [&](soci::session &session) {
                           // Read again under the lock: another process may have applied this step (or
                           // a newer waymark more) since the version was read above.
                           const int now_at = locked_schema_version(session, db.kind());
                           refuse_newer_than_this_build(now_at);
                           if (now_at < step.version) apply(session, step, db.kind());
                       });
    }
    report.to = latest_schema_version();
    return report;
}

database connect(const settings &where) {
    if (where.connection == embedded_connection(where.data_dir)) {
        std::error_code ignored;  // a folder that cannot be made shows as the driver failing to open the file
        std::filesystem::create_directories(where.data_dir, ignored);
    }
    return database(where.connection);
}

database open(const settings &where) {
    database db = connect(where);
    migrate(db);
    return db;
}

}  // namespace waymark::store
