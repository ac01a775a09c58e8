# waymark_add_plugin(<target> SOURCES <file>... [OUTPUT_DIRECTORY <dir>])
#
# Builds a Waymark plugin: a MODULE library linked to the SDK, compiled with hidden visibility and
# linked with a version script, so that `waymark_plugin_entry` is the only symbol it exports.
function(waymark_add_plugin target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT_DIRECTORY" "SOURCES")
    if(NOT arg_SOURCES)
        message(FATAL_ERROR "waymark_add_plugin(${target}) needs SOURCES")
    endif()
    set(map "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/waymark_plugin.map")
    add_library(${target} MODULE ${arg_SOURCES})
    if(TARGET Waymark::sdk)
        target_link_libraries(${target} PRIVATE Waymark::sdk)
    endif()
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
endfunction()
