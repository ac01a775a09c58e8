#include "plugin_host/plugin_error.hpp"

#include <gtest/gtest.h>

#include <cstring>

namespace {

using waymark::plugins::message_buffer;
using waymark::plugins::sanitized_utf8;

TEST(sanitized_utf8, keeps_well_formed_text) {
    EXPECT_EQ(sanitized_utf8("Zoë Łukasz-Brontë 📚"), "Zoë Łukasz-Brontë 📚");
}

TEST(sanitized_utf8, replaces_each_bad_byte_and_control_characters) {
    EXPECT_EQ(sanitized_utf8("a\xFF" "b"), "a?b");
    EXPECT_EQ(sanitized_utf8("\xC3"), "?");                 // cut-off sequence
    EXPECT_EQ(sanitized_utf8("\xC0\xAF"), "??");            // overlong '/'
    EXPECT_EQ(sanitized_utf8("\xED\xA0\x80"), "???");       // a UTF-16 surrogate
    EXPECT_EQ(sanitized_utf8("line\nbreak\ttab"), "line break tab");
}

TEST(message_buffer, returns_what_the_callee_wrote) {
    message_buffer message;
    waymark_message *m = message.get();
    std::strcpy(m->text, "  Use one of EM, EXP, EXC.  ");
    EXPECT_EQ(message.text(), "Use one of EM, EXP, EXC.");
}

TEST(message_buffer, gives_the_fallback_when_nothing_was_written) {
    message_buffer message;
    message.get();
    EXPECT_EQ(message.text("no reason given"), "no reason given");
}

TEST(message_buffer, never_reads_past_an_unterminated_buffer) {
    message_buffer message;
    waymark_message *m = message.get();
    std::memset(m->text, 'x', m->capacity);
    const std::string text = message.text();
    EXPECT_EQ(text, std::string(m->capacity, 'x'));
}

TEST(plugin_error, carries_status_and_sentence) {
    const waymark::plugins::plugin_error error(WAYMARK_ERROR_UNSUPPORTED, "No progress here.");
    EXPECT_EQ(error.status(), WAYMARK_ERROR_UNSUPPORTED);
    EXPECT_STREQ(error.what(), "No progress here.");
    EXPECT_EQ(waymark::plugins::status_name(WAYMARK_ERROR_UNSUPPORTED), "unsupported");
    EXPECT_EQ(waymark::plugins::status_name(77), "unknown status 77");
}

}  // namespace
