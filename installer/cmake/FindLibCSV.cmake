# Finds libcsv (Debian's libcsv-dev has no CMake or pkg-config files). Defines LibCSV::csv.
include("${CMAKE_CURRENT_LIST_DIR}/waymark_find_plain_library.cmake")
waymark_find_plain_library(LibCSV LIBCSV csv.h csv LibCSV::csv)
