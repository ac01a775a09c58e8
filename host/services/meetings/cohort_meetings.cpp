#include "services/meetings/cohort_meetings.hpp"

#include "store/fetch_rows.hpp"
#include "services/tracking/summary_statistics.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace waymark::services {
namespace {

constexpr std::size_t teacher_limit = 100;
constexpr std::size_t text_limit = 2000;
constexpr std::array<std::string_view, 3> core_subjects{"reading", "writing", "maths"};

int whole_percent(int part, int whole) {
    return whole == 0 ? 0 : static_cast<int>(std::lround(100.0 * part / whole));
}

std::optional<long long> class_id(soci::session &session, const store::school &school, const std::string &name) {
    long long id = 0;
    session << "SELECT id FROM wm_classes WHERE school_id = :s AND name = :n", soci::into(id), soci::use(school.id, "s"),
        soci::use(name, "n");
    if (!session.got_data())
        throw tracking_error("There is no class \"" + name + "\" at " + school.name + "; waymark pupils list shows the classes.");
    return id;
}

// Whole percentages of each band of the core subjects now, with the previous assessment's beside them.
std::vector<band_outcome> outcomes_of(const assessment_summary &now, const std::optional<assessment_summary> &before) {
    std::vector<band_outcome> outcomes;
    for (const auto code : core_subjects) {
        const auto same_subject = [&](const subject_summary &each) { return each.subject == code; };
        const auto subject = std::find_if(now.subjects.begin(), now.subjects.end(), same_subject);
        if (subject == now.subjects.end()) continue;
        const subject_summary *earlier = nullptr;
        if (before) {
            const auto found = std::find_if(before->subjects.begin(), before->subjects.end(), same_subject);
            if (found != before->subjects.end() && found->scheme_id == subject->scheme_id) earlier = &*found;
        }
        for (std::size_t band = 0; band < subject->grades.size(); ++band) {
            band_outcome outcome{std::string(code), subject->grades[band].label,
                                 whole_percent(subject->grades[band].pupils, now.pupils), std::nullopt};
            if (earlier != nullptr) outcome.percent_previous = whole_percent(earlier->grades[band].pupils, before->pupils);
            outcomes.push_back(std::move(outcome));
        }
    }
    return outcomes;
}

std::vector<std::string> discussion_subjects(soci::session &session, const std::vector<std::string> &extra) {
    std::vector<std::string> subjects(core_subjects.begin(), core_subjects.end());
    const auto known = subject_ids(session);
    for (const auto &code : extra) {
        if (!known.contains(code))
            throw tracking_error("There is no subject \"" + code + "\" to add a discussion area for; use a code such as history "
                                 "or science.");
        if (std::find(subjects.begin(), subjects.end(), code) == subjects.end()) subjects.push_back(code);
    }
    return subjects;
}

void check_texts(const std::string &teacher, const std::string &support, const std::string &groups) {
    checked_text("teacher", teacher, teacher_limit, true);
    checked_text("targeted support", support, text_limit, false);
    checked_text("specific groups", groups, text_limit, false);
}

void store_barriers(soci::session &session, const store::school &school, long long meeting_id,
                    const std::vector<barrier_input> &barriers) {
    session << "DELETE FROM wm_cohort_meeting_barriers WHERE meeting_id = :m", soci::use(meeting_id, "m");
    int position = 0;
    for (const auto &each : barriers) {
        const long long pupil = find_school_pupil(session, school, each.upn, false).id;
        checked_text("barrier for " + each.upn, each.barrier, text_limit, false);
        checked_text("next steps for " + each.upn, each.next_steps, text_limit, false);
        ++position;
        session << "INSERT INTO wm_cohort_meeting_barriers (meeting_id, position, pupil_id, barrier, next_steps) "
                   "VALUES (:m, :n, :p, :b, :x)",
            soci::use(meeting_id, "m"), soci::use(position, "n"), soci::use(pupil, "p"), soci::use(each.barrier, "b"),
            soci::use(each.next_steps, "x");
    }
}

std::vector<band_outcome> load_outcomes(soci::session &session, long long meeting_id) {
    std::vector<std::string> subjects, bands;
    std::vector<int> now, before;
    store::size_for_fetch(subjects, bands, now, before);
    soci::statement rows = (session.prepare << "SELECT s.code, o.grade_label, CAST(o.percent_now AS INTEGER), "
                                               "COALESCE(CAST(o.percent_previous AS INTEGER), -1) FROM wm_cohort_meeting_outcomes o "
                                               "JOIN wm_subjects s ON s.id = o.subject_id WHERE o.meeting_id = :m "
                                               "ORDER BY o.position",
                            soci::into(subjects), soci::into(bands), soci::into(now), soci::into(before), soci::use(meeting_id, "m"));
    std::vector<band_outcome> outcomes;
    store::fetch_rows(rows, [&](std::size_t i) {
        outcomes.push_back({subjects[i], bands[i], now[i], before[i] < 0 ? std::nullopt : std::optional<int>(before[i])});
    }, subjects, bands, now, before);
    return outcomes;
}

std::vector<pupil_barrier> load_barriers(soci::session &session, long long meeting_id) {
    std::vector<std::string> upns, forenames, surnames, barriers, next_steps;
    store::size_for_fetch(upns, forenames, surnames, barriers, next_steps);
    soci::statement rows = (session.prepare << "SELECT p.upn, p.forename, p.surname, b.barrier, b.next_steps "
                                               "FROM wm_cohort_meeting_barriers b JOIN wm_pupils p ON p.id = b.pupil_id "
                                               "WHERE b.meeting_id = :m ORDER BY b.position",
                            soci::into(upns), soci::into(forenames), soci::into(surnames), soci::into(barriers),
                            soci::into(next_steps), soci::use(meeting_id, "m"));
    std::vector<pupil_barrier> found;
    store::fetch_rows(rows, [&](std::size_t i) {
        found.push_back({upns[i], forenames[i] + " " + surnames[i], barriers[i], next_steps[i]});
    }, upns, forenames, surnames, barriers, next_steps);
    return found;
}

std::vector<cohort_meeting> read_meetings(soci::session &session, const store::school &school, std::optional<long long> id) {
    std::vector<long long> ids;
    std::vector<int> years, pupils;
    std::vector<std::string> classes, assessments, previous, teachers, days, support, groups, by, at;
    store::size_for_fetch(ids, years, pupils, classes, assessments, previous, teachers, days, support, groups, by, at);
    auto query = (session.prepare << "SELECT m.id, CAST(m.nc_year AS INTEGER), m.pupils, COALESCE(c.name, ''), a.name, "
                                     "COALESCE(b.name, ''), m.teacher, m.held_on, m.targeted_support, m.specific_groups, "
                                     "m.recorded_by, m.recorded_at FROM wm_cohort_meetings m "
                                     "JOIN wm_assessments a ON a.id = m.assessment_id "
                                     "LEFT JOIN wm_assessments b ON b.id = m.previous_assessment_id "
                                     "LEFT JOIN wm_classes c ON c.id = m.class_id WHERE m.school_id = :s" +
                                         std::string(id ? " AND m.id = :id" : "") + " ORDER BY m.held_on, m.id",
                  soci::into(ids), soci::into(years), soci::into(pupils), soci::into(classes), soci::into(assessments),
                  soci::into(previous), soci::into(teachers), soci::into(days), soci::into(support), soci::into(groups),
                  soci::into(by), soci::into(at), soci::use(school.id, "s"));
    if (id) query, soci::use(*id, "id");
    soci::statement rows(query);
    std::vector<cohort_meeting> found;
    store::fetch_rows(rows, [&](std::size_t i) {
        cohort_meeting meeting;
        meeting.id = ids[i];
        meeting.year_group = years[i];
        meeting.pupils = pupils[i];
        meeting.class_name = classes[i];
        meeting.assessment = assessments[i];
        meeting.previous_assessment = previous[i];
        meeting.teacher = teachers[i];
        meeting.held_on = *domain::parse_iso_date(days[i]);
        meeting.targeted_support = support[i];
        meeting.specific_groups = groups[i];
        meeting.recorded_by = by[i];
        meeting.recorded_at = at[i];
        found.push_back(std::move(meeting));
    }, ids, years, pupils, classes, assessments, previous, teachers, days, support, groups, by, at);
    for (auto &meeting : found) {
        meeting.outcomes = load_outcomes(session, meeting.id);
        meeting.answers = load_answers(session, answer_table::cohort_meeting, meeting.id);
        meeting.barriers = load_barriers(session, meeting.id);
    }
    return found;
}

}  // namespace

