#include "http/client_origin.hpp"

#include <Poco/Net/IPAddress.h>

#include <algorithm>

namespace waymark::http {

namespace {

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

client_origin origin_from(std::string_view peer, std::string_view forwarded_for, std::string_view forwarded_proto,
                          const std::vector<std::string> &trusted_proxies) {
    client_origin origin{std::string(peer), false};
    if (std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) == trusted_proxies.end()) return origin;
    // The last entry is the one the trusted proxy itself added; earlier ones came from the client.
    const auto comma = forwarded_for.rfind(',');
    const std::string added(trimmed(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1)));
    Poco::Net::IPAddress parsed;
    if (Poco::Net::IPAddress::tryParse(added, parsed)) origin.address = parsed.toString();
    origin.https = trimmed(forwarded_proto) == "https";
    return origin;
}

client_origin origin_of(const Poco::Net::HTTPServerRequest &request, const std::vector<std::string> &trusted_proxies) {
    return origin_from(request.clientAddress().host().toString(), request.get("X-Forwarded-For", ""),
                       request.get("X-Forwarded-Proto", ""), trusted_proxies);
}

}  // namespace waymark::http
