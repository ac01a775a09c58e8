// Several `waymark serve` processes on one database and a Debian nginx round-robin in front of them,
// each in a scratch folder of its own: shared by many_processes_test.cpp and
// tests/bench/many_processes_bench.cpp.
#pragma once

#include "concurrent_editors.hpp"
#include "database_fixture.hpp"

#include <Poco/Net/ServerSocket.h>

#include <fstream>

namespace waymark::testing {

// `count` serve processes on `connection`, started at once; ports() waits for each one's port.
struct serve_processes {
    std::filesystem::path folder = std::filesystem::temp_directory_path() / unique_test_name();
    std::vector<std::unique_ptr<crowd::served_process>> processes;
    std::vector<uint16_t> ports;

    serve_processes(const std::string &connection, int count) {
        for (int p = 0; p < count; ++p) {
            std::filesystem::create_directories(folder / std::to_string(p));
            processes.push_back(std::make_unique<crowd::served_process>(connection, folder / std::to_string(p)));
        }
        for (auto &process : processes) {
            ports.push_back(process->port());
            const auto printed = process->printed();
            EXPECT_NE(ports.back(), 0) << "waymark serve did not start: " << (printed.empty() ? "it printed nothing" : printed.front());
        }
    }
    ~serve_processes() {
        processes.clear();
        std::filesystem::remove_all(folder);
    }
};

// A Debian nginx on a free loopback port, round-robin over `ports`, with its config, pid and error
// log in a scratch folder; stopped when the object goes.
class nginx_in_front {
public:
    explicit nginx_in_front(const std::vector<uint16_t> &ports) {
        std::filesystem::create_directories(folder_);
        {
            Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
            port_ = probe.address().port();
        }
        const std::string at = folder_.string();
        std::ofstream conf(config());
        conf << "pid " << at << "/nginx.pid; error_log " << at << "/nginx-error.log; events {}\n"
             << "http { access_log off; client_body_temp_path " << at << "; proxy_temp_path " << at << ";\n"
             << "  upstream waymark {\n";
        for (const auto port : ports) conf << "    server 127.0.0.1:" << port << ";\n";
        conf << "    keepalive 16;\n  }\n"
             << "  server { listen 127.0.0.1:" << port_ << ";\n"
             << "    location / { proxy_pass http://waymark; proxy_http_version 1.1; proxy_set_header Host $host;\n"
             << "      proxy_set_header Connection \"\"; proxy_read_timeout 120s; }\n  }\n}\n";
        conf.close();
        started_ = nginx({"-c", config()}) == 0;
    }
    ~nginx_in_front() {
        if (started_) nginx({"-c", config(), "-s", "stop"});
        // `-s stop` only signals the master, which removes its pid file as it exits: wait for that,
        // or removing the folder races it (seen in CI: remove_all threw on the vanished pid file).
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (std::filesystem::exists(folder_ / "nginx.pid") && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::error_code ignored;
        std::filesystem::remove_all(folder_, ignored);
    }
    bool started() const { return started_; }
    uint16_t port() const { return port_; }

private:
    std::string config() const { return (folder_ / "nginx.conf").string(); }
    static int nginx(const std::vector<std::string> &words) { return Poco::Process::launch("/usr/sbin/nginx", words).wait(); }

    std::filesystem::path folder_ = std::filesystem::temp_directory_path() / unique_test_name();
    uint16_t port_ = 0;
    bool started_ = false;
};

}  // namespace waymark::testing
