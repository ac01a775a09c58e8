// A streaming-replication standby of a private_postgres (installer/test-postgres.sh standby: a
// pg_basebackup -R of the primary, started on a port of its own), for the tests of reads from a
// read replica. It is read-only and replays what the primary commits.
//
//   private_postgres primary;
//   private_standby standby(primary);
//   standby.pause_replay(); ... write on the primary ...; standby.resume_replay(); standby.wait_for(primary);
//   standby.stop();  // pg_ctl stop: a replica that cannot be reached
#pragma once

#include "private_postgres.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>

namespace waymark::testing {

class private_standby {
public:
    explicit private_standby(const private_postgres &primary)
        : folder_(primary.folder().string() + "-standby") {
        test_postgres_script({"standby", primary.folder().string(), folder_.string()}, primary.folder(),
                             std::to_string(58000 + (::getpid() % 400) * 5));
        connection_ = test_postgres_script({"connection", folder_.string()}, primary.folder());
        while (!connection_.empty() && connection_.back() == '\n') connection_.pop_back();
    }
    private_standby(const private_standby &) = delete;
    private_standby &operator=(const private_standby &) = delete;
    ~private_standby() {
        admin_.reset();
        try {
            test_postgres_script({"stop", folder_.string()}, folder_.parent_path());
        } catch (const std::exception &left) {
            ADD_FAILURE() << left.what();
        }
    }

    const std::string &connection() const { return connection_; }

    // Replay held (WAL is still received) until resume_replay, so a change committed on the
    // primary meanwhile is not on the standby yet.
    void pause_replay() { admin().session() << "SELECT pg_wal_replay_pause()"; }
    void resume_replay() { admin().session() << "SELECT pg_wal_replay_resume()"; }

    // True once the standby has replayed everything the primary has written so far, false after `limit`.
    bool wait_for(private_postgres &primary, std::chrono::seconds limit = std::chrono::seconds(30)) {
        std::string written;
        primary.admin().session() << "SELECT CAST(pg_current_wal_lsn() AS text)", soci::into(written);
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < deadline) {
            int caught_up = 0;
            admin().session() << "SELECT CASE WHEN pg_last_wal_replay_lsn() >= CAST(:lsn AS pg_lsn) THEN 1 ELSE 0 END",
                soci::use(written), soci::into(caught_up);
            if (caught_up == 1) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }

    // The commit time of the last transaction replayed, as 'YYYY-MM-DDTHH:MM:SSZ'.
    std::string last_replayed() {
        std::string instant;
        admin().session() << "SELECT to_char(pg_last_xact_replay_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
            soci::into(instant);
        return instant;
    }

    // `pg_ctl stop -m immediate`: the standby cannot be reached any more.
    void stop() {
        admin_.reset();
        test_postgres_script({"crash", folder_.string()}, folder_.parent_path());
    }

    store::database &admin() {
        if (!admin_) admin_.emplace(connection_);
        return *admin_;
    }

private:
    std::filesystem::path folder_;
    std::string connection_;
    std::optional<store::database> admin_;
};

}  // namespace waymark::testing
