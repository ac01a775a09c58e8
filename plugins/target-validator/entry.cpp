// The module's one exported symbol.
#include "target_validator.hpp"

WAYMARK_PLUGIN_LIBRARY(waymark::targets::target_validator)
