// Discussion-area templates (seed 000 "How do I edit and create template questions for the Cohort
// and Pupil Progress Meeting Forms?"): a school's questions for its pupil and cohort progress
// meetings, each with a sort order and the dates it is live; the school's current questions on a day
// are the templates live then. A template's type is fixed once created, as in the seed's form.
// Saved meetings copy the question text (services/meetings/meeting_answers.hpp), so editing or deleting a
// template never changes them.
#pragma once

#include "domain/calendar.hpp"
#include "services/tracking/tracking_records.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::services {

enum class meeting_type { pupil, cohort };
std::string_view meeting_type_name(meeting_type type);  // "pupil", "cohort"
std::optional<meeting_type> parse_meeting_type(std::string_view name);  // case-insensitive

struct discussion_template {
    long long id = 0;  // 0 before it is stored
    meeting_type type = meeting_type::pupil;
    std::string question;  // at most 500 characters
    int sort_order = 0;
    domain::date live_from{};
    std::optional<domain::date> live_to;  // none = live from live_from on

    bool live_on(domain::date day) const { return live_from <= day && (!live_to || day <= *live_to); }
    bool operator==(const discussion_template &) const = default;
};

// What an edit changes; fields left empty keep their value. `live_to` holding nullopt removes the end.
struct template_edit {
    std::optional<std::string> question;
    std::optional<int> sort_order;
    std::optional<domain::date> live_from;
    std::optional<std::optional<domain::date>> live_to;
};

// Stores a new template; tracking_error for an empty or over-long question or an end before the start.
discussion_template add_template(store::database &db, const store::school &school, discussion_template spec);
discussion_template edit_template(store::database &db, const store::school &school, long long id, const template_edit &edit);
void delete_template(store::database &db, const store::school &school, long long id);

// The school's templates (of one type, or both), by type, sort order and id.
std::vector<discussion_template> list_templates(soci::session &session, const store::school &school,
                                                std::optional<meeting_type> type = std::nullopt);
// The school's current questions of a type on a day: its templates live then, in sort order.
std::vector<discussion_template> current_questions(soci::session &session, const store::school &school, meeting_type type,
                                                   domain::date day);
// record_not_found when the school has no template with that id.
discussion_template find_template(soci::session &session, const store::school &school, long long id);

}  // namespace waymark::services
