// The module's one exported symbol; kept apart so that tests can link the scheme class alone.
#include "four_band_scheme.hpp"

WAYMARK_PLUGIN_LIBRARY(waymark::schemes::four_band_scheme)
