#include "database_fixture.hpp"

#include <gmock/gmock.h>

#include <thread>

namespace {

using waymark::store::database;
using waymark::store::database_error;
using waymark::store::dialect;
using ::testing::HasSubstr;

class database_test : public waymark::testing::database_test {
protected:
    void create_table() {
        db().session() << "CREATE TABLE wm_probe (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)";
    }
    long long count_rows() {
        long long count = 0;
        db().session() << "SELECT CAST(COUNT(*) AS BIGINT) FROM wm_probe", soci::into(count);
        return count;
    }
};

TEST_P(database_test, knows_which_database_it_reached) {
    EXPECT_EQ(db().kind(), on_postgresql() ? dialect::postgresql : dialect::sqlite);
}

TEST_P(database_test, utf8_names_round_trip) {
    create_table();
    const std::vector<std::string> names{"Zoë Łukasz-Brontë", "O'Neill", "Ng"};
    const std::vector<int> ids{1, 2, 3};
    db().transaction("saving names", [&](soci::session &session) {
        session << "INSERT INTO wm_probe (id, name) VALUES (:id, :name)", soci::use(ids), soci::use(names);
    });
    std::vector<std::string> back(10);
    db().session() << "SELECT name FROM wm_probe ORDER BY id", soci::into(back);
    EXPECT_EQ(back, names);
    const std::string wanted = "Zoë Łukasz-Brontë";
    int found = 0;
    db().session() << "SELECT id FROM wm_probe WHERE name = :n", soci::use(wanted), soci::into(found);
    EXPECT_EQ(found, 1);
}

TEST_P(database_test, a_transaction_that_throws_leaves_nothing) {
    create_table();
    EXPECT_THROW(db().transaction("saving a name",
                                  [&](soci::session &session) {
                                      session << "INSERT INTO wm_probe (id, name) VALUES (1, 'Ada')";
                                      throw std::invalid_argument("row 2 is bad");
                                  }),
                 std::invalid_argument);
    EXPECT_EQ(count_rows(), 0);
}

TEST_P(database_test, a_refused_statement_is_one_sentence_naming_the_work_and_rolls_back) {
    create_table();
    try {
        db().transaction("saving two names", [&](soci::session &session) {
            session << "INSERT INTO wm_probe (id, name) VALUES (1, 'Ada')";
            session << "INSERT INTO wm_probe (id, name) VALUES (1, 'Grace')";
        });
        FAIL() << "a duplicate key was accepted";
    } catch (const database_error &e) {
        EXPECT_THAT(e.what(), HasSubstr("The database refused saving two names"));
        EXPECT_THAT(e.what(), HasSubstr("nothing was saved"));
        EXPECT_FALSE(e.connection_lost());
    }
    EXPECT_EQ(count_rows(), 0);
}

TEST_P(database_test, returns_what_the_work_returns) {
    const int answer = db().transaction("adding", [](soci::session &session) {
        int sum = 0;
        session << "SELECT 40 + 2", soci::into(sum);
        return sum;
    });
    EXPECT_EQ(answer, 42);
}

// The server ends this connection's backend while a transaction is half-written (as a restart or a
// network cut would): nothing of it is kept, the error says so, and the next call reconnects.
TEST_P(database_test, a_connection_dropped_mid_write_keeps_nothing_and_the_next_call_reconnects) {
    if (!on_postgresql()) GTEST_SKIP() << "Only a server connection can be dropped from outside.";
    create_table();
    int backend_pid = 0;
    db().session() << "SELECT pg_backend_pid()", soci::into(backend_pid);
    try {
        db().transaction("saving two names", [&](soci::session &session) {
            session << "INSERT INTO wm_probe (id, name) VALUES (1, 'Ada')";
            admin().session() << "SELECT pg_terminate_backend(" + std::to_string(backend_pid) + ")";
            session << "INSERT INTO wm_probe (id, name) VALUES (2, 'Grace')";
        });
        FAIL() << "the write went on after the connection was dropped";
    } catch (const database_error &e) {
        EXPECT_THAT(e.what(), HasSubstr("The database connection was lost while saving two names; nothing was saved."));
        EXPECT_TRUE(e.connection_lost());
    }
    db().transaction("saving a name", [](soci::session &session) {
        session << "INSERT INTO wm_probe (id, name) VALUES (3, 'Mary')";
    });
    std::vector<int> ids(10);
    db().session() << "SELECT id FROM wm_probe ORDER BY id", soci::into(ids);
    EXPECT_EQ(ids, std::vector<int>{3});
}

// SQLite's size limit for this connection stands in for a full disk (both are SQLITE_FULL): the
// write is refused in one sentence saying what to do, what was there stays, and the connection goes
// on taking writes that fit.
TEST_P(database_test, a_full_database_refuses_the_write_in_one_sentence_and_keeps_what_it_had) {
    if (on_postgresql()) GTEST_SKIP() << "A size limit a test can set is SQLite's (PRAGMA max_page_count).";
    create_table();
    db().transaction("saving a name", [](soci::session &session) { session << "INSERT INTO wm_probe (id, name) VALUES (1, 'Ada')"; });
    long long pages = 0;
    db().session() << "PRAGMA page_count", soci::into(pages);
    db().session() << "PRAGMA max_page_count = " + std::to_string(pages + 2);
    try {
        db().transaction("saving many names", [](soci::session &session) {
            const std::string name(90, 'x');
            for (int id = 2; id < 2000; ++id)
                session << "INSERT INTO wm_probe (id, name) VALUES (:id, :name)", soci::use(id), soci::use(name);
        });
        FAIL() << "2000 rows fitted in two more pages";
    } catch (const database_error &e) {
        EXPECT_THAT(e.what(), HasSubstr("The database is full, so it refused saving many names"));
        EXPECT_THAT(e.what(), HasSubstr("nothing was saved"));
        EXPECT_FALSE(e.connection_lost());
    }
    EXPECT_EQ(count_rows(), 1);
    db().transaction("saving a name", [](soci::session &session) { session << "INSERT INTO wm_probe (id, name) VALUES (3, 'Mary')"; });
    EXPECT_EQ(count_rows(), 2);
}

TEST(database_open_test, a_missing_driver_is_named_with_what_to_check) {
    try {
        database db("DRIVER=NoSuchDriver;Database=x");
        FAIL() << "a missing driver was accepted";
    } catch (const database_error &e) {
        EXPECT_THAT(e.what(), HasSubstr("could not load the ODBC driver 'NoSuchDriver'"));
        EXPECT_THAT(e.what(), HasSubstr("odbcinst -q -d"));
    }
}

TEST(database_open_test, a_refused_server_connection_names_what_to_check_and_hides_the_password) {
    try {
        database db("DRIVER={PostgreSQL Unicode};Server=127.0.0.1;Port=1;Database=x;Uid=u;Pwd=secret;");
        FAIL() << "a closed port was accepted";
    } catch (const database_error &e) {
        EXPECT_THAT(e.what(), HasSubstr("refused the connection through the ODBC driver 'PostgreSQL Unicode'"));
        EXPECT_THAT(e.what(), HasSubstr("Pwd=***"));
        EXPECT_THAT(e.what(), ::testing::Not(HasSubstr("secret")));
    }
}

WAYMARK_ON_EVERY_DATABASE(database_test);

}  // namespace
