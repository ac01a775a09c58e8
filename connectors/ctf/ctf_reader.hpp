// Reads a Common Transfer File with Poco::XML's DOM parser, refusing hostile or broken input with one
// sentence before any of it is used: an oversized file, anything but UTF-8, any DOCTYPE or entity
// declaration (so no entity is ever expanded: "billion laughs" and external entities), malformed XML
// (line and column), elements nested deeper than any CTF (Poco's DOM frees a tree recursively, so
// deep nesting would overflow the stack), a root other than CTfile, a pupil without a UPN or with an
// invalid one (named by position). Results the code table does not map are kept raw in the
// document's `unmapped` list.
#pragma once

#include "ctf/ctf_document.hpp"
#include "ctf/result_codes.hpp"

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace waymark::connectors::ctf {

class ctf_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ctf_read_options {
    std::size_t max_bytes = 50 * 1024 * 1024;
    std::size_t max_depth = 64;  // element nesting; a CTF goes about 8 deep
};

// `source_name` names the input in messages (the file's path).
ctf_document read_ctf(std::string_view xml, const result_codes &codes, std::string_view source_name,
                      const ctf_read_options &options = {});
ctf_document read_ctf_file(const std::filesystem::path &file, const result_codes &codes,
                           const ctf_read_options &options = {});

}  // namespace waymark::connectors::ctf
