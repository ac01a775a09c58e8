// Class names, custom filter names and the subjects a school tracks with their default schemes
// (services/tracking/school_settings.hpp), on both databases: every refusal names what to correct and
// changes nothing.
#include "services/tracking/school_settings.hpp"

#include "services/pupils/pupil_filter.hpp"
#include "services/tracking/tracking_records.hpp"
#include "services/access/users.hpp"
#include "tracking_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;
using services::school_class;
using services::subject_scheme;
using testing::four_band;
using testing::lep_points;

class school_settings_test : public testing::tracking_test {
protected:
    std::vector<school_class> classes() { return services::list_classes(db().session(), school_); }

    std::vector<std::string> pupils_in(const std::string &class_name) {
        services::pupil_filter filter;
        filter.class_name = class_name;
        std::vector<std::string> upns;
        for (const auto &pupil : services::filtered_pupils(db().session(), school_, filter, services::inclusion::all))
            upns.push_back(pupil.upn);
        return upns;
    }

    std::vector<std::string> teacher_classes(const std::string &name) {
        return services::existing_user(db().session(), name).classes;
    }

    template <class Change>
    std::string refusal(Change &&change) {
        try {
            change();
        } catch (const services::tracking_error &refused) {
            return refused.what();
        }
        ADD_FAILURE() << "the change was not refused";
        return "";
    }
};

TEST_P(school_settings_test, classes_are_listed_with_their_pupils_on_roll) {
    add_year4(1, 3, "4A");
    add_year4(10, 2, "4B");
    services::add_class(db(), school_, "  Oak ");
    EXPECT_EQ(classes(), (std::vector<school_class>{{"4A", 3}, {"4B", 2}, {"Oak", 0}}));
}

TEST_P(school_settings_test, a_rename_keeps_the_pupils_and_the_teachers_given_the_class) {
    add_year4(1, 3, "4A");
    add_year4(10, 2, "4B");
    services::add_user(db(), {"mr.ash", "", domain::user_role::teacher, store::laestab(school_), {"4A", "4B"}, {}},
                       "2026-02-01T08:00:00Z");
    const auto before = pupils_in("4A");
    EXPECT_EQ(services::rename_class(db(), school_, "4A", "Ash"), (school_class{"Ash", 3}));
    EXPECT_EQ(pupils_in("Ash"), before);
    EXPECT_EQ(teacher_classes("mr.ash"), (std::vector<std::string>{"4B", "Ash"}));
    EXPECT_EQ(classes(), (std::vector<school_class>{{"4B", 2}, {"Ash", 3}}));
}

TEST_P(school_settings_test, a_rename_to_a_name_in_use_or_of_a_missing_class_is_refused) {
    add_year4(1, 3, "4A");
    add_year4(10, 2, "4B");
    EXPECT_EQ(refusal([&] { services::rename_class(db(), school_, "4A", "4B"); }),
              "Brookside Primary already has a class \"4B\"; choose another name.");
    EXPECT_THROW(services::rename_class(db(), school_, "6Z", "6Y"), services::record_not_found);
    EXPECT_THAT(refusal([&] { services::rename_class(db(), school_, "4A", " "); }), HasSubstr("1 to 60 characters"));
    EXPECT_THAT(refusal([&] { services::add_class(db(), school_, "4B"); }), HasSubstr("already has a class \"4B\""));
    EXPECT_EQ(classes(), (std::vector<school_class>{{"4A", 3}, {"4B", 2}}));
}

TEST_P(school_settings_test, only_an_empty_class_is_deleted) {
    add_year4(1, 3, "4A");
    services::add_class(db(), school_, "Spare");
    services::add_user(db(), {"mr.ash", "", domain::user_role::teacher, store::laestab(school_), {"4A", "Spare"}, {}},
                       "2026-02-01T08:00:00Z");
    EXPECT_EQ(refusal([&] { services::delete_class(db(), school_, "4A"); }),
              "Class 4A has 3 pupils; move them to another class before deleting it.");
    services::delete_class(db(), school_, "Spare");
    EXPECT_EQ(classes(), (std::vector<school_class>{{"4A", 3}}));
    EXPECT_EQ(teacher_classes("mr.ash"), (std::vector<std::string>{"4A"}));
}

