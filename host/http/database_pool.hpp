// The server's connections to Waymark's database. A store::database is one ODBC connection for one
// thread at a time; a request leases one for as long as it works, so concurrent requests never
// share a connection and none waits for a connection to open once the pool has warmed up.
//
// The pool outlives its database server's restarts. A lease given back while an exception unwinds
// (its request failed) has its connection asked `SELECT 1`; a connection that cannot answer is
// closed, and since a server that dropped one has dropped them all, every connection opened before
// then is asked the same before it is leased again. So the request that meets the outage is refused
// (503) and the next one works on a new connection, with no restart. A connection idle for longer
// than a second is asked too before it is leased, so a server restarted while nobody was asking
// costs no request at all; connections in steady use are never asked.
#pragma once

#include "store/database.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace waymark::http {

class database_pool {
public:
    // `first` is open and migrated (store::open); further connections to the same database are
    // opened when every open one is in use, up to `capacity` in all.
    database_pool(store::database first, std::size_t capacity);
    // Opens nothing until the first lease: a read replica's pool, whose server may be down when
    // `waymark serve` starts.
    database_pool(std::string connection, store::dialect kind, std::size_t capacity);
    database_pool(const database_pool &) = delete;
    database_pool &operator=(const database_pool &) = delete;

    class lease {
    public:
        lease(database_pool &pool, std::unique_ptr<store::database> database, std::uint64_t opened_in);
        lease(lease &&) noexcept = default;
        lease &operator=(lease &&) = delete;
        ~lease();
        store::database &operator*() const { return *database_; }
        store::database *operator->() const { return database_.get(); }

    private:
        database_pool *pool_;
        std::unique_ptr<store::database> database_;
        std::uint64_t opened_in_;          // the pool's outage count when the connection was known good
        int exceptions_at_start_;          // std::uncaught_exceptions() when leased
    };

    // A connection for this thread's use until the lease goes; waits while `capacity` are in use.
    // Throws store::database_error when a new connection cannot be opened.
    lease acquire();

    store::dialect kind() const { return kind_; }
    std::size_t open_connections() const;

private:
    struct idle_connection {
        std::unique_ptr<store::database> database;
        std::uint64_t opened_in;
        std::chrono::steady_clock::time_point since;
    };
    void give_back(std::unique_ptr<store::database> database, std::uint64_t opened_in, bool request_failed);

    const std::string connection_;
    const store::dialect kind_;
    const std::size_t capacity_;
    mutable std::mutex lock_;
    std::condition_variable returned_;
    std::vector<idle_connection> idle_;
    std::size_t opened_ = 0;
    std::uint64_t outages_ = 0;  // connections found dead so far
};

}  // namespace waymark::http
