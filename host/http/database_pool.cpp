#include "http/database_pool.hpp"

namespace waymark::http {

database_pool::database_pool(store::database first, std::size_t capacity)
    : connection_(first.connection()), kind_(first.kind()), capacity_(capacity == 0 ? 1 : capacity) {
    idle_.push_back(std::make_unique<store::database>(std::move(first)));
    opened_ = 1;
}

database_pool::lease::lease(database_pool &pool, std::unique_ptr<store::database> database)
    : pool_(&pool), database_(std::move(database)) {}

database_pool::lease::~lease() {
    if (database_) pool_->give_back(std::move(database_));
}

database_pool::lease database_pool::acquire() {
    std::unique_lock guard(lock_);
    returned_.wait(guard, [&] { return !idle_.empty() || opened_ < capacity_; });
    if (!idle_.empty()) {
        auto database = std::move(idle_.back());
        idle_.pop_back();
        return lease(*this, std::move(database));
    }
    ++opened_;
    guard.unlock();
    try {
        return lease(*this, std::make_unique<store::database>(connection_));
    } catch (...) {
        guard.lock();
        --opened_;
        returned_.notify_one();
        throw;
    }
}

void database_pool::give_back(std::unique_ptr<store::database> database) {
    {
        const std::lock_guard guard(lock_);
        idle_.push_back(std::move(database));
    }
    returned_.notify_one();
}

std::size_t database_pool::open_connections() const {
    const std::lock_guard guard(lock_);
    return opened_;
}

}  // namespace waymark::http
