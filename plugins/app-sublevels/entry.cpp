// The module's one exported symbol; kept apart so that tests can link the scheme class alone.
#include "app_sublevels_scheme.hpp"

WAYMARK_PLUGIN_LIBRARY(waymark::schemes::app_sublevels_scheme)
