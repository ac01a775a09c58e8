#include "services/meetings/discussion_templates.hpp"

#include "store/fetch_rows.hpp"

#include <algorithm>
#include <cctype>

namespace waymark::services {
namespace {

constexpr std::size_t question_limit = 500;

void check(const discussion_template &spec) {
    checked_text("question", spec.question, question_limit, true);
    if (spec.live_to && *spec.live_to < spec.live_from)
        throw tracking_error("A template's end date (" + domain::format_iso_date(*spec.live_to) +
                             ") cannot be before its start date (" + domain::format_iso_date(spec.live_from) + ").");
}

// The school's templates, of one type and/or one id when given.
std::vector<discussion_template> read_templates(soci::session &session, const store::school &school,
                                                std::optional<meeting_type> type, std::optional<long long> id) {
    std::vector<long long> ids;
    std::vector<std::string> types, questions, froms, tos;
    std::vector<int> orders;
    store::size_for_fetch(ids, types, questions, froms, tos, orders);
    const std::string type_name = type ? std::string(meeting_type_name(*type)) : "";
    auto query = (session.prepare << "SELECT id, meeting_type, question, sort_order, live_from, COALESCE(live_to, '') "
                                     "FROM wm_discussion_templates WHERE school_id = :s" +
                                         std::string(type ? " AND meeting_type = :t" : "") + (id ? " AND id = :id" : "") +
                                         " ORDER BY meeting_type DESC, sort_order, id",
                  soci::into(ids), soci::into(types), soci::into(questions), soci::into(orders), soci::into(froms),
                  soci::into(tos), soci::use(school.id, "s"));
    if (type) query, soci::use(type_name, "t");
    if (id) query, soci::use(*id, "id");
    soci::statement rows(query);
    std::vector<discussion_template> found;
    store::fetch_rows(rows, [&](std::size_t i) {
        found.push_back({ids[i], *parse_meeting_type(types[i]), questions[i], orders[i], *domain::parse_iso_date(froms[i]),
                         domain::parse_iso_date(tos[i])});
    }, ids, types, questions, orders, froms, tos);
    return found;
}

void write_fields(soci::session &session, const discussion_template &spec) {
    const std::string from = domain::format_iso_date(spec.live_from);
    const std::string to = spec.live_to ? domain::format_iso_date(*spec.live_to) : "";
    soci::indicator to_set = spec.live_to ? soci::i_ok : soci::i_null;
    session << "UPDATE wm_discussion_templates SET question = :q, sort_order = :o, live_from = :f, live_to = :t "
               "WHERE id = :id",
        soci::use(spec.question, "q"), soci::use(spec.sort_order, "o"), soci::use(from, "f"), soci::use(to, to_set, "t"),
        soci::use(spec.id, "id");
}

}  // namespace

std::string_view meeting_type_name(meeting_type type) { return type == meeting_type::pupil ? "pupil" : "cohort"; }

std::optional<meeting_type> parse_meeting_type(std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "pupil") return meeting_type::pupil;
    if (lower == "cohort") return meeting_type::cohort;
    return std::nullopt;
}

discussion_template add_template(store::database &db, const store::school &school, discussion_template spec) {
    check(spec);
    return db.transaction("adding a discussion-area template", [&](soci::session &session) {
        const std::string type(meeting_type_name(spec.type));
        const std::string from = domain::format_iso_date(spec.live_from);
        session << "INSERT INTO wm_discussion_templates (school_id, meeting_type, question, sort_order, live_from) "
                   "VALUES (:s, :t, :q, :o, :f)",
            soci::use(school.id, "s"), soci::use(type, "t"), soci::use(spec.question, "q"), soci::use(spec.sort_order, "o"),
            soci::use(from, "f");
        spec.id = last_insert_id(session, db.kind());
        write_fields(session, spec);
        return spec;
    });
}

discussion_template edit_template(store::database &db, const store::school &school, long long id, const template_edit &edit) {
    return db.transaction("editing a discussion-area template", [&](soci::session &session) {
        discussion_template changed = find_template(session, school, id);
        if (edit.question) changed.question = *edit.question;
        if (edit.sort_order) changed.sort_order = *edit.sort_order;
        if (edit.live_from) changed.live_from = *edit.live_from;
        if (edit.live_to) changed.live_to = *edit.live_to;
        check(changed);
        write_fields(session, changed);
        return changed;
    });
}

void delete_template(store::database &db, const store::school &school, long long id) {
    db.transaction("deleting a discussion-area template", [&](soci::session &session) {
        find_template(session, school, id);
        session << "DELETE FROM wm_discussion_templates WHERE id = :id", soci::use(id, "id");
    });
}

std::vector<discussion_template> list_templates(soci::session &session, const store::school &school,
                                                std::optional<meeting_type> type) {
    return read_templates(session, school, type, std::nullopt);
}

std::vector<discussion_template> current_questions(soci::session &session, const store::school &school, meeting_type type,
                                                   domain::date day) {
    auto questions = list_templates(session, school, type);
    std::erase_if(questions, [&](const discussion_template &each) { return !each.live_on(day); });
    return questions;
}

discussion_template find_template(soci::session &session, const store::school &school, long long id) {
    return found_or(read_templates(session, school, std::nullopt, id),
                    "There is no discussion-area template " + std::to_string(id) + " at " + school.name +
                    "; waymark templates list shows their ids.");
}

}  // namespace waymark::services
