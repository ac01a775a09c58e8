// Every filter of issue 4 item 6 over the cohort of cohort_fixture.hpp, on SQLite and PostgreSQL,
// read from options as the CLI and the API read them.
#include "cohort_fixture.hpp"

#include <gmock/gmock.h>

namespace waymark::testing {
namespace {

using services::filter_error;
using services::inclusion;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using names_list = std::vector<std::string>;

class pupil_filter_test : public cohort_test {};

TEST_P(pupil_filter_test, no_filter_is_the_whole_school_on_roll) {
    EXPECT_EQ(names({}), (names_list{"Ava", "Ben", "Cara", "Dev", "Eve"}));
    EXPECT_TRUE(parsed({}).whole_school());
    EXPECT_EQ(parsed({}).describe(), "Whole school");
}

TEST_P(pupil_filter_test, year_group_uses_date_of_birth_and_the_year_override) {
    EXPECT_EQ(names(parsed({{"year", "4"}})), (names_list{"Ava", "Ben"}));
    EXPECT_EQ(names(parsed({{"year", "5"}})), (names_list{"Cara", "Eve"}));
    EXPECT_EQ(names(parsed({{"year", "Y2"}})), (names_list{"Dev"}));
    EXPECT_EQ(names(parsed({{"year", "R"}})), (names_list{}));
    const auto pupils = services::filtered_pupils(db().session(), school_, parsed({{"year", "5"}}));
    EXPECT_EQ(pupils.at(1).nc_year, 5);
    EXPECT_EQ(pupils.at(1).class_name, "Ash");
}

TEST_P(pupil_filter_test, academic_year_moves_every_nc_year_and_the_override_with_it) {
    EXPECT_EQ(names(parsed({{"academic-year", "2024/2025"}, {"year", "4"}})), (names_list{"Cara", "Eve"}));
    EXPECT_EQ(names(parsed({{"academic-year", "2026/2027"}, {"year", "3"}})), (names_list{"Dev"}));
}

TEST_P(pupil_filter_test, key_stages) {
    EXPECT_EQ(names(parsed({{"key-stage", "KS1"}})), (names_list{"Dev"}));
    EXPECT_EQ(names(parsed({{"key-stage", "lks2"}})), (names_list{"Ava", "Ben"}));
    EXPECT_EQ(names(parsed({{"key-stage", "UKS2"}})), (names_list{"Cara", "Eve"}));
    EXPECT_EQ(names(parsed({{"key-stage", "KS2"}})), (names_list{"Ava", "Ben", "Cara", "Eve"}));
    EXPECT_EQ(names(parsed({{"key-stage", "EYFS"}})), (names_list{}));
}

TEST_P(pupil_filter_test, class_and_an_unknown_class_named_with_the_ones_there_are) {
    EXPECT_EQ(names(parsed({{"class", "Oak"}})), (names_list{"Ava", "Ben"}));
    try {
        names(parsed({{"class", "Pine"}}));
        FAIL() << "an unknown class was accepted";
    } catch (const filter_error &error) {
        EXPECT_THAT(error.what(), HasSubstr("No class named \"Pine\" at Brookside Primary; its classes are: Ash, Elm, Oak."));
    }
}

TEST_P(pupil_filter_test, characteristics) {
    EXPECT_EQ(names(parsed({{"gender", "f"}})), (names_list{"Ava", "Cara", "Eve"}));
    EXPECT_EQ(names(parsed({{"summer-born", "yes"}})), (names_list{"Ben"}));
    EXPECT_EQ(names(parsed({{"summer-born", "no"}})), (names_list{"Ava", "Cara", "Dev", "Eve"}));
    EXPECT_EQ(names(parsed({{"sen", "K"}})), (names_list{"Ava"}));
    EXPECT_EQ(names(parsed({{"sen", "E"}})), (names_list{"Cara"}));
    EXPECT_EQ(names(parsed({{"sen", "N"}})), (names_list{"Ben", "Dev", "Eve"}));
    EXPECT_EQ(names(parsed({{"pp", "yes"}})), (names_list{"Ava", "Cara"}));
    EXPECT_EQ(names(parsed({{"fsm", "Y"}})), (names_list{"Ava"}));
    EXPECT_EQ(names(parsed({{"ever6", "yes"}})), (names_list{"Ava"}));
    EXPECT_EQ(names(parsed({{"disadvantaged", "yes"}})), (names_list{"Ava", "Ben", "Cara"}));
    EXPECT_EQ(names(parsed({{"disadvantaged", "no"}})), (names_list{"Dev", "Eve"}));
    EXPECT_EQ(names(parsed({{"eal", "yes"}})), (names_list{"Ben"}));
    EXPECT_EQ(names(parsed({{"custom1", "yes"}})), (names_list{"Ben"}));
    EXPECT_EQ(names(parsed({{"custom6", "yes"}})), (names_list{"Eve"}));
    EXPECT_EQ(names(parsed({{"custom6", "no"}})), (names_list{"Ava", "Ben", "Cara", "Dev"}));
}

TEST_P(pupil_filter_test, a_main_ethnicity_covers_its_extended_codes) {
    EXPECT_EQ(names(parsed({{"ethnicity", "WBRI"}})), (names_list{"Ava", "Ben", "Eve"}));
    EXPECT_EQ(names(parsed({{"ethnicity", "weng"}})), (names_list{"Ben"}));
    EXPECT_EQ(names(parsed({{"ethnicity", "AOTH"}})), (names_list{"Dev"}));
}

TEST_P(pupil_filter_test, intervention_counts_only_in_its_academic_year) {
    EXPECT_EQ(names(parsed({{"intervention", "yes"}})), (names_list{"Dev"}));
    EXPECT_EQ(names(parsed({{"intervention", "yes"}, {"academic-year", "2024/2025"}})), (names_list{"Ben"}));
    EXPECT_EQ(names(parsed({{"intervention", "no"}})), (names_list{"Ava", "Ben", "Cara", "Eve"}));
}

TEST_P(pupil_filter_test, filters_combine_with_and) {
    const auto filter = parsed({{"year", "4"}, {"class", "Oak"}, {"sen", "N"}});
    EXPECT_EQ(names(filter), (names_list{"Ben"}));
    EXPECT_EQ(filter.describe(), "Year 4, class Oak, SEN N");
    EXPECT_EQ(names(parsed({{"gender", "F"}, {"key-stage", "KS2"}, {"pp", "yes"}})), (names_list{"Ava", "Cara"}));
    EXPECT_EQ(names(parsed({{"gender", "M"}, {"fsm", "yes"}})), (names_list{}));
}

TEST_P(pupil_filter_test, inclusion_selects_included_or_excluded_pupils) {
    db().session() << "UPDATE wm_pupils SET include_in_data = 0 WHERE forename IN ('Ben', 'Eve')";
    EXPECT_EQ(names({}, inclusion::included), (names_list{"Ava", "Cara", "Dev"}));
    EXPECT_EQ(names({}, inclusion::excluded), (names_list{"Ben", "Eve"}));
    EXPECT_EQ(services::excluded_pupils(db().session(), school_, {}), 2);
    EXPECT_EQ(services::excluded_pupils(db().session(), school_, parsed({{"year", "4"}})), 1);
    EXPECT_EQ(services::excluded_pupils(db().session(), school_, parsed({{"class", "Elm"}})), 0);
}

TEST_P(pupil_filter_test, another_schools_pupils_never_match) {
    const auto other = add_school({0, "801", "2001", "", "Hillside Primary", "PR2 1AA", {2025}});
    EXPECT_EQ(services::filtered_pupils(db().session(), other, {}).size(), 0U);
}

TEST_P(pupil_filter_test, on_roll_pupil_ids_refuses_unknown_and_archived_upns) {
    EXPECT_EQ(services::on_roll_pupil_ids(db().session(), school_, std::vector{upns_["Ava"], upns_["Ava"]}).size(), 1U);
    try {
        services::on_roll_pupil_ids(db().session(), school_, std::vector{upns_["Finn"], upns_["Ava"]});
        FAIL() << "an archived pupil was chosen";
    } catch (const filter_error &error) {
        EXPECT_THAT(error.what(), HasSubstr("has UPN " + upns_["Finn"] + ";"));
    }
}

TEST(pupil_filter_parse, bad_values_are_named_with_what_the_option_takes) {
    const auto refused = [](std::string option, std::string value) {
        try {
            parsed_filter({{option, value}});
        } catch (const filter_error &error) {
            return std::string(error.what());
        }
        return std::string("accepted");
    };
    EXPECT_EQ(refused("year", "12"), "--year takes a year group: R (Reception), N (nursery) or 1 to 11, not \"12\".");
    EXPECT_EQ(refused("year", "four"), "--year takes a year group: R (Reception), N (nursery) or 1 to 11, not \"four\".");
    EXPECT_EQ(refused("key-stage", "KS5"), "--key-stage takes EYFS, KS1, KS2, LKS2, UKS2, KS3 or KS4, not \"KS5\".");
    EXPECT_EQ(refused("sen", "X"), "--sen takes N, K, E, A, P or S, not \"X\".");
    EXPECT_EQ(refused("gender", "x"), "--gender takes M or F, not \"x\".");
    EXPECT_EQ(refused("fsm", "maybe"), "--fsm takes yes or no, not \"maybe\".");
    EXPECT_EQ(refused("custom3", ""), "--custom3 takes yes or no, not \"\".");
    EXPECT_EQ(refused("ethnicity", "ZZZZ"), "--ethnicity takes an ethnicity code such as WBRI or WENG, not \"ZZZZ\".");
    EXPECT_EQ(refused("academic-year", "2025"), "--academic-year takes an academic year such as 2025/2026, not \"2025\".");
    EXPECT_EQ(refused("class", ""), "--class takes a name; it was empty.");
}

TEST(pupil_filter_parse, every_option_is_read_and_described) {
    std::map<std::string, std::string, std::less<>> options;
    for (const auto name : services::pupil_filter_options()) options[std::string(name)] = "yes";
    options["academic-year"] = "2024/2025";
    options["year"] = "5";
    options["key-stage"] = "ks2";
    options["class"] = "Oak";
    options["group"] = "Year 5 recent arrivals";
    options["gender"] = "F";
    options["sen"] = "k";
    options["ethnicity"] = "wbri";
    const auto filter = parsed_filter(options);
    EXPECT_EQ(filter.describe(),
              "2024/2025, Year 5, KS2, class Oak, group \"Year 5 recent arrivals\", girls, SEN K, ethnicity WBRI, "
              "summer born yes, PP yes, FSM yes, Ever 6 yes, disadvantaged yes, EAL yes, intervention yes, custom 1 yes, "
              "custom 2 yes, custom 3 yes, custom 4 yes, custom 5 yes, custom 6 yes");
    EXPECT_FALSE(filter.whole_school());
}

}  // namespace

WAYMARK_ON_EVERY_DATABASE(pupil_filter_test);

}  // namespace waymark::testing
