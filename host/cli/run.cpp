#include "command.hpp"

#include <algorithm>
#include <exception>
#include <ostream>

namespace waymark::cli {
namespace {

const command *find_command(std::string_view name) {
    const auto commands = all_commands();
    const auto it = std::find_if(commands.begin(), commands.end(), [&](const command &c) { return c.name == name; });
    return it == commands.end() ? nullptr : &*it;
}

bool is_global_option(std::string_view word) {
    return word == "--db" || word == "--data-dir" || word == "--config";
}

void print_overview(std::ostream &out) {
    out << "usage: waymark [--db CONNECTION] [--data-dir DIR] [--config FILE] COMMAND [ARGS]\n\n"
           "Waymark tracks pupils' attainment on the school's own MIS database.\n\n"
           "Commands:\n";
    std::size_t widest = 0;
    for (const command &c : all_commands()) widest = std::max(widest, c.name.size());
    for (const command &c : all_commands()) {
        out << "  " << c.name << std::string(widest + 2 - c.name.size(), ' ') << c.summary << '\n';
    }
    out << "\nGlobal options (before or after the command):\n"
           "  --db CONNECTION   an ODBC connection string or DSN (default: the embedded SQLite file)\n"
           "  --data-dir DIR    where the embedded database and settings live (default: $WAYMARK_DATA_DIR,\n"
           "                    else the settings file's [data] folder, else ./waymark-data)\n"
           "  --config FILE     the settings file (default: $WAYMARK_CONFIG, else DIR/waymark.ini, else,\n"
           "                    when no data folder is named, the installed /etc/waymark/waymark.ini)\n"
           "\nEnvironment: WAYMARK_PLUGIN_PATH adds plugin folders (colon-separated) to the one beside\n"
           "the executable; WAYMARK_EXECUTABLE names the waymark that worker processes run (default: this\n"
           "program). `waymark help COMMAND` describes one command; an option the command does not\n"
           "take is refused before anything is changed.\n";
}

void print_command_help(const command &c, std::ostream &out) {
    out << "usage: waymark " << c.usage << "\n\n" << c.summary << '\n';
    if (!c.help.empty()) out << '\n' << c.help << '\n';
}

}  // namespace

int run(std::span<const std::string> given, io streams) {
    // Global options may come before the command; the command reads them like its own options.
    std::vector<std::string> moved(given.begin(), given.end());
    std::size_t leading = 0;
    while (leading + 1 < moved.size() && is_global_option(moved[leading])) leading += 2;
    std::rotate(moved.begin(), moved.begin() + static_cast<std::ptrdiff_t>(leading), moved.end());
    const std::span<const std::string> words(moved);
    if (words.empty() || words[0] == "--help" || words[0] == "-h" || (words[0] == "help" && words.size() == 1)) {
        print_overview(streams.out);
        return words.empty() ? 2 : 0;
    }
    if (words[0] == "help") {
        const command *c = find_command(words[1]);
        if (c == nullptr) {
            streams.err << "waymark: there is no command '" << words[1] << "'; `waymark --help` lists them.\n";
            return 2;
        }
        print_command_help(*c, streams.out);
        return 0;
    }
    if (words[0] == "--version") {
        streams.out << "waymark " << WAYMARK_VERSION << '\n';
        return 0;
    }
    const command *c = find_command(words[0]);
    if (c == nullptr) {
        streams.err << "waymark: there is no command '" << words[0] << "'; `waymark --help` lists them.\n";
        return 2;
    }
    const auto rest = words.subspan(1);
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
        print_command_help(*c, streams.out);
        return 0;
    }
    try {
        const invocation args(rest, *c);
        return c->run(args, streams);
    } catch (const usage_error &e) {
        streams.err << "waymark " << c->name << ": " << e.what() << "\nusage: waymark " << c->usage << '\n';
        return 2;
    } catch (const std::exception &e) {
        streams.err << "waymark " << c->name << ": " << e.what() << '\n';
        return 1;
    }
}

}  // namespace waymark::cli
