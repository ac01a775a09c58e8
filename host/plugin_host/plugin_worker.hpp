// Where a plugin call that might crash, hang or eat memory runs, so that it cannot take the server
// down: a child process (the host's own executable, `waymark plugin-worker ...`) that limits its own
// processor time and memory with setrlimit and is killed when it outlives its wall-clock limit. A
// child per call: nothing a misbehaving plugin leaves behind (a corrupted heap, a stuck thread)
// outlives the call, and the next call starts clean. What stopped the child becomes one sentence.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::plugins {

struct worker_limits {
    std::chrono::seconds wall_time{60};       // killed (SIGKILL) when still running after this
    std::chrono::seconds processor_time{60};  // RLIMIT_CPU: a busy loop is stopped by the kernel
    std::size_t memory_megabytes = 1024;      // RLIMIT_AS: an allocation beyond it fails
};

// The exit status of a worker that ran out of memory, beyond the plugin's own waymark_status (1 to
// 4); a wrong call exits 2, as every command does.
inline constexpr int worker_out_of_memory_status = 20;

class plugin_worker {
public:
    // `executable` is a waymark binary: "/proc/self/exe" names the running one, even after an
    // upgrade replaced the file. Ignores SIGPIPE for the whole process, so a child that dies before
    // reading all of its input leaves the host a write error instead of killing it.
    plugin_worker(std::filesystem::path executable, worker_limits limits);

    const worker_limits &limits() const { return limits_; }

    // Runs `executable plugin-worker --memory-mb M --cpu-seconds S <arguments>` with `input` on its
    // standard input, copying its standard output to `out`. When the child fails, throws plugin_error:
    // with the child's own status and sentence (the last line of its standard error) when it exited,
    // or "<who> crashed (SIGSEGV, ...)/did not finish within N s ... while <doing>" when something
    // stopped it.
    void run(const std::vector<std::string> &arguments, std::string_view input, std::ostream &out,
             const std::string &who, std::string_view doing) const;

private:
    std::filesystem::path executable_;
    worker_limits limits_;
};

// The waymark executable a worker runs: $WAYMARK_EXECUTABLE when set (a test that runs commands
// inside its own test program names the built waymark), else the running program, /proc/self/exe.
std::filesystem::path worker_executable();

// In the worker: limits the calling process as `limits` says (a sanitizer build keeps its address
// space, which the sanitizer's shadow memory needs). Throws std::system_error when setrlimit fails.
void limit_this_process(const worker_limits &limits);

}  // namespace waymark::plugins
