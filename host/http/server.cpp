#include "http/server.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>

#include <stdexcept>

namespace waymark::http {

namespace {

// The API's paths go to the router, every other path to the web page's files (when served).
class routed_handler final : public Poco::Net::HTTPRequestHandler {
public:
    routed_handler(const router &routes, const static_files *pages) : routes_(routes), pages_(pages) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &reply) override {
        if (pages_ != nullptr && static_files::serves(path_of(request.getURI()))) {
            pages_->handle(request, reply);
        } else {
            routes_.handle(request, reply);
        }
    }

private:
    // The path before any query; an address that is no URI stays whole, and the router refuses it.
    static std::string path_of(const std::string &uri) {
        const auto query = uri.find_first_of("?#");
        return query == std::string::npos ? uri : uri.substr(0, query);
    }

    const router &routes_;
    const static_files *pages_;
};

class routed_factory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    routed_factory(const router &routes, const static_files *pages) : routes_(routes), pages_(pages) {}
    Poco::Net::HTTPRequestHandler *createRequestHandler(const Poco::Net::HTTPServerRequest &) override {
        return new routed_handler(routes_, pages_);
    }

private:
    const router &routes_;
    const static_files *pages_;
};

Poco::Net::ServerSocket listen_on(const server_options &options) {
    try {
        Poco::Net::ServerSocket socket;
        // Reuse the address (a restart need not wait out TIME_WAIT) but never the port: a second
        // server on the same port must fail rather than share its connections.
        socket.bind(Poco::Net::SocketAddress(options.bind_address, options.port), true, false);
        socket.listen(128);
        return socket;
    } catch (const Poco::Exception &e) {
        throw std::runtime_error("Cannot listen on " + options.bind_address + " port " + std::to_string(options.port) +
                                 ": " + e.displayText() + "; choose another port with --port or another address with --bind.");
    }
}

}  // namespace

server::server(const router &routes, const server_options &options, const static_files *pages)
    : host_(options.bind_address), threads_(2, options.worker_threads) {
    Poco::Net::ServerSocket socket = listen_on(options);
    port_ = socket.address().port();
    auto params = new Poco::Net::HTTPServerParams;  // reference-counted; the server owns it
    params->setMaxThreads(options.worker_threads);
    params->setMaxQueued(options.queued_connections);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(0);  // no limit: a client may reuse one connection for ever
    params->setKeepAliveTimeout(Poco::Timespan(options.keep_alive_seconds, 0));
    params->setSoftwareVersion("Waymark/" WAYMARK_VERSION);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new routed_factory(routes, pages), threads_, socket, params);
}

server::~server() { stop(); }

void server::start() {
    server_->start();
    running_ = true;
}

void server::stop() {
    if (!running_) return;
    running_ = false;
    server_->stopAll(false);
    threads_.joinAll();
}

std::string server::url() const {
    const bool ipv6 = host_.find(':') != std::string::npos;
    return "http://" + (ipv6 ? "[" + host_ + "]" : host_) + ":" + std::to_string(port_);
}

}  // namespace waymark::http
