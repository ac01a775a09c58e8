# The Debian packages (README, "Installing on a server"): `installer/dev.sh package` builds them with
# CPack from a Release build configured for the prefix /usr.
#   waymark          the host, the built-in plugins and their font, the CTF result codes, the ODBC
#                    profile templates, the man page, the systemd unit and the settings file
#   waymark-sdk-dev  the plugin SDK: C header, C++ wrapper, CMake package, the example plugin
# Debian package names of the libraries come from dpkg-shlibdeps; the rest are declared here.

set(waymark_debian "${PROJECT_SOURCE_DIR}/installer/debian")

# What the host package installs beside the targets the host, plugins and connectors install.
install(FILES "${waymark_debian}/waymark.service" DESTINATION lib/systemd/system COMPONENT host)
install(FILES "${waymark_debian}/waymark.ini" DESTINATION /etc/waymark COMPONENT host)
install(FILES "${PROJECT_SOURCE_DIR}/installer/odbc/postgresql.ini" "${PROJECT_SOURCE_DIR}/installer/odbc/sqlserver-freetds.ini"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/waymark/odbc COMPONENT host)
install(FILES "${waymark_debian}/nginx-waymark.conf" "${PROJECT_SOURCE_DIR}/plugins/school-bands/example.bands"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/waymark/examples COMPONENT host)
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/ARCHITECTURE.md" "${PROJECT_SOURCE_DIR}/host/http/API.md"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/waymark COMPONENT host)

# The man page, from the program's own --help (installer/man-page.sh, Debian's help2man).
find_program(WAYMARK_HELP2MAN help2man)
if(WAYMARK_HELP2MAN)
    set(waymark_man_page "${PROJECT_BINARY_DIR}/man/waymark.1")
    add_custom_command(OUTPUT "${waymark_man_page}.gz"
        COMMAND ${CMAKE_COMMAND} -E make_directory "${PROJECT_BINARY_DIR}/man"
        COMMAND "${PROJECT_SOURCE_DIR}/installer/man-page.sh" $<TARGET_FILE:waymark> "${waymark_man_page}"
        COMMAND gzip -9n -f "${waymark_man_page}"
        DEPENDS waymark "${PROJECT_SOURCE_DIR}/installer/man-page.sh"
        COMMENT "Writing the waymark(1) manual page from --help")
    add_custom_target(waymark-man-page ALL DEPENDS "${waymark_man_page}.gz")
    install(FILES "${waymark_man_page}.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT host)
else()
    message(STATUS "help2man not found: the waymark(1) manual page is not built (apt-get install help2man)")
endif()

# Each package's copyright file and changelog, where Debian looks for them.
set(waymark_changelog "${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz")
add_custom_command(OUTPUT "${waymark_changelog}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${PROJECT_BINARY_DIR}/debian"
    COMMAND gzip -9n -c "${waymark_debian}/changelog" > "${waymark_changelog}"
    DEPENDS "${waymark_debian}/changelog")
add_custom_target(waymark-debian-changelog ALL DEPENDS "${waymark_changelog}")
foreach(package_component IN ITEMS "waymark;host" "waymark-sdk-dev;sdk")
    list(GET package_component 0 package)
    list(GET package_component 1 component)
    install(FILES "${waymark_debian}/copyright" "${waymark_changelog}"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
    # The lintian tags left, each with its reason (installer/debian/<package>.lintian-overrides).
    install(FILES "${waymark_debian}/${package}.lintian-overrides" RENAME ${package}
            DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME waymark)
set(CPACK_PACKAGE_VENDOR "The Waymark developers")
set(CPACK_PACKAGE_CONTACT "The Waymark developers <developers@waymark.org.uk>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
# CPackDeb puts CPACK_PACKAGE_DESCRIPTION_SUMMARY before every package's description unless it is
# CPack's own default, and each package's description below starts with its own synopsis.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_PACKAGE_NAME} built using CMake")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING IGNORE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)

# The host package is the components host and plugins; the SDK its own package.
set(CPACK_COMPONENTS_ALL host plugins sdk)
set(CPACK_COMPONENT_PLUGINS_GROUP waymark)
set(CPACK_COMPONENT_HOST_GROUP waymark)
set(CPACK_COMPONENT_SDK_GROUP waymark-sdk-dev)
set(CPACK_COMPONENTS_GROUPING ONE_PER_GROUP)

set(CPACK_DEBIAN_WAYMARK_PACKAGE_NAME waymark)
set(CPACK_DEBIAN_WAYMARK_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_WAYMARK_PACKAGE_DEPENDS "adduser, libsqliteodbc, unixodbc, init-system-helpers (>= 1.54~)")
set(CPACK_DEBIAN_WAYMARK_PACKAGE_RECOMMENDS "odbc-postgresql")
set(CPACK_DEBIAN_WAYMARK_PACKAGE_SUGGESTS "nginx, tdsodbc, postgresql-client")
# The first line is the synopsis; Debian wants the rest in lines of at most 80 characters (CPack
# indents them).
set(CPACK_DEBIAN_WAYMARK_DESCRIPTION "pupil-attainment tracking for English primary schools
Waymark connects to the school's management information system through
ODBC, keeps its tracking tables beside it, and serves teachers' termly
judgements, leaders' reports and an authority's overview as a web page
and a JSON API. This package holds the waymark program, its built-in
plugins and the waymark.service unit.")
set(CPACK_DEBIAN_WAYMARK_PACKAGE_CONTROL_EXTRA
    "${waymark_debian}/conffiles;${waymark_debian}/postinst;${waymark_debian}/prerm;${waymark_debian}/postrm")
set(CPACK_DEBIAN_WAYMARK_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_WAYMARK-SDK-DEV_PACKAGE_NAME waymark-sdk-dev)
set(CPACK_DEBIAN_WAYMARK-SDK-DEV_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_WAYMARK-SDK-DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_WAYMARK-SDK-DEV_PACKAGE_DEPENDS "cmake (>= 3.25), g++ | c++-compiler")
set(CPACK_DEBIAN_WAYMARK-SDK-DEV_DESCRIPTION "plugin SDK for Waymark
The C header every Waymark plugin is written against, its header-only C++
wrapper, the CMake package WaymarkSDK (find_package(WaymarkSDK 1)) and an
example scheme plugin that builds out of tree against them.")

include(CPack)
