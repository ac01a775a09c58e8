// The module's one exported symbol; kept apart so that tests can link the scheme class alone.
#include "lep_points_scheme.hpp"

WAYMARK_PLUGIN_LIBRARY(waymark::schemes::lep_points_scheme)
