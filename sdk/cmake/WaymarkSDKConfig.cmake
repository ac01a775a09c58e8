# The Waymark plugin SDK: the target Waymark::sdk (include <waymark/plugin.h> or
# <waymark/plugin.hpp>) and the function waymark_add_plugin(). Version compatibility (same major
# version) is checked by WaymarkSDKConfigVersion.cmake beside this file.
include("${CMAKE_CURRENT_LIST_DIR}/WaymarkSDKTargets.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/WaymarkPlugin.cmake")
