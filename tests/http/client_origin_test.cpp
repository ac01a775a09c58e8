// Where a request came from: a trusted reverse proxy's X-Forwarded-For and X-Forwarded-Proto are
// believed, anyone else's are not.
#include "http/client_origin.hpp"

#include <gtest/gtest.h>

namespace waymark::http {
namespace {

const std::vector<std::string> proxy{"10.0.0.2"};

TEST(client_origin, a_connection_not_from_a_trusted_proxy_is_its_own_address_whatever_it_claims) {
    const auto origin = origin_from("192.168.1.40", "10.9.9.9", "https", proxy);
    EXPECT_EQ(origin.address, "192.168.1.40");
    EXPECT_FALSE(origin.https);
    EXPECT_EQ(origin_from("10.0.0.2", "10.9.9.9", "https", {}).address, "10.0.0.2");
}

TEST(client_origin, a_trusted_proxy_gives_the_address_it_added_and_whether_it_was_https) {
    const auto origin = origin_from("10.0.0.2", "172.16.4.7", "https", proxy);
    EXPECT_EQ(origin.address, "172.16.4.7");
    EXPECT_TRUE(origin.https);
    // Earlier entries are whatever the client sent; only the proxy's own last entry counts.
    EXPECT_EQ(origin_from("10.0.0.2", "1.2.3.4, 172.16.4.7", "http", proxy).address, "172.16.4.7");
    EXPECT_FALSE(origin_from("10.0.0.2", "172.16.4.7", "http", proxy).https);
    EXPECT_EQ(origin_from("10.0.0.2", " 2001:db8::1 ", "", proxy).address, "2001:db8::1");
}

TEST(client_origin, a_trusted_proxy_without_a_readable_address_leaves_its_own) {
    EXPECT_EQ(origin_from("10.0.0.2", "", "", proxy).address, "10.0.0.2");
    EXPECT_EQ(origin_from("10.0.0.2", "unknown", "", proxy).address, "10.0.0.2");
}

}  // namespace
}  // namespace waymark::http
