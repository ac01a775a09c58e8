#include "http/static_files.hpp"

#include <Poco/URI.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>

namespace waymark::http {

namespace {

using status = Poco::Net::HTTPResponse::HTTPStatus;

std::string_view content_type_of(std::string_view path) {
    struct known {
        std::string_view extension;
        std::string_view type;
    };
    static constexpr std::array<known, 8> types{{{".html", "text/html; charset=utf-8"},
                                                 {".js", "text/javascript; charset=utf-8"},
                                                 {".css", "text/css; charset=utf-8"},
                                                 {".svg", "image/svg+xml"},
                                                 {".png", "image/png"},
                                                 {".ico", "image/x-icon"},
                                                 {".json", "application/json; charset=utf-8"},
                                                 {".txt", "text/plain; charset=utf-8"}}};
    for (const auto &[extension, type] : types) {
        if (path.ends_with(extension)) return type;
    }
    return "application/octet-stream";
}

// A path inside the web folder, or nothing when it would step outside it or names a hidden file.
std::optional<std::string> relative_path(const std::string &request_path) {
    std::string path = request_path;
    if (path.empty() || path == "/") return "index.html";
    if (path.front() == '/') path.erase(0, 1);
    std::istringstream segments(path);
    for (std::string segment; std::getline(segments, segment, '/');) {
        if (segment.empty() || segment.front() == '.' || segment.find('\\') != std::string::npos) return std::nullopt;
    }
    return path;
}

std::string entity_tag(std::string_view content) {
    char text[24];
    std::snprintf(text, sizeof text, "\"%016zx\"", std::hash<std::string_view>{}(content));
    return text;
}

// Headers every answer of the page carries, the refusals too.
void guard(Poco::Net::HTTPServerResponse &reply) {
    reply.set("X-Content-Type-Options", "nosniff");
    reply.set("Content-Security-Policy", std::string(page_security_policy));
    reply.set("Referrer-Policy", "no-referrer");
}

void send_text(Poco::Net::HTTPServerResponse &reply, status code, const std::string &text) {
    guard(reply);
    reply.setStatusAndReason(code);
    reply.setContentType("text/plain; charset=utf-8");
    reply.set("Cache-Control", "no-store");
    reply.setContentLength64(static_cast<Poco::Int64>(text.size()));
    reply.sendBuffer(text.data(), text.size());
}

}  // namespace

static_files::static_files(std::filesystem::path web_root) : root_(std::move(web_root)) {}

bool static_files::serves(std::string_view path) { return path != "/api" && !path.starts_with("/api/"); }

std::optional<std::string> static_files::content_of(std::string_view path) const {
    if (!root_) {
        const auto files = embedded_web_files();
        const auto found = std::find_if(files.begin(), files.end(), [&](const web_file &f) { return f.path == path; });
        if (found == files.end()) return std::nullopt;
        return std::string(found->content);
    }
    const std::filesystem::path file = *root_ / path;
    std::error_code problem;
    if (!std::filesystem::is_regular_file(file, problem)) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void static_files::handle(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &reply) const {
    try {
        const std::string &method = request.getMethod();
        if (method != "GET" && method != "HEAD") {
            reply.set("Allow", "GET, HEAD");
            send_text(reply, status::HTTP_METHOD_NOT_ALLOWED,
                      "The web page's files are only read (GET); the API is under /api/v1.\n");
            return;
        }
        std::string path;
        try {
            path = Poco::URI(request.getURI()).getPath();
        } catch (const Poco::SyntaxException &) {
            send_text(reply, status::HTTP_BAD_REQUEST, "The address is not a valid URI.\n");
            return;
        }
        const auto relative = relative_path(path);
        const auto content = relative ? content_of(*relative) : std::nullopt;
        if (!content) {
            send_text(reply, status::HTTP_NOT_FOUND, "There is no page at " + path + "; Waymark's page is at /.\n");
            return;
        }
        guard(reply);
        // Files keep their names from one version to the next, so the browser asks each time and
        // the tag makes the answer a short 304 while nothing changed.
        reply.set("Cache-Control", "no-cache");
        const std::string tag = entity_tag(*content);
        reply.set("ETag", tag);
        if (request.get("If-None-Match", "") == tag) {
            reply.setStatusAndReason(status::HTTP_NOT_MODIFIED);
            reply.setContentLength64(0);
            reply.send();
            return;
        }
        reply.setStatusAndReason(status::HTTP_OK);
        reply.setContentType(std::string(content_type_of(*relative)));
        reply.setContentLength64(static_cast<Poco::Int64>(content->size()));
        if (method == "HEAD") {
            reply.send();
        } else {
            reply.sendBuffer(content->data(), content->size());
        }
    } catch (...) {
        // The browser went away mid-answer; the server closes the connection.
    }
}

}  // namespace waymark::http
