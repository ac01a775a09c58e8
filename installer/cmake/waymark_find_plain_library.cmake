# A library whose Debian package ships no CMake or pkg-config files: its header and library found,
# <package>_FOUND set by find_package_handle_standard_args, and an imported target for both.
include_guard(GLOBAL)
include(FindPackageHandleStandardArgs)

# waymark_find_plain_library(<package> <VARIABLE_PREFIX> <header> <library> <imported target>)
# A macro, so that <package>_FOUND and the cache variables are the calling Find module's.
macro(waymark_find_plain_library package prefix header library target)
    find_path(${prefix}_INCLUDE_DIR ${header})
    find_library(${prefix}_LIBRARY ${library})
    find_package_handle_standard_args(${package} REQUIRED_VARS ${prefix}_INCLUDE_DIR ${prefix}_LIBRARY)
    if(${package}_FOUND AND NOT TARGET ${target})
        add_library(${target} UNKNOWN IMPORTED)
        set_target_properties(${target} PROPERTIES
            IMPORTED_LOCATION "${${prefix}_LIBRARY}"
            INTERFACE_INCLUDE_DIRECTORIES "${${prefix}_INCLUDE_DIR}")
    endif()
    mark_as_advanced(${prefix}_INCLUDE_DIR ${prefix}_LIBRARY)
endmacro()
