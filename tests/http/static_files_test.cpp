// The web page's files served beside the API: from the binary and from a folder (--web-root), each
// with its type and the headers that keep a browser from running anything the page did not ship.
#include "api_client.hpp"

#include "http/access.hpp"
#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace {

using namespace waymark::http;
using waymark::testing::api_client;
using waymark::testing::ephemeral_port;
using waymark::testing::running_server;

class static_files_test : public waymark::testing::local_routes_test {
protected:
    static_files_test() {
        routes.add("GET", "/api/v1/health", permission::read_school, [](const request &, response &reply) {
            Poco::JSON::Object body;
            body.set("status", "ok");
            reply.json(body);
        });
    }

    // A client of a server started now that serves `pages` beside the routes.
    api_client &serve(const static_files &pages) {
        server = std::make_unique<running_server>(routes, ephemeral_port(), &pages);
        connection = std::make_unique<api_client>(server->port());
        return *connection;
    }

    const static_files built_in;
    std::unique_ptr<running_server> server;
    std::unique_ptr<api_client> connection;
};

std::string embedded(std::string_view path) {
    for (const auto &file : embedded_web_files()) {
        if (file.path == path) return std::string(file.content);
    }
    return "";
}

TEST_F(static_files_test, the_binary_carries_every_file_of_the_web_folder_byte_for_byte) {
    const std::filesystem::path folder = WAYMARK_SOURCE_DIR "/host/web";
    std::size_t files = 0;
    for (const auto &entry : std::filesystem::directory_iterator(folder)) {
        if (!entry.is_regular_file() || entry.path().filename().string().front() == '.') continue;
        ++files;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string on_disk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        EXPECT_EQ(embedded(entry.path().filename().string()), on_disk) << entry.path();
    }
    EXPECT_EQ(embedded_web_files().size(), files);
    EXPECT_GT(files, 3u);
}

TEST_F(static_files_test, the_root_is_the_page_with_its_type_and_security_headers) {
    const auto page = serve(built_in).get("/");
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.header("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(page.body, embedded("index.html"));
    EXPECT_EQ(page.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(page.header("Content-Security-Policy"), std::string(page_security_policy));
    EXPECT_EQ(page.header("Cache-Control"), "no-cache");
    EXPECT_NE(page.header("Content-Security-Policy").find("script-src 'self';"), std::string::npos);
    EXPECT_EQ(page.header("Content-Security-Policy").find("unsafe-inline"), std::string::npos);
    // The page itself holds no inline script, which the policy would block anyway.
    EXPECT_EQ(page.body.find("<script>"), std::string::npos);
}

TEST_F(static_files_test, scripts_and_styles_carry_their_own_types) {
    api_client &client = serve(built_in);
    const auto script = client.get("/app.js");
    EXPECT_EQ(script.status, 200);
    EXPECT_EQ(script.header("Content-Type"), "text/javascript; charset=utf-8");
    const auto style = client.get("/style.css?v=2");
    EXPECT_EQ(style.status, 200);
    EXPECT_EQ(style.header("Content-Type"), "text/css; charset=utf-8");
    EXPECT_EQ(client.get("/favicon.svg").header("Content-Type"), "image/svg+xml");
}

TEST_F(static_files_test, the_api_keeps_its_paths_and_answers_json) {
    api_client &client = serve(built_in);
    const auto health = client.get("/api/v1/health");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(health.json()->getValue<std::string>("status"), "ok");
    const auto missing = client.get("/api/v1/nothing");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.json()->getValue<std::string>("error"), "not_found");
}

TEST_F(static_files_test, an_unchanged_file_is_answered_304_from_its_tag) {
    api_client &client = serve(built_in);
    const auto first = client.get("/grid.js");
    ASSERT_EQ(first.status, 200);
    const std::string tag = first.header("ETag");
    ASSERT_FALSE(tag.empty());
    Poco::Net::HTTPRequest again("GET", "/grid.js", Poco::Net::HTTPMessage::HTTP_1_1);
    again.set("If-None-Match", tag);
    client.session().sendRequest(again);
    Poco::Net::HTTPResponse reply;
    std::istream &body = client.session().receiveResponse(reply);
    std::ostringstream text;
    Poco::StreamCopier::copyStream(body, text);
    EXPECT_EQ(reply.getStatus(), Poco::Net::HTTPResponse::HTTP_NOT_MODIFIED);
    EXPECT_TRUE(text.str().empty());
}

TEST_F(static_files_test, unknown_hidden_and_escaping_paths_are_404_and_changes_are_405) {
    api_client &client = serve(built_in);
    const auto missing = client.get("/nothing.js");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.header("X-Content-Type-Options"), "nosniff");
    EXPECT_NE(missing.body.find("/nothing.js"), std::string::npos);
    EXPECT_EQ(client.get("/../CMakeLists.txt").status, 404);
    EXPECT_EQ(client.get("/%2e%2e/CMakeLists.txt").status, 404);
    EXPECT_EQ(client.get("/.hidden").status, 404);
    const auto posted = client.post("/index.html", "{}");
    EXPECT_EQ(posted.status, 405);
    EXPECT_EQ(posted.header("Allow"), "GET, HEAD");
}

TEST_F(static_files_test, a_web_root_is_read_from_disk_at_every_request) {
    const auto folder = std::filesystem::temp_directory_path() / ("wm_web_root_" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder / "sub" / "folder");
    std::ofstream(folder / "index.html") << "<p>first</p>";
    std::ofstream(folder / "secret.txt") << "outside";
    const static_files pages(folder / "sub");
    std::ofstream(folder / "sub" / "index.html") << "<p>first</p>";
    api_client &client = serve(pages);
    EXPECT_EQ(client.get("/").body, "<p>first</p>");
    std::ofstream(folder / "sub" / "index.html") << "<p>edited</p>";
    EXPECT_EQ(client.get("/index.html").body, "<p>edited</p>");
    EXPECT_EQ(client.get("/../secret.txt").status, 404);
    EXPECT_EQ(client.get("/%2E%2E/secret.txt").status, 404);
    EXPECT_EQ(client.get("/folder").status, 404);  // a folder is no file
    server.reset();  // before the files it serves go
    std::filesystem::remove_all(folder);
}

}  // namespace