namespace {

// What a new cohort meeting starts from: its assessments, class, cohort figures and questions.
struct prepared_meeting {
    assessment current;
    std::optional<assessment> previous;
    std::optional<long long> class_row;
    int pupils = 0;
    std::vector<band_outcome> outcomes;
    std::vector<meeting_answer> answers;
};

prepared_meeting prepare(soci::session &session, const store::school &school, const scheme_library &schemes,
                         const cohort_meeting_spec &spec) {
    prepared_meeting made{find_assessment(session, school.id, spec.assessment), {}, {}, 0, {}, {}};
    if (std::find(made.current.year_groups.begin(), made.current.year_groups.end(), spec.year_group) == made.current.year_groups.end())
        throw tracking_error("The assessment \"" + made.current.name + "\" does not cover year group " +
                             std::to_string(spec.year_group) + "; choose a year group it was made for.");
    made.class_row = spec.class_name ? class_id(session, school, *spec.class_name) : std::nullopt;
    made.previous = previous_assessment(session, school, made.current);
    pupil_filter cohort;
    cohort.year_group = spec.year_group;
    cohort.class_name = spec.class_name;
    const auto now = summarise(session, school, made.current, schemes, cohort);
    const auto before = made.previous ? std::optional(summarise(session, school, *made.previous, schemes, cohort)) : std::nullopt;
    made.pupils = now.pupils;
    made.outcomes = outcomes_of(now, before);
    made.answers = new_meeting_answers(session, school, meeting_type::cohort, spec.held_on,
                                       discussion_subjects(session, spec.extra_subjects), spec.answers);
    return made;
}

}  // namespace

