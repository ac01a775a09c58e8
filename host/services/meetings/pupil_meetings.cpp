#include "services/meetings/pupil_meetings.hpp"

#include "store/fetch_rows.hpp"
#include "services/tracking/judgements.hpp"

namespace waymark::services {
namespace {

constexpr std::size_t teacher_limit = 100;

// The school's latest assessment on or before the day, if any.
std::optional<assessment> latest_by(soci::session &session, const store::school &school, domain::date day) {
    std::optional<assessment> latest;
    for (auto &each : list_assessments(session, school.id)) {
        if (each.assessed_on <= day && (!latest || latest->assessed_on <= each.assessed_on)) latest = std::move(each);
    }
    return latest;
}

std::vector<pupil_meeting> read_meetings(soci::session &session, const store::school &school, std::optional<long long> id,
                                         std::optional<long long> pupil_id) {
    std::vector<long long> ids;
    std::vector<std::string> upns, forenames, surnames, teachers, days, assessments, previous_assessments, pr, pw, pm, cr, cw,
        cm, by, at;
    store::size_for_fetch(ids, upns, forenames, surnames, teachers, days, assessments, previous_assessments, pr, pw, pm, cr, cw, cm,
                   by, at);
    auto query = (session.prepare << "SELECT m.id, p.upn, p.forename, p.surname, m.teacher, m.held_on, COALESCE(a.name, ''), "
                                     "COALESCE(b.name, ''), m.previous_reading, m.previous_writing, m.previous_maths, "
                                     "m.current_reading, m.current_writing, m.current_maths, m.recorded_by, m.recorded_at "
                                     "FROM wm_pupil_meetings m JOIN wm_pupils p ON p.id = m.pupil_id "
                                     "LEFT JOIN wm_assessments a ON a.id = m.assessment_id "
                                     "LEFT JOIN wm_assessments b ON b.id = m.previous_assessment_id WHERE m.school_id = :s" +
                                         std::string(id ? " AND m.id = :id" : "") + (pupil_id ? " AND m.pupil_id = :p" : "") +
                                         " ORDER BY m.held_on, m.id",
                  soci::into(ids), soci::into(upns), soci::into(forenames), soci::into(surnames), soci::into(teachers),
                  soci::into(days), soci::into(assessments), soci::into(previous_assessments), soci::into(pr), soci::into(pw),
                  soci::into(pm), soci::into(cr), soci::into(cw), soci::into(cm), soci::into(by), soci::into(at),
                  soci::use(school.id, "s"));
    if (id) query, soci::use(*id, "id");
    if (pupil_id) query, soci::use(*pupil_id, "p");
    soci::statement rows(query);
    std::vector<pupil_meeting> found;
    store::fetch_rows(rows, [&](std::size_t i) {
        found.push_back({ids[i], upns[i], forenames[i] + " " + surnames[i], teachers[i], *domain::parse_iso_date(days[i]),
                         assessments[i], previous_assessments[i], {pr[i], pw[i], pm[i]}, {cr[i], cw[i], cm[i]}, {}, by[i],
                         at[i]});
    }, ids, upns, forenames, surnames, teachers, days, assessments, previous_assessments, pr, pw, pm, cr, cw, cm, by, at);
    for (auto &meeting : found) meeting.answers = load_answers(session, answer_table::pupil_meeting, meeting.id);
    return found;
}

void write_header(soci::session &session, long long id, const std::string &teacher, domain::date held_on) {
    checked_text("teacher", teacher, teacher_limit, true);
    const std::string day = domain::format_iso_date(held_on);
    session << "UPDATE wm_pupil_meetings SET teacher = :t, held_on = :d WHERE id = :id", soci::use(teacher, "t"),
        soci::use(day, "d"), soci::use(id, "id");
}

}  // namespace

core_standards standards_in(soci::session &session, const assessment &which, long long pupil_id) {
    core_standards found;
    const long long pupils[] = {pupil_id};
    for (const auto &cell : current_cells(session, which, pupils, "")) {
        if (cell.record.cell.kind != cell_kind::judgement) continue;
        const std::string &subject = cell.record.cell.subject;
        if (subject == "reading") found.reading = cell.record.value;
        else if (subject == "writing") found.writing = cell.record.value;
        else if (subject == "maths") found.maths = cell.record.value;
    }
    return found;
}

namespace {

// What a new meeting with a pupil starts from on its day: the assessments, standards and questions.
struct prepared_meeting {
    school_pupil pupil;
    std::optional<assessment> current, previous;
    core_standards now, before;
    std::vector<meeting_answer> answers;
};

prepared_meeting prepare(soci::session &session, const store::school &school, const std::string &upn,
                         const pupil_meeting_spec &spec) {
    prepared_meeting made;
    made.pupil = find_school_pupil(session, school, upn, false);
    made.current = spec.assessment
                       ? std::optional(assessment_in_year(session, school, *spec.assessment, domain::academic_year_of(spec.held_on)))
                       : latest_by(session, school, spec.held_on);
    made.previous = made.current ? previous_assessment(session, school, *made.current) : std::nullopt;
    if (made.current) made.now = standards_in(session, *made.current, made.pupil.id);
    if (made.previous) made.before = standards_in(session, *made.previous, made.pupil.id);
    made.answers = new_meeting_answers(session, school, meeting_type::pupil, spec.held_on, {}, spec.answers);
    return made;
}

}  // namespace

pupil_meeting draft_pupil_meeting(soci::session &session, const store::school &school, const std::string &upn,
                                  const pupil_meeting_spec &spec) {
    const prepared_meeting made = prepare(session, school, upn, spec);
    return {0, made.pupil.upn, made.pupil.name, spec.teacher, spec.held_on, made.current ? made.current->name : "",
            made.previous ? made.previous->name : "", made.before, made.now, made.answers, "", ""};
}

pupil_meeting add_pupil_meeting(store::database &db, const store::school &school, const std::string &upn,
                                const pupil_meeting_spec &spec, const std::string &by) {
    checked_text("teacher", spec.teacher, teacher_limit, true);
    return db.transaction("saving a pupil progress meeting", [&](soci::session &session) {
        const prepared_meeting made = prepare(session, school, upn, spec);
        const long long current_id = made.current ? made.current->id : 0, previous_id = made.previous ? made.previous->id : 0;
        soci::indicator has_current = made.current ? soci::i_ok : soci::i_null;
        soci::indicator has_previous = made.previous ? soci::i_ok : soci::i_null;
        const std::string day = domain::format_iso_date(spec.held_on), at = store::utc_timestamp_now();
        session << "INSERT INTO wm_pupil_meetings (school_id, pupil_id, teacher, held_on, assessment_id, previous_assessment_id, "
                   "previous_reading, previous_writing, previous_maths, current_reading, current_writing, current_maths, "
                   "recorded_by, recorded_at) VALUES (:s, :p, :t, :d, :a, :b, :pr, :pw, :pm, :cr, :cw, :cm, :by, :at)",
            soci::use(school.id, "s"), soci::use(made.pupil.id, "p"), soci::use(spec.teacher, "t"), soci::use(day, "d"),
            soci::use(current_id, has_current, "a"), soci::use(previous_id, has_previous, "b"),
            soci::use(made.before.reading, "pr"), soci::use(made.before.writing, "pw"), soci::use(made.before.maths, "pm"),
            soci::use(made.now.reading, "cr"), soci::use(made.now.writing, "cw"), soci::use(made.now.maths, "cm"),
            soci::use(by, "by"), soci::use(at, "at");
        const long long id = last_insert_id(session, db.kind());
        store_answers(session, answer_table::pupil_meeting, id, made.answers);
        return find_pupil_meeting(session, school, id);
    });
}

std::vector<pupil_meeting> pupil_meetings(soci::session &session, const store::school &school, const std::string &upn) {
    return read_meetings(session, school, std::nullopt, find_school_pupil(session, school, upn, true).id);
}

std::vector<pupil_meeting> school_pupil_meetings(soci::session &session, const store::school &school) {
    return read_meetings(session, school, std::nullopt, std::nullopt);
}

pupil_meeting find_pupil_meeting(soci::session &session, const store::school &school, long long id) {
    return found_or(read_meetings(session, school, id, std::nullopt),
                    "There is no pupil progress meeting " + std::to_string(id) + " at " + school.name +
                    "; waymark meetings pupil list UPN shows a pupil's with their ids.");
}

pupil_meeting edit_pupil_meeting(store::database &db, const store::school &school, long long id, const pupil_meeting_edit &edit) {
    return db.transaction("changing a pupil progress meeting", [&](soci::session &session) {
        pupil_meeting meeting = find_pupil_meeting(session, school, id);
        update_answers(meeting.answers, edit.answers);
        write_header(session, id, edit.teacher.value_or(meeting.teacher), edit.held_on.value_or(meeting.held_on));
        store_answers(session, answer_table::pupil_meeting, id, meeting.answers);
        return find_pupil_meeting(session, school, id);
    });
}

void delete_pupil_meeting(store::database &db, const store::school &school, long long id) {
    db.transaction("deleting a pupil progress meeting", [&](soci::session &session) {
        find_pupil_meeting(session, school, id);
        store_answers(session, answer_table::pupil_meeting, id, {});
        session << "DELETE FROM wm_pupil_meetings WHERE id = :id", soci::use(id, "id");
    });
}

}  // namespace waymark::services
