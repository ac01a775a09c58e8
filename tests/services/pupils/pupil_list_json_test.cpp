// The one JSON shape of a pupil list and of stored groups, which the CLI's --json and the API share.
#include "services/pupils/pupil_list_json.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace waymark {
namespace {

std::string text_of(const Poco::JSON::Object &json) {
    std::ostringstream out;
    json.stringify(out);
    return out.str();
}

TEST(pupil_list_json, lists_pupils_in_order_with_the_filter_and_the_excluded_count) {
    const std::vector<services::filtered_pupil> pupils{{7, "K801200000001", "Ali", "Sam", "4A", 4, true},
                                                       {9, "E801200000010", "Brown", "Jo", "", 0, false}};
    EXPECT_EQ(text_of(services::pupil_list_json(pupils, "Year 4", 3)),
              R"({"filter":"Year 4","pupils":[{"upn":"K801200000001","surname":"Ali","forename":"Sam","nc_year":4,"class":"4A",)"
              R"("include_in_data":true},{"upn":"E801200000010","surname":"Brown","forename":"Jo","nc_year":0,"class":"",)"
              R"("include_in_data":false}],"count":2,"excluded_pupils":3})");
}

TEST(pupil_list_json, a_group_names_its_size_and_who_made_it) {
    const services::pupil_group group{4, "Recent arrivals", 2, "ms.jones", "2026-02-10T09:12:03Z"};
    EXPECT_EQ(text_of(services::group_json(group)),
              R"({"name":"Recent arrivals","members":2,"created_by":"ms.jones","created_at":"2026-02-10T09:12:03Z"})");
    std::ostringstream listed;
    services::group_list_json({group, group}).stringify(listed);
    EXPECT_EQ(listed.str(), "[" + text_of(services::group_json(group)) + "," + text_of(services::group_json(group)) + "]");
}

}  // namespace
}  // namespace waymark
