# waymark_add_plugin(<target> SOURCES <file>... [OUTPUT_DIRECTORY <dir>] [NO_INSTALL])
#
# Builds a Waymark plugin: a MODULE library named <target>.so, linked to the SDK, compiled with
# hidden visibility and linked with a version script, so that `waymark_plugin_entry` is the only
# symbol it exports; undefined symbols are link errors rather than load failures.
#
# `cmake --install` puts it in <prefix>/lib/waymark/plugins (component `plugins`), the folder a
# waymark installed in the same prefix searches; NO_INSTALL leaves it out (test fixtures).
function(waymark_add_plugin target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "NO_INSTALL" "OUTPUT_DIRECTORY" "SOURCES")
    if(NOT arg_SOURCES)
        message(FATAL_ERROR "waymark_add_plugin(${target}) needs SOURCES")
    endif()
    if(NOT TARGET Waymark::sdk)
        message(FATAL_ERROR "waymark_add_plugin(${target}): the target Waymark::sdk is missing; "
                            "call find_package(WaymarkSDK 1 REQUIRED) first")
    endif()
    set(map "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/waymark_plugin.map")
    add_library(${target} MODULE ${arg_SOURCES})
    target_link_libraries(${target} PRIVATE Waymark::sdk)
    set_target_properties(${target} PROPERTIES
        PREFIX ""
        CXX_VISIBILITY_PRESET hidden
        C_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON
        LINK_DEPENDS "${map}")
    target_link_options(${target} PRIVATE
        "LINKER:--version-script=${map}" "LINKER:--no-undefined")
    if(arg_OUTPUT_DIRECTORY)
        set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${arg_OUTPUT_DIRECTORY}")
    endif()
    if(NOT arg_NO_INSTALL)
        # Not CMAKE_INSTALL_LIBDIR: on Debian that is lib/<triplet>, and the host looks in lib/waymark.
        install(TARGETS ${target} LIBRARY DESTINATION lib/waymark/plugins COMPONENT plugins)
    endif()
endfunction()
