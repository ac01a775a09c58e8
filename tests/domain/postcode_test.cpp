#include "domain/postcode.hpp"

#include <gtest/gtest.h>

namespace waymark::domain {
namespace {

TEST(normalise_postcode, every_outward_shape) {
    EXPECT_EQ(normalise_postcode("M1 1AE"), "M1 1AE");
    EXPECT_EQ(normalise_postcode("B33 8TH"), "B33 8TH");
    EXPECT_EQ(normalise_postcode("PR1 8XJ"), "PR1 8XJ");
    EXPECT_EQ(normalise_postcode("DN55 1PT"), "DN55 1PT");
    EXPECT_EQ(normalise_postcode("W1A 0AX"), "W1A 0AX");
    EXPECT_EQ(normalise_postcode("EC1A 1BB"), "EC1A 1BB");
}

TEST(normalise_postcode, forgives_case_and_spacing) {
    EXPECT_EQ(normalise_postcode("pr18xj"), "PR1 8XJ");
    EXPECT_EQ(normalise_postcode("  PR1   8XJ "), "PR1 8XJ");
    EXPECT_EQ(normalise_postcode("ec1a1bb"), "EC1A 1BB");
}

TEST(normalise_postcode, refuses_other_shapes) {
    for (const char *text : {"", "UNKNOWN", "PR1", "PR1 8X", "PR1 XXJ", "1PR 8XJ", "PRR1 8XJ", "PR123 8XJ", "PR1-8XJ",
                             "PR1 8XJÉ"})
        EXPECT_EQ(normalise_postcode(text), std::nullopt) << text;
}

}  // namespace
}  // namespace waymark::domain
