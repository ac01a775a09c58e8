// `waymark serve` as a person runs it: the built executable prints where it serves, answers there
// with the configured database, and stops cleanly on SIGTERM.
#include "api_client.hpp"

#include "store/migrations.hpp"
#include "store/settings.hpp"

#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

using waymark::testing::api_client;

class serve_command : public ::testing::Test {
protected:
    void SetUp() override {
        folder = std::filesystem::temp_directory_path() / ("wm_http_serve_" + std::to_string(::getpid()));
        std::filesystem::remove_all(folder);
    }
    void TearDown() override { std::filesystem::remove_all(folder); }

    // `waymark serve --port PORT` on its own data folder, its output (both streams) in `output`.
    Poco::ProcessHandle launch(const std::string &port, std::vector<std::string> more = {}) {
        more.insert(more.begin(), {"--port", port});
        return serve(more);
    }
    // `waymark serve WORDS... --data-dir <folder>`.
    Poco::ProcessHandle serve(std::vector<std::string> words) {
        words.insert(words.begin(), "serve");
        words.insert(words.end(), {"--data-dir", folder.string()});
        return Poco::Process::launch(WAYMARK_BINARY_DIR "/bin/waymark", words, nullptr, &output, &output);
    }
    std::filesystem::path write_settings(const std::string &text) {
        std::filesystem::create_directories(folder);
        const auto file = folder / "waymark.ini";
        std::ofstream(file) << text;
        return file;
    }
    std::string rest_of_output() {
        std::ostringstream rest;
        rest << printed.rdbuf();
        return rest.str();
    }
    std::string next_line() {
        std::string line;
        std::getline(printed, line);
        return line;
    }

    std::filesystem::path folder;
    Poco::Pipe output;
    Poco::PipeInputStream printed{output};
};

TEST_F(serve_command, serves_the_api_until_sigterm) {
    Poco::ProcessHandle process = launch("0");
    const std::string first_line = next_line();
    std::smatch found;
    ASSERT_TRUE(std::regex_match(first_line, found,
                                 std::regex(R"(Waymark serves the web page at http://127\.0\.0\.1:(\d+)/ and the API at )"
                                            R"(http://127\.0\.0\.1:\d+/api/v1 \(SQLite database\); Ctrl-C stops it\.)")))
        << first_line;
    const auto port = static_cast<uint16_t>(std::stoi(found[1].str()));
    EXPECT_EQ(next_line(), "Open http://127.0.0.1:" + found[1].str() +
                               "/ and sign in (idle sessions end after 60 minutes; `waymark users add` makes accounts, "
                               "`waymark demo` the demo's).");

    api_client client(port);
    const auto health = client.get("/api/v1/health");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(health.json()->getValue<std::string>("database"), "SQLite");
    // Sign-in is required, on loopback too.
    const auto unsigned_in = client.get("/api/v1/schemes/org.waymark.lancashire-four-band/grades");
    EXPECT_EQ(unsigned_in.status, 401);
    EXPECT_EQ(unsigned_in.error_fields().substr(0, 15), "unauthenticated");
    const auto page = client.get("/");
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.header("Content-Type"), "text/html; charset=utf-8");

    ::kill(process.id(), SIGTERM);
    EXPECT_EQ(process.wait(), 0);
    EXPECT_EQ(next_line(), "Stopped on SIGTERM.");
}

TEST_F(serve_command, a_bad_port_is_a_usage_error) {
    Poco::ProcessHandle process = launch("80000");
    EXPECT_EQ(next_line(), "waymark serve: --port takes a whole number from 0 to 65535, not '80000'");
    EXPECT_EQ(process.wait(), 2);
}

TEST_F(serve_command, the_settings_files_server_section_is_read_and_its_bad_value_named) {
    const auto file = write_settings("[server]\nport = 80000\n");
    Poco::ProcessHandle process = serve({});
    EXPECT_EQ(next_line(), "waymark serve: `port` in the [server] section of " + file.string() +
                               " takes a whole number from 0 to 65535, not '80000'");
    EXPECT_EQ(process.wait(), 2);
}

