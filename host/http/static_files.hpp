// The web page's files (host/web), served at / beside the API. They are compiled into the binary, so
// an installed `waymark serve` needs nothing beside it; while developing the page, --web-root reads
// them from a folder on disk at every request instead, so an edit shows on the next reload.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace waymark::http {

struct web_file {
    std::string_view path;  // "index.html", "app.js": relative to host/web
    std::string_view content;
};

// Every file of host/web as it was when the binary was built (the generated web_files.cpp).
std::span<const web_file> embedded_web_files();

// The Content-Security-Policy every page file carries: scripts and styles only from the page's own
// files (no inline script, no eval), data only from the server itself, never framed.
inline constexpr std::string_view page_security_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

class static_files {
public:
    static_files() = default;  // the embedded files
    explicit static_files(std::filesystem::path web_root);

    // Whether a request path is the page's rather than the API's (everything outside /api/).
    static bool serves(std::string_view path);

    // Answers GET and HEAD with the file (`/` is index.html), 304 when the browser's copy is current,
    // 404 for a file that is not there and 405 for other methods. Never throws.
    void handle(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &reply) const;

private:
    std::optional<std::string> content_of(std::string_view path) const;

    std::optional<std::filesystem::path> root_;
};

}  // namespace waymark::http
