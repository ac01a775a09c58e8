#include "http/routes/school_scope.hpp"

#include "http/api.hpp"

#include "services/access/teaching_scope.hpp"

namespace waymark::http {

store::school school_in_path(soci::session &session, const request &asked) {
    const std::string &laestab = asked.path_parameter("school");
    // LA number then establishment number: 801 2000.
    if (laestab.size() == 7) {
        if (auto school = store::find_school(session, std::string_view(laestab).substr(0, 3), std::string_view(laestab).substr(3)))
            return std::move(*school);
    }
    throw not_found(std::nullopt, no_such_school(laestab));
}

namespace {

void refuse_outside(const std::optional<std::string> &sentence) {
    if (sentence) throw api_error(status::HTTP_FORBIDDEN, "forbidden", std::nullopt, *sentence);
}

}  // namespace

void check_teaches(soci::session &session, const store::school &school, const request &asked,
                   std::span<const std::string> upns) {
    if (asked.who().role != domain::user_role::teacher) return;
    refuse_outside(services::outside_classes_by_upn(session, school, asked.who().classes, upns));
}

void check_teaches_ids(soci::session &session, const store::school &school, const request &asked,
                       std::span<const long long> pupil_ids) {
    if (asked.who().role != domain::user_role::teacher) return;
    refuse_outside(services::outside_classes_by_id(session, school, asked.who().classes, pupil_ids));
}

}  // namespace waymark::http
