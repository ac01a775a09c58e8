// The command line: one table of commands, each in its own file, each a thin shell over services.
#pragma once

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

// The words after the command name: positionals, `--name value` options and `--flag` switches.
class invocation {
public:
    // `switches` are the option names that take no value (e.g. "json", "dry-run").
    invocation(std::span<const std::string> words, std::span<const std::string_view> switches);

    const std::vector<std::string> &positional() const { return positional_; }
    const std::string &positional(std::size_t index, std::string_view what) const;
    std::optional<std::string> option(std::string_view name) const;
    std::string option_or(std::string_view name, std::string_view fallback) const;
    const std::string &required_option(std::string_view name) const;
    bool has_switch(std::string_view name) const;

private:
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
    int (*run)(const invocation &args, io streams);
};

// Every command, in the order `waymark --help` lists them. Defined in commands.cpp.
std::span<const command> all_commands();

// Runs the whole command line (argv without the program name); returns the exit status.
int run(std::span<const std::string> words, io streams);

}  // namespace waymark::cli
