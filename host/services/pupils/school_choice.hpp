// Which school a command works on: the one named by its LA and establishment number ("8012000"), or
// the only school in the database.
#pragma once

#include "store/schools.hpp"

#include <optional>
#include <stdexcept>
#include <string>

namespace waymark::services {

// No school fits; the message says which ones there are and how to name one.
class school_choice_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

store::school choose_school(soci::session &session, const std::optional<std::string> &laestab);

}  // namespace waymark::services
