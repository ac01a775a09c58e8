# Every third-party dependency, found once, as imported targets. All come from Debian 12 packages
# (installer/dev.sh installs them); SOCI and libharu ship neither CMake config nor pkg-config files.
find_package(Threads REQUIRED)
find_package(Poco REQUIRED COMPONENTS Foundation Util Net JSON XML)
find_package(SOCI REQUIRED)
find_package(Haru REQUIRED)
find_package(LibCSV REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(xlsxwriter REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(sodium REQUIRED IMPORTED_TARGET libsodium)

# Boost.DLL is header-only; with std::filesystem it needs no Boost library at all.
find_package(Boost 1.74 REQUIRED)
add_library(waymark_boost_dll INTERFACE)
target_link_libraries(waymark_boost_dll INTERFACE Boost::headers ${CMAKE_DL_LIBS})
target_compile_definitions(waymark_boost_dll INTERFACE BOOST_DLL_USE_STD_FS)

if(WAYMARK_BUILD_TESTS)
    find_package(GTest REQUIRED)
    find_package(benchmark REQUIRED)
endif()
