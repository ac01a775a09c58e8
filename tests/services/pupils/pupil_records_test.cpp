// Adding, editing, bulk-editing and archiving pupils by hand on SQLite and PostgreSQL: every field
// checked as the CSV upload checks it, a bad field one sentence naming it with nothing written, many
// pupils all or none.
#include "services/pupils/pupil_records.hpp"

#include "domain/upn.hpp"
#include "school_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using ::testing::HasSubstr;

std::string upn(int serial) {
    std::string digits = std::to_string(serial);
    const std::string body = "8012000" + std::string(5 - digits.size(), '0') + digits;
    return domain::upn_check_letter(body) + body;
}

std::string wrong_check_letter(std::string valid) {
    valid[0] = valid[0] == 'A' ? 'B' : 'A';
    return valid;
}

services::pupil_fields amy(int serial) {
    return {{"upn", upn(serial)}, {"surname", "Bell"}, {"forename", "Amy"}, {"date_of_birth", "05/03/2017"},
            {"gender", "F"}, {"postcode", "pr1 1aa"}, {"ethnicity", "WBRI"}, {"class", "3A"}};
}

class pupil_records_test : public testing::school_test {
protected:
    // The sentence a refused change gives, and checks that it named `field`.
    template <typename Change> std::string refusal(const std::string &field, Change change) {
        try {
            change();
        } catch (const services::pupil_field_error &error) {
            EXPECT_EQ(error.field(), field) << error.what();
            return error.what();
        }
        ADD_FAILURE() << "no refusal for " << field;
        return "";
    }

    std::vector<domain::pupil> pupils() { return pupils_of(school_); }
};

TEST_P(pupil_records_test, a_pupil_is_added_with_every_field_checked) {
    auto fields = amy(1);
    fields.insert({{"fsm", "y"}, {"sen", "SEN_K"}, {"year_override", "2"}, {"date_joined", "2024-09-04"},
                   {"custom_flag_3", "Y"}, {"pupil_premium", "Y"}, {"first_language", "oth"}});
    const auto added = services::add_pupil(db(), school_, fields, "mrs.patel");
    EXPECT_GT(added.id, 0);
    const auto stored = pupils();
    ASSERT_EQ(stored.size(), 1U);
    const auto &p = stored.front();
    EXPECT_EQ(p.upn, upn(1));
    EXPECT_EQ(p.postcode, "PR1 1AA");
    EXPECT_TRUE(p.fsm);
    EXPECT_EQ(p.sen, 'K');
    EXPECT_EQ(p.year_override, 2);
    EXPECT_EQ(p.date_joined, (domain::date{std::chrono::year{2024}, std::chrono::month{9}, std::chrono::day{4}}));
    EXPECT_EQ(p.first_language, "OTH");
    EXPECT_EQ(p.class_name, "3A");
    EXPECT_TRUE(p.custom_flags[2]);
    EXPECT_TRUE(p.pupil_premium);
    EXPECT_TRUE(p.include_in_data);
    EXPECT_FALSE(p.archived);
    const auto json = services::pupil_record_json(school_, p);
    EXPECT_EQ(json.getValue<std::string>("date_joined"), "2024-09-04");
    EXPECT_EQ(json.getValue<int>("nc_year"), 2);
}

TEST_P(pupil_records_test, a_bad_field_names_itself_and_adds_nothing) {
    struct mistake {
        std::string field, value, sentence_part;
    };
    const std::vector<mistake> mistakes{
        {"upn", wrong_check_letter(upn(1)), "fails its check letter"},
        {"date_of_birth", "31/02/2017", "not a day of the calendar"},
        {"gender", "X", "M or F"},
        {"sen", "Q", "SEN value \"Q\""},
        {"surname", "", "The surname is missing"},
        {"year_override", "14", "R, N or 1 to 11"},
        {"first_language", "Klingon", "should be ENG, ENB, OTH, OTB, NOT, REF or blank"},
        {"nickname", "Aims", "is not a field"},
    };
    for (const auto &[field, value, sentence_part] : mistakes) {
        auto wrong = amy(1);
        wrong[field] = value;
        EXPECT_THAT(refusal(field, [&] { services::add_pupil(db(), school_, wrong, "x"); }), HasSubstr(sentence_part));
    }
    EXPECT_TRUE(pupils().empty());

    services::add_pupil(db(), school_, amy(1), "x");
    auto twin = amy(1);
    twin["forename"] = "Ava";
    EXPECT_THAT(refusal("upn", [&] { services::add_pupil(db(), school_, twin, "x"); }), HasSubstr("already belongs to a pupil of Brookside Primary"));
    EXPECT_EQ(pupils().size(), 1U);
}

