#include "store/database.hpp"

#include <soci/odbc/soci-odbc.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <map>

namespace waymark::store {
namespace {

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// A driver's message on one line (PostgreSQL's span several) without trailing blanks.
std::string one_line(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const bool blank = c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (blank) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string driver_described(std::string_view connection) {
    if (const auto driver = connection_attribute(connection, "driver"); !driver.empty()) return "the ODBC driver '" + driver + "'";
    if (const auto dsn = connection_attribute(connection, "dsn"); !dsn.empty()) return "the ODBC data source '" + dsn + "'";
    return "the ODBC connection '" + redacted(connection) + "'";
}

// What to tell someone whose connection could not be opened, by SQLSTATE.
std::string open_failure(std::string_view connection, const soci::soci_error &error) {
    const std::string state = sqlstate_of(error);
    const std::string who = driver_described(connection);
    const std::string detail = " (" + redacted(connection) + ": " + redacted(one_line(error.get_error_message())) + ")";
    // unixODBC reports a driver library it cannot load with SQLSTATE 01000 through SOCI, so the
    // driver manager's own words are the reliable sign.
    const std::string message = error.get_error_message();
    if (state == "IM002" || state == "IM003" || message.find("Can't open lib") != std::string::npos ||
        message.find("Data source name not found") != std::string::npos) {
        return "Waymark could not load " + who +
               ": it is not installed or not registered with unixODBC; `odbcinst -q -d` lists the installed "
               "drivers (install libsqliteodbc or odbc-postgresql)" + detail + ".";
    }
    if (state == "28000" || state == "28P01") {
        return "The database server refused the login through " + who + "; check Uid and Pwd in --db or waymark.ini" +
               detail + ".";
    }
    if (state.starts_with("08")) {
        return "The database server refused the connection through " + who +
               "; check that it is running and that Server, Port and Database in --db or waymark.ini are right" +
               detail + ".";
    }
    return "Waymark could not open the database through " + who +
           "; check the connection string in --db or waymark.ini" + detail + ".";
}

dialect dialect_of(soci::session &session, std::string_view connection) {
    // Only the ODBC backend is ever used, so its session backend is an odbc_session_backend (the
    // library exports no RTTI for a dynamic_cast).
    auto &backend = static_cast<soci::odbc_session_backend &>(*session.get_backend());
    switch (backend.get_database_product()) {
        case soci::odbc_session_backend::prod_sqlite: return dialect::sqlite;
        case soci::odbc_session_backend::prod_postgresql: return dialect::postgresql;
        case soci::odbc_session_backend::prod_mssql: return dialect::sqlserver;
        default:
            throw database_error("The database reached through " + driver_described(connection) +
                                 " is not one Waymark supports; use SQLite, PostgreSQL or SQL Server.");
    }
}

// One turn-taking mutex per database file (connection string) for the whole process.
std::mutex &writer_turns(const std::string &connection) {
    static std::mutex guard;
    static std::map<std::string, std::unique_ptr<std::mutex>> turns;
    const std::lock_guard lock(guard);
    auto &turn = turns[connection];
    if (!turn) turn = std::make_unique<std::mutex>();
    return *turn;
}

}  // namespace

std::string_view dialect_name(dialect kind) {
    switch (kind) {
        case dialect::sqlite: return "SQLite";
        case dialect::postgresql: return "PostgreSQL";
        case dialect::sqlserver: return "SQL Server";
    }
    return "";
}

database_error::database_error(const std::string &sentence, std::string sqlstate)
    : std::runtime_error(sentence), sqlstate_(std::move(sqlstate)) {}

std::string connection_attribute(std::string_view connection, std::string_view key) {
    const std::string lower = lowercase(connection);
    const std::string wanted = lowercase(key) + "=";
    for (std::size_t start = 0; start < lower.size();) {
        const std::size_t end = std::min(lower.find(';', start), lower.size());
        std::string_view part(lower.data() + start, end - start);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        if (part.starts_with(wanted)) {
            const std::size_t value_at = start + (part.data() - (lower.data() + start)) + wanted.size();
            std::string value(connection.substr(value_at, end - value_at));
            if (value.size() >= 2 && value.front() == '{' && value.back() == '}') value = value.substr(1, value.size() - 2);
            return value;
        }
        start = end + 1;
    }
    return {};
}

std::string redacted(std::string_view connection) {
    std::string out;
    for (std::size_t start = 0; start < connection.size();) {
        const std::size_t end = std::min(connection.find(';', start), connection.size());
        std::string_view part = connection.substr(start, end - start);
        const std::string key = lowercase(part.substr(0, part.find('=')));
        if ((key == "pwd" || key == "password") && part.find('=') != std::string_view::npos) {
            out += std::string(part.substr(0, part.find('=') + 1)) + "***";
        } else {
            out += part;
        }
        if (end < connection.size()) out += ';';
        start = end + 1;
    }
    return out;
}

std::string utc_timestamp_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[sizeof "2025-09-01T08:30:00Z"];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string sqlstate_of(const std::exception &error) {
    if (const auto *odbc = dynamic_cast<const soci::odbc_soci_error *>(&error)) {
        return reinterpret_cast<const char *>(odbc->odbc_error_code());
    }
    if (const auto *ours = dynamic_cast<const database_error *>(&error)) return ours->sqlstate();
    return {};
}

database::database(std::string connection) : connection_(std::move(connection)) { connect(); }
database::~database() = default;
database::database(database &&) noexcept = default;
database &database::operator=(database &&) noexcept = default;

void database::connect() {
    auto opened = std::make_unique<soci::session>();
    try {
        opened->open(soci::odbc, connection_);
    } catch (const soci::soci_error &e) {
        throw database_error(open_failure(connection_, e), sqlstate_of(e));
    }
    kind_ = dialect_of(*opened, connection_);
    if (kind_ == dialect::sqlite) {
        // SQLite checks foreign keys only when asked, once per connection.
        *opened << "PRAGMA foreign_keys = ON";
        // Write-ahead logging lets the web server's readers go on while a teacher saves, and with
        // synchronous=NORMAL a save costs no fsync (the rollback journal's three cost 20-30 ms, more
        // than the whole save): the file stays consistent through a crash or power cut, which can at
        // worst undo the last saves before it. The mode is stored in the file, the sync level per connection.
        *opened << "PRAGMA journal_mode = WAL";
        *opened << "PRAGMA synchronous = NORMAL";
    }
    session_ = std::move(opened);
}

soci::session &database::session() {
    if (!session_) connect();
    return *session_;
}

soci::session &database::begin() {
    soci::session &active = session();
    if (kind_ == dialect::sqlite) write_turn_ = std::unique_lock(writer_turns(connection_));
    active.begin();
    return active;
}

void database::commit() {
    session_->commit();
    if (write_turn_.owns_lock()) write_turn_.unlock();
}

void database::fail(std::string_view what, std::exception_ptr failure) {
    // Roll back, then ask the server something trivial: a connection that cannot do both is gone,
    // whatever SQLSTATE the driver chose for the statement that failed.
    bool alive = session_ != nullptr;
    if (alive) {
        try {
            session_->rollback();
        } catch (const std::exception &) {
            // SQLite rolls a transaction back itself when the database is full, then refuses the
            // driver's ROLLBACK, and the driver, still counting a transaction open, would refuse to
            // disconnect; an empty transaction begun in SQL gives that ROLLBACK something to end.
            try {
                *session_ << "BEGIN";
                session_->rollback();
            } catch (const std::exception &) {
                alive = false;
            }
        }
        try {
            int one = 0;
            if (alive) *session_ << "SELECT 1", soci::into(one);
        } catch (const std::exception &) {
            alive = false;
        }
    }
    if (write_turn_.owns_lock()) write_turn_.unlock();
    std::string state;
    try {
        std::rethrow_exception(failure);
    } catch (const soci::soci_error &e) {
        state = sqlstate_of(e);
        if (alive && (state == "53100" || e.get_error_message().find("database or disk is full") != std::string::npos)) {
            throw database_error("The database is full, so it refused " + std::string(what) +
                                     ": the disk that holds it, or its size limit, has no room left; nothing was saved. "
                                     "Free space there, then try again.",
                                 state);
        }
        if (alive && !state.starts_with("08")) {
            throw database_error("The database refused " + std::string(what) + ": " + one_line(e.get_error_message()) +
                                     (state.empty() ? "" : " (SQLSTATE " + state + ")") + "; nothing was saved.",
                                 state);
        }
    } catch (...) {
        if (alive) throw;
    }
    session_.reset();
    throw database_error("The database connection was lost while " + std::string(what) +
                             "; nothing was saved. Check that the database server is running and reachable, "
                             "then try again: Waymark reconnects by itself.",
                         "08S01");
}

}  // namespace waymark::store
