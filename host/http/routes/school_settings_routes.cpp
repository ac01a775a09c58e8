// What a school sets up on the Maintenance screen (services/tracking/school_settings.hpp): its classes, the
// names of its six custom filters and the subjects it tracks with each one's default scheme.
// Everyone who reads the school reads them; leaders and administrators change them.
//   GET    /api/v1/schools/{school}/classes
//   POST   /api/v1/schools/{school}/classes           {name}
//   PUT    /api/v1/schools/{school}/classes/{class}   {name}   (renames; pupils and teachers follow)
//   DELETE /api/v1/schools/{school}/classes/{class}            (an empty class only)
//   GET    /api/v1/schools/{school}/custom-flags
//   PUT    /api/v1/schools/{school}/custom-flags      {names: [six strings, "" = unused]}
//   GET    /api/v1/schools/{school}/subjects
//   PUT    /api/v1/schools/{school}/subjects          {subjects: [{code, scheme}]}
#include "http/routes/tracking_input.hpp"
#include "http/routes/tracking_scope.hpp"

#include "services/tracking/school_settings_json.hpp"

#include <algorithm>

namespace waymark::http {
namespace {

void add_class_routes(router &routes, const api_services &api) {
    const std::string all_path = school_path + "/classes";
    const std::string one_path = all_path + "/{class}";
    routes.add("GET", all_path, permission::read_school, [&api](const request &asked, response &reply) {
        reply.json(services::classes_json(in_school(api, asked, [](auto &database, const auto &school) {
            return services::list_classes(database.session(), school);
        })));
    });
    routes.add("POST", all_path, permission::write_tracking, [&api](const request &asked, response &reply) {
        const std::string name = asked.json_body().required_string("name");
        const auto made = in_school(api, asked, [&](auto &database, const auto &school) { return services::add_class(database, school, name); });
        asked.note("added class " + made.name);
        reply.json(services::class_json(made), status::HTTP_CREATED);
    });
    routes.add("PUT", one_path, permission::write_tracking, [&api](const request &asked, response &reply) {
        const std::string &from = asked.path_parameter("class");
        const std::string name = asked.json_body().required_string("name");
        const auto renamed = in_school(api, asked, [&](auto &database, const auto &school) {
            return services::rename_class(database, school, from, name);
        });
        asked.note("renamed class " + from + " to " + renamed.name);
        reply.json(services::class_json(renamed));
    });
    routes.add("DELETE", one_path, permission::write_tracking, [&api](const request &asked, response &reply) {
        const std::string &name = asked.path_parameter("class");
        in_school(api, asked, [&](auto &database, const auto &school) {
            services::delete_class(database, school, name);
            return 0;
        });
        asked.note("deleted class " + name);
        Poco::JSON::Object out;
        out.set("deleted", name);
        reply.json(out);
    });
}

}  // namespace

void add_school_settings_routes(router &routes, const api_services &api) {
    add_class_routes(routes, api);
    routes.add("GET", school_path + "/custom-flags", permission::read_school, [&api](const request &asked, response &reply) {
        reply.json(services::custom_flags_json(in_school(api, asked, [](auto &database, const auto &school) {
            return store::custom_flag_names(database.session(), school.id);
        })));
    });
    routes.add("PUT", school_path + "/custom-flags", permission::write_tracking, [&api](const request &asked, response &reply) {
        const auto given = asked.json_body().required_string_array("names");
        if (given.size() != 6)
            throw invalid("names", "names takes six names, one per custom filter (\"\" for a filter not used), not " +
                                       std::to_string(given.size()) + ".");
        std::array<std::string, 6> names;
        std::copy(given.begin(), given.end(), names.begin());
        const auto saved = in_school(api, asked, [&](auto &database, const auto &school) {
            return services::save_custom_flag_names(database, school, names);
        });
        asked.note("named the custom filters: " + services::custom_flags_summary(saved));
        reply.json(services::custom_flags_json(saved));
    });
    routes.add("GET", school_path + "/subjects", permission::read_school, [&api](const request &asked, response &reply) {
        reply.json(in_school(api, asked, [](auto &database, const auto &school) {
            return services::subjects_json(database.session(), services::tracked_subjects(database.session(), school.id));
        }));
    });
    routes.add("PUT", school_path + "/subjects", permission::write_tracking, [&api](const request &asked, response &reply) {
        std::vector<services::subject_scheme> wanted;
        for (const auto &given : asked.json_body().required_object_array("subjects"))
            wanted.push_back({given.required_string("code"), "", given.required_string("scheme")});
        std::string summary;
        reply.json(in_school(api, asked, [&](auto &database, const auto &school) {
            const auto saved = services::save_tracked_subjects(database, school, wanted, scheme_library_of(api));
            summary = services::subjects_summary(saved);
            return services::subjects_json(database.session(), saved);
        }));
        asked.note("set the subjects and their schemes: " + summary);
    });
}

}  // namespace waymark::http
