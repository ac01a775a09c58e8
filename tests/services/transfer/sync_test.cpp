#include "mis_fixture.hpp"
#include "services/statutory/statutory_entry.hpp"
#include "services/transfer/sync.hpp"
#include "sims/named_queries.hpp"

#include "domain/upn.hpp"
#include "store/pupils.hpp"
#include "store/schools.hpp"
#include "store/statutory.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <thread>

namespace waymark {
namespace {

using services::sync_plan;

class sync_test : public testing::mis_test {
protected:
    void SetUp() override {
        testing::mis_test::SetUp();
        if (IsSkipped()) return;
        migrated_db();
        build_demo();
    }

    services::mis_source source() { return {mis_schema(), testing::demo_day}; }
    std::string table(std::string_view name) { return connectors::qualify_mis_tables("{mis}" + std::string(name), mis_schema()); }

    int count(const std::string &sql) {
        int n = -1;
        db().session() << "SELECT CAST(COUNT(*) AS INTEGER) FROM " + sql, soci::into(n);
        return n;
    }
    int person_of_class(const std::string &class_name) {
        int person = 0;
        db().session() << "SELECT MIN(m.person_id) FROM " + table("stud_base_group_membership") + " m JOIN " +
                              table("sims_base_group") + " g ON g.base_group_id = m.base_group_id WHERE g.code = '" +
                              class_name + "' AND m.end_date IS NULL",
            soci::into(person);
        return person;
    }
    std::string upn_of(int person) {
        std::string upn;
        db().session() << "SELECT unique_pupil_no FROM " + table("stud_student") + " WHERE person_id = " + std::to_string(person), soci::into(upn);
        return upn;
    }
    int person_of(const std::string &upn) {
        int person = 0;
        db().session() << "SELECT person_id FROM " + table("stud_student") + " WHERE unique_pupil_no = '" + upn + "'", soci::into(person);
        return person;
    }
    std::vector<store::stored_pupil> stored_pupils() {
        const auto school = store::find_school(db().session(), "888", "2000");
        return school ? store::load_pupils(db().session(), school->id, store::which_pupils::all) : std::vector<store::stored_pupil>{};
    }
    static const domain::pupil &find(const std::vector<store::stored_pupil> &pupils, const std::string &upn) {
        const auto it = std::find_if(pupils.begin(), pupils.end(), [&](const auto &s) { return s.pupil.upn == upn; });
        if (it == pupils.end()) throw std::runtime_error(upn + " is not stored");
        return it->pupil;
    }
};

TEST_P(sync_test, a_fresh_store_plans_every_pupil_on_roll_as_an_add_and_a_dry_run_writes_nothing) {
    const auto plan = services::plan_sync(db(), source());
    ASSERT_EQ(plan.schools.size(), 1u);
    const auto &school = plan.schools[0];
    EXPECT_TRUE(school.school_is_new);
    EXPECT_EQ(school.school.name, "Brookfield Community Primary School");
    EXPECT_EQ(school.adds.size(), 420u) << "the 21 who left before Waymark knew them are not added";
    EXPECT_TRUE(school.leavers.empty());
    EXPECT_TRUE(school.changes.empty());
    EXPECT_EQ(count("wm_schools"), 0);
    EXPECT_EQ(count("wm_pupils"), 0);
}

TEST_P(sync_test, applying_stores_the_pupils_intact_and_a_second_run_changes_nothing) {
    const auto applied = services::run_sync(db(), source());
    EXPECT_EQ(applied.schools.at(0).adds.size(), 420u);
    const auto stored = stored_pupils();
    ASSERT_EQ(stored.size(), 420u);
    const auto mis_pupils = applied.schools[0].adds;
    for (const auto &p : mis_pupils) EXPECT_EQ(find(stored, p.upn), p);
    EXPECT_TRUE(std::any_of(stored.begin(), stored.end(), [](const auto &s) { return s.pupil.forename == "Zoë" || s.pupil.surname == "O'Neill"; }));

    // The statutory history comes too (GLD is derived by Waymark, not copied).
    const auto &results = applied.schools[0].results;
    EXPECT_GT(results.size(), 4000u);
    EXPECT_TRUE(std::none_of(results.begin(), results.end(), [](const auto &r) { return r.kind == domain::statutory_kind::eyfsp_gld; }));
    const auto school = store::find_school(db().session(), "888", "2000");
    auto stored_results = store::load_statutory_results(db().session(), school->id);
    std::erase_if(stored_results, [](const auto &r) { return r.kind == domain::statutory_kind::eyfsp_gld; });
    EXPECT_EQ(stored_results.size(), results.size());

    const auto again = services::run_sync(db(), source());
    EXPECT_TRUE(again.empty());
    EXPECT_EQ(again.schools.at(0).unchanged, 420);
    std::ostringstream text;
    services::print_plan(again, text);
    EXPECT_NE(text.str().find("Waymark already matches the MIS: nothing to change."), std::string::npos) << text.str();
}

TEST_P(sync_test, changes_in_the_mis_become_adds_leavers_and_field_changes) {
    services::run_sync(db(), source());
    // One pupil leaves, one becomes FSM, one moves from Ash to Oak, one joins.
    const int leaver = person_of_class("Beech"), mover = person_of_class("Ash");
    int fsm = 0;
    for (const auto &stored : stored_pupils())
        if (!stored.pupil.fsm && stored.pupil.class_name == "Elm") fsm = person_of(stored.pupil.upn);
    auto &session = db().session();
    session << "UPDATE " + table("stud_school_history") + " SET leaving_date = '2026-11-20' WHERE person_id = " + std::to_string(leaver);
    session << "UPDATE " + table("stud_base_group_membership") + " SET end_date = '2026-11-20' WHERE end_date IS NULL AND person_id = " + std::to_string(leaver);
    session << "DELETE FROM " + table("stud_fsm_period") + " WHERE person_id = " + std::to_string(fsm);
    session << "INSERT INTO " + table("stud_fsm_period") + " VALUES (" + std::to_string(fsm) + ", '2026-11-02', NULL)";
    int oak = 0, ash = 0;
    session << "SELECT base_group_id FROM " + table("sims_base_group") + " WHERE code = 'Oak'", soci::into(oak);
    session << "SELECT base_group_id FROM " + table("sims_base_group") + " WHERE code = 'Ash'", soci::into(ash);
    session << "UPDATE " + table("stud_base_group_membership") + " SET end_date = '2026-11-01' WHERE base_group_id = " + std::to_string(ash) + " AND person_id = " + std::to_string(mover);
    session << "INSERT INTO " + table("stud_base_group_membership") + " VALUES (" + std::to_string(mover) + ", " + std::to_string(oak) + ", '2026-11-02', NULL)";
    const std::string newcomer_upn = std::string(1, domain::upn_check_letter("888200026999")) + "888200026999";
    session << "INSERT INTO " + table("sims_person") + " VALUES (199999, 'Nguyễn', 'Siobhán', '2019-03-14', 'F', 'PR1 4XY')";
    session << "INSERT INTO " + table("stud_student") + " VALUES (199999, '" + newcomer_upn + "', NULL, 1, 'ENG', 0, NULL)";
    session << "INSERT INTO " + table("stud_school_history") + " VALUES (199999, 1, '2026-11-16', NULL)";
    session << "INSERT INTO " + table("stud_base_group_membership") + " VALUES (199999, " + std::to_string(oak) + ", '2026-11-16', NULL)";

    const auto dry = services::plan_sync(db(), source());
    const auto &school = dry.schools.at(0);
    ASSERT_EQ(school.adds.size(), 1u);
    EXPECT_EQ(school.adds[0].upn, newcomer_upn);
    ASSERT_EQ(school.leavers.size(), 1u);
    EXPECT_EQ(school.leavers[0].updated.pupil.upn, upn_of(leaver));
    ASSERT_EQ(school.changes.size(), 2u);
    const auto per_field = dry.changes_per_field();
    EXPECT_EQ(per_field.at("FSM"), 1);
    EXPECT_EQ(per_field.at("class"), 1);
    EXPECT_EQ(school.unchanged, 417);
    EXPECT_EQ(count("wm_pupils WHERE archived = 1"), 0) << "a dry run writes nothing";

    std::ostringstream json;
    services::print_plan_json(dry, json);
    const auto document = Poco::JSON::Parser().parse(json.str()).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(document->getObject("totals")->getValue<int>("add"), 1);
    EXPECT_EQ(document->getObject("totals")->getObject("by_field")->getValue<int>("class"), 1);

    services::run_sync(db(), source());
    const auto stored = stored_pupils();
    EXPECT_EQ(stored.size(), 421u) << "the leaver is archived, not deleted";
    const auto &left = find(stored, upn_of(leaver));
    EXPECT_TRUE(left.archived);
    EXPECT_EQ(left.date_left, (domain::date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}}));
    EXPECT_TRUE(find(stored, upn_of(fsm)).fsm);
    EXPECT_EQ(find(stored, upn_of(mover)).class_name, "Oak");
    EXPECT_EQ(find(stored, newcomer_upn).surname, "Nguyễn");
    EXPECT_TRUE(services::run_sync(db(), source()).empty());
}

