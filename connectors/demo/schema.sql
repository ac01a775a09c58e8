-- The demo MIS: a SIMS-style school database, modelled on the publicly known shape of SIMS .net
-- (shared/domain.md section 7), not a copy of any vendor's schema. `{mis}` becomes "sims." on
-- PostgreSQL and SQL Server (the tables live in schema `sims`) and nothing on SQLite, which has no
-- schemas. Text columns are VARCHAR(n) (SQLite's ODBC driver fetches TEXT very slowly), flags are
-- INTEGER 0/1 (PostgreSQL refuses an int bound to BOOLEAN) and dates are DATE, read back as
-- CAST(... AS VARCHAR(10)) ISO text. Statements end with a semicolon at the end of a line.

CREATE TABLE {mis}sims_establishment (
    establishment_id INTEGER NOT NULL PRIMARY KEY,
    la_code INTEGER NOT NULL,
    estab_no INTEGER NOT NULL,
    school_name VARCHAR(100) NOT NULL,
    postcode VARCHAR(10) NOT NULL
);

CREATE TABLE {mis}sims_ethnicity (
    ethnicity_id INTEGER NOT NULL PRIMARY KEY,
    code VARCHAR(4) NOT NULL,
    description VARCHAR(100) NOT NULL
);

CREATE TABLE {mis}sims_person (
    person_id INTEGER NOT NULL PRIMARY KEY,
    surname VARCHAR(100) NOT NULL,
    forename VARCHAR(100) NOT NULL,
    dob DATE NOT NULL,
    gender VARCHAR(1) NOT NULL,
    postcode VARCHAR(10)
);

CREATE TABLE {mis}stud_student (
    person_id INTEGER NOT NULL PRIMARY KEY,
    unique_pupil_no VARCHAR(13) NOT NULL,
    former_upn VARCHAR(13),
    ethnicity_id INTEGER NOT NULL,
    first_language VARCHAR(3),
    looked_after INTEGER NOT NULL,
    la_reference VARCHAR(20)
);

CREATE TABLE {mis}stud_school_history (
    person_id INTEGER NOT NULL,
    establishment_id INTEGER NOT NULL,
    admission_date DATE NOT NULL,
    leaving_date DATE
);

CREATE TABLE {mis}stud_fsm_period (
    person_id INTEGER NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE
);

CREATE TABLE {mis}stud_sen_status (
    person_id INTEGER NOT NULL,
    provision VARCHAR(1) NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE
);

-- Base groups: registration groups (classes, group_type 'REG') and year groups ('YR').
CREATE TABLE {mis}sims_base_group (
    base_group_id INTEGER NOT NULL PRIMARY KEY,
    establishment_id INTEGER NOT NULL,
    group_type VARCHAR(3) NOT NULL,
    code VARCHAR(20) NOT NULL,
    nc_year INTEGER NOT NULL
);

CREATE TABLE {mis}stud_base_group_membership (
    person_id INTEGER NOT NULL,
    base_group_id INTEGER NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE
);

-- Assessment: an aspect (what is assessed) takes grades from a gradeset or a numeric mark; a result
-- belongs to a resultset (one statutory collection in one academic year).
CREATE TABLE {mis}asm_gradeset (
    gradeset_id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE {mis}asm_grade (
    grade_id INTEGER NOT NULL PRIMARY KEY,
    gradeset_id INTEGER NOT NULL,
    code VARCHAR(10) NOT NULL,
    rank_order INTEGER NOT NULL,
    colour VARCHAR(7)
);

CREATE TABLE {mis}asm_aspect (
    aspect_id INTEGER NOT NULL PRIMARY KEY,
    code VARCHAR(30) NOT NULL,
    name VARCHAR(100) NOT NULL,
    gradeset_id INTEGER
);

CREATE TABLE {mis}asm_resultset (
    resultset_id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    academic_year VARCHAR(9) NOT NULL,
    result_date DATE NOT NULL
);

CREATE TABLE {mis}asm_result (
    person_id INTEGER NOT NULL,
    aspect_id INTEGER NOT NULL,
    resultset_id INTEGER NOT NULL,
    grade_id INTEGER,
    mark INTEGER
);

CREATE INDEX ix_history_establishment ON {mis}stud_school_history (establishment_id, person_id);
CREATE INDEX ix_fsm_person ON {mis}stud_fsm_period (person_id);
CREATE INDEX ix_sen_person ON {mis}stud_sen_status (person_id);
CREATE INDEX ix_membership_person ON {mis}stud_base_group_membership (person_id);
CREATE INDEX ix_result_person ON {mis}asm_result (person_id);
