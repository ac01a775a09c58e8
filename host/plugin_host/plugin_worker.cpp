#include "plugin_host/plugin_worker.hpp"

#include "plugin_host/plugin_error.hpp"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <array>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <istream>
#include <iterator>
#include <mutex>
#include <ostream>
#include <sstream>
#include <system_error>
#include <thread>

#include <sys/resource.h>
#include <sys/wait.h>

namespace waymark::plugins {

namespace {

// Poco's ProcessHandle::wait answers 256 + the signal for a child a signal stopped.
constexpr int signalled_base = 256;

std::string last_line(const std::string &text) {
    std::string trimmed = text;
    while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == '\r')) trimmed.pop_back();
    const auto newline = trimmed.rfind('\n');
    return sanitized_utf8(newline == std::string::npos ? trimmed : trimmed.substr(newline + 1));
}

std::string signal_name(int signal_number) {
    const char *abbreviation = sigabbrev_np(signal_number);
    const char *description = sigdescr_np(signal_number);
    return "SIG" + std::string(abbreviation ? abbreviation : std::to_string(signal_number).c_str()) +
           (description ? std::string(", ") + description : std::string());
}

// Kills the child once the wall-clock limit has passed, unless told it has finished.
class watchdog {
public:
    watchdog(Poco::ProcessHandle &child, std::chrono::seconds limit)
        : thread_([this, &child, limit] {
              std::unique_lock lock(mutex_);
              if (!finished_signal_.wait_for(lock, limit, [this] { return finished_; })) {
                  fired_ = true;
                  Poco::Process::kill(child);
              }
          }) {}
    watchdog(const watchdog &) = delete;
    watchdog &operator=(const watchdog &) = delete;
    ~watchdog() { stop(); }

    // Returns whether the watchdog killed the child.
    bool stop() {
        {
            const std::lock_guard lock(mutex_);
            finished_ = true;
        }
        finished_signal_.notify_one();
        if (thread_.joinable()) thread_.join();
        return fired_;
    }

private:
    std::mutex mutex_;
    std::condition_variable finished_signal_;
    bool finished_ = false;
    bool fired_ = false;
    std::thread thread_;
};

}  // namespace

plugin_worker::plugin_worker(std::filesystem::path executable, worker_limits limits)
    : executable_(std::move(executable)), limits_(limits) {
    std::signal(SIGPIPE, SIG_IGN);
}

void plugin_worker::run(const std::vector<std::string> &arguments, std::string_view input, std::ostream &out,
                        const std::string &who, std::string_view doing) const {
    std::vector<std::string> words{"plugin-worker", "--memory-mb", std::to_string(limits_.memory_megabytes),
                                   "--cpu-seconds", std::to_string(limits_.processor_time.count())};
    words.insert(words.end(), arguments.begin(), arguments.end());
    Poco::Pipe to_child;
    Poco::Pipe from_child;
    Poco::Pipe errors_from_child;
    Poco::ProcessHandle child = Poco::Process::launch(executable_.string(), words, &to_child, &from_child, &errors_from_child);
    watchdog timer(child, limits_.wall_time);

    // Three pipes at once: a child blocked writing one while the host waits on another would hang both.
    std::thread feeder([&to_child, input] {
        try {
            std::size_t sent = 0;
            while (sent < input.size()) {
                const int written = to_child.writeBytes(input.data() + sent, static_cast<int>(std::min<std::size_t>(input.size() - sent, 1 << 16)));
                if (written <= 0) break;
                sent += static_cast<std::size_t>(written);
            }
        } catch (const std::exception &) {
            // The child stopped reading (it died): its status says why.
        }
        to_child.close(Poco::Pipe::CLOSE_WRITE);
    });
    std::string errors;
    std::thread error_reader([&errors_from_child, &errors] {
        Poco::PipeInputStream stream(errors_from_child);
        errors.assign(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
    });
    {
        // Copied by hand: `out << rdbuf()` marks `out` failed when the child wrote nothing at all.
        Poco::PipeInputStream stream(from_child);
        std::array<char, 1 << 16> buffer{};
        while (stream.read(buffer.data(), buffer.size()) || stream.gcount() > 0) out.write(buffer.data(), stream.gcount());
    }
    error_reader.join();
    feeder.join();
    // Waited for without reaping (WNOWAIT), so the watchdog never kills a process id the system has
    // given to someone else; reaped once the watchdog has stopped.
    siginfo_t exited{};
    while (::waitid(P_PID, static_cast<id_t>(child.id()), &exited, WEXITED | WNOWAIT) != 0 && errno == EINTR) {
    }
    const bool timed_out = timer.stop();
    const int status = child.wait();
    if (status == 0) return;

    const std::string stopped = who + " ";
    const std::string nothing = " while " + std::string(doing) + "; nothing was produced, and the server carries on.";
    if (timed_out) {
        throw plugin_error(WAYMARK_ERROR_INTERNAL, stopped + "did not finish within " +
                                                       std::to_string(limits_.wall_time.count()) + " s and was stopped" + nothing);
    }
    if (status == signalled_base + SIGXCPU) {
        throw plugin_error(WAYMARK_ERROR_INTERNAL, stopped + "used more than " + std::to_string(limits_.processor_time.count()) +
                                                       " s of processor time and was stopped" + nothing);
    }
    if (status > signalled_base) {
        throw plugin_error(WAYMARK_ERROR_INTERNAL, stopped + "crashed (" + signal_name(status - signalled_base) + ")" + nothing);
    }
    if (status == worker_out_of_memory_status) {
        throw plugin_error(WAYMARK_ERROR_INTERNAL, stopped + "ran out of its " + std::to_string(limits_.memory_megabytes) +
                                                       " MB memory limit" + nothing);
    }
    const std::string said = last_line(errors);
    if (status >= WAYMARK_ERROR_INVALID_INPUT && status <= WAYMARK_ERROR_INTERNAL && !said.empty()) {
        throw plugin_error(status, said);
    }
    throw plugin_error(WAYMARK_ERROR_INTERNAL, stopped + "stopped with exit status " + std::to_string(status) +
                                                   (said.empty() ? "" : " (" + said + ")") + nothing);
}

std::filesystem::path worker_executable() {
    const char *named = std::getenv("WAYMARK_EXECUTABLE");
    return named != nullptr && *named != '\0' ? std::filesystem::path(named) : std::filesystem::path("/proc/self/exe");
}

void limit_this_process(const worker_limits &limits) {
    const auto set = [](int resource, rlim_t soft, rlim_t hard) {
        const rlimit limit{soft, hard};
        if (::setrlimit(resource, &limit) != 0) throw std::system_error(errno, std::generic_category(), "setrlimit");
    };
    // The soft limit sends SIGXCPU; the hard one, a second later, SIGKILL for a plugin that ignores it.
    const auto processor = static_cast<rlim_t>(limits.processor_time.count());
    set(RLIMIT_CPU, processor, processor + 1);
#if !defined(__SANITIZE_ADDRESS__)
    const auto memory = static_cast<rlim_t>(limits.memory_megabytes) * 1024 * 1024;
    set(RLIMIT_AS, memory, memory);
#endif
}

}  // namespace waymark::plugins
