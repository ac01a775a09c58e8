include("${CMAKE_CURRENT_LIST_DIR}/WaymarkSDKTargets.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/WaymarkPlugin.cmake")
