// The module's one exported symbol.
#include "history_predictor.hpp"

WAYMARK_PLUGIN_LIBRARY(waymark::targets::history_predictor)
