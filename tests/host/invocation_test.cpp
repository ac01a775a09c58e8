// The command line's words read against a command's declared switches and options: a misspelt or
// unknown option is refused, naming it, before the command runs.
#include "cli_runner.hpp"

#include <gmock/gmock.h>

#include <algorithm>
#include <regex>

namespace waymark {
namespace {

using cli::invocation;
using cli::usage_error;
using ::testing::HasSubstr;

int never_run(const invocation &, cli::io) { return 0; }

const cli::command edit_command{"edit", "edit UPN [--surname S] [--json]", "", "", {"json"}, {"surname", "forename"}, never_run};

std::string refusal_of(std::vector<std::string> words) {
    try {
        const invocation args(words, edit_command);
    } catch (const usage_error &refused) {
        return refused.what();
    }
    return "";
}

TEST(invocation_test, declared_options_switches_and_the_global_options_are_read) {
    const std::vector<std::string> words{"A123", "--surname=Bell", "--json", "--db", "DSN=x", "--forename", "Amy"};
    const invocation args(words, edit_command);
    EXPECT_EQ(args.positional(0, "the UPN"), "A123");
    EXPECT_EQ(args.option("surname"), "Bell");
    EXPECT_EQ(args.option("forename"), "Amy");
    EXPECT_EQ(args.option("db"), "DSN=x");
    EXPECT_FALSE(args.option("config").has_value());
    EXPECT_TRUE(args.has_switch("json"));
}

TEST(invocation_test, an_unknown_option_is_refused_naming_it_and_the_nearest_one_the_command_takes) {
    EXPECT_EQ(refusal_of({"A123", "--surnme", "Bell"}),
              "There is no option --surnme for waymark edit (did you mean --surname?); `waymark help edit` lists the ones it takes.");
    EXPECT_EQ(refusal_of({"A123", "--jsn"}),
              "There is no option --jsn for waymark edit (did you mean --json?); `waymark help edit` lists the ones it takes.");
    EXPECT_EQ(refusal_of({"A123", "--sur", "Bell"}),
              "There is no option --sur for waymark edit (did you mean --surname?); `waymark help edit` lists the ones it takes.");
    EXPECT_EQ(refusal_of({"A123", "--colour=red"}),
              "There is no option --colour for waymark edit; `waymark help edit` lists the ones it takes.");
    EXPECT_EQ(refusal_of({"A123", "--json=yes"}), "The option --json takes no value.");
    EXPECT_EQ(refusal_of({"A123", "--surname"}), "The option --surname needs a value.");
}

TEST(invocation_test, an_action_refuses_the_commands_options_it_does_not_take) {
    const std::vector<std::string> words{"A123", "--forename", "Amy", "--db", "DSN=x"};
    const invocation args(words, edit_command);
    constexpr std::string_view forename_only[]{"forename"};
    EXPECT_NO_THROW(args.refuse_options_beyond(forename_only, "edit rename"));
    constexpr std::string_view surname_only[]{"surname"};
    try {
        args.refuse_options_beyond(surname_only, "edit rename");
        ADD_FAILURE() << "--forename was taken";
    } catch (const usage_error &refused) {
        EXPECT_STREQ(refused.what(), "waymark edit rename takes no --forename; `waymark help edit` says what each of its actions takes.");
    }
}

TEST(invocation_test, reading_an_option_the_command_does_not_declare_is_a_logic_error) {
    const std::vector<std::string> words{"A123"};
    const invocation args(words, edit_command);
    EXPECT_THROW(args.option("class"), std::logic_error);
    EXPECT_THROW(args.required_option("class"), std::logic_error);
}

TEST(invocation_test, every_command_refuses_an_unknown_option_before_it_runs) {
    for (const cli::command &command : cli::all_commands()) {
        const auto result = testing::run_cli({std::string(command.name), "--no-such-option", "x"});
        EXPECT_EQ(result.status, 2) << command.name;
        EXPECT_THAT(result.err, HasSubstr("There is no option --no-such-option for waymark " + std::string(command.name)))
            << command.name;
        EXPECT_EQ(result.out, "") << command.name;
    }
}

// What `waymark help NAME` tells a user to type must be what the command takes: an option its text
// names but its table line does not declare would be refused, or (read through a helper such as the
// pupil filters) stop the command with a logic_error. Another command's options, named in quotes
// (`waymark grid --as-of`), are that command's.
TEST(invocation_test, every_option_a_commands_help_names_is_one_it_takes) {
    const std::regex other_command("`waymark [^`]*`");
    const std::regex option_word("--([a-z][a-z0-9-]*)");
    for (const cli::command &command : cli::all_commands()) {
        std::vector<std::string_view> taken = cli::option_names({command.options, command.switches});
        for (const std::string_view global : {"db", "data-dir", "config"}) taken.push_back(global);
        const std::string text = std::regex_replace(std::string(command.usage) + "\n" + std::string(command.help), other_command, "");
        for (auto word = std::sregex_iterator(text.begin(), text.end(), option_word); word != std::sregex_iterator(); ++word) {
            const std::string name = (*word)[1];
            EXPECT_NE(std::find(taken.begin(), taken.end(), name), taken.end()) << "waymark " << command.name << " --" << name;
        }
    }
}

}  // namespace
}  // namespace waymark
