// The module's one exported symbol; kept apart so that tests can link the scheme class alone.
#include "school_bands_scheme.hpp"

WAYMARK_PLUGIN_LIBRARY(waymark::schemes::school_bands_scheme)
