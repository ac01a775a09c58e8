#include "database_fixture.hpp"
#include "sample_pupils.hpp"
#include "store/pupils.hpp"

#include <gmock/gmock.h>

#include <algorithm>
#include <map>

namespace {

using namespace waymark;
using store::stored_pupil;
using store::which_pupils;

class pupils_test : public waymark::testing::database_test {
protected:
    long long school_id() {
        if (school_id_ == 0) {
            school_id_ = migrated_db().transaction("adding the school", [](soci::session &session) {
                return store::find_or_create_school(session, waymark::testing::sample_school()).id;
            });
        }
        return school_id_;
    }
    void insert(const std::vector<domain::pupil> &pupils) {
        const long long school = school_id();
        db().transaction("adding pupils", [&](soci::session &session) { store::insert_pupils(session, school, pupils); });
    }
    std::vector<stored_pupil> load(which_pupils which = which_pupils::all) {
        return store::load_pupils(db().session(), school_id(), which);
    }
    // Pupils keyed by UPN, as loaded.
    std::map<std::string, domain::pupil> by_upn(const std::vector<stored_pupil> &stored) {
        std::map<std::string, domain::pupil> out;
        for (const auto &s : stored) out.emplace(s.pupil.upn, s.pupil);
        return out;
    }

private:
    long long school_id_ = 0;
};

TEST_P(pupils_test, every_field_and_utf8_name_round_trips) {
    const auto pupils = waymark::testing::sample_pupils(40);
    insert(pupils);
    const auto loaded = by_upn(load());
    ASSERT_EQ(loaded.size(), pupils.size());
    for (const auto &pupil : pupils) EXPECT_EQ(loaded.at(pupil.upn), pupil) << pupil.upn;
    EXPECT_EQ(loaded.at(waymark::testing::sample_upn(1)).surname, "O'Neill");
    EXPECT_EQ(loaded.at(waymark::testing::sample_upn(5)).surname, "Łukasz-Brontë");
}

TEST_P(pupils_test, a_large_school_loads_in_batches_in_name_order) {
    const auto pupils = waymark::testing::sample_pupils(4500);
    insert(pupils);
    const auto loaded = load();
    ASSERT_EQ(loaded.size(), pupils.size());
    EXPECT_TRUE(std::is_sorted(loaded.begin(), loaded.end(), [](const auto &a, const auto &b) {
        return std::tie(a.pupil.surname, a.pupil.forename, a.pupil.upn) <
               std::tie(b.pupil.surname, b.pupil.forename, b.pupil.upn);
    }));
    const auto ids = store::pupil_ids_by_upn(db().session(), school_id());
    EXPECT_EQ(ids.size(), pupils.size());
    for (const auto &s : loaded) EXPECT_EQ(ids.at(s.pupil.upn), s.id);
}

TEST_P(pupils_test, changed_fields_of_many_pupils_are_updated) {
    insert(waymark::testing::sample_pupils(300));
    auto changed = load();
    for (auto &s : changed) {
        s.pupil.surname += " Changed";
        s.pupil.class_name = s.pupil.class_name.empty() ? "Kingfishers" : "";
        s.pupil.year_override = s.pupil.year_override ? std::nullopt : std::optional<int>(3);
        s.pupil.fsm = !s.pupil.fsm;
        s.pupil.custom_flags[2] = true;
    }
    db().transaction("updating pupils", [&](soci::session &session) { store::update_pupils(session, school_id(), changed); });
    const auto loaded = by_upn(load());
    for (const auto &s : changed) EXPECT_EQ(loaded.at(s.pupil.upn), s.pupil);
}

TEST_P(pupils_test, archived_pupils_keep_their_rows_and_leave_the_roll) {
    insert(waymark::testing::sample_pupils(50));
    const auto all = load();
    std::vector<long long> leaving;
    for (std::size_t i = 0; i < all.size(); i += 5) leaving.push_back(all[i].id);
    const domain::date left_on = std::chrono::year{2026} / std::chrono::July / std::chrono::day{22};
    const auto archived = db().transaction("archiving leavers", [&](soci::session &session) {
        return store::archive_pupils(session, school_id(), leaving, left_on);
    });
    EXPECT_EQ(archived, leaving.size());
    EXPECT_EQ(load(which_pupils::on_roll).size(), all.size() - leaving.size());
    const auto after = load();
    ASSERT_EQ(after.size(), all.size());
    for (const auto &s : after) {
        const bool left = std::find(leaving.begin(), leaving.end(), s.id) != leaving.end();
        EXPECT_EQ(s.pupil.archived, left);
        if (left) {
            EXPECT_EQ(s.pupil.date_left, left_on);
        }
    }
    const auto again = db().transaction("archiving leavers", [&](soci::session &session) {
        return store::archive_pupils(session, school_id(), leaving, left_on);
    });
    EXPECT_EQ(again, 0u);
}

TEST_P(pupils_test, pupils_are_loaded_by_id_in_name_order_archived_ones_too) {
    insert(waymark::testing::sample_pupils(20));
    const auto all = load();
    const std::vector<long long> wanted{all[12].id, all[3].id, all[7].id};
    db().transaction("archiving one", [&](soci::session &session) {
        store::archive_pupils(session, school_id(), std::vector<long long>{all[7].id}, std::chrono::year{2026} / 7 / 22);
    });
    const auto loaded = store::load_pupils_by_id(db().session(), school_id(), wanted);
    ASSERT_EQ(loaded.size(), 3u);
    EXPECT_EQ(loaded[0].pupil.upn, all[3].pupil.upn);
    EXPECT_EQ(loaded[1].pupil.upn, all[7].pupil.upn);
    EXPECT_TRUE(loaded[1].pupil.archived);
    EXPECT_EQ(loaded[2].pupil, all[12].pupil);
    EXPECT_TRUE(store::load_pupils_by_id(db().session(), school_id(), {}).empty());
}

TEST_P(pupils_test, a_duplicate_upn_in_a_batch_saves_none_of_it) {
    insert(waymark::testing::sample_pupils(10));
    auto batch = waymark::testing::sample_pupils(20, 100);
    batch.push_back(waymark::testing::sample_pupil(3));  // already stored
    EXPECT_THROW(insert(batch), store::database_error);
    EXPECT_EQ(load().size(), 10u);
}

TEST_P(pupils_test, classes_are_created_once_per_name) {
    insert(waymark::testing::sample_pupils(60));
    insert(waymark::testing::sample_pupils(60, 200));
    int classes = 0;
    db().session() << "SELECT CAST(COUNT(*) AS INTEGER) FROM wm_classes WHERE school_id = :s", soci::use(school_id()),
        soci::into(classes);
    EXPECT_EQ(classes, 4);
}

WAYMARK_ON_EVERY_DATABASE(pupils_test);

}  // namespace