cohort_meeting draft_cohort_meeting(soci::session &session, const store::school &school, const scheme_library &schemes,
                                    const cohort_meeting_spec &spec) {
    prepared_meeting made = prepare(session, school, schemes, spec);
    cohort_meeting draft;
    draft.year_group = spec.year_group;
    draft.class_name = spec.class_name.value_or("");
    draft.assessment = made.current.name;
    draft.previous_assessment = made.previous ? made.previous->name : "";
    draft.teacher = spec.teacher;
    draft.held_on = spec.held_on;
    draft.pupils = made.pupils;
    draft.outcomes = std::move(made.outcomes);
    draft.answers = std::move(made.answers);
    draft.targeted_support = spec.targeted_support;
    draft.specific_groups = spec.specific_groups;
    return draft;
}

cohort_meeting add_cohort_meeting(store::database &db, const store::school &school, const scheme_library &schemes,
                                  const cohort_meeting_spec &spec, const std::string &by) {
    check_texts(spec.teacher, spec.targeted_support, spec.specific_groups);
    return db.transaction("saving a cohort progress meeting", [&](soci::session &session) {
        const prepared_meeting made = prepare(session, school, schemes, spec);
        const long long class_value = made.class_row.value_or(0), previous_id = made.previous ? made.previous->id : 0;
        soci::indicator has_class = made.class_row ? soci::i_ok : soci::i_null;
        soci::indicator has_previous = made.previous ? soci::i_ok : soci::i_null;
        const std::string day = domain::format_iso_date(spec.held_on), at = store::utc_timestamp_now();
        session << "INSERT INTO wm_cohort_meetings (school_id, nc_year, class_id, assessment_id, previous_assessment_id, "
                   "teacher, held_on, pupils, targeted_support, specific_groups, recorded_by, recorded_at) "
                   "VALUES (:s, :y, :c, :a, :b, :t, :d, :n, :ts, :sg, :by, :at)",
            soci::use(school.id, "s"), soci::use(spec.year_group, "y"), soci::use(class_value, has_class, "c"),
            soci::use(made.current.id, "a"), soci::use(previous_id, has_previous, "b"), soci::use(spec.teacher, "t"),
            soci::use(day, "d"), soci::use(made.pupils, "n"), soci::use(spec.targeted_support, "ts"),
            soci::use(spec.specific_groups, "sg"), soci::use(by, "by"), soci::use(at, "at");
        const long long id = last_insert_id(session, db.kind());
        int position = 0;
        for (const auto &outcome : made.outcomes) {
            ++position;
            const int previous_percent = outcome.percent_previous.value_or(0);
            soci::indicator has_percent = outcome.percent_previous ? soci::i_ok : soci::i_null;
            session << "INSERT INTO wm_cohort_meeting_outcomes (meeting_id, subject_id, position, grade_label, percent_now, "
                       "percent_previous) VALUES (:m, (SELECT id FROM wm_subjects WHERE code = :c), :p, :g, :n, :b)",
                soci::use(id, "m"), soci::use(outcome.subject, "c"), soci::use(position, "p"), soci::use(outcome.band, "g"),
                soci::use(outcome.percent_now, "n"), soci::use(previous_percent, has_percent, "b");
        }
        store_answers(session, answer_table::cohort_meeting, id, made.answers);
        store_barriers(session, school, id, spec.barriers);
        return find_cohort_meeting(session, school, id);
    });
}

