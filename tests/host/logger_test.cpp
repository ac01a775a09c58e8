#include "plugin_host/logger.hpp"

#include <waymark/plugin.h>

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using waymark::plugins::logger;

TEST(logger, writes_level_source_and_message_on_one_line) {
    std::ostringstream out;
    logger log(out);
    log.write(WAYMARK_LOG_WARNING, "lep.so", "bands file has no Year 7 row");
    EXPECT_EQ(out.str(), "warning: lep.so: bands file has no Year 7 row\n");
}

TEST(logger, drops_messages_below_its_level) {
    std::ostringstream out;
    logger log(out, WAYMARK_LOG_INFO);
    log.write(WAYMARK_LOG_DEBUG, "plugins", "hidden");
    log.write(WAYMARK_LOG_ERROR, "plugins", "shown");
    EXPECT_EQ(out.str(), "error: plugins: shown\n");
}

TEST(logger, keeps_lines_whole_when_threads_write_at_once) {
    std::ostringstream out;
    logger log(out);
    const std::string message(200, 'm');
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 500; ++i) log.write(WAYMARK_LOG_INFO, "thread", message);
        });
    }
    for (auto &thread : threads) thread.join();
    std::istringstream lines(out.str());
    int count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        ASSERT_EQ(line, "info: thread: " + message);
    }
    EXPECT_EQ(count, 2000);
}

}  // namespace
