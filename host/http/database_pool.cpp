#include "http/database_pool.hpp"

#include <exception>
#include <utility>

namespace waymark::http {

namespace {

// True when the connection still reaches its server.
bool answers(store::database &database) {
    try {
        int one = 0;
        database.session() << "SELECT 1", soci::into(one);
        return one == 1;
    } catch (const std::exception &) {
        return false;
    }
}

}  // namespace

database_pool::database_pool(store::database first, std::size_t capacity)
    : connection_(first.connection()), kind_(first.kind()), capacity_(capacity == 0 ? 1 : capacity) {
    idle_.push_back({std::make_unique<store::database>(std::move(first)), 0, std::chrono::steady_clock::now()});
    opened_ = 1;
}

database_pool::database_pool(std::string connection, store::dialect kind, std::size_t capacity)
    : connection_(std::move(connection)), kind_(kind), capacity_(capacity == 0 ? 1 : capacity) {}

database_pool::lease::lease(database_pool &pool, std::unique_ptr<store::database> database, std::uint64_t opened_in)
    : pool_(&pool), database_(std::move(database)), opened_in_(opened_in), exceptions_at_start_(std::uncaught_exceptions()) {}

database_pool::lease::~lease() {
    if (database_) pool_->give_back(std::move(database_), opened_in_, std::uncaught_exceptions() > exceptions_at_start_);
}

database_pool::lease database_pool::acquire() {
    std::unique_lock guard(lock_);
    for (;;) {
        returned_.wait(guard, [&] { return !idle_.empty() || opened_ < capacity_; });
        if (idle_.empty()) break;
        auto idle = std::move(idle_.back());
        idle_.pop_back();
        const std::uint64_t outages = outages_;
        if (idle.opened_in == outages && std::chrono::steady_clock::now() - idle.since < std::chrono::seconds(1))
            return lease(*this, std::move(idle.database), idle.opened_in);
        // Opened before a connection was found dead, or idle a while: the server may have restarted since.
        guard.unlock();
        const bool alive = answers(*idle.database);
        guard.lock();
        if (alive) return lease(*this, std::move(idle.database), outages);
        --opened_;
        guard.unlock();
        idle.database.reset();
        guard.lock();
    }
    ++opened_;
    const std::uint64_t outages = outages_;
    guard.unlock();
    try {
        return lease(*this, std::make_unique<store::database>(connection_), outages);
    } catch (...) {
        guard.lock();
        --opened_;
        returned_.notify_one();
        throw;
    }
}

void database_pool::give_back(std::unique_ptr<store::database> database, std::uint64_t opened_in, bool request_failed) {
    // Most failed requests are refusals (a 404, a 409) on a healthy connection; only the dead one is closed.
    if (request_failed && !answers(*database)) {
        database.reset();
        {
            const std::lock_guard guard(lock_);
            --opened_;
            ++outages_;
        }
        returned_.notify_one();
        return;
    }
    {
        const std::lock_guard guard(lock_);
        idle_.push_back({std::move(database), opened_in, std::chrono::steady_clock::now()});
    }
    returned_.notify_one();
}

std::size_t database_pool::open_connections() const {
    const std::lock_guard guard(lock_);
    return opened_;
}

}  // namespace waymark::http
