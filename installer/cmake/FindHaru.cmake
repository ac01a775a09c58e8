# Finds libharu (Debian's libhpdf-dev has no CMake or pkg-config files). Defines Haru::hpdf.
find_path(HARU_INCLUDE_DIR hpdf.h)
find_library(HARU_LIBRARY hpdf)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Haru REQUIRED_VARS HARU_INCLUDE_DIR HARU_LIBRARY)

if(Haru_FOUND AND NOT TARGET Haru::hpdf)
    add_library(Haru::hpdf UNKNOWN IMPORTED)
    set_target_properties(Haru::hpdf PROPERTIES
        IMPORTED_LOCATION "${HARU_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${HARU_INCLUDE_DIR}")
endif()
mark_as_advanced(HARU_INCLUDE_DIR HARU_LIBRARY)
