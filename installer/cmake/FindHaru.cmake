# Finds libharu (Debian's libhpdf-dev has no CMake or pkg-config files). Defines Haru::hpdf.
include("${CMAKE_CURRENT_LIST_DIR}/waymark_find_plain_library.cmake")
waymark_find_plain_library(Haru HARU hpdf.h hpdf Haru::hpdf)
