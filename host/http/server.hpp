// The HTTP server: a listening socket, a pool of worker threads and keep-alive connections, every
// request answered by one router.
#pragma once

#include "http/router.hpp"
#include "http/static_files.hpp"

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <cstdint>
#include <memory>
#include <string>

namespace waymark::http {

struct server_options {
    std::string bind_address = "127.0.0.1";  // loopback: only this machine can reach the server
    uint16_t port = 8080;                    // 0 picks a free port (read it back with port())
    // A keep-alive connection holds its worker thread while it stays open, so this bounds the
    // clients served at once; later ones wait in the queue.
    int worker_threads = 64;
    int queued_connections = 256;
    int keep_alive_seconds = 10;
};

class server {
public:
    // Binds the socket now; throws std::runtime_error with a sentence when it cannot (port in use,
    // address not on this machine). `routes` (and `pages`, when given: the web page's files,
    // answering every path outside /api/) must outlive the server.
    server(const router &routes, const server_options &options, const static_files *pages = nullptr);
    ~server();
    server(const server &) = delete;
    server &operator=(const server &) = delete;

    void start();
    // Stops accepting, lets requests in progress finish, closes idle connections and waits for the
    // worker threads. Safe to call twice.
    void stop();

    uint16_t port() const { return port_; }
    std::string url() const;  // "http://127.0.0.1:8080"

private:
    std::string host_;
    uint16_t port_ = 0;
    Poco::ThreadPool threads_;
    Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;  // told when the server stops, to close idle connections
    std::unique_ptr<Poco::Net::TCPServer> server_;
    bool running_ = false;
};

}  // namespace waymark::http
