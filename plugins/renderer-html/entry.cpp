// The module's one exported symbol; kept apart so that tests can link the renderer class alone.
#include "html_renderer.hpp"

WAYMARK_PLUGIN_LIBRARY(waymark::renderers::html_renderer)
