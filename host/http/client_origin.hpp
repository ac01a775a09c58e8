// Where a request came from. Behind a reverse proxy (for TLS, or a trust's gateway) every connection
// is the proxy's: sign-in throttling by address would then stop everyone at once after five failures,
// and the audit log would name the proxy. So a connection from one of the proxies `waymark serve
// --trusted-proxy` names is taken from the address that proxy added to X-Forwarded-For, and as HTTPS
// when it says X-Forwarded-Proto: https (the session cookie is then marked Secure). Anyone else's
// X-Forwarded-For is ignored: a client could write anything there.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <string>
#include <string_view>
#include <vector>

namespace waymark::http {

struct client_origin {
    std::string address;
    bool https = false;
};

// `peer` is the connection's address; the headers' values as received ("" when absent).
client_origin origin_from(std::string_view peer, std::string_view forwarded_for, std::string_view forwarded_proto,
                          const std::vector<std::string> &trusted_proxies);

client_origin origin_of(const Poco::Net::HTTPServerRequest &request, const std::vector<std::string> &trusted_proxies);

}  // namespace waymark::http
