// Statutory entry, submission and unlock on SQLite and PostgreSQL: every measure recorded and shown,
// the Year 2 phonics rule, range checks, all-or-nothing bulk entry, and locks that only an
// administrator's recorded unlock lifts.
#include "school_fixture.hpp"
#include "statutory_cohort.hpp"
#include "services/statutory/statutory_entry.hpp"

#include <gmock/gmock.h>

#include <chrono>

#include <thread>

#include <future>

namespace waymark::testing {
namespace {

using services::statutory_error;
using services::statutory_measure;
using services::statutory_refusal;
using services::statutory_value;
using services::submission_kind;
using ::testing::HasSubstr;

constexpr domain::academic_year this_year{2025}, last_year{2024};

// The refusal of a call that must fail.
template <class Call> statutory_error refused_by(Call call) {
    try {
        call();
    } catch (const statutory_error &error) {
        return error;
    }
    ADD_FAILURE() << "the call was not refused";
    return statutory_error({});
}
const services::statutory_actor teacher{"mrs.patel", false}, administrator{"la.admin", true};

class statutory_entry_test : public school_test {
protected:
    void SetUp() override {
        school_test::SetUp();
        if (IsSkipped()) return;
        db().transaction("adding the cohort", [&](soci::session &session) { store::insert_pupils(session, school_.id, cohort_.pupils); });
    }

    const std::string &upn(const char *forename) const { return cohort_.upns.at(forename); }
    statutory_value value(const char *forename, statutory_measure measure, std::string subject, std::string entered) const {
        return {upn(forename), measure, std::move(subject), std::move(entered)};
    }
    std::size_t record(std::vector<statutory_value> values, domain::academic_year year = this_year) {
        return services::record_statutory(db(), school_, year, values);
    }
    statutory_error refusal(std::vector<statutory_value> values, domain::academic_year year = this_year) {
        return refused_by([&] { record(std::move(values), year); });
    }
    const services::statutory_row &row(const services::statutory_view &view, const char *forename) const {
        for (const auto &each : view.pupils)
            if (each.forename == forename) return each;
        throw std::runtime_error(std::string(forename) + " is not in the view");
    }
    services::statutory_view view(int year_group) { return services::statutory_data(db().session(), school_, year_group); }
    long long results_stored() {
        long long count = 0;
        db().session() << "SELECT (SELECT COUNT(*) FROM wm_eyfsp_results) + (SELECT COUNT(*) FROM wm_phonics_results) + "
                          "(SELECT COUNT(*) FROM wm_key_stage_results) FROM wm_schools WHERE id = :s",
            soci::into(count), soci::use(school_.id);
        return count;
    }
    // Year 1 phonics for both Year 1 pupils, and the year group submitted.
    services::submission year1_submitted() {
        record({value("Yusuf", statutory_measure::phonics, "", "37"), value("Yara", statutory_measure::phonics, "", "A")});
        return services::submit_statutory(db(), school_, submission_kind::phonics_year1, this_year,
                                          std::string(services::standard_declaration), teacher);
    }