TEST_P(sync_test, a_pupil_gone_from_the_mis_is_archived_and_waymark_fields_are_kept) {
    services::run_sync(db(), source());
    const int person = person_of_class("Hazel");
    const std::string upn = upn_of(person);
    db().session() << "UPDATE wm_pupils SET pupil_premium = 1, custom_flag_2 = 1 WHERE upn = '" + upn + "'";
    db().session() << "DELETE FROM " + table("stud_school_history") + " WHERE person_id = " + std::to_string(person);
    services::run_sync(db(), source());
    const auto stored = stored_pupils();
    const auto &p = find(stored, upn);
    EXPECT_TRUE(p.archived);
    EXPECT_EQ(p.date_left, testing::demo_day);
    EXPECT_TRUE(p.pupil_premium);
    EXPECT_TRUE(p.custom_flags[1]);
}

TEST_P(sync_test, a_connection_lost_part_way_leaves_the_store_as_it_was) {
    if (!on_postgresql()) GTEST_SKIP() << "needs a server whose backend another connection can terminate";
    int pid = 0;
    std::string schema;
    db().session() << "SELECT pg_backend_pid()", soci::into(pid);
    db().session() << "SELECT current_schema()", soci::into(schema);
    // Hold wm_pupils so the sync stops there after writing the school and classes, then end its backend.
    soci::session &admin_session = admin().session();
    soci::transaction hold(admin_session);
    admin_session << "LOCK TABLE " + schema + ".wm_pupils IN ACCESS EXCLUSIVE MODE";
    std::thread terminator([&] {
        for (int waiting = 0; waiting == 0;) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            admin_session << "SELECT CAST(COUNT(*) AS INTEGER) FROM pg_stat_activity WHERE pid = :pid AND wait_event_type = 'Lock'",
                soci::use(pid, "pid"), soci::into(waiting);
        }
        admin_session << "SELECT pg_terminate_backend(:pid)", soci::use(pid, "pid");
        hold.rollback();
    });
    try {
        services::run_sync(db(), source());
        ADD_FAILURE() << "the sync succeeded on a terminated connection";
    } catch (const store::database_error &e) {
        EXPECT_TRUE(e.connection_lost()) << e.what();
    }
    terminator.join();
    EXPECT_EQ(count("wm_schools"), 0);
    EXPECT_EQ(count("wm_classes"), 0);
    EXPECT_EQ(count("wm_pupils"), 0);
    EXPECT_EQ(services::run_sync(db(), source()).schools.at(0).adds.size(), 420u) << "and the next run works";
}

