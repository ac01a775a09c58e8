-- The SIMS-style MIS profile: every query Waymark sends to the MIS, in one place. `{mis}` becomes
-- "sims." on PostgreSQL and SQL Server and nothing on SQLite (see named_queries.hpp). Each query's
-- columns are read by position in sims_connector.cpp, so keep their order. Dates come back as ISO
-- text (CAST(... AS VARCHAR(10))), flags as 0/1 and absent values as '' rather than NULL. Parameters
-- are bound once each, in a one-row `param` table, because a name used twice binds only once.
-- Queries read every establishment in one pass, ordered by establishment_id.

-- name: schools
SELECT e.establishment_id, e.la_code, e.estab_no, e.school_name, e.postcode
FROM {mis}sims_establishment e
ORDER BY e.establishment_id

-- name: pupils
-- Every pupil with a school history, on roll or left, for all establishments at once (one pass is
-- what makes a local authority's sync fast). The class is the registration group still open (or the
-- one closed on the day the pupil left); SEN is the provision open at :as_of, where MIN prefers E (EHC
-- plan) to K (SEN support); Ever 6 FSM is an FSM period open at any time since :ever6_from.
WITH param AS (
    SELECT CAST(:as_of AS VARCHAR(10)) AS as_of, CAST(:ever6_from AS VARCHAR(10)) AS ever6_from
),
fsm AS (
    SELECT f.person_id,
           MAX(CASE WHEN f.end_date IS NULL OR CAST(f.end_date AS VARCHAR(10)) >= param.as_of THEN 1 ELSE 0 END) AS now_fsm,
           MAX(CASE WHEN f.end_date IS NULL OR CAST(f.end_date AS VARCHAR(10)) >= param.ever6_from THEN 1 ELSE 0 END) AS ever6_fsm
    FROM {mis}stud_fsm_period f CROSS JOIN param
    WHERE CAST(f.start_date AS VARCHAR(10)) <= param.as_of
    GROUP BY f.person_id
),
sen AS (
    SELECT x.person_id, MIN(x.provision) AS provision
    FROM {mis}stud_sen_status x CROSS JOIN param
    WHERE CAST(x.start_date AS VARCHAR(10)) <= param.as_of
      AND (x.end_date IS NULL OR CAST(x.end_date AS VARCHAR(10)) >= param.as_of)
    GROUP BY x.person_id
),
base_groups AS (
    SELECT m.person_id, g.establishment_id,
           MIN(CASE WHEN g.group_type = 'REG' THEN g.code END) AS class_code,
           MIN(CASE WHEN g.group_type = 'YR' THEN g.nc_year END) AS nc_year
    FROM {mis}stud_base_group_membership m
    JOIN {mis}sims_base_group g ON g.base_group_id = m.base_group_id
    JOIN {mis}stud_school_history h ON h.person_id = m.person_id AND h.establishment_id = g.establishment_id
    WHERE m.end_date IS NULL OR m.end_date = h.leaving_date
    GROUP BY m.person_id, g.establishment_id
)
SELECT h.establishment_id, s.unique_pupil_no, COALESCE(s.former_upn, ''), p.surname, p.forename,
       CAST(p.dob AS VARCHAR(10)), p.gender, COALESCE(p.postcode, ''), e.code, COALESCE(s.first_language, ''),
       s.looked_after, COALESCE(s.la_reference, ''), CAST(h.admission_date AS VARCHAR(10)),
       COALESCE(CAST(h.leaving_date AS VARCHAR(10)), ''), COALESCE(fsm.now_fsm, 0), COALESCE(fsm.ever6_fsm, 0),
       COALESCE(sen.provision, 'N'), COALESCE(bg.class_code, ''), COALESCE(bg.nc_year, -1)
FROM {mis}stud_school_history h
JOIN {mis}sims_person p ON p.person_id = h.person_id
JOIN {mis}stud_student s ON s.person_id = h.person_id
JOIN {mis}sims_ethnicity e ON e.ethnicity_id = s.ethnicity_id
LEFT JOIN fsm ON fsm.person_id = h.person_id
LEFT JOIN sen ON sen.person_id = h.person_id
LEFT JOIN base_groups bg ON bg.person_id = h.person_id AND bg.establishment_id = h.establishment_id
ORDER BY h.establishment_id, s.unique_pupil_no

-- name: statutory_results
-- Every statutory result of every establishment's pupils: the aspect's code names what was assessed
-- (EYFSP.E01..E17, EYFSP.GLD, PHONICS.MARK, PHONICS.OUTCOME, KS1.<SUBJECT>.TA), the value is the
-- grade's code or the mark.
SELECT h.establishment_id, s.unique_pupil_no, a.code, rs.academic_year, COALESCE(g.code, CAST(r.mark AS VARCHAR(10)))
FROM {mis}stud_school_history h
JOIN {mis}asm_result r ON r.person_id = h.person_id
JOIN {mis}stud_student s ON s.person_id = h.person_id
JOIN {mis}asm_aspect a ON a.aspect_id = r.aspect_id
JOIN {mis}asm_resultset rs ON rs.resultset_id = r.resultset_id
LEFT JOIN {mis}asm_grade g ON g.grade_id = r.grade_id
ORDER BY h.establishment_id, s.unique_pupil_no, rs.result_date, a.code
