// The secrets of sign-in: Argon2id password hashes (libsodium), generated passwords and tokens from
// the system's random source, and time-based one-time codes (TOTP, RFC 6238: HMAC-SHA-1, 30-second
// steps) over a base32 secret, as authenticator apps read them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waymark::services {

// An Argon2id hash string ("$argon2id$v=19$...") with its own salt and cost, for the database.
std::string hash_password(std::string_view password);
// Whether `password` is the one `stored` was made from (false for a malformed hash).
bool password_matches(std::string_view stored, std::string_view password);
// Spends the time a password check takes, for a user name that does not exist, so the answer's
// speed does not tell which names do.
void spend_password_check_time(std::string_view password);

// A password to hand to a new user: four groups of four letters and digits without look-alikes
// ("k7mq-2xhp-9tcf-r4wn", about 80 bits).
std::string generated_password();
// `bytes` random bytes as lower-case hex (a session token, a CSRF token).
std::string random_token(std::size_t bytes = 32);
// The SHA-256 of `text` as lower-case hex: what the database keeps of a session token.
std::string sha256_hex(std::string_view text);
// Equal without an early exit, so the time taken does not tell how much of a token was right.
bool same_secret(std::string_view a, std::string_view b);

// RFC 4648 base32 without padding ("JBSWY3DPEHPK3PXP"); decoding ignores case, spaces and '='
// and gives nothing for any other character.
std::string base32_encode(std::string_view bytes);
std::optional<std::string> base32_decode(std::string_view text);

// A new TOTP secret: 20 random bytes, base32.
std::string generated_totp_secret();

inline constexpr std::int64_t totp_step_seconds = 30;
// The step a Unix time falls in.
std::int64_t totp_step(std::int64_t unix_seconds);
// The code for `step` from the raw secret bytes, `digits` long with leading zeros (RFC 4226 HOTP).
std::string totp_code(std::string_view secret_bytes, std::int64_t step, int digits = 6);
// The otpauth:// address an authenticator app scans or takes pasted.
std::string totp_uri(std::string_view issuer, std::string_view account, std::string_view base32_secret);

}  // namespace waymark::services
