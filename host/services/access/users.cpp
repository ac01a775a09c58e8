#include "services/access/users.hpp"

#include "services/access/credentials.hpp"
#include "store/schools.hpp"

#include <algorithm>

namespace waymark::services {

namespace {

using domain::user_role;

constexpr std::size_t username_limit = 60, display_name_limit = 100, class_name_limit = 60;
constexpr std::size_t least_password = 12;

void check_username(const std::string &name) {
    const bool allowed = !name.empty() && name.size() <= username_limit &&
                         std::all_of(name.begin(), name.end(), [](char c) {
                             return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                         });
    if (!allowed)
        throw user_error("username must be 1 to 60 of a-z, 0-9, '.', '_' and '-' (e.g. \"j.smith\"), not \"" + name + "\".");
}

void check_display_name(const std::string &name) {
    if (name.size() > display_name_limit) throw user_error("display_name must be at most 100 characters.");
}

std::optional<store::school> school_named(soci::session &session, const std::string &laestab) {
    if (laestab.size() != 7) return std::nullopt;
    return store::find_school(session, std::string_view(laestab).substr(0, 3), std::string_view(laestab).substr(3));
}

store::school existing_school(soci::session &session, const std::string &laestab, std::string_view field) {
    if (auto found = school_named(session, laestab)) return std::move(*found);
    throw user_error(std::string(field) + ": there is no school \"" + laestab +
                     "\" in this database; give its LA and establishment numbers together (e.g. 8012000).");
}

std::vector<std::string> class_names_of(soci::session &session, long long school_id) {
    std::vector<std::string> names(256);
    std::vector<std::string> all;
    soci::statement rows = (session.prepare << "SELECT name FROM wm_classes WHERE school_id = :s ORDER BY name",
                            soci::into(names), soci::use(school_id, "s"));
    rows.execute();
    while (rows.fetch()) {
        all.insert(all.end(), names.begin(), names.end());
        names.resize(256);
    }
    return all;
}

std::vector<std::string> strings_of(soci::session &session, const std::string &query, long long id) {
    std::vector<std::string> values(256);
    std::vector<std::string> all;
    soci::statement rows = (session.prepare << query, soci::into(values), soci::use(id, "id"));
    rows.execute();
    while (rows.fetch()) {
        all.insert(all.end(), values.begin(), values.end());
        values.resize(256);
    }
    return all;
}

std::string joined(const std::vector<std::string> &names) {
    std::string text;
    for (const auto &name : names) text += (text.empty() ? "" : ", ") + name;
    return text.empty() ? "none" : text;
}

// The role's scope as given, checked against the database: a school role has a school and no
// grants, only a teacher has classes (each one the school has), an authority has no school.
struct checked_scope {
    std::optional<long long> school_id;
    std::vector<std::string> classes;
    std::vector<long long> granted;
};

checked_scope check_scope(soci::session &session, user_role role, const std::string &school,
                          const std::vector<std::string> &classes, const std::vector<std::string> &schools) {
    checked_scope scope;
    if (domain::belongs_to_one_school(role)) {
        if (school.empty())
            throw user_error("school: a " + std::string(domain::role_name(role)) +
                             " belongs to one school; give its LA and establishment numbers (e.g. 8012000).");
        if (!schools.empty())
            throw user_error("schools: only an authority user is granted schools; a " + std::string(domain::role_name(role)) +
                             " belongs to their own.");
        scope.school_id = existing_school(session, school, "school").id;
    } else if (!school.empty()) {
        throw user_error("school: an authority user belongs to no one school; grant schools with schools instead.");
    }
    if (!classes.empty() && role != user_role::teacher)
        throw user_error("classes: only a teacher has classes; a " + std::string(domain::role_name(role)) +
                         " reads the whole school.");
    if (role == user_role::teacher) {
        const auto known = class_names_of(session, *scope.school_id);
        for (const auto &name : classes) {
            if (name.empty() || name.size() > class_name_limit || !std::binary_search(known.begin(), known.end(), name))
                throw user_error("classes: the school has no class \"" + name + "\"; its classes are " + joined(known) + ".");
        }
        scope.classes = classes;
        std::sort(scope.classes.begin(), scope.classes.end());
        scope.classes.erase(std::unique(scope.classes.begin(), scope.classes.end()), scope.classes.end());
    }
    for (const auto &laestab : schools) scope.granted.push_back(existing_school(session, laestab, "schools").id);
    std::sort(scope.granted.begin(), scope.granted.end());
    scope.granted.erase(std::unique(scope.granted.begin(), scope.granted.end()), scope.granted.end());
    return scope;
}

void write_scope(soci::session &session, long long user_id, const checked_scope &scope) {
    session << "DELETE FROM wm_user_classes WHERE user_id = :u", soci::use(user_id, "u");
    session << "DELETE FROM wm_user_school_grants WHERE user_id = :u", soci::use(user_id, "u");
    for (const auto &name : scope.classes)
        session << "INSERT INTO wm_user_classes (user_id, class_name) VALUES (:u, :c)", soci::use(user_id, "u"),
            soci::use(name, "c");
    for (const long long school_id : scope.granted)
        session << "INSERT INTO wm_user_school_grants (user_id, school_id) VALUES (:u, :s)", soci::use(user_id, "u"),
            soci::use(school_id, "s");
}

void end_sessions(soci::session &session, long long user_id, std::string_view keep_hash) {
    const std::string keep(keep_hash);
    session << "DELETE FROM wm_sessions WHERE user_id = :u AND token_hash <> :k", soci::use(user_id, "u"),
        soci::use(keep, "k");
}

const std::string user_columns =
    "SELECT u.id, u.username, u.display_name, u.role, COALESCE(CAST(s.la_number || s.establishment_number AS VARCHAR(7)), ''), u.disabled, "
    "u.created_at FROM wm_users u LEFT JOIN wm_schools s ON s.id = u.school_id ";

}  // namespace

std::vector<std::string> user::open_schools() const {
    if (!school.empty()) return {school};
    return schools;
}

void load_user_scope(soci::session &session, user &who) {
    who.classes.clear();
    who.schools.clear();
    if (who.role == user_role::teacher)
        who.classes = strings_of(session, "SELECT class_name FROM wm_user_classes WHERE user_id = :id ORDER BY class_name", who.id);
    if (who.role == user_role::authority)
        who.schools = strings_of(session,
                                 "SELECT CAST(s.la_number || s.establishment_number AS VARCHAR(7)) FROM wm_user_school_grants g JOIN wm_schools s "
                                 "ON s.id = g.school_id WHERE g.user_id = :id ORDER BY s.la_number, s.establishment_number",
                                 who.id);
}

std::vector<user> list_users(soci::session &session, std::optional<std::string> school) {
    std::vector<user> users;
    {
        user row;
        std::string role;
        int disabled = 0;
        soci::statement rows = (session.prepare << user_columns + "ORDER BY u.username", soci::into(row.id),
                                soci::into(row.username), soci::into(row.display_name), soci::into(role),
                                soci::into(row.school), soci::into(disabled), soci::into(row.created_at));
        rows.execute();
        while (rows.fetch()) {
            row.role = domain::parse_role(role).value_or(user_role::read_only);
            row.disabled = disabled != 0;
            users.push_back(row);
        }
    }
    for (auto &each : users) load_user_scope(session, each);
    if (school) {
        std::erase_if(users, [&](const user &each) {
            const auto open = each.open_schools();
            return std::find(open.begin(), open.end(), *school) == open.end();
        });
    }
    return users;
}

std::optional<user> find_user(soci::session &session, std::string_view username) {
    user found;
    std::string role;
    int disabled = 0;
    const std::string name(username);
    session << user_columns + "WHERE u.username = :n", soci::into(found.id), soci::into(found.username),
        soci::into(found.display_name), soci::into(role), soci::into(found.school), soci::into(disabled),
        soci::into(found.created_at), soci::use(name, "n");
    if (!session.got_data()) return std::nullopt;
    found.role = domain::parse_role(role).value_or(user_role::read_only);
    found.disabled = disabled != 0;
    load_user_scope(session, found);
    return found;
}

user existing_user(soci::session &session, std::string_view username) {
    if (auto found = find_user(session, username)) return std::move(*found);
    throw user_not_found("There is no user \"" + std::string(username) + "\"; `waymark users list` lists them.");
}

user_credentials add_user(store::database &db, const user_details &details, const std::string &at) {
    check_username(details.username);
    check_display_name(details.display_name);
    user_credentials made;
    made.password = generated_password();
    made.totp_secret = generated_totp_secret();
    made.totp_uri = totp_uri(totp_issuer, details.username, made.totp_secret);
    const std::string hash = hash_password(made.password);  // slow: outside the transaction
    made.account = db.transaction("adding the user " + details.username, [&](soci::session &session) {
        if (find_user(session, details.username))
            throw user_error("username: there is already a user \"" + details.username + "\"; choose another name.");
        const checked_scope scope = check_scope(session, details.role, details.school, details.classes, details.schools);
        const std::string display = details.display_name.empty() ? details.username : details.display_name;
        const std::string role(domain::role_name(details.role));
        long long school_id = scope.school_id.value_or(0);
        soci::indicator has_school = scope.school_id ? soci::i_ok : soci::i_null;
        session << "INSERT INTO wm_users (username, display_name, role, school_id, password_hash, totp_secret, created_at) "
                   "VALUES (:n, :d, :r, :s, :h, :t, :a)",
            soci::use(details.username, "n"), soci::use(display, "d"), soci::use(role, "r"), soci::use(school_id, has_school, "s"),
            soci::use(hash, "h"), soci::use(made.totp_secret, "t"), soci::use(at, "a");
        user added = existing_user(session, details.username);
        write_scope(session, added.id, scope);
        load_user_scope(session, added);
        return added;
    });
    return made;
}

user change_user(store::database &db, std::string_view username, const user_change &change) {
    if (change.display_name) check_display_name(*change.display_name);
    return db.transaction("changing the user " + std::string(username), [&](soci::session &session) {
        user current = existing_user(session, username);
        const user_role role = change.role.value_or(current.role);
        std::string school = change.school.value_or(current.school);
        if (!domain::belongs_to_one_school(role)) school.clear();
        // A role change drops what the old role had and the new one cannot hold.
        const auto classes = change.classes.value_or(role == user_role::teacher ? current.classes : std::vector<std::string>{});
        const auto schools = change.schools.value_or(role == user_role::authority ? current.schools : std::vector<std::string>{});
        const checked_scope scope = check_scope(session, role, school, classes, schools);
        const std::string display = change.display_name ? (change.display_name->empty() ? current.username : *change.display_name)
                                                        : current.display_name;
        const std::string role_text(domain::role_name(role));
        const int disabled = change.disabled.value_or(current.disabled) ? 1 : 0;
        long long school_id = scope.school_id.value_or(0);
        soci::indicator has_school = scope.school_id ? soci::i_ok : soci::i_null;
        session << "UPDATE wm_users SET display_name = :d, role = :r, school_id = :s, disabled = :x WHERE id = :id",
            soci::use(display, "d"), soci::use(role_text, "r"), soci::use(school_id, has_school, "s"),
            soci::use(disabled, "x"), soci::use(current.id, "id");
        write_scope(session, current.id, scope);
        // New rights or none: every session starts again from the user's row as it is now.
        if (disabled != 0 || role != current.role) end_sessions(session, current.id, "");
        return existing_user(session, username);
    });
}

void grant_school(soci::session &session, std::string_view username, long long school_id) {
    const user who = existing_user(session, username);
    if (who.role != user_role::authority)
        throw user_error("schools: only an authority user is granted schools; " + who.username + "'s role is " +
                         std::string(domain::role_name(who.role)) + ".");
    session << "INSERT INTO wm_user_school_grants (user_id, school_id) VALUES (:u, :s)", soci::use(who.id, "u"),
        soci::use(school_id, "s");
}

std::string reset_password(store::database &db, std::string_view username) {
    const std::string password = generated_password();
    const std::string hash = hash_password(password);
    db.transaction("resetting the password of " + std::string(username), [&](soci::session &session) {
        const user who = existing_user(session, username);
        session << "UPDATE wm_users SET password_hash = :h WHERE id = :id", soci::use(hash, "h"), soci::use(who.id, "id");
        end_sessions(session, who.id, "");
    });
    return password;
}

void change_password(store::database &db, std::string_view username, std::string_view current,
                     std::string_view replacement, std::string_view keep_session_hash) {
    if (replacement.size() < least_password)
        throw user_error("new: the new password must be at least " + std::to_string(least_password) + " characters long.");
    const std::string name(username);
    std::string stored;
    db.session() << "SELECT password_hash FROM wm_users WHERE username = :n", soci::into(stored), soci::use(name, "n");
    if (stored.empty() || !password_matches(stored, current)) throw user_error("current: the current password is wrong.");
    const std::string hash = hash_password(replacement);
    db.transaction("changing the password of " + name, [&](soci::session &session) {
        const user who = existing_user(session, username);
        session << "UPDATE wm_users SET password_hash = :h WHERE id = :id", soci::use(hash, "h"), soci::use(who.id, "id");
        end_sessions(session, who.id, keep_session_hash);
    });
}

std::string current_totp_code(soci::session &session, std::string_view username, std::int64_t unix_seconds) {
    const std::string name(username);
    std::string secret;
    session << "SELECT totp_secret FROM wm_users WHERE username = :n", soci::into(secret), soci::use(name, "n");
    if (!session.got_data()) throw user_not_found("There is no user \"" + name + "\"; `waymark users list` lists them.");
    return totp_code(base32_decode(secret).value_or(""), totp_step(unix_seconds));
}

}  // namespace waymark::services
