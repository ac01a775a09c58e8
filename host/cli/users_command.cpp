#include "command.hpp"
#include "print_json.hpp"
#include "open_database.hpp"
#include "text_table.hpp"
#include "tracking_session.hpp"

#include "http/access.hpp"
#include "services/access/audit_log.hpp"
#include "services/pupils/school_choice.hpp"
#include "services/access/sessions.hpp"
#include "services/access/users.hpp"
#include "services/meetings/tracking_records_json.hpp"
#include "services/access/users_json.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <ostream>

namespace waymark::cli {
namespace {

using domain::user_role;

std::string joined(const std::vector<std::string> &values) {
    std::string text;
    for (const auto &value : values) text += (text.empty() ? "" : ",") + value;
    return text;
}

user_role role_option(const invocation &args) {
    const std::string &text = args.required_option("role");
    const auto role = domain::parse_role(text);
    if (!role) throw usage_error("--role takes administrator, leader, teacher, read_only or authority, not '" + text + "'");
    return *role;
}

// The school a school role belongs to: --school, else the only school of the database.
std::string school_of(store::database &database, const invocation &args) {
    try {
        return store::laestab(services::choose_school(database.session(), args.option("school")));
    } catch (const services::school_choice_error &error) {
        throw usage_error(error.what());
    }
}

// Every change from the command line goes in the audit log as the operating-system user at "cli",
// the method CLI with the command line as its path, as every command's changes are (audited_change.hpp).
void audited(store::database &database, const std::string &action, const std::string &subject, int status,
             const std::string &summary) {
    services::record_audit(database, {"", http::operating_system_user().id, "cli", "CLI", action + " " + subject, status, summary});
}

template <class Change>
auto audited_change(store::database &database, const std::string &action, const std::string &subject, Change &&change) {
    try {
        return change();
    } catch (const services::user_error &refused) {
        audited(database, action, subject, 422, refused.what());
        throw usage_error(refused.what());
    }
}

void print_credentials(std::ostream &out, const services::user_credentials &made) {
    out << "Added " << made.account.username << " (" << domain::role_name(made.account.role)
        << (made.account.school.empty() ? "" : " at " + made.account.school) << ").\n"
        << "  password:    " << made.password << "\n"
        << "  TOTP secret: " << made.totp_secret << "  (" << made.totp_uri << ")\n"
        << "Give these to " << made.account.display_name
        << " privately; they are not shown again (`waymark users reset-password` makes a new password).\n";
}

void list_users(store::database &database, const invocation &args, std::ostream &out) {
    const auto users = services::list_users(database.session(), args.option("school"));
    if (args.has_switch("json")) {
        print_json(out, services::json_array(users, services::user_json));
        return;
    }
    text_table table({"User", "Name", "Role", "School", "Classes or schools", "Disabled"});
    for (const auto &account : users)
        table.add_row({account.username, account.display_name, std::string(domain::role_name(account.role)), account.school,
                       joined(account.role == user_role::authority ? account.schools : account.classes),
                       account.disabled ? "yes" : ""});
    table.print_or(out, "No users yet; add one with waymark users add NAME --role ROLE.");
}

void print_audit(store::database &database, const invocation &args, std::ostream &out) {
    const auto entries = services::read_audit(database.session(), {args.option("from"), args.option("to"), args.option("user")});
    if (args.has_switch("json")) {
        print_json(out, services::json_array(entries, services::audit_entry_json));
        return;
    }
    text_table table({"At", "User", "From", "What", "On", "Status", "Summary"});
    for (const auto &entry : entries)
        table.add_row({entry.at, entry.user, entry.address, entry.method, entry.path, std::to_string(entry.status), entry.summary});
    table.print_or(out, "The audit log has no entries for that.");
}

// The options each action takes; the others of the command are refused for it (users add --from).
std::span<const std::string_view> options_of_action(const std::string &action) {
    static constexpr std::string_view listing[]{"school"};
    static constexpr std::string_view changing[]{"name", "role", "school", "classes", "schools"};
    static constexpr std::string_view auditing[]{"from", "to", "user"};
    if (action == "list") return listing;
    if (action == "add" || action == "set") return changing;
    if (action == "audit") return auditing;
    return {};
}

int run_users(const invocation &args, io streams) {
    const std::string &action = args.positional(0, "what to do: list, add, set, reset-password, code or audit");
    args.refuse_options_beyond(options_of_action(action), "users " + action);
    store::database database = open_database(args);
    if (action == "list") {
        list_users(database, args, streams.out);
        return 0;
    }
    if (action == "audit") {
        print_audit(database, args, streams.out);
        return 0;
    }
    const std::string &name = args.positional(1, "the user name");
    if (action == "add") {
        services::user_details details{name, args.option_or("name", ""), role_option(args), "", {}, {}};
        if (domain::belongs_to_one_school(details.role)) details.school = school_of(database, args);
        if (auto classes = args.option("classes")) details.classes = comma_list(*classes);
        if (auto schools = args.option("schools")) details.schools = comma_list(*schools);
        const auto made = audited_change(database, "users add", name, [&] {
            return services::add_user(database, details, services::instant_text(services::now_instant()));
        });
        audited(database, "users add", name, 200, "added " + name + " (" + std::string(domain::role_name(details.role)) + ")");
        if (args.has_switch("json")) {
            print_json(streams.out, services::new_user_json(made));
        } else {
            print_credentials(streams.out, made);
        }
        return 0;
    }
    if (action == "set") {
        services::user_change change;
        change.display_name = args.option("name");
        if (args.option("role")) change.role = role_option(args);
        if (change.role && domain::belongs_to_one_school(*change.role) && args.option("school")) change.school = school_of(database, args);
        if (auto classes = args.option("classes")) change.classes = comma_list(*classes);
        if (auto schools = args.option("schools")) change.schools = comma_list(*schools);
        if (args.has_switch("disable")) change.disabled = true;
        if (args.has_switch("enable")) change.disabled = false;
        const auto changed = audited_change(database, "users set", name, [&] { return services::change_user(database, name, change); });
        audited(database, "users set", name, 200,
                "changed " + name + " (" + std::string(domain::role_name(changed.role)) + (changed.disabled ? ", disabled)" : ")"));
        streams.out << "Changed " << name << ": " << domain::role_name(changed.role)
                    << (changed.disabled ? ", disabled" : "") << ".\n";
        return 0;
    }
    if (action == "reset-password") {
        const std::string password = audited_change(database, "users reset-password", name,
                                                    [&] { return services::reset_password(database, name); });
        audited(database, "users reset-password", name, 200, "reset the password of " + name);
        streams.out << "New password for " << name << ": " << password << "\n"
                    << "Their sessions have ended; give it to them privately.\n";
        return 0;
    }
    if (action == "code") {
        try {
            streams.out << services::current_totp_code(database.session(), name,
                                                       services::now_instant().time_since_epoch().count())
                        << '\n';
        } catch (const services::user_error &missing) {
            throw usage_error(missing.what());
        }
        return 0;
    }
    throw usage_error("waymark users takes list, add, set, reset-password, code or audit, not '" + action + "'.");
}

}  // namespace

extern const command users_command{
    "users",
    "users list [--school S] [--json] | users add NAME --role ROLE [--name \"Display\"] [--school S] [--classes 4A,4B] "
    "[--schools S1,S2] [--json] | users set NAME [--role R] [--name N] [--classes C] [--schools S] [--disable|--enable] | "
    "users reset-password NAME | users code NAME | users audit [--from DATE] [--to DATE] [--user NAME] [--json]",
    "Add and manage the people who sign in to `waymark serve`, and read the audit log.",
    "Roles: administrator (everything at their school, users and the audit log too), leader (all of the\n"
    "school's tracking), teacher (reads the school; writes judgements, interventions and pupil meetings\n"
    "for pupils of --classes only), read_only (governor, adviser) and authority (LA or trust: lists the\n"
    "database's schools, reads those in --schools, writes nothing). A school role belongs to --school\n"
    "(LA and establishment number, e.g. 8012000; the only school when the database has one).\n"
    "\n"
    "`add` prints a generated password and the TOTP secret for the user's authenticator app (the\n"
    "second sign-in step); they are not stored in readable form and not shown again. `reset-password`\n"
    "makes a new password and ends the user's sessions; `set --disable` stops a user signing in.\n"
    "`code NAME` prints the six-digit code the user's authenticator shows now (for the demo and tests).\n"
    "`audit` lists every change made through the API or these commands, newest first: who, from\n"
    "where (an address, or cli), what and how it ended. Changes made here are logged as the\n"
    "operating-system user from \"cli\".",
    {"json", "disable", "enable"},
    {"school", "schools", "classes", "from", "name", "role", "to", "user"},
    run_users};

}  // namespace waymark::cli
