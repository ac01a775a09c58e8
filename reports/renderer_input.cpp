#include "reports/renderer_input.hpp"

#include "reports/document_json.hpp"

#include <waymark/plugin.hpp>

namespace waymark::reports {

document read_for_rendering(std::string_view json) {
    try {
        return parse_document(json);
    } catch (const document_error &e) {
        throw waymark::invalid_input(e.what());
    }
}

}  // namespace waymark::reports