TEST_P(pupil_records_test, an_edit_changes_only_the_fields_given_and_keeps_the_upn_unique) {
    services::add_pupil(db(), school_, amy(1), "x");
    services::add_pupil(db(), school_, amy(2), "x");
    const auto changed = services::edit_pupil(db(), school_, {upn(1), {{"surname", "Bell-Jones"}, {"include_in_data", "N"}}}, "mrs.patel");
    EXPECT_EQ(changed.pupil.surname, "Bell-Jones");
    EXPECT_EQ(changed.pupil.forename, "Amy");
    EXPECT_FALSE(changed.pupil.include_in_data);
    std::string who;
    db().session() << "SELECT changed_by FROM wm_inclusion_changes", soci::into(who);
    EXPECT_EQ(who, "mrs.patel");  // as the include-in-data toggle records it

    EXPECT_THAT(refusal("upn", [&] { services::edit_pupil(db(), school_, {upn(1), {{"upn", upn(2)}}}, "x"); }), HasSubstr("already belongs"));
    EXPECT_THAT(refusal("postcode", [&] { services::edit_pupil(db(), school_, {upn(1), {{"postcode", "nowhere"}}}, "x"); }), HasSubstr("not a UK postcode"));
    EXPECT_EQ(services::find_pupil(db().session(), school_, upn(1))->pupil.postcode, "PR1 1AA");
    EXPECT_THROW(services::edit_pupil(db(), school_, {upn(9), {{"class", "4A"}}}, "x"), services::pupil_not_found);

    const auto renumbered = services::edit_pupil(db(), school_, {upn(1), {{"upn", upn(3)}, {"former_upn", upn(1)}}}, "x");
    EXPECT_EQ(renumbered.pupil.upn, upn(3));
    EXPECT_EQ(renumbered.pupil.former_upn, upn(1));
}

TEST_P(pupil_records_test, many_pupils_change_together_or_not_at_all) {
    for (int serial = 1; serial <= 3; ++serial) services::add_pupil(db(), school_, amy(serial), "x");
    const std::vector<services::pupil_edit> september{
        {upn(1), {{"class", "4A"}, {"fsm", "Y"}}}, {upn(2), {{"class", "4A"}}}, {upn(3), {{"class", "3A"}}}};
    EXPECT_EQ(services::edit_pupils(db(), school_, september, "x"), 2U);  // the third is in 3A already
    for (const auto &p : pupils()) EXPECT_EQ(p.class_name, p.upn == upn(3) ? "3A" : "4A") << p.upn;

    const std::vector<services::pupil_edit> one_bad{{upn(1), {{"class", "5A"}}}, {upn(2), {{"class", "5A"}, {"eal", "perhaps"}}}};
    const auto sentence = refusal("eal", [&] { services::edit_pupils(db(), school_, one_bad, "x"); });
    EXPECT_THAT(sentence, HasSubstr("Amy Bell (" + upn(2) + "): The EAL value \"perhaps\" should be Y, N or blank."));
    for (const auto &p : pupils()) EXPECT_NE(p.class_name, "5A");
}

TEST_P(pupil_records_test, a_leaver_is_archived_with_the_day_they_left_and_can_return) {
    services::add_pupil(db(), school_, amy(1), "x");
    const domain::date left{std::chrono::year{2026}, std::chrono::month{1}, std::chrono::day{16}};
    const auto archived = services::archive_pupil(db(), school_, upn(1), left);
    EXPECT_TRUE(archived.pupil.archived);
    EXPECT_EQ(archived.pupil.date_left, left);
    EXPECT_TRUE(store::load_pupils(db().session(), school_.id, store::which_pupils::on_roll).empty());
    EXPECT_THAT(refusal("archived", [&] { services::archive_pupil(db(), school_, upn(1), left); }), HasSubstr("already archived (left 16/01/2026)"));
    const auto back = services::return_to_roll(db(), school_, upn(1));
    EXPECT_FALSE(back.pupil.archived);
    EXPECT_EQ(back.pupil.date_left, std::nullopt);
    EXPECT_EQ(store::load_pupils(db().session(), school_.id, store::which_pupils::on_roll).size(), 1U);
    EXPECT_THAT(refusal("archived", [&] { services::return_to_roll(db(), school_, upn(1)); }), HasSubstr("on roll already"));
}

TEST_P(pupil_records_test, a_leavers_date_left_is_corrected_and_they_stay_archived) {
    services::add_pupil(db(), school_, amy(1), "x");
    const domain::date typed{std::chrono::year{2026}, std::chrono::month{7}, std::chrono::day{22}};
    const domain::date really{std::chrono::year{2026}, std::chrono::month{7}, std::chrono::day{17}};
    EXPECT_THAT(refusal("date_left", [&] { services::correct_date_left(db(), school_, upn(1), really); }),
                HasSubstr("is on roll, so has no date left to correct; archive them with the day they left."));
    EXPECT_EQ(services::find_pupil(db().session(), school_, upn(1))->pupil.date_left, std::nullopt);

    services::archive_pupil(db(), school_, upn(1), typed);
    const auto corrected = services::correct_date_left(db(), school_, upn(1), really);
    EXPECT_TRUE(corrected.pupil.archived);
    EXPECT_EQ(services::find_pupil(db().session(), school_, upn(1))->pupil.date_left, really);

    const domain::date unborn{std::chrono::year{2016}, std::chrono::month{7}, std::chrono::day{17}};
    EXPECT_THAT(refusal("date_left", [&] { services::correct_date_left(db(), school_, upn(1), unborn); }), HasSubstr("was born; check the year."));
    EXPECT_EQ(services::find_pupil(db().session(), school_, upn(1))->pupil.date_left, really);
    EXPECT_THROW(services::correct_date_left(db(), school_, upn(9), really), services::pupil_not_found);
}

}  // namespace

WAYMARK_ON_EVERY_DATABASE(pupil_records_test);

}  // namespace waymark