    statutory_cohort cohort_;
};

TEST_P(statutory_entry_test, every_measure_is_recorded_and_shown_with_its_year_group) {
    std::vector<statutory_value> goals;
    for (int goal = 1; goal <= 17; ++goal) {
        const std::string code = std::string(goal < 10 ? "E0" : "E") + std::to_string(goal);
        goals.push_back(value("Rosa", statutory_measure::elg, code, goal <= 12 ? "Expected" : "Emerging"));
    }
    EXPECT_EQ(record(goals), 17U);
    EXPECT_EQ(record({value("Yusuf", statutory_measure::phonics, "", "037"), value("Yara", statutory_measure::phonics, "", "A"),
                      value("Tom", statutory_measure::ks1_ta, "reading", "EXS"), value("Tom", statutory_measure::ks1_ta, "science", "HNM"),
                      value("Tom", statutory_measure::ks1_scaled, "reading", "104"),
                      value("Sid", statutory_measure::ks2_scaled, "maths", "110"), value("Sid", statutory_measure::ks2_ta, "writing", "GDS")}),
              7U);

    const auto reception = view(0);
    ASSERT_EQ(reception.pupils.size(), 1U);
    EXPECT_EQ(row(reception, "Rosa").gld, true);
    EXPECT_EQ(row(reception, "Rosa").elg.at("E13"), "Emerging");

    const auto year1 = view(1);
    EXPECT_EQ(year1.year, this_year);
    ASSERT_EQ(year1.pupils.size(), 2U);
    EXPECT_EQ(row(year1, "Yusuf").phonics_year1, (services::phonics_check{this_year, 37, "Wa"})) << "32 is the threshold";
    EXPECT_EQ(row(year1, "Yara").phonics_year1, (services::phonics_check{this_year, std::nullopt, "A"}));

    const auto year2 = view(2);
    const auto &tom = row(year2, "Tom");
    EXPECT_EQ(tom.ks1_ta, (std::map<std::string, std::string>{{"reading", "EXS"}, {"science", "HNM"}}));
    EXPECT_EQ(tom.ks1_scaled, (std::map<std::string, int>{{"reading", 104}}));
    const auto year6 = view(6);
    const auto &sid = row(year6, "Sid");
    EXPECT_EQ(sid.ks2_scaled.at("maths"), 110);
    EXPECT_EQ(sid.ks2_ta.at("writing"), "GDS");

    EXPECT_EQ(record({value("Yusuf", statutory_measure::phonics, "", "37")}), 0U) << "the value stored already is no change";
}

TEST_P(statutory_entry_test, a_phonics_code_replaces_a_mark_and_a_mark_replaces_a_code) {
    record({value("Yusuf", statutory_measure::phonics, "", "37")});
    record({value("Yusuf", statutory_measure::phonics, "", "D")});
    EXPECT_EQ(row(view(1), "Yusuf").phonics_year1, (services::phonics_check{this_year, std::nullopt, "D"}));
    record({value("Yusuf", statutory_measure::phonics, "", "25")});
    EXPECT_EQ(row(view(1), "Yusuf").phonics_year1, (services::phonics_check{this_year, 25, "Wt"}));
}

TEST_P(statutory_entry_test, no_year_2_check_for_a_pupil_who_met_the_threshold_in_year_1) {
    EXPECT_EQ(record({value("Tom", statutory_measure::phonics, "", "35"), value("Tia", statutory_measure::phonics, "", "20")}, last_year),
              2U);
    const auto refused = refusal({value("Tom", statutory_measure::phonics, "", "30")});
    EXPECT_EQ(refused.reason(), statutory_refusal::invalid);
    EXPECT_EQ(std::string(refused.what()),
              "Value 1 (UPN " + upn("Tom") + "): Tom Statutory met the phonics threshold in Year 1 (2024/2025), so there is "
              "no Year 2 check to record. Nothing was saved.");

    EXPECT_EQ(record({value("Tia", statutory_measure::phonics, "", "33")}), 1U) << "Tia did not meet it: she retakes";
    const auto year2 = view(2);
    const auto &tia = row(year2, "Tia");
    EXPECT_EQ(tia.phonics_year1, (services::phonics_check{last_year, 20, "Wt"}));
    EXPECT_EQ(tia.phonics_year2, (services::phonics_check{this_year, 33, "Wa"}));
    EXPECT_EQ(row(year2, "Tom").phonics_year2, std::nullopt);

    const auto raised = refusal({value("Tia", statutory_measure::phonics, "", "34")}, last_year);
    EXPECT_THAT(raised.what(), HasSubstr("already has a Year 2 check in 2025/2026"));
}

TEST_P(statutory_entry_test, out_of_range_values_are_all_listed_by_upn_and_nothing_is_stored) {
    const auto refused = refusal({
        value("Tom", statutory_measure::ks1_scaled, "maths", "121"),
        value("Tom", statutory_measure::ks1_scaled, "reading", "100"),
        value("Sid", statutory_measure::ks2_scaled, "reading", "79"),
        value("Yusuf", statutory_measure::phonics, "", "41"),
        value("Yara", statutory_measure::phonics, "", "Wa"),
        value("Rosa", statutory_measure::elg, "E18", "Expected"),
        value("Tom", statutory_measure::ks1_ta, "writing", "HNM"),
    });
    EXPECT_EQ(refused.reason(), statutory_refusal::invalid);
    ASSERT_EQ(refused.problems().size(), 6U);
    EXPECT_EQ(std::string(refused.what()),
              "Nothing was saved; 6 values need fixing:\n"
              "  Value 1 (UPN " + upn("Tom") + "): The KS1 scaled score \"121\" should be a whole number from 79 to 120.\n"
              "  Value 3 (UPN " + upn("Sid") + "): The KS2 scaled score \"79\" should be a whole number from 80 to 120.\n"
              "  Value 4 (UPN " + upn("Yusuf") + "): The phonics mark \"41\" should be a whole number from 0 to 40.\n"
              "  Value 5 (UPN " + upn("Yara") + "): The phonics entry \"Wa\" should be a mark from 0 to 40 or one of A, D, L or Q "
              "(Wa and Wt follow from the mark).\n"
              "  Value 6 (UPN " + upn("Rosa") + "): The early learning goal \"E18\" should be one of E01 to E17.\n"
              "  Value 7 (UPN " + upn("Tom") + "): HNM (has not met) is for science only; writing takes PK, BLW, WTS, EXS, GDS, A, D or EM codes.");
    EXPECT_EQ(results_stored(), 0);
}

TEST_P(statutory_entry_test, a_bulk_call_with_an_unknown_pupil_or_the_wrong_year_group_stores_nothing) {
    const std::string stranger = sample_upn(99);
    const auto refused = refusal({value("Yusuf", statutory_measure::phonics, "", "30"), {stranger, statutory_measure::phonics, "", "30"},
                                  value("Sid", statutory_measure::phonics, "", "30"), value("Yara", statutory_measure::phonics, "", "31")});
    ASSERT_EQ(refused.problems().size(), 2U);
    EXPECT_EQ(refused.problems()[0].upn, stranger);
    EXPECT_EQ(refused.problems()[0].reason, statutory_refusal::unknown_pupil);
    EXPECT_EQ(refused.problems()[1].message, "Value 3 (UPN " + upn("Sid") + "): Sid Statutory is in Year 6 in 2025/2026, "
                                             "but phonics results are for Year 1 or Year 2.");
    EXPECT_EQ(refused.reason(), statutory_refusal::invalid) << "a bad value tells more than an unknown pupil";
    EXPECT_EQ(results_stored(), 0);

    const auto only_unknown = refusal({{stranger, statutory_measure::phonics, "", "30"}});
    EXPECT_EQ(only_unknown.reason(), statutory_refusal::unknown_pupil);
    EXPECT_THAT(refusal({value("Yusuf", statutory_measure::phonics, "", "30"), value("Yusuf", statutory_measure::phonics, "", "31")}).what(),
                HasSubstr("phonics is given twice"));
}

TEST_P(statutory_entry_test, a_submitted_year_group_is_locked_until_an_administrator_unlocks_it) {
    const auto submitted = year1_submitted();
    EXPECT_EQ(submitted.submitted_by, "mrs.patel");
    EXPECT_EQ(submitted.pupils, 2);
    EXPECT_TRUE(submitted.in_force());

    const auto refused = refusal({value("Yusuf", statutory_measure::phonics, "", "30")});
    EXPECT_EQ(refused.reason(), statutory_refusal::locked);
    EXPECT_EQ(std::string(refused.what()),
              "Value 1 (UPN " + upn("Yusuf") + "): the Year 1 phonics results of 2025/2026 were submitted by mrs.patel on " +
                  submitted.submitted_at.substr(0, 10) +
                  " and are locked; an administrator must unlock them (waymark statutory unlock phonics-y1 --admin) before "
                  "they can change. Nothing was saved.");
    EXPECT_EQ(record({value("Yusuf", statutory_measure::phonics, "", "37")}), 0U) << "the submitted value itself is no change";
    EXPECT_EQ(record({value("Tom", statutory_measure::ks1_ta, "maths", "EXS")}), 1U) << "KS1 is not submitted";

    EXPECT_EQ(refused_by([&] {
                  services::unlock_statutory(db(), school_, submission_kind::phonics_year1, this_year, "a mark was mistyped", teacher);
              }).reason(),
              statutory_refusal::not_administrator);
    const auto unlocked =
        services::unlock_statutory(db(), school_, submission_kind::phonics_year1, this_year, "a mark was mistyped", administrator);
    EXPECT_EQ(unlocked.unlocked_by, "la.admin");
    EXPECT_EQ(unlocked.unlock_reason, "a mark was mistyped");
    EXPECT_EQ(record({value("Yusuf", statutory_measure::phonics, "", "30")}), 1U);

    const auto again = services::submit_statutory(db(), school_, submission_kind::phonics_year1, this_year, "Checked again.", teacher);
    const auto history = services::submissions_of(db().session(), school_);
    ASSERT_EQ(history.size(), 2U) << "the first submission and its unlock are kept";
    EXPECT_EQ(history[0].id, submitted.id);
    EXPECT_EQ(history[0].unlocked_by, "la.admin");
    EXPECT_EQ(history[0].declaration, services::standard_declaration);
    EXPECT_EQ(history[1], again);
    EXPECT_EQ(view(1).submissions, history);
    EXPECT_TRUE(view(2).submissions.empty());
}

TEST_P(statutory_entry_test, a_submission_needs_a_declaration_every_pupils_result_and_no_submission_in_force) {
    record({value("Yusuf", statutory_measure::phonics, "", "37")});
    const auto refused_with = [&](submission_kind kind, const std::string &declaration) {
        return refused_by([&] { services::submit_statutory(db(), school_, kind, this_year, declaration, teacher); });
    };
    EXPECT_EQ(refused_with(submission_kind::phonics_year1, " ").reason(), statutory_refusal::invalid);
    const auto missing = refused_with(submission_kind::phonics_year1, "Done.");
    EXPECT_EQ(std::string(missing.what()), "Yara Statutory (UPN " + upn("Yara") +
                                               ") has no Year 1 phonics result; record it (or an A, D or other code) before "
                                               "submitting. Nothing was saved.");
    record({value("Tom", statutory_measure::ks1_ta, "reading", "EXS")});
    EXPECT_THAT(refused_with(submission_kind::ks1, "Done.").what(),
                HasSubstr("Tom Statutory (UPN " + upn("Tom") + ") has no KS1 teacher assessment in writing, maths, science;"));

    record({value("Yara", statutory_measure::phonics, "", "12")});
    services::submit_statutory(db(), school_, submission_kind::phonics_year1, this_year, "Done.", teacher);
    EXPECT_EQ(refused_with(submission_kind::phonics_year1, "Done.").reason(), statutory_refusal::conflict);
    EXPECT_EQ(services::submissions_of(db().session(), school_).size(), 1U);
}

// Another host process submits the same year group between this one's check and its commit: the
// later submission waits for the earlier and is refused, rather than both being accepted.
TEST_P(statutory_entry_test, two_submissions_at_once_take_turns_and_only_one_is_accepted) {
    if (!on_postgresql()) GTEST_SKIP() << "SQLite lets one writer in at a time by itself.";
    record({value("Yusuf", statutory_measure::phonics, "", "37"), value("Yara", statutory_measure::phonics, "", "A")});
    store::database other(connection());
    soci::session &racing = other.session();
    racing.begin();
    racing << "UPDATE wm_schools SET name = name WHERE id = :s", soci::use(school_.id);
    racing << "INSERT INTO wm_statutory_submissions (school_id, academic_year, kind, submitted_by, submitted_at, declaration, "
              "pupils) VALUES (:s, 2025, 'phonics-y1', 'mr.other', '2026-06-20T10:00:00Z', 'Checked.', 2)",
        soci::use(school_.id);
    auto submitting = std::async(std::launch::async, [&] {
        return refused_by([&] { services::submit_statutory(db(), school_, submission_kind::phonics_year1, this_year, "Done.", teacher); });
    });
    // Only once this submission is seen waiting for the school's row does the other one commit.
    int waiting = 0;
    for (int poll = 0; poll < 200 && waiting == 0; ++poll) {
        admin().session() << "SELECT CAST(COUNT(*) AS INTEGER) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                             "AND datname = current_database() AND query LIKE 'UPDATE wm_schools SET name = name%'",
            soci::into(waiting);
        if (waiting == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(waiting, 1) << "the second submission did not wait for the first";
    racing.commit();
    EXPECT_EQ(submitting.get().reason(), statutory_refusal::conflict);
    const auto history = services::submissions_of(db().session(), school_);
    ASSERT_EQ(history.size(), 1U);
    EXPECT_EQ(history[0].submitted_by, "mr.other");
}

TEST_P(statutory_entry_test, a_ks1_submission_locks_teacher_assessment_and_scaled_scores) {
    std::vector<statutory_value> ks1;
    for (const char *pupil : {"Tom", "Tia"})
        for (const char *subject : {"reading", "writing", "maths"}) ks1.push_back(value(pupil, statutory_measure::ks1_ta, subject, "EXS"));
    ks1.push_back(value("Tom", statutory_measure::ks1_ta, "science", "EXS"));
    ks1.push_back(value("Tia", statutory_measure::ks1_ta, "science", "HNM"));
    record(ks1);
    services::submit_statutory(db(), school_, submission_kind::ks1, this_year, "Done.", teacher);
    EXPECT_EQ(refusal({value("Tom", statutory_measure::ks1_scaled, "reading", "100")}).reason(), statutory_refusal::locked);
    EXPECT_EQ(refusal({value("Tia", statutory_measure::ks1_ta, "science", "EXS")}).reason(), statutory_refusal::locked);
    EXPECT_EQ(record({value("Tia", statutory_measure::phonics, "", "30")}), 1U) << "Year 2 phonics is submitted separately";
}

TEST_P(statutory_entry_test, a_file_of_values_is_read_and_its_problems_are_named_by_line) {
    const auto file = services::read_statutory_csv("UPN,Measure,Subject,Value\r\n" + upn("Yusuf") + ",phonics,,37\r\n" + upn("Tom") +
                                                   ",ks1_ta,reading,EXS\r\n" + upn("Sid") + ",ks2_scaled,maths,79\r\n");
    ASSERT_EQ(file.values.size(), 3U);
    EXPECT_EQ(file.values[1].subject, "reading");
    EXPECT_EQ(file.lines, (std::vector<std::size_t>{2, 3, 4}));
    const auto refused = refused_by([&] { services::record_statutory(db(), school_, this_year, file.values, file.lines); });
    EXPECT_EQ(std::string(refused.what()), "Line 4 (UPN " + upn("Sid") +
                                               "): The KS2 scaled score \"79\" should be a whole number from 80 to 120. Nothing was saved.");
    EXPECT_EQ(results_stored(), 0);

    const auto broken = refused_by([] { services::read_statutory_csv("UPN,measure,subject,value\nX1,sats,,1\nX2,phonics\n"); });
    EXPECT_EQ(std::string(broken.what()),
              "Nothing was saved; 2 values need fixing:\n"
              "  Line 2 (UPN X1): \"sats\" is not a measure; write elg, phonics, ks1_ta, ks1_scaled, ks2_ta or ks2_scaled.\n"
              "  Line 3 (UPN X2): the line has 2 cells; it needs 4 (UPN, measure, subject, value; subject may be empty).");
    EXPECT_THAT(refused_by([] { services::read_statutory_csv("UPN,value\n"); }).what(),
                HasSubstr("The first line should be the header UPN,measure,subject,value"));
}

}  // namespace

WAYMARK_ON_EVERY_DATABASE(statutory_entry_test);

}  // namespace waymark::testing
