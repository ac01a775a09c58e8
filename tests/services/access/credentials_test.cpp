// The sign-in secrets: RFC 6238's TOTP test vectors (SHA-1), RFC 4648's base32 vectors, Argon2id
// hashes that check the right password only, and generated passwords and tokens.
#include "services/access/credentials.hpp"

#include <gtest/gtest.h>

#include <set>

namespace waymark::services {
namespace {

// RFC 6238 appendix B, SHA-1 rows: the ASCII secret "12345678901234567890", eight digits.
TEST(credentials_test, totp_codes_match_the_rfc_6238_test_vectors) {
    const std::string secret = "12345678901234567890";
    const std::pair<std::int64_t, const char *> vectors[] = {
        {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
        {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
    for (const auto &[unix_seconds, code] : vectors) {
        EXPECT_EQ(totp_code(secret, totp_step(unix_seconds), 8), code) << unix_seconds;
    }
    // Six digits are the last six of the same number, leading zeros kept.
    EXPECT_EQ(totp_code(secret, totp_step(1111111109)), "081804");
}

TEST(credentials_test, base32_round_trips_and_matches_rfc_4648) {
    EXPECT_EQ(base32_encode("foobar"), "MZXW6YTBOI");
    EXPECT_EQ(base32_encode("f"), "MY");
    EXPECT_EQ(base32_decode("mzxw 6ytb oi======"), "foobar");
    EXPECT_EQ(base32_decode("MZXW6YTBO1"), std::nullopt);  // '1' is not in the alphabet
    const std::string secret = generated_totp_secret();
    EXPECT_EQ(secret.size(), 32U);
    EXPECT_EQ(base32_decode(secret)->size(), 20U);
}

TEST(credentials_test, a_password_hash_is_argon2id_and_checks_the_right_password_only) {
    const std::string hash = hash_password("correct horse battery");
    EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
    EXPECT_TRUE(password_matches(hash, "correct horse battery"));
    EXPECT_FALSE(password_matches(hash, "correct horse batterY"));
    EXPECT_FALSE(password_matches("not a hash", "correct horse battery"));
    EXPECT_NE(hash_password("correct horse battery"), hash);  // a salt of its own each time
}

TEST(credentials_test, generated_passwords_and_tokens_differ_and_have_their_shape) {
    std::set<std::string> seen;
    for (int i = 0; i < 20; ++i) {
        const std::string password = generated_password();
        EXPECT_EQ(password.size(), 19U);
        EXPECT_EQ(password.find_first_of("ilo01"), std::string::npos) << password;
        seen.insert(password);
    }
    EXPECT_EQ(seen.size(), 20U);
    EXPECT_EQ(random_token().size(), 64U);
    EXPECT_NE(random_token(), random_token());
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_TRUE(same_secret("abc", "abc"));
    EXPECT_FALSE(same_secret("abc", "abd"));
    EXPECT_FALSE(same_secret("abc", "ab"));
}

TEST(credentials_test, the_totp_uri_names_the_issuer_account_and_secret) {
    EXPECT_EQ(totp_uri("Waymark", "teacher4", "JBSWY3DPEHPK3PXP"),
              "otpauth://totp/Waymark:teacher4?secret=JBSWY3DPEHPK3PXP&issuer=Waymark&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace waymark::services
