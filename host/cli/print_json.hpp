// Every command's --json output: the document indented by two spaces, then a newline.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <ostream>

namespace waymark::cli {

template <class Json>
void print_json(std::ostream &out, const Json &json) {
    json.stringify(out, 2);
    out << '\n';
}

}  // namespace waymark::cli
