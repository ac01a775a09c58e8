#include "http/server.hpp"

#include "http/body_framing.hpp"
#include "http/response.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Delegate.h>
#include <Poco/SharedPtr.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace waymark::http {

namespace {

// The API's paths go to the router, every other path to the web page's files (when served).
class routed_handler final : public Poco::Net::HTTPRequestHandler {
public:
    routed_handler(const router &routes, const static_files *pages) : routes_(routes), pages_(pages) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &reply) override {
        if (const auto problem = unframed_body(request)) {
            // Where this body ends, and so where a next request would start, is unknown: close.
            reply.setKeepAlive(false);
            response(reply).error(bad_request(*problem));
            return;
        }
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
    // The event Poco keeps for its own HTTPServer, which answered_connection stands in for.
    Poco::BasicEvent<const bool> &stopped() { return serverStopped; }

private:
    const router &routes_;
    const static_files *pages_;
};

// Poco reads Content-Length as a number while it parses the headers, so one that is not a number
// throws before any handler runs, and Poco's HTTPServerConnection closes the connection without an
// answer (the socket is gone by the time the exception leaves it). This is its loop, with that
// parse answered by a 400 like every other ambiguous length.
class answered_connection final : public Poco::Net::TCPServerConnection {
public:
    answered_connection(const Poco::Net::StreamSocket &socket, Poco::Net::HTTPServerParams::Ptr params,
                        Poco::SharedPtr<routed_factory> handlers)
        : TCPServerConnection(socket), params_(std::move(params)), handlers_(std::move(handlers)) {
        handlers_->stopped() += Poco::delegate(this, &answered_connection::server_stopped);
    }
    ~answered_connection() override { handlers_->stopped() -= Poco::delegate(this, &answered_connection::server_stopped); }
    answered_connection(const answered_connection &) = delete;
    answered_connection &operator=(const answered_connection &) = delete;

    void run() override {
        Poco::Net::HTTPServerSession session(socket(), params_);
        while (!stopped_ && session.hasMoreRequests()) {
            try {
                const std::lock_guard lock(serving_);
                if (stopped_) break;
                Poco::Net::HTTPServerResponseImpl reply(session);
                std::optional<Poco::Net::HTTPServerRequestImpl> request;
                try {
                    request.emplace(reply, session, params_);
                } catch (const Poco::SyntaxException &) {
                    reply.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
                    reply.setKeepAlive(false);
                    reply.set("Server", params_->getSoftwareVersion());
                    response(reply).error(bad_request(std::string(not_a_length)));
                    break;
                }
                reply.setDate(Poco::Timestamp());
                reply.setVersion(request->getVersion());
                reply.setKeepAlive(params_->getKeepAlive() && request->getKeepAlive() && session.canKeepAlive());
                reply.set("Server", params_->getSoftwareVersion());
                const std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(handlers_->createRequestHandler(*request));
                if (request->getExpectContinue()) reply.sendContinue();
                handler->handleRequest(*request, reply);  // catches its own failures (router::handle, static_files)
                session.setKeepAlive(params_->getKeepAlive() && reply.getKeepAlive() && session.canKeepAlive());
            } catch (const Poco::Net::NoMessageException &) {
                break;  // the client closed an idle connection
            } catch (const Poco::Net::MessageException &) {
                Poco::Net::HTTPServerResponseImpl reply(session);  // a request line or header Poco cannot read
                reply.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
                reply.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
                reply.setKeepAlive(false);
                reply.send();
                break;
            }
        }
    }

private:
    // Stopping closes the connection once the request in progress, if any, is answered.
    void server_stopped(const bool &abort_current) {
        stopped_ = true;
        std::unique_lock lock(serving_, std::defer_lock);
        if (!abort_current) lock.lock();
        try {
            socket().shutdown();
        } catch (...) {
            // already closed by the client
        }
    }

    Poco::Net::HTTPServerParams::Ptr params_;
    Poco::SharedPtr<routed_factory> handlers_;
    std::atomic<bool> stopped_{false};
    std::mutex serving_;
};

class answered_connections final : public Poco::Net::TCPServerConnectionFactory {
public:
    answered_connections(Poco::Net::HTTPServerParams::Ptr params, Poco::SharedPtr<routed_factory> handlers)
        : params_(std::move(params)), handlers_(std::move(handlers)) {}
    Poco::Net::TCPServerConnection *createConnection(const Poco::Net::StreamSocket &socket) override {
        return new answered_connection(socket, params_, handlers_);
    }

private:
    Poco::Net::HTTPServerParams::Ptr params_;
    Poco::SharedPtr<routed_factory> handlers_;
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
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(options.worker_threads);
    params->setMaxQueued(options.queued_connections);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(0);  // no limit: a client may reuse one connection for ever
    params->setKeepAliveTimeout(Poco::Timespan(options.keep_alive_seconds, 0));
    params->setSoftwareVersion("Waymark/" WAYMARK_VERSION);
    Poco::SharedPtr<routed_factory> handlers = new routed_factory(routes, pages);
    handlers_ = handlers;
    server_ = std::make_unique<Poco::Net::TCPServer>(new answered_connections(params, handlers), threads_, socket, params);
}

server::~server() { stop(); }

void server::start() {
    server_->start();
    running_ = true;
}

void server::stop() {
    if (!running_) return;
    running_ = false;
    server_->stop();
    static_cast<routed_factory &>(*handlers_).stopped().notify(this, false);  // idle keep-alive connections close
    threads_.joinAll();
}

std::string server::url() const {
    const bool ipv6 = host_.find(':') != std::string::npos;
    return "http://" + (ipv6 ? "[" + host_ + "]" : host_) + ":" + std::to_string(port_);
}

}  // namespace waymark::http
