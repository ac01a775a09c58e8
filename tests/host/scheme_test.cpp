#include "plugin_host/scheme.hpp"

#include "plugin_host/registry.hpp"

#include "fixture_plugins.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace {

using waymark::plugins::judgement_context;
using waymark::plugins::plugin_error;
using waymark::plugins::registry;
using waymark::plugins::scheme;
using waymark::plugins::sanitized_utf8;
using waymark::testing::fixture_plugin;

class scheme_test : public ::testing::Test {
protected:
    scheme_test() {
        plugins.load_file(fixture_plugin("fixture_hello"));
        plugins.load_file(fixture_plugin("fixture_c_scheme"));
        plugins.load_file(fixture_plugin("fixture_throwing"));
    }

    // The exception a call throws; fails the test when it throws none.
    template <class Call>
    static plugin_error failure_of(Call &&call) {
        try {
            call();
        } catch (const plugin_error &e) {
            return e;
        }
        ADD_FAILURE() << "no plugin_error";
        return plugin_error(WAYMARK_OK, "");
    }

    waymark::testing::captured_log captured;
    registry plugins{captured.log};
    const judgement_context year3{3, WAYMARK_TERM_SPRING, "reading"};
};

TEST_F(scheme_test, reads_the_grade_table_once) {
    const scheme hello = plugins.create_scheme("org.example.hello-scheme");
    ASSERT_EQ(hello.grade_count(), 3u);
    EXPECT_EQ(hello.grades()[0].code, "EM");
    EXPECT_EQ(hello.grades()[1].label, "Expected");
    EXPECT_EQ(hello.grades()[2].points, 3.0);
    EXPECT_EQ(hello.grades()[2].colour_rgb, 0x6FA8DCu);
    EXPECT_EQ(hello.find_code("EXP"), 1u);
    EXPECT_EQ(hello.find_code("exp"), std::nullopt);
    EXPECT_EQ(hello.progress(), nullptr);
}

TEST_F(scheme_test, parses_leniently_and_refuses_with_the_plugins_sentence) {
    const scheme hello = plugins.create_scheme("org.example.hello-scheme");
    EXPECT_EQ(hello.parse("exp", year3), 1u);
    EXPECT_EQ(hello.parse("  Exceeding ", year3), 2u);
    const plugin_error error = failure_of([&] { hello.parse("brilliant", year3); });
    EXPECT_EQ(error.status(), WAYMARK_ERROR_INVALID_INPUT);
    EXPECT_STREQ(error.what(),
                 "'brilliant' is not a hello-scheme grade; use Emerging (EM), Expected (EXP) or Exceeding (EXC).");
}

TEST_F(scheme_test, describes_and_evaluates_in_context) {
    const scheme hello = plugins.create_scheme("org.example.hello-scheme");
    EXPECT_EQ(hello.describe(1, year3), "Expected for Year 3");
    const std::vector<uint32_t> grades{0, 1, 2, 1};
    std::vector<waymark_evaluation> out(grades.size());
    hello.evaluate(year3, grades, out);
    EXPECT_EQ(out[0].band, WAYMARK_BAND_BELOW);
    EXPECT_EQ(out[0].on_track, 0);
    EXPECT_EQ(out[1].band, WAYMARK_BAND_AT);
    EXPECT_EQ(out[2].band, WAYMARK_BAND_ABOVE);
    EXPECT_EQ(out[3].on_track, 1);
    EXPECT_EQ(hello.evaluate(year3, 2).colour_rgb, 0x6FA8DCu);
}

TEST_F(scheme_test, checks_grade_indices_before_the_plugin_sees_them) {
    const scheme hello = plugins.create_scheme("org.example.hello-scheme");
    const std::vector<uint32_t> grades{0, 3};
    std::vector<waymark_evaluation> out(2);
    EXPECT_THROW(hello.evaluate(year3, grades, out), std::out_of_range);
    EXPECT_THROW(hello.describe(7, year3), std::out_of_range);
    std::vector<waymark_evaluation> too_short(1);
    EXPECT_THROW(hello.evaluate(year3, grades, too_short), std::invalid_argument);
}

