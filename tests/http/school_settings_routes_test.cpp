// The Maintenance screen's routes over Brookside's Year 4 (classes 4A and 4B): classes, custom filter
// names, subjects with their default schemes, and the assessment grid as a spreadsheet, which is
// unpacked and read back. Refusals are 422 with the service's sentence and write nothing.
#include "signed_in_api.hpp"
#include "tracked_school.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/Zip/Decompress.h>
#include <gmock/gmock.h>

#include <fstream>
#include <sstream>

namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

class school_settings_routes : public waymark::testing::tracked_school_api {
protected:
    school_settings_routes() { registry.load_file(std::string(WAYMARK_PLUGIN_DIR) + "/renderer-xlsx.so"); }

    // The spreadsheet's shared strings: every text cell of the workbook.
    std::vector<std::string> spreadsheet_texts(const std::string &xlsx) {
        const auto unpacked = folder() / "unpacked";
        std::filesystem::remove_all(unpacked);
        std::istringstream in(xlsx);
        Poco::Zip::Decompress(in, Poco::Path(unpacked.string() + "/")).decompressAllFiles();
        std::ifstream file(unpacked / "xl" / "sharedStrings.xml");
        std::stringstream text;
        text << file.rdbuf();
        Poco::XML::DOMParser parser;
        Poco::AutoPtr<Poco::XML::Document> strings = parser.parseString(text.str());
        Poco::AutoPtr<Poco::XML::NodeList> items = strings->getElementsByTagName("si");
        std::vector<std::string> texts;
        for (unsigned long i = 0; i < items->length(); ++i) texts.push_back(items->item(i)->innerText());
        return texts;
    }
};

TEST_F(school_settings_routes, classes_are_added_renamed_and_deleted_when_empty) {
    EXPECT_EQ(client->get(school_url + "/classes").body, R"([{"name":"4A","pupils":3},{"name":"4B","pupils":2}])");
    const auto added = send_json("POST", "/classes", R"({"name": "Oak"})");
    ASSERT_EQ(added.status, 201) << added.body;
    const auto renamed = send_json("PUT", "/classes/4A", R"({"name": "Ash"})");
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(renamed.body, R"({"name":"Ash","pupils":3})");
    EXPECT_EQ(client->get(school_url + "/pupils?class=Ash").json()->getArray("pupils")->size(), 3U);
    const auto refused = client->send("DELETE", school_url + "/classes/Ash");
    EXPECT_EQ(refused.status, 422);
    EXPECT_THAT(refused.body, HasSubstr("Class Ash has 3 pupils; move them to another class before deleting it."));
    EXPECT_EQ(client->send("DELETE", school_url + "/classes/Oak").body, R"({"deleted":"Oak"})");
    EXPECT_EQ(client->send("DELETE", school_url + "/classes/Oak").status, 404);
    EXPECT_EQ(client->get(school_url + "/classes").body, R"([{"name":"4B","pupils":2},{"name":"Ash","pupils":3}])");
}

TEST_F(school_settings_routes, a_class_name_in_use_is_refused) {
    const auto refused = send_json("PUT", "/classes/4A", R"({"name": "4B"})");
    EXPECT_EQ(refused.status, 422);
    EXPECT_THAT(refused.body, HasSubstr("Brookside Primary already has a class \\\"4B\\\"; choose another name."));
    EXPECT_EQ(send_json("POST", "/classes", R"({})").status, 422);
    EXPECT_EQ(rows_in("wm_classes"), 2);
}

TEST_F(school_settings_routes, custom_filter_names_are_six_and_name_the_filter) {
    EXPECT_EQ(client->get(school_url + "/custom-flags").body, R"({"names":["","","","","",""]})");
    const auto saved = send_json("PUT", "/custom-flags", R"({"names": ["Young carer", "", "Forces", "", "", ""]})");
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(client->get(school_url + "/custom-flags").body, R"({"names":["Young carer","","Forces","","",""]})");
    const auto too_few = send_json("PUT", "/custom-flags", R"({"names": ["Forces"]})");
    EXPECT_EQ(too_few.status, 422);
    EXPECT_THAT(too_few.body, HasSubstr("names takes six names"));
}

