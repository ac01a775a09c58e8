# Proves the SDK works as an installed package, the way a consultancy uses it:
#   1. install the `sdk` component of this build into an empty prefix;
#   2. configure and build sdk/examples/hello-scheme as a separate project against that prefix only;
#   3. check that the plugin exports nothing but waymark_plugin_entry;
#   4. `waymark plugins check` it, then load it in a GoogleTest that parses and evaluates grades;
#   5. check that find_package(WaymarkSDK 2) is refused by this SDK 1;
#   6. install the host and the built-in plugins, and check the installed host finds them in
#      <prefix>/lib/waymark/plugins.
# Run by ctest as: cmake -D BUILD_DIR=... -D SOURCE_DIR=... -D WORK_DIR=... -D WAYMARK=... -D LOADER=...
#                        -D GENERATOR=... -D CXX_COMPILER=... -P installed_sdk_test.cmake
foreach(required BUILD_DIR SOURCE_DIR WORK_DIR WAYMARK LOADER GENERATOR CXX_COMPILER)
    if(NOT DEFINED ${required})
        message(FATAL_ERROR "installed_sdk_test.cmake needs -D ${required}=...")
    endif()
endforeach()

# Runs a command; stops the test with its output when it fails. Leaves the output in `step_output`.
function(step what)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "${what} failed (${status}):\n${out}\n${err}")
    endif()
    set(step_output "${out}${err}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
set(example_build "${WORK_DIR}/hello-scheme")

step("Installing the SDK" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}" --component sdk)
if(EXISTS "${prefix}/bin" OR EXISTS "${prefix}/lib/waymark")
    message(FATAL_ERROR "The sdk component installed more than the SDK: ${prefix}")
endif()

step("Configuring the example against the installed SDK"
    "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/sdk/examples/hello-scheme" -B "${example_build}" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_BUILD_TYPE=Release
    "-DCMAKE_CXX_FLAGS=-Wall -Wextra -Wpedantic -Wconversion -Werror")
step("Building the example" "${CMAKE_COMMAND}" --build "${example_build}")
set(plugin "${example_build}/hello_scheme.so")
if(NOT EXISTS "${plugin}")
    message(FATAL_ERROR "The example did not produce ${plugin}")
endif()

step("Listing the plugin's exported symbols" nm -D --defined-only "${plugin}")
string(REGEX MATCHALL "[^\n]+" symbols "${step_output}")
if(NOT symbols MATCHES "^[0-9a-f]+ [A-Z] waymark_plugin_entry$")
    message(FATAL_ERROR "The plugin should export only waymark_plugin_entry, but exports:\n${step_output}")
endif()

step("waymark plugins check" "${WAYMARK}" plugins check "${plugin}")
if(NOT step_output MATCHES "org\\.example\\.hello-scheme +waymark\\.scheme/1 +Hello scheme")
    message(FATAL_ERROR "waymark plugins check did not list the example:\n${step_output}")
endif()

step("Loading the example in the host" "${CMAKE_COMMAND}" -E env "WAYMARK_TEST_PLUGIN=${plugin}" "${LOADER}")

file(WRITE "${WORK_DIR}/wants-sdk-2/CMakeLists.txt"
    "cmake_minimum_required(VERSION 3.25)\nproject(wants_sdk_2 LANGUAGES NONE)\nfind_package(WaymarkSDK 2 REQUIRED)\n")
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${WORK_DIR}/wants-sdk-2" -B "${WORK_DIR}/wants-sdk-2/build"
                        -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${prefix}"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(status EQUAL 0 OR NOT err MATCHES "compatible with requested version \"2\"")
    message(FATAL_ERROR "find_package(WaymarkSDK 2) should be refused by SDK 1:\n${out}\n${err}")
endif()

set(host_prefix "${WORK_DIR}/host")
foreach(component host plugins)
    step("Installing the ${component} component"
        "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${host_prefix}" --component ${component})
endforeach()
step("The installed host listing its plugins" "${CMAKE_COMMAND}" -E env WAYMARK_PLUGIN_PATH=
    "${host_prefix}/bin/waymark" plugins list)
if(NOT step_output MATCHES "org\\.waymark\\.lancashire-four-band[^\n]+/lib/waymark/plugins/lancashire-four-band\\.so")
    message(FATAL_ERROR "The installed host did not find the built-in plugins:\n${step_output}")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
message(STATUS "The installed SDK builds, exports and loads the example plugin; SDK 2 is refused; "
               "the installed host finds the installed plugins.")
