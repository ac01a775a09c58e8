#include "command.hpp"

#include <ostream>

namespace waymark::cli {

extern const command version_command{
    "version", "version", "Print the host's version and the plugin SDK version it accepts.", "", {}, {},
    [](const invocation &, io streams) {
        streams.out << "waymark " << WAYMARK_VERSION << " (plugin SDK " << WAYMARK_SDK_VERSION_TEXT << ")\n";
        return 0;
    }};

}  // namespace waymark::cli
