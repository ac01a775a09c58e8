// The module's one exported symbol; kept apart so that tests can link the renderer class alone.
#include "csv_renderer.hpp"

WAYMARK_PLUGIN_LIBRARY(waymark::renderers::csv_renderer)