TEST_P(sync_test, a_sync_leaves_submitted_statutory_results_as_they_were_submitted) {
    services::run_sync(db(), source());
    const auto school = *store::find_school(db().session(), "888", "2000");
    const auto pupils = stored_pupils();
    // A Year 1 phonics mark, corrected in Waymark and then submitted: the MIS still holds the old one.
    std::optional<domain::statutory_result> mark;
    for (const auto &result : store::load_statutory_results(db().session(), school.id)) {
        if (result.kind != domain::statutory_kind::phonics_mark) continue;
        const auto &p = find(pupils, result.upn);
        if (!p.archived && !p.year_override && domain::nc_year(p.date_of_birth, result.year) == 1) {
            mark = result;
            break;
        }
    }
    ASSERT_TRUE(mark.has_value());
    const std::string corrected = mark->value == "10" ? "11" : "10";
    const std::vector<services::statutory_value> correction{{mark->upn, services::statutory_measure::phonics, "", corrected}};
    ASSERT_EQ(services::record_statutory(db(), school, mark->year, correction), 1U);
    db().session() << "INSERT INTO wm_statutory_submissions (school_id, academic_year, kind, submitted_by, submitted_at, "
                      "declaration, pupils) VALUES (:s, :y, 'phonics-y1', 'head', '2026-06-20T10:00:00Z', 'Checked.', 30)",
        soci::use(school.id), soci::use(mark->year.start_year);
    const auto stored_mark = [&] {
        for (const auto &result : store::load_statutory_results(db().session(), school.id))
            if (result.upn == mark->upn && result.kind == mark->kind && result.year == mark->year) return result.value;
        return std::string("none");
    };
    const auto touches_the_pupil = [&](const services::school_plan &planned) {
        return std::ranges::any_of(planned.results, [&](const auto &result) { return result.upn == mark->upn; });
    };

    const auto plan = services::plan_sync(db(), source());
    EXPECT_GE(plan.schools.at(0).locked_results, 1);
    EXPECT_FALSE(touches_the_pupil(plan.schools.at(0)));
    std::ostringstream text;
    services::print_plan(plan, text);
    EXPECT_NE(text.str().find("left as submitted (locked)"), std::string::npos) << text.str();
    services::run_sync(db(), source());
    EXPECT_EQ(stored_mark(), corrected) << "the sync left the submitted mark alone";

    services::unlock_statutory(db(), school, services::submission_kind::phonics_year1, mark->year, "The MIS is right.",
                               {"la.admin", true});
    const auto unlocked = services::plan_sync(db(), source());
    EXPECT_EQ(unlocked.schools.at(0).locked_results, 0);
    EXPECT_TRUE(touches_the_pupil(unlocked.schools.at(0)));
    services::run_sync(db(), source());
    EXPECT_EQ(stored_mark(), mark->value) << "unlocked, the MIS's mark comes back";
}

WAYMARK_ON_EVERY_DATABASE(sync_test);

}  // namespace
}  // namespace waymark