TEST_P(school_settings_test, custom_filter_names_are_trimmed_and_each_its_own) {
    const auto saved = services::save_custom_flag_names(db(), school_, {" Young carer ", "", "Forces", "", "", ""});
    EXPECT_EQ(saved, (std::array<std::string, 6>{"Young carer", "", "Forces", "", "", ""}));
    EXPECT_EQ(store::custom_flag_names(db().session(), school_.id), saved);
    EXPECT_EQ(refusal([&] { services::save_custom_flag_names(db(), school_, {"Forces", "", "Forces", "", "", ""}); }),
              "Custom filter 3 is called \"Forces\" like another; give each filter its own name.");
    EXPECT_THAT(refusal([&] { services::save_custom_flag_names(db(), school_, {std::string(61, 'x'), "", "", "", "", ""}); }),
                HasSubstr("Custom filter 1's name is longer than 60 characters"));
    EXPECT_EQ(store::custom_flag_names(db().session(), school_.id), saved);
}

TEST_P(school_settings_test, a_school_tracks_the_core_subjects_on_the_default_scheme_until_it_chooses) {
    EXPECT_EQ(services::tracked_subjects(db().session(), school_.id),
              (std::vector<subject_scheme>{{"reading", "Reading", four_band}, {"writing", "Writing", four_band},
                                           {"maths", "Mathematics", four_band}}));
    const auto saved = services::save_tracked_subjects(db(), school_, {{"science", "", lep_points}, {"maths", "", lep_points}}, *schemes_);
    EXPECT_EQ(saved, (std::vector<subject_scheme>{{"reading", "Reading", four_band}, {"writing", "Writing", four_band},
                                                  {"maths", "Mathematics", lep_points}, {"science", "Science", lep_points}}));
    EXPECT_EQ(services::tracked_subjects(db().session(), school_.id), saved);
}

TEST_P(school_settings_test, an_unknown_scheme_or_subject_is_refused_naming_the_choices) {
    services::save_tracked_subjects(db(), school_, {{"maths", "", lep_points}}, *schemes_);
    const std::string unknown = refusal([&] { services::save_tracked_subjects(db(), school_, {{"maths", "", "org.example.none"}}, *schemes_); });
    EXPECT_THAT(unknown, HasSubstr("maths: No descriptor scheme 'org.example.none' is loaded; choose one of: "));
    EXPECT_THAT(unknown, HasSubstr(four_band));
    EXPECT_THAT(refusal([&] { services::save_tracked_subjects(db(), school_, {{"latin", "", four_band}}, *schemes_); }),
                HasSubstr("'latin' is not a subject Waymark tracks; choose from: "));
    EXPECT_THAT(refusal([&] { services::save_tracked_subjects(db(), school_, {{"maths", "", four_band}, {"maths", "", four_band}}, *schemes_); }),
                HasSubstr("listed twice"));
    EXPECT_EQ(services::chosen_schemes(db().session(), school_.id).at("maths"), lep_points);
}

TEST_P(school_settings_test, a_new_assessment_judges_each_subject_in_the_schools_scheme_unless_told_otherwise) {
    services::save_tracked_subjects(db(), school_, {{"maths", "", lep_points}, {"science", "", lep_points}}, *schemes_);
    auto spec = spring_spec();
    spec.subjects = {{"science", "", {}}, {"writing", lep_points, {}}};
    const auto made = create(spec);
    const auto scheme_of = [&](const std::string &code) { return made.subject(code)->scheme_id; };
    EXPECT_EQ(scheme_of("reading"), four_band) << "not chosen by the school: the default given";
    EXPECT_EQ(scheme_of("writing"), lep_points) << "the assessment's own choice";
    EXPECT_EQ(scheme_of("maths"), lep_points) << "the school's choice";
    EXPECT_EQ(scheme_of("science"), lep_points);
}

WAYMARK_ON_EVERY_DATABASE(school_settings_test);

}  // namespace
}  // namespace waymark