TEST_F(serve_command, a_flag_wins_over_the_settings_file) {
    write_settings("[server]\nport = 80000\nbind = ::1\n");
    Poco::ProcessHandle process = launch("0", {"--bind", "127.0.0.1"});
    EXPECT_NE(next_line().find("http://127.0.0.1:"), std::string::npos);
    ::kill(process.id(), SIGTERM);
    EXPECT_EQ(process.wait(), 0);
}

TEST_F(serve_command, check_config_lists_every_problem_and_exits_1) {
    const auto file = write_settings("[server]\nprot = 8080\nthreads = 1\n[database]\nconnection = DSN=waymark_absent\n");
    Poco::ProcessHandle process = serve({"--check-config"});
    EXPECT_EQ(process.wait(), 1);
    const std::string printed_text = rest_of_output();
    EXPECT_NE(printed_text.find("Settings: " + file.string()), std::string::npos) << printed_text;
    EXPECT_NE(printed_text.find("problem: `server.prot` is not a setting Waymark reads"), std::string::npos)
        << printed_text;
    EXPECT_NE(printed_text.find("problem: `threads` in the [server] section of " + file.string() +
                                " takes a whole number from 2 to 1024, not '1'"),
              std::string::npos)
        << printed_text;
    EXPECT_NE(printed_text.find("problem: the database cannot be opened: "), std::string::npos) << printed_text;
    EXPECT_NE(printed_text.find("3 problems to fix before `waymark serve` starts cleanly."), std::string::npos)
        << printed_text;
}

TEST_F(serve_command, check_config_of_usable_settings_exits_0_and_makes_no_database) {
    write_settings("[server]\nport = 8123\nidle_minutes = 30\n");
    Poco::ProcessHandle process = serve({"--check-config"});
    EXPECT_EQ(process.wait(), 0);
    const std::string printed_text = rest_of_output();
    EXPECT_NE(printed_text.find("serves: http://127.0.0.1:8123/ with 64 threads, sessions idle after 30 minutes"),
              std::string::npos)
        << printed_text;
    EXPECT_NE(printed_text.find("The settings are usable."), std::string::npos) << printed_text;
    EXPECT_FALSE(std::filesystem::exists(folder / "waymark.db"));
}

// A downgrade: the data folder's schema is newer than this waymark, so it does not start (and does
// not touch the database).
TEST_F(serve_command, refuses_a_database_newer_than_itself) {
    {
        auto database = waymark::store::open(waymark::store::resolve_settings(std::nullopt, folder.string(), std::nullopt));
        database.session() << "INSERT INTO wm_schema_version (version, description, applied_at) "
                              "VALUES (99, 'from a newer waymark', '2030-01-01T00:00:00Z')";
    }
    Poco::ProcessHandle process = launch("0");
    EXPECT_EQ(next_line(), "waymark serve: This database's Waymark schema is version 99 but this waymark knows versions up "
                           "to " + std::to_string(waymark::store::latest_schema_version()) +
                           " only; upgrade waymark before using this database (nothing was changed).");
    EXPECT_EQ(process.wait(), 1);
}

TEST_F(serve_command, a_web_root_without_the_page_is_a_usage_error) {
    Poco::ProcessHandle process = launch("0", {"--web-root", folder.string()});
    EXPECT_EQ(next_line(), "waymark serve: --web-root names the folder of the web page's files (host/web), which holds "
                           "index.html; '" + folder.string() + "' does not");
    EXPECT_EQ(process.wait(), 2);
}

TEST_F(serve_command, a_web_root_serves_the_page_from_disk) {
    Poco::ProcessHandle process = launch("0", {"--web-root", WAYMARK_SOURCE_DIR "/host/web"});
    std::smatch found;
    const std::string first_line = next_line();
    ASSERT_TRUE(std::regex_search(first_line, found, std::regex(R"(127\.0\.0\.1:(\d+)/ and)"))) << first_line;
    EXPECT_NE(first_line.find("page files read from " WAYMARK_SOURCE_DIR "/host/web"), std::string::npos) << first_line;
    api_client client(static_cast<uint16_t>(std::stoi(found[1].str())));
    EXPECT_EQ(client.get("/app.js").header("Content-Type"), "text/javascript; charset=utf-8");
    ::kill(process.id(), SIGTERM);
    EXPECT_EQ(process.wait(), 0);
}

}  // namespace
