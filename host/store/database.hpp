// One ODBC connection to Waymark's database, and the only place that decides what a failed
// statement means to the person who ran the command.
#pragma once

#include <soci/soci.h>

#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace waymark::store {

enum class dialect { sqlite, postgresql, sqlserver };

std::string_view dialect_name(dialect kind);  // "SQLite", "PostgreSQL", "SQL Server"

// A database failure told as one sentence; `sqlstate()` is the ODBC SQLSTATE when the driver gave
// one ("" otherwise), for callers that must tell a constraint violation ("23...") from the rest.
class database_error : public std::runtime_error {
public:
    explicit database_error(const std::string &sentence, std::string sqlstate = {});
    const std::string &sqlstate() const { return sqlstate_; }
    bool connection_lost() const { return sqlstate_.starts_with("08"); }

private:
    std::string sqlstate_;
};

// The value of KEY=value in an ODBC connection string (key in any case, braces removed), "" when absent.
std::string connection_attribute(std::string_view connection, std::string_view key);

// The connection string with any password replaced by "***", fit for messages and logs.
std::string redacted(std::string_view connection);

class database {
public:
    // Opens the connection; throws database_error with a sentence naming the driver and what to check
    // (driver not installed, server refused, login refused, file not openable).
    explicit database(std::string connection);
    ~database();
    database(database &&) noexcept;
    database &operator=(database &&) noexcept;

    dialect kind() const { return kind_; }
    const std::string &connection() const { return connection_; }

    // The session for reads outside a transaction; reconnects first when the last call lost it. A
    // failure here comes out as SOCI's own error and does not mark the connection lost: wrap reads a
    // person waits on in transaction() too, which gives them the sentence and the reconnect.
    soci::session &session();

    // Runs work(session) in one transaction: commits when it returns, rolls back on any exception.
    // SOCI errors come out as database_error naming `what` ("saving the pupils"); other exceptions
    // pass through unchanged after the rollback. When the connection is lost part-way it throws
    // database_error("The database connection was lost while <what>; nothing was saved. ...",
    // "08S01") and the next call reconnects.
    template <class Work>
    auto transaction(std::string_view what, Work &&work) {
        soci::session &active = begin();
        try {
            if constexpr (std::is_void_v<std::invoke_result_t<Work &, soci::session &>>) {
                work(active);
                commit();
            } else {
                auto result = work(active);
                commit();
                return result;
            }
        } catch (...) {
            fail(what, std::current_exception());
        }
    }

private:
    void connect();
    soci::session &begin();
    void commit();
    [[noreturn]] void fail(std::string_view what, std::exception_ptr failure);

    std::string connection_;
    dialect kind_ = dialect::sqlite;
    std::unique_ptr<soci::session> session_;  // null after the connection was lost
    // SQLite has one writer at a time; its busy handler makes a waiting writer sleep in growing steps
    // (and a transaction that read before writing fails outright when another wrote meanwhile), so
    // this process's transactions on one file take turns here instead, first come first served.
    std::unique_lock<std::mutex> write_turn_;
};

// Now as 'YYYY-MM-DDTHH:MM:SSZ', the form every wm_ table stores instants in.
std::string utc_timestamp_now();

// The SQLSTATE of a SOCI error from the ODBC backend, "" for any other exception.
std::string sqlstate_of(const std::exception &error);

}  // namespace waymark::store
