#include "store/rollover.hpp"

#include "store/database.hpp"
#include "store/schools.hpp"

#include <optional>

namespace waymark::store {
namespace {

long long count(soci::session &session, const std::string &where, long long school_id) {
    long long counted = 0;
    session << "SELECT CAST(COUNT(*) AS BIGINT) FROM wm_pupils WHERE school_id = :school AND archived = 0" + where,
        soci::use(school_id), soci::into(counted);
    return counted;
}

std::optional<rollover_record> rollover_into(soci::session &session, long long school_id, domain::academic_year to) {
    for (auto &record : rollovers(session, school_id)) {
        if (record.to == to) return record;
    }
    return std::nullopt;
}

}  // namespace

std::vector<rollover_record> rollovers(soci::session &session, long long school_id) {
    std::vector<int> from(64), to(64);
    std::vector<std::string> at(64);
    std::vector<long long> on_roll(64), overrides(64);
    soci::statement statement =
        (session.prepare << "SELECT from_year, to_year, performed_at, CAST(pupils_on_roll AS BIGINT), "
                            "CAST(overrides_moved AS BIGINT) FROM wm_rollovers WHERE school_id = :school ORDER BY to_year",
         soci::use(school_id), soci::into(from), soci::into(to), soci::into(at), soci::into(on_roll),
         soci::into(overrides));
    statement.execute();
    std::vector<rollover_record> records;
    while (statement.fetch()) {
        for (std::size_t i = 0; i < from.size(); ++i) {
            records.push_back({{from[i]}, {to[i]}, at[i], on_roll[i], overrides[i]});
        }
        from.resize(64);
        to.resize(64);
        at.resize(64);
        on_roll.resize(64);
        overrides.resize(64);
    }
    return records;
}

rollover_record roll_over(soci::session &session, long long school_id, domain::academic_year to) {
    int current_year = 0;
    session << "SELECT current_academic_year FROM wm_schools WHERE id = :school", soci::use(school_id),
        soci::into(current_year);
    const domain::academic_year current{current_year};
    const std::string wanted = domain::format_academic_year(to);
    if (const auto done = rollover_into(session, school_id, to)) {
        throw rollover_refused("The school was already rolled over to " + wanted + " on " + done->performed_at +
                               "; a rollover runs once a year, so nothing was changed.");
    }
    if (to != current.next()) {
        throw rollover_refused("The school is in " + domain::format_academic_year(current) +
                               ", so it can only roll over to " + domain::format_academic_year(current.next()) +
                               ", not " + wanted + "; nothing was changed.");
    }

    rollover_record record{current, to, utc_timestamp_now(), count(session, "", school_id),
                           count(session, " AND year_override IS NOT NULL", school_id)};
    ensure_academic_year(session, to);
    session << "UPDATE wm_pupils SET year_override = year_override + 1 "
               "WHERE school_id = :school AND archived = 0 AND year_override IS NOT NULL",
        soci::use(school_id);
    session << "UPDATE wm_schools SET current_academic_year = :to WHERE id = :school", soci::use(to.start_year),
        soci::use(school_id);
    // UNIQUE (school_id, to_year) also stops two rollovers racing each other.
    session << "INSERT INTO wm_rollovers (school_id, from_year, to_year, performed_at, pupils_on_roll, overrides_moved) "
               "VALUES (:school, :from_year, :to_year, :at, :on_roll, :overrides)",
        soci::use(school_id), soci::use(record.from.start_year), soci::use(record.to.start_year),
        soci::use(record.performed_at), soci::use(record.pupils_on_roll), soci::use(record.overrides_moved);
    return record;
}

}  // namespace waymark::store
