// The command line: one table of commands, each in its own file, each a thin shell over services.
#pragma once

#include <initializer_list>
#include <iosfwd>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::cli {

// A mistake in how the command was called; main prints it with the command's usage and exits 2.
class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct command;

// The words after the command name: positionals, `--name value` options and `--flag` switches.
class invocation {
public:
    // Reads the words against the command's switches and options. A `--name` that is neither, nor one
    // of the global --db, --data-dir and --config, is a usage_error naming it (with the nearest name
    // the command takes), so a misspelt option is refused before anything is read or changed.
    invocation(std::span<const std::string> words, const command &given_to);

    const std::vector<std::string> &positional() const { return positional_; }
    const std::string &positional(std::size_t index, std::string_view what) const;
    std::optional<std::string> option(std::string_view name) const;
    std::string option_or(std::string_view name, std::string_view fallback) const;
    const std::string &required_option(std::string_view name) const;
    bool has_switch(std::string_view name) const;
    // For a command whose actions take fewer options than the command (pupils edit takes no filter):
    // a usage_error naming the first option given that is neither in `allowed` nor global, with the
    // nearest allowed one, saying `doing` ("pupils edit") does not take it.
    void refuse_options_beyond(std::span<const std::string_view> allowed, std::string_view doing) const;

private:
    // Reading an option the command does not declare is a std::logic_error: its table line is wrong.
    void check_declared(std::string_view name) const;

    std::string_view command_name_;
    std::vector<std::string_view> declared_;  // the command's options, then the global ones
    std::vector<std::string> positional_;
    std::map<std::string, std::string, std::less<>> options_;
    std::vector<std::string> switches_;
};

struct io {
    std::ostream &out;
    std::ostream &err;
};

struct command {
    std::string_view name;
    std::string_view usage;    // "plugins list [--json] | plugins check FILE"
    std::string_view summary;  // one line for `waymark --help`
    std::string_view help;     // the rest of `waymark help NAME`
    std::vector<std::string_view> switches;
    // The options that take a value, beyond the global --db, --data-dir and --config: the command's
    // own and those of the helpers it reads options through (session_options, filter_options() ...).
    std::vector<std::string_view> options;
    int (*run)(const invocation &args, io streams);
};

// Several lists of option names as one: a command's own and those of the helpers it reads through.
std::vector<std::string_view> option_names(std::initializer_list<std::span<const std::string_view>> lists);

// Every command, in the order `waymark --help` lists them. Defined in commands.cpp.
std::span<const command> all_commands();

// Runs the whole command line (argv without the program name); returns the exit status.
int run(std::span<const std::string> words, io streams);

}  // namespace waymark::cli
