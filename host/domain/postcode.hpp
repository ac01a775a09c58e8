// UK postcodes as a pupil record keeps them: upper case, one space before the inward code
// ("PR1 8XJ"). The check is of shape only (outward A9, A99, AA9, AA99, A9A or AA9A; inward 9AA);
// whether the postcode exists is Royal Mail's business, not ours.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace waymark::domain {

// The postcode in its stored form, or nullopt when `text` does not have the shape of a UK postcode.
// Case and spacing are forgiven: "pr18xj", "PR1  8XJ" and " PR1 8XJ " all give "PR1 8XJ".
std::optional<std::string> normalise_postcode(std::string_view text);

}  // namespace waymark::domain