TEST_F(scheme_test, uses_a_c_plugin_and_cleans_up_its_unterminated_message) {
    const scheme c_scheme = plugins.create_scheme("org.waymark.test.c-scheme");
    EXPECT_EQ(c_scheme.parse("Y", year3), 1u);
    EXPECT_EQ(c_scheme.describe(0, year3), "Not yet");
    EXPECT_EQ(c_scheme.evaluate({6, WAYMARK_TERM_SUMMER, "maths"}, 0).band, WAYMARK_BAND_BELOW);
    EXPECT_EQ(c_scheme.evaluate({5, WAYMARK_TERM_SUMMER, "maths"}, 0).band, WAYMARK_BAND_AT);
    const plugin_error error = failure_of([&] { c_scheme.parse("maybe", year3); });
    EXPECT_EQ(error.status(), WAYMARK_ERROR_INVALID_INPUT);
    const std::string text = error.what();
    EXPECT_EQ(text.size(), 1024u);  // the whole buffer, no byte past it
    EXPECT_EQ(text[0], '?');        // the invalid byte, replaced
    EXPECT_EQ(sanitized_utf8(text), text);
}

TEST_F(scheme_test, turns_every_exception_of_a_plugin_into_a_status) {
    const scheme throwing = plugins.create_scheme("org.waymark.test.throwing");
    const std::string who = "Plugin 'org.waymark.test.throwing' (fixture_throwing.so)";
    const plugin_error parse = failure_of([&] { throwing.parse("A", year3); });
    EXPECT_EQ(parse.status(), WAYMARK_ERROR_INTERNAL);
    EXPECT_EQ(std::string(parse.what()), who + " could not read 'A': parse exploded.");
    const plugin_error describe = failure_of([&] { throwing.describe(0, year3); });
    EXPECT_EQ(std::string(describe.what()),
              who + " could not describe grade 'A': The plugin failed with an unknown error.");
    const plugin_error evaluate = failure_of([&] { throwing.evaluate(year3, 1); });
    EXPECT_EQ(std::string(evaluate.what()), who + " could not evaluate grades: evaluate exploded.");
    ASSERT_NE(throwing.progress(), nullptr);
    const plugin_error progress = failure_of([&] { throwing.progress()->progress(0, year3, 1, year3); });
    EXPECT_EQ(progress.status(), WAYMARK_ERROR_UNSUPPORTED);
    EXPECT_EQ(std::string(progress.what()),
              who + " could not measure progress: This scheme does not measure progress.");
    const plugin_error expected = failure_of([&] { throwing.progress()->expected_points(year3, year3); });
    EXPECT_EQ(std::string(expected.what()),
              who + " could not give the expected progress: The plugin ran out of memory.");
}

TEST_F(scheme_test, refuses_a_plugin_id_that_is_not_loaded) {
    const plugin_error error = failure_of([&] { plugins.create_scheme("org.example.nowhere"); });
    EXPECT_EQ(error.status(), WAYMARK_ERROR_NOT_FOUND);
    EXPECT_STREQ(error.what(),
                 "No loaded plugin has the id 'org.example.nowhere'; `waymark plugins list` shows the loaded ones.");
}

TEST_F(scheme_test, evaluates_from_many_threads_through_one_instance) {
    const scheme hello = plugins.create_scheme("org.example.hello-scheme");
    const scheme c_scheme = plugins.create_scheme("org.waymark.test.c-scheme");
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            const judgement_context context{t + 3, WAYMARK_TERM_AUTUMN, "writing"};
            std::vector<uint32_t> grades(256);
            for (std::size_t i = 0; i < grades.size(); ++i) grades[i] = static_cast<uint32_t>((i + t) % 3);
            std::vector<waymark_evaluation> out(grades.size());
            for (int round = 0; round < 500; ++round) {
                hello.evaluate(context, grades, out);
                for (std::size_t i = 0; i < grades.size(); ++i) {
                    if (out[i].band != static_cast<int32_t>(grades[i]) + WAYMARK_BAND_BELOW) ++wrong;
                }
                const uint32_t yes = c_scheme.parse("Y", context);
                if (c_scheme.evaluate(context, yes).on_track != 1) ++wrong;
                if (hello.describe(1, context) != "Expected for Year " + std::to_string(t + 3)) ++wrong;
            }
        });
    }
    for (auto &thread : threads) thread.join();
    EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
