// The server's connections to Waymark's database. A store::database is one ODBC connection for one
// thread at a time; a request leases one for as long as it works, so concurrent requests never
// share a connection and none waits for a connection to open once the pool has warmed up.
#pragma once

#include "store/database.hpp"

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace waymark::http {

class database_pool {
public:
    // `first` is open and migrated (store::open); further connections to the same database are
    // opened when every open one is in use, up to `capacity` in all.
    database_pool(store::database first, std::size_t capacity);
    database_pool(const database_pool &) = delete;
    database_pool &operator=(const database_pool &) = delete;

    class lease {
    public:
        lease(database_pool &pool, std::unique_ptr<store::database> database);
        lease(lease &&) noexcept = default;
        lease &operator=(lease &&) = delete;
        ~lease();
        store::database &operator*() const { return *database_; }
        store::database *operator->() const { return database_.get(); }

    private:
        database_pool *pool_;
        std::unique_ptr<store::database> database_;
    };

    // A connection for this thread's use until the lease goes; waits while `capacity` are in use.
    // Throws store::database_error when a new connection cannot be opened.
    lease acquire();

    store::dialect kind() const { return kind_; }
    std::size_t open_connections() const;

private:
    void give_back(std::unique_ptr<store::database> database);

    const std::string connection_;
    const store::dialect kind_;
    const std::size_t capacity_;
    mutable std::mutex lock_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<store::database>> idle_;
    std::size_t opened_ = 0;
};

}  // namespace waymark::http
