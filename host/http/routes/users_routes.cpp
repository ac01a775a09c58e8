// Users, for administrators (services/access/users.hpp): an administrator sees and manages the users of
// their own school (and the authority users granted it); a generated password and the TOTP secret
// are in the answer that made them, and nowhere else.
//   GET  /api/v1/users
//   POST /api/v1/users                      {username, display_name?, role, classes?, schools?, school?}
//   PUT  /api/v1/users/{username}           {display_name?, role?, classes?, schools?, disabled?}
//   POST /api/v1/users/{username}/password  -> {"password": "<new generated>"}
#include "http/api.hpp"
#include "http/routes/school_scope.hpp"

#include "services/access/sessions.hpp"
#include "services/access/users.hpp"
#include "services/access/users_json.hpp"

#include <algorithm>

namespace waymark::http {

namespace {

const std::string users_path = api_base + "/users";

domain::user_role role_in(const json_object &body) {
    const std::string text = body.required_string("role");
    const auto role = domain::parse_role(text);
    if (!role)
        throw invalid("role", "role takes administrator, leader, teacher, read_only or authority, not \"" + text + "\".");
    return *role;
}

// A user the administrator may manage: one who opens a school the administrator opens. Others are
// 404, as if they did not exist.
services::user managed_user(soci::session &session, const request &asked) {
    const std::string &name = asked.path_parameter("username");
    const auto found = services::find_user(session, name);
    const auto opens_theirs = [&](const services::user &account) {
        const auto open = account.open_schools();
        return asked.who().every_school ||
               std::any_of(open.begin(), open.end(), [&](const std::string &school) { return asked.who().may_open(school); });
    };
    if (!found || !opens_theirs(*found))
        throw not_found(std::nullopt, "There is no user \"" + name + "\" at your school; GET " + users_path + " lists them.");
    return *found;
}

// Whether the user also opens a school the administrator does not: an authority user granted other
// schools belongs to their administrators as much, so this one changes only the grant of their own.
bool shared_with_other_schools(const principal &administrator, const services::user &account) {
    const auto open = account.open_schools();
    return std::any_of(open.begin(), open.end(), [&](const std::string &school) { return !administrator.may_open(school); });
}

api_error shared_user(const services::user &account) {
    return {status::HTTP_FORBIDDEN, "forbidden", std::nullopt,
            account.username + " is granted schools you do not administer as well; you may change only their grant of your "
                               "schools, and the server's operator the rest (`waymark users set`)."};
}

// What the administrator may hand out: schools they open themselves.
void check_grants(const request &asked, const std::vector<std::string> &schools) {
    for (const auto &school : schools) {
        if (!asked.who().may_open(school))
            throw invalid("schools", "schools: you may grant only schools you administer, not " + school + ".");
    }
}

template <class Call>
auto refusals_as_422(Call &&call) {
    try {
        return call();
    } catch (const services::user_not_found &missing) {
        throw not_found(std::nullopt, missing.what());
    } catch (const services::user_error &refused) {
        const std::string message = refused.what();
        const auto colon = message.find(':');
        throw invalid(colon == std::string::npos || message.find(' ') < colon ? "" : message.substr(0, colon), message);
    }
}

void list_users(const api_services &api, const request &asked, response &reply) {
    const auto database = api.database();
    const auto school = asked.who().every_school ? std::nullopt : std::optional<std::string>(asked.who().school);
    Poco::JSON::Array users;
    for (const auto &account : services::list_users(database->session(), school)) users.add(services::user_json(account));
    Poco::JSON::Object json;
    json.set("users", users);
    reply.json(json);
}

void add_user(const api_services &api, const request &asked, response &reply) {
    const json_object body = asked.json_body();
    services::user_details details;
    details.username = body.required_string("username");
    details.display_name = body.optional_string("display_name").value_or("");
    details.role = role_in(body);
    if (body.has("classes")) details.classes = body.required_string_array("classes");
    if (body.has("schools")) details.schools = body.required_string_array("schools");
    check_grants(asked, details.schools);
    if (domain::belongs_to_one_school(details.role)) {
        details.school = asked.who().every_school ? body.required_string("school") : asked.who().school;
        if (details.school.empty())
            throw invalid("role", "An administrator without a school of their own adds authority users only.");
    }
    const auto made = refusals_as_422([&] {
        const auto database = api.database();
        return services::add_user(*database, details, services::instant_text(services::now_instant()));
    });
    asked.note("added " + details.username + " (" + std::string(domain::role_name(details.role)) + ")");
    reply.json(services::new_user_json(made), status::HTTP_CREATED);
}

void change_user(const api_services &api, const request &asked, response &reply) {
    const json_object body = asked.json_body();
    services::user_change change;
    change.display_name = body.optional_string("display_name");
    if (body.has("role")) change.role = role_in(body);
    if (body.has("classes")) change.classes = body.required_string_array("classes");
    if (body.has("schools")) {
        change.schools = body.required_string_array("schools");
        check_grants(asked, *change.schools);
    }
    if (body.has("disabled")) change.disabled = body.required_bool("disabled");
    if (change.role && domain::belongs_to_one_school(*change.role) && !asked.who().school.empty()) change.school = asked.who().school;
    const auto changed = refusals_as_422([&] {
        const auto database = api.database();
        const auto account = managed_user(database->session(), asked);
        if (shared_with_other_schools(asked.who(), account)) {
            if (change.display_name || change.role || change.classes || change.disabled) throw shared_user(account);
            // The grants of other schools stay as they are.
            if (change.schools)
                for (const auto &school : account.schools)
                    if (!asked.who().may_open(school)) change.schools->push_back(school);
        }
        return services::change_user(*database, asked.path_parameter("username"), change);
    });
    asked.note("changed " + changed.username + " (" + std::string(domain::role_name(changed.role)) +
               (changed.disabled ? ", disabled)" : ")"));
    reply.json(services::user_json(changed));
}

void reset_password(const api_services &api, const request &asked, response &reply) {
    const std::string password = refusals_as_422([&] {
        const auto database = api.database();
        const auto account = managed_user(database->session(), asked);
        if (shared_with_other_schools(asked.who(), account)) throw shared_user(account);
        return services::reset_password(*database, asked.path_parameter("username"));
    });
    asked.note("reset the password of " + asked.path_parameter("username"));
    Poco::JSON::Object json;
    json.set("password", password);
    reply.json(json);
}

}  // namespace

void add_users_routes(router &routes, const api_services &api) {
    routes.add("GET", users_path, permission::administer,
               [&api](const request &asked, response &reply) { list_users(api, asked, reply); });
    routes.add("POST", users_path, permission::administer,
               [&api](const request &asked, response &reply) { add_user(api, asked, reply); });
    routes.add("PUT", users_path + "/{username}", permission::administer,
               [&api](const request &asked, response &reply) { change_user(api, asked, reply); });
    routes.add("POST", users_path + "/{username}/password", permission::administer,
               [&api](const request &asked, response &reply) { reset_password(api, asked, reply); });
}

}  // namespace waymark::http
