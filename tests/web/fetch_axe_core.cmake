# Fetches axe-core (the accessibility rules the browser tests run) from the npm registry into the
# build folder, once, refusing a file whose SHA-512 is not the pinned release's (the registry's own
# "integrity" of that version). cmake -DDESTINATION=DIR -P fetch_axe_core.cmake -> DIR/axe.min.js
set(version 4.14.1)
set(sha512 1477dafa598d8d065f273d6af302aa203c02e83131707b7fa648cd41bd3d6b734f8c22a0dab86ee6a6f64b8afbe804b214d36db85a2826965edfb3a0b9d546b5)
if(EXISTS "${DESTINATION}/axe-${version}.min.js")
    file(COPY_FILE "${DESTINATION}/axe-${version}.min.js" "${DESTINATION}/axe.min.js" ONLY_IF_DIFFERENT)
    return()
endif()
set(archive "${DESTINATION}/axe-core-${version}.tgz")
file(DOWNLOAD "https://registry.npmjs.org/axe-core/-/axe-core-${version}.tgz" "${archive}"
     EXPECTED_HASH SHA512=${sha512} TLS_VERIFY ON STATUS outcome)
list(GET outcome 0 code)
if(NOT code EQUAL 0)
    list(GET outcome 1 reason)
    message(FATAL_ERROR "Could not fetch axe-core ${version} from the npm registry: ${reason}. The accessibility "
                        "scan needs it once; put axe.min.js of axe-core ${version} at ${DESTINATION}/axe-${version}.min.js "
                        "to run offline.")
endif()
file(ARCHIVE_EXTRACT INPUT "${archive}" DESTINATION "${DESTINATION}/unpacked" PATTERNS package/axe.min.js)
file(COPY_FILE "${DESTINATION}/unpacked/package/axe.min.js" "${DESTINATION}/axe-${version}.min.js")
file(COPY_FILE "${DESTINATION}/axe-${version}.min.js" "${DESTINATION}/axe.min.js")
file(REMOVE_RECURSE "${DESTINATION}/unpacked" "${archive}")
