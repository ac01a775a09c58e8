# Finds SOCI's core and ODBC backend (Debian's libsoci-dev has no CMake or pkg-config files).
# Defines SOCI::odbc, which brings SOCI::core and unixODBC.
find_path(SOCI_INCLUDE_DIR soci/soci.h)
find_library(SOCI_CORE_LIBRARY soci_core)
find_library(SOCI_ODBC_LIBRARY soci_odbc)
find_library(ODBC_LIBRARY odbc)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SOCI
    REQUIRED_VARS SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_ODBC_LIBRARY ODBC_LIBRARY)

if(SOCI_FOUND AND NOT TARGET SOCI::odbc)
    add_library(SOCI::core UNKNOWN IMPORTED)
    set_target_properties(SOCI::core PROPERTIES
        IMPORTED_LOCATION "${SOCI_CORE_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}")
    add_library(SOCI::odbc UNKNOWN IMPORTED)
    set_target_properties(SOCI::odbc PROPERTIES
        IMPORTED_LOCATION "${SOCI_ODBC_LIBRARY}"
        INTERFACE_LINK_LIBRARIES "SOCI::core;${ODBC_LIBRARY}")
endif()
mark_as_advanced(SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_ODBC_LIBRARY ODBC_LIBRARY)
