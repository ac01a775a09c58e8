// The module's one exported symbol.
#include "straight_line_trajectory.hpp"

WAYMARK_PLUGIN_LIBRARY(waymark::targets::straight_line_trajectory)