TEST_F(school_settings_routes, a_subjects_default_scheme_is_what_a_new_assessment_takes) {
    const auto saved = send_json("PUT", "/subjects", R"({"subjects": [{"code": "maths", "scheme": "org.waymark.lep-points"},
                                                                      {"code": "science", "scheme": "org.waymark.lep-points"}]})");
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_THAT(client->get(school_url + "/subjects").body,
                HasSubstr(R"({"code":"maths","name":"Mathematics","scheme":"org.waymark.lep-points"})"));
    const auto made = send_json("POST", "/assessments", R"({"name": "Spring 1", "date": "2026-02-10", "year_groups": [4],
                                                            "subjects": [{"code": "science"}]})");
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_THAT(made.body, HasSubstr(R"({"code":"maths","scheme":"org.waymark.lep-points")"));
    const auto unknown = send_json("PUT", "/subjects", R"({"subjects": [{"code": "maths", "scheme": "org.example.none"}]})");
    EXPECT_EQ(unknown.status, 422);
    EXPECT_THAT(unknown.body, HasSubstr("choose one of: "));
    EXPECT_THAT(unknown.body, HasSubstr("org.waymark.lancashire-four-band"));
    EXPECT_EQ(rows_in("wm_school_subjects"), 2);
}

TEST_F(school_settings_routes, the_grid_as_a_spreadsheet_all_data_or_the_screens) {
    const long long assessment = create_spring_assessment();
    ASSERT_EQ(send_json("PUT", assessment_url(assessment) + "/judgements/" + waymark::testing::test_upn(1) + "/reading",
                        R"({"value": "OT"})").status, 200);
    const auto all = client->get(school_url + assessment_url(assessment) + "/grid/spreadsheet");
    ASSERT_EQ(all.status, 200) << all.body;
    EXPECT_EQ(all.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(all.header("Content-Disposition"), "attachment; filename=\"Spring 1 grid.xlsx\"");
    const auto texts = spreadsheet_texts(all.body);
    EXPECT_THAT(texts, Contains("Pupil01, Sam"));
    EXPECT_THAT(texts, Contains("Pupil11, Sam"));
    EXPECT_THAT(texts, Contains("OT"));
    EXPECT_THAT(texts, Contains("On track or above"));
    EXPECT_THAT(texts, Contains("1 (20.00%)")) << "Pupil01 of the five on track in reading";
    EXPECT_THAT(texts, Contains(HasSubstr("All data")));
    for (const char *characteristic : {"Gender", "SEN", "Pupil premium", "Disadvantaged", "Summer born"})
        EXPECT_THAT(texts, Contains(characteristic)) << "the grid's characteristics section";
    EXPECT_THAT(texts, Not(Contains("GLD"))) << "no statutory results are held for these pupils";
    const auto screen = spreadsheet_texts(client->get(school_url + assessment_url(assessment) + "/grid/spreadsheet?class=4A").body);
    EXPECT_THAT(screen, Contains("Pupil01, Sam"));
    EXPECT_THAT(screen, Not(Contains("Pupil11, Sam")));
    EXPECT_THAT(screen, Contains("1 (33.33%)"));
    EXPECT_THAT(screen, Contains(HasSubstr("Screen data: ")));
    EXPECT_EQ(client->get(school_url + assessment_url(assessment) + "/grid/spreadsheet?class=9Z").status, 422);
}

// Signed in: a leader renames a class, a teacher may not, and the audit log says what changed.
class school_settings_audited : public waymark::testing::signed_in_api {};

TEST_F(school_settings_audited, a_rename_is_in_the_audit_log_and_a_teacher_may_not_make_one) {
    using waymark::domain::user_role;
    waymark::testing::browser head = signed_in(add_user("head", user_role::leader));
    waymark::testing::browser teacher = signed_in(add_user("teacher4", user_role::teacher, {"4A"}));
    waymark::testing::browser admin = signed_in(add_user("admin", user_role::administrator));
    EXPECT_EQ(teacher.send("PUT", "/api/v1/schools/8012000/classes/4A", R"({"name": "Ash"})").status, 403);
    EXPECT_EQ(head.send("PUT", "/api/v1/schools/8012000/classes/4A", R"({"name": "Ash"})").status, 200);
    const auto entries = admin.send("GET", "/api/v1/audit?user=head").json()->getArray("entries");
    ASSERT_GE(entries->size(), 1U);
    EXPECT_EQ(entries->getObject(0)->getValue<std::string>("summary"), "renamed class 4A to Ash");
    const auto database = pool->acquire();
    EXPECT_EQ(waymark::services::existing_user(database->session(), "teacher4").classes, std::vector<std::string>{"Ash"});
}

}  // namespace
