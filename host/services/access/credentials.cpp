#include "services/access/credentials.hpp"

#include <Poco/HMACEngine.h>
#include <Poco/SHA1Engine.h>
#include <Poco/URI.h>

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace waymark::services {

namespace {

// libsodium picks its random source and CPU paths once; safe to call from any thread, any number
// of times.
void ready() {
    static const bool initialised = [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium could not start (no random source).");
        return true;
    }();
    (void)initialised;
}

// Interactive cost (64 MiB, two passes): a sign-in waits a fraction of a second, a stolen hash
// costs an attacker the same per guess.
constexpr unsigned long long hash_passes = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t hash_memory = crypto_pwhash_MEMLIMIT_INTERACTIVE;

std::string to_hex(const unsigned char *bytes, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, size);
    hex.pop_back();
    return hex;
}

constexpr std::string_view base32_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

}  // namespace

std::string hash_password(std::string_view password) {
    ready();
    std::array<char, crypto_pwhash_STRBYTES> stored{};
    if (crypto_pwhash_str_alg(stored.data(), password.data(), password.size(), hash_passes, hash_memory,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("Hashing a password ran out of memory.");
    }
    return stored.data();
}

bool password_matches(std::string_view stored, std::string_view password) {
    ready();
    const std::string terminated(stored);
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void spend_password_check_time(std::string_view password) {
    static const std::string nobody = hash_password(random_token(16));
    password_matches(nobody, password);
}

std::string generated_password() {
    ready();
    constexpr std::string_view alphabet = "abcdefghjkmnpqrstuvwxyz23456789";  // no i, l, o, 0, 1
    std::string password;
    for (int group = 0; group < 4; ++group) {
        if (group > 0) password += '-';
        for (int i = 0; i < 4; ++i) password += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
    }
    return password;
}

std::string random_token(std::size_t bytes) {
    ready();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    return to_hex(reinterpret_cast<const unsigned char *>(raw.data()), raw.size());
}

std::string sha256_hex(std::string_view text) {
    ready();
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char *>(text.data()), text.size());
    return to_hex(digest.data(), digest.size());
}

bool same_secret(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return a.empty() || sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string base32_encode(std::string_view bytes) {
    std::string text;
    unsigned buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(byte);
        bits += 8;
        while (bits >= 5) {
            text += base32_alphabet[(buffer >> (bits - 5)) & 31U];
            bits -= 5;
        }
    }
    if (bits > 0) text += base32_alphabet[(buffer << (5 - bits)) & 31U];
    return text;
}

std::optional<std::string> base32_decode(std::string_view text) {
    std::string bytes;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == ' ' || c == '=' || c == '-') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        const auto value = base32_alphabet.find(c);
        if (value == std::string_view::npos) return std::nullopt;
        buffer = (buffer << 5) | static_cast<unsigned>(value);
        bits += 5;
        if (bits >= 8) {
            bytes += static_cast<char>((buffer >> (bits - 8)) & 0xFFU);
            bits -= 8;
        }
    }
    return bytes;
}

std::string generated_totp_secret() {
    ready();
    std::string raw(20, '\0');
    randombytes_buf(raw.data(), raw.size());
    return base32_encode(raw);
}

std::int64_t totp_step(std::int64_t unix_seconds) { return unix_seconds / totp_step_seconds; }

std::string totp_code(std::string_view secret_bytes, std::int64_t step, int digits) {
    Poco::HMACEngine<Poco::SHA1Engine> hmac{std::string(secret_bytes)};
    std::array<unsigned char, 8> counter{};
    for (int i = 7; i >= 0; --i) {
        counter[static_cast<std::size_t>(i)] = static_cast<unsigned char>(step & 0xFF);
        step >>= 8;
    }
    hmac.update(counter.data(), counter.size());
    const auto &digest = hmac.digest();
    const std::size_t offset = digest.back() & 0x0FU;
    const std::uint32_t binary = ((digest[offset] & 0x7FU) << 24) | (digest[offset + 1] << 16) | (digest[offset + 2] << 8) |
                                 digest[offset + 3];
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i) modulus *= 10;
    std::string code = std::to_string(binary % modulus);
    return std::string(static_cast<std::size_t>(digits) - std::min(code.size(), static_cast<std::size_t>(digits)), '0') + code;
}

std::string totp_uri(std::string_view issuer, std::string_view account, std::string_view base32_secret) {
    std::string issuer_text, account_text;
    Poco::URI::encode(std::string(issuer), ":&?=#/", issuer_text);
    Poco::URI::encode(std::string(account), ":&?=#/", account_text);
    return "otpauth://totp/" + issuer_text + ":" + account_text + "?secret=" + std::string(base32_secret) + "&issuer=" + issuer_text +
           "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace waymark::services
