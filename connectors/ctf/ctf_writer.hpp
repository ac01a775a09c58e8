// Writes a Common Transfer File with Poco::XML's XMLWriter (so every text is escaped as XML needs).
// Element names and order follow shared/domain.md section 6.
#pragma once

#include "ctf/ctf_document.hpp"
#include "ctf/result_codes.hpp"

#include <ostream>
#include <string>

namespace waymark::connectors::ctf {

struct ctf_write_summary {
    std::size_t pupils = 0;
    std::size_t results = 0;
    std::size_t results_not_written = 0;  // results the code table has no CTF code for
};

// Writes `document` (header, pupils, results; `unmapped` is ignored) as UTF-8 XML. NCyearActual is
// the pupil's year in the header's academic year (the override when set). Waymark keeps FSM as a
// status, not periods, so a pupil on FSM gets one open FSMinstance starting on the first day of that
// academic year, and an Ever 6 pupil not on FSM now one that ended the day before.
ctf_write_summary write_ctf(std::ostream &out, const ctf_document &document, const result_codes &codes);

}  // namespace waymark::connectors::ctf
