-- The SIMS-style MIS profile: every query Waymark sends to the MIS, in one place. `{mis}` becomes
-- "sims." on PostgreSQL and SQL Server and nothing on SQLite (see named_queries.hpp). Each query's
-- columns are read by position in sims_connector.cpp, so keep their order. Dates come back as ISO
-- text (CAST(... AS VARCHAR(10))), flags as 0/1 and absent values as '' rather than NULL. Parameters
-- are bound once each, in a one-row `param` table, because a name used twice binds only once.

-- name: schools
SELECT e.establishment_id, e.la_code, e.estab_no, e.school_name, e.postcode
FROM {mis}sims_establishment e
ORDER BY e.establishment_id

-- name: pupils
-- Every pupil with a school history at the establishment, on roll or left. The class is the pupil's
-- registration group still open (or the one closed on the day the pupil left); SEN is the provision
-- open at :as_of, where MIN prefers E (EHC plan) to K (SEN support).
SELECT s.unique_pupil_no, COALESCE(s.former_upn, ''), p.surname, p.forename, CAST(p.dob AS VARCHAR(10)),
       p.gender, COALESCE(p.postcode, ''), e.code, COALESCE(s.first_language, ''), s.looked_after,
       COALESCE(s.la_reference, ''), CAST(h.admission_date AS VARCHAR(10)),
       COALESCE(CAST(h.leaving_date AS VARCHAR(10)), ''),
       CASE WHEN EXISTS (SELECT 1 FROM {mis}stud_fsm_period f WHERE f.person_id = p.person_id
                           AND CAST(f.start_date AS VARCHAR(10)) <= param.as_of
                           AND (f.end_date IS NULL OR CAST(f.end_date AS VARCHAR(10)) >= param.as_of))
            THEN 1 ELSE 0 END,
       CASE WHEN EXISTS (SELECT 1 FROM {mis}stud_fsm_period f WHERE f.person_id = p.person_id
                           AND CAST(f.start_date AS VARCHAR(10)) <= param.as_of
                           AND (f.end_date IS NULL OR CAST(f.end_date AS VARCHAR(10)) >= param.ever6_from))
            THEN 1 ELSE 0 END,
       COALESCE((SELECT MIN(sen.provision) FROM {mis}stud_sen_status sen WHERE sen.person_id = p.person_id
                   AND CAST(sen.start_date AS VARCHAR(10)) <= param.as_of
                   AND (sen.end_date IS NULL OR CAST(sen.end_date AS VARCHAR(10)) >= param.as_of)), 'N'),
       COALESCE((SELECT MIN(g.code) FROM {mis}stud_base_group_membership m
                   JOIN {mis}sims_base_group g ON g.base_group_id = m.base_group_id
                  WHERE m.person_id = p.person_id AND g.group_type = 'REG' AND g.establishment_id = h.establishment_id
                    AND (m.end_date IS NULL OR m.end_date = h.leaving_date)), ''),
       COALESCE((SELECT MIN(g.nc_year) FROM {mis}stud_base_group_membership m
                   JOIN {mis}sims_base_group g ON g.base_group_id = m.base_group_id
                  WHERE m.person_id = p.person_id AND g.group_type = 'YR' AND g.establishment_id = h.establishment_id
                    AND (m.end_date IS NULL OR m.end_date = h.leaving_date)), -1)
FROM (SELECT CAST(:establishment AS INTEGER) AS establishment_id, CAST(:as_of AS VARCHAR(10)) AS as_of,
             CAST(:ever6_from AS VARCHAR(10)) AS ever6_from) param
JOIN {mis}stud_school_history h ON h.establishment_id = param.establishment_id
JOIN {mis}sims_person p ON p.person_id = h.person_id
JOIN {mis}stud_student s ON s.person_id = p.person_id
JOIN {mis}sims_ethnicity e ON e.ethnicity_id = s.ethnicity_id
ORDER BY s.unique_pupil_no

-- name: statutory_results
-- Every statutory result of the establishment's pupils: the aspect's code names what was assessed
-- (EYFSP.E01..E17, EYFSP.GLD, PHONICS.MARK, PHONICS.OUTCOME, KS1.<SUBJECT>.TA), the value is the
-- grade's code or the mark.
SELECT s.unique_pupil_no, a.code, rs.academic_year, CAST(rs.result_date AS VARCHAR(10)),
       COALESCE(g.code, CAST(r.mark AS VARCHAR(10)))
FROM {mis}stud_school_history h
JOIN {mis}asm_result r ON r.person_id = h.person_id
JOIN {mis}stud_student s ON s.person_id = h.person_id
JOIN {mis}asm_aspect a ON a.aspect_id = r.aspect_id
JOIN {mis}asm_resultset rs ON rs.resultset_id = r.resultset_id
LEFT JOIN {mis}asm_grade g ON g.grade_id = r.grade_id
WHERE h.establishment_id = :establishment
ORDER BY s.unique_pupil_no, rs.result_date, a.code
