// The table of commands. Each command lives in its own <name>_command.cpp, defined as
// `extern const command <name>_command{...}`; add its declaration and one table line here.
#include "command.hpp"

namespace waymark::cli {

extern const command version_command;
extern const command plugins_command;
extern const command main_command;

std::span<const command> all_commands() {
    static const command table[] = {
        main_command,
        plugins_command,
        version_command,
    };
    return table;
}

}  // namespace waymark::cli