std::vector<cohort_meeting> cohort_meetings(soci::session &session, const store::school &school) {
    return read_meetings(session, school, std::nullopt);
}

cohort_meeting find_cohort_meeting(soci::session &session, const store::school &school, long long id) {
    return found_or(read_meetings(session, school, id),
                    "There is no cohort progress meeting " + std::to_string(id) + " at " + school.name +
                    "; waymark meetings cohort list shows them with their ids.");
}

cohort_meeting edit_cohort_meeting(store::database &db, const store::school &school, long long id, const cohort_meeting_edit &edit) {
    return db.transaction("changing a cohort progress meeting", [&](soci::session &session) {
        cohort_meeting meeting = find_cohort_meeting(session, school, id);
        update_answers(meeting.answers, edit.answers);
        const std::string teacher = edit.teacher.value_or(meeting.teacher);
        const std::string support = edit.targeted_support.value_or(meeting.targeted_support);
        const std::string groups = edit.specific_groups.value_or(meeting.specific_groups);
        check_texts(teacher, support, groups);
        const std::string day = domain::format_iso_date(edit.held_on.value_or(meeting.held_on));
        session << "UPDATE wm_cohort_meetings SET teacher = :t, held_on = :d, targeted_support = :ts, specific_groups = :sg "
                   "WHERE id = :id",
            soci::use(teacher, "t"), soci::use(day, "d"), soci::use(support, "ts"), soci::use(groups, "sg"), soci::use(id, "id");
        store_answers(session, answer_table::cohort_meeting, id, meeting.answers);
        if (edit.barriers) store_barriers(session, school, id, *edit.barriers);
        return find_cohort_meeting(session, school, id);
    });
}

void delete_cohort_meeting(store::database &db, const store::school &school, long long id) {
    db.transaction("deleting a cohort progress meeting", [&](soci::session &session) {
        find_cohort_meeting(session, school, id);
        store_answers(session, answer_table::cohort_meeting, id, {});
        for (const char *table : {"wm_cohort_meeting_outcomes", "wm_cohort_meeting_barriers"})
            session << std::string("DELETE FROM ") + table + " WHERE meeting_id = :id", soci::use(id, "id");
        session << "DELETE FROM wm_cohort_meetings WHERE id = :id", soci::use(id, "id");
    });
}

}  // namespace waymark::services
