// A PostgreSQL server of one test's own (installer/test-postgres.sh in a scratch folder), for the
// fault-injection tests: they stop it as a power cut would and start it again, which the server the
// other tests share must never suffer. It runs wherever the shared one does (WAYMARK_TEST_POSTGRES
// set: the server's programs are installed), so a test calls `skip_without_postgres()` otherwise.
//
//   private_postgres server;                     // started, with an empty database
//   server.hold_row("wm_assessment_records", 5); // the fifth row inserted from now on waits a minute
//   ... start a change that inserts rows ...; server.wait_until_held(); server.crash(); server.resume();
//   EXPECT_EQ(server.snapshot(), before);        // nothing of the change is there
#pragma once

#include "database_fixture.hpp"

#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <soci/soci.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace waymark::testing {

// Runs installer/test-postgres.sh WORDS... in `folder` and gives what it printed; throws with it
// when the script fails. `first_port`, when given, is the first port it tries.
inline std::string test_postgres_script(const std::vector<std::string> &words, const std::filesystem::path &folder,
                                        const std::string &first_port = "") {
    Poco::Process::Env environment;
    if (!first_port.empty()) environment["WAYMARK_TEST_POSTGRES_PORT"] = first_port;
    Poco::Pipe output;
    std::vector<std::string> arguments{WAYMARK_SOURCE_DIR "/installer/test-postgres.sh"};
    arguments.insert(arguments.end(), words.begin(), words.end());
    auto process = Poco::Process::launch("/bin/bash", arguments, folder.string(), nullptr, &output, &output, environment);
    Poco::PipeInputStream printed(output);
    std::ostringstream text;
    Poco::StreamCopier::copyStream(printed, text);
    if (const int status = process.wait(); status != 0) {
        std::string command;
        for (const auto &word : words) command += " " + word;
        throw std::runtime_error("installer/test-postgres.sh" + command + " exited with " + std::to_string(status) + ": " + text.str());
    }
    return text.str();
}

class private_postgres {
public:
    // Every wm_ table's rows as PostgreSQL prints them (`CAST(row AS text)`; SOCI would take `::text` for a parameter), sorted, by table name.
    using table_rows = std::map<std::string, std::vector<std::string>>;

    private_postgres() : folder_(std::filesystem::temp_directory_path() / unique_test_name()) {
        std::filesystem::create_directories(folder_);
        // Ports of their own per test process, so two fault tests never race for one (the script
        // still walks past any port in use).
        script("start", std::to_string(57000 + (::getpid() % 400) * 5));
        connection_ = script("connection");
        while (!connection_.empty() && connection_.back() == '\n') connection_.pop_back();
    }
    private_postgres(const private_postgres &) = delete;
    private_postgres &operator=(const private_postgres &) = delete;
    ~private_postgres() {
        admin_.reset();
        try {
            script("stop");
        } catch (const std::exception &left) {
            ADD_FAILURE() << left.what();
        }
    }

    const std::string &connection() const { return connection_; }
    // The scratch folder the server's files are in (the script's DIR).
    const std::filesystem::path &folder() const { return folder_; }

    // `pg_ctl stop -m immediate`: every connection dropped at once, nothing checkpointed.
    void crash() {
        admin_.reset();
        script("crash");
    }
    // Started again on the same port; it recovers from its write-ahead log first.
    void resume() { script("resume"); }

    // From now on the `nth` row inserted into `table` waits a minute inside its statement (a row
    // trigger sleeping), so that a crash lands with the change's earlier rows written, uncommitted.
    void hold_row(const std::string &table, int nth) {
        auto &session = admin().session();
        session << "DROP SEQUENCE IF EXISTS fault_rows";
        session << "CREATE SEQUENCE fault_rows";
        session << "CREATE OR REPLACE FUNCTION fault_hold() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "IF nextval('fault_rows') = " + std::to_string(nth) + " THEN PERFORM pg_sleep(60); END IF; "
                   "RETURN NEW; END $$";
        session << "CREATE TRIGGER fault_hold BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION fault_hold()";
        held_table_ = table;
    }
    // True once a statement is waiting in the trigger, false after `limit` without one.
    bool wait_until_held(std::chrono::seconds limit = std::chrono::seconds(30)) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < deadline) {
            int waiting = 0;
            admin().session() << "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'", soci::into(waiting);
            if (waiting > 0) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }
    // The trigger gone (after resume), so the same change can be made again.
    void release() {
        if (held_table_.empty()) return;
        admin().session() << "DROP TRIGGER IF EXISTS fault_hold ON " + held_table_;
        held_table_.clear();
    }

    table_rows snapshot(const std::set<std::string> &ignored = {}) {
        auto &session = admin().session();
        std::vector<std::string> tables(500);
        session << "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                   "AND table_name LIKE 'wm!_%' ESCAPE '!' ORDER BY table_name",
            soci::into(tables);
        table_rows rows;
        for (const auto &table : tables) {
            if (ignored.contains(table)) continue;
            auto &kept = rows[table];
            const soci::rowset<std::string> each = (session.prepare << "SELECT CAST(x AS text) FROM " + table + " x ORDER BY 1");
            for (const auto &row : each) kept.push_back(row);
        }
        return rows;
    }

    // A connection of the fixture's own, opened again after a crash.
    store::database &admin() {
        if (!admin_) admin_.emplace(connection_);
        return *admin_;
    }

private:
    std::string script(const std::string &command, const std::string &first_port = "") {
        return test_postgres_script({command, folder_.string()}, folder_, first_port);
    }

    std::filesystem::path folder_;
    std::string connection_;
    std::optional<store::database> admin_;
    std::string held_table_;
};

}  // namespace waymark::testing
