#include "plugin_host/library.hpp"

#include "plugin_host/elf_probe.hpp"
#include "plugin_host/plugin_error.hpp"
#include "plugin_host/struct_prefix.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>

namespace waymark::plugins {

namespace {

// The sizes of the SDK 1.0 structures: the smallest a plugin of this major version may declare.
constexpr std::size_t entry_version_end = offsetof(waymark_entry, sdk_version) + sizeof(waymark_version);
constexpr std::size_t entry_v1_size = sizeof(waymark_entry);
constexpr std::size_t factory_v1_size = sizeof(waymark_plugin_factory);
constexpr std::size_t descriptor_v1_size = sizeof(waymark_plugin_descriptor);

constexpr std::array<std::string_view, 5> known_kinds{WAYMARK_KIND_SCHEME, WAYMARK_KIND_TRAJECTORY,
                                                      WAYMARK_KIND_PREDICTOR, WAYMARK_KIND_VALIDATOR,
                                                      WAYMARK_KIND_RENDERER};

std::string without_final_stop(std::string text) {
    while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
    return text;
}

void log_from_plugin(const waymark_host *host, int32_t level, const char *message) noexcept {
    if (host == nullptr || host->host_data == nullptr || message == nullptr) return;
    try {
        const auto &log_context = *static_cast<const library_log_context *>(host->host_data);
        log_context.log->write(std::clamp<int32_t>(level, WAYMARK_LOG_DEBUG, WAYMARK_LOG_ERROR), log_context.source,
                               sanitized_utf8(message));
    } catch (...) {
        // A log line that cannot be written is not worth failing the plugin's call for.
    }
}

}  // namespace

std::string version_text(const waymark_version &version) {
    return std::to_string(version.major) + "." + std::to_string(version.minor) + "." + std::to_string(version.patch);
}

std::shared_ptr<const loaded_library> loaded_library::load(const std::filesystem::path &file, logger &log) {
    std::shared_ptr<loaded_library> library(new loaded_library(file, log));
    // From here a refusal destroys `library`, which runs deinit if init succeeded, then unloads.
    library->run_init();
    library->read_factory();
    return library;
}

loaded_library::loaded_library(const std::filesystem::path &file, logger &log)
    : file_(file), context_{&log, file.filename().string()} {
    if (const auto problem = shared_library_problem(file)) throw load_refused(refusal(*problem));

    boost::dll::fs::error_code ec;
    library_.load(file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, ec);
    if (ec || !library_.is_loaded()) {
        // dlerror() names the missing symbol or dependency; Boost's own error code does not.
        const char *why = dlerror();
        throw load_refused(refusal("the system could not load it: " +
                                   (why != nullptr ? sanitized_utf8(why) : ec.message())));
    }
    if (!library_.has(WAYMARK_ENTRY_SYMBOL)) {
        throw load_refused(refusal("it does not export the symbol " WAYMARK_ENTRY_SYMBOL
                                   ", so it is not a Waymark plugin (build it with waymark_add_plugin)"));
    }
    const auto *entry = &library_.get<const waymark_entry>(WAYMARK_ENTRY_SYMBOL);
    const uint32_t size = declared_size(entry);
    if (size < entry_version_end) {
        throw load_refused(refusal("its " WAYMARK_ENTRY_SYMBOL " declares " + std::to_string(size) +
                                   " bytes, too few to hold an SDK version"));
    }
    waymark_version version{};
    std::memcpy(&version, reinterpret_cast<const unsigned char *>(entry) + offsetof(waymark_entry, sdk_version),
                sizeof version);
    sdk_version_ = version;
    if (version.major != WAYMARK_SDK_VERSION_MAJOR) {
        const waymark_version host_version WAYMARK_SDK_VERSION_INIT;
        throw load_refused(refusal("it was built with Waymark SDK " + version_text(version) +
                                   ", but this host uses SDK " + version_text(host_version) +
                                   " and accepts only plugins built with SDK " +
                                   std::to_string(WAYMARK_SDK_VERSION_MAJOR) + ".x"));
    }
    if (size < entry_v1_size) {
        throw load_refused(refusal("its " WAYMARK_ENTRY_SYMBOL " declares " + std::to_string(size) +
                                   " bytes, fewer than the " + std::to_string(entry_v1_size) + " bytes of SDK " +
                                   std::to_string(WAYMARK_SDK_VERSION_MAJOR) + ".0"));
    }
    entry_ = read_prefix(entry);
    if (entry_.get_factory == nullptr) throw load_refused(refusal("its entry has no get_factory function"));

    const waymark_version host_version WAYMARK_SDK_VERSION_INIT;
    host_ = waymark_host{sizeof(waymark_host), host_version, "waymark", WAYMARK_HOST_VERSION_TEXT, &context_,
                         &log_from_plugin};
}

loaded_library::~loaded_library() {
    if (initialised_ && entry_.deinit != nullptr) entry_.deinit();
    // library_ unloads itself after this body.
}

void loaded_library::run_init() {
    if (entry_.init == nullptr) {
        initialised_ = true;
        return;
    }
    message_buffer error;
    const waymark_status status = entry_.init(&host_, error.get());
    if (status != WAYMARK_OK) {
        throw load_refused(refusal("its init failed (" + status_name(status) +
                                   "): " + without_final_stop(error.text("it gave no reason"))));
    }
    initialised_ = true;
}

void loaded_library::read_factory() {
    factory_table_ = entry_.get_factory();
    if (factory_table_ == nullptr) throw load_refused(refusal("its get_factory returned no factory"));
    const uint32_t size = declared_size(factory_table_);
    if (size < factory_v1_size) {
        throw load_refused(refusal("its factory declares " + std::to_string(size) + " bytes, fewer than the " +
                                   std::to_string(factory_v1_size) + " bytes of SDK 1.0"));
    }
    factory_ = read_prefix(factory_table_);
    if (factory_.count == nullptr || factory_.descriptor == nullptr || factory_.create == nullptr) {
        throw load_refused(refusal("its factory lacks one of the functions count, descriptor and create"));
    }
    const uint32_t count = factory_.count(factory_table_);
    if (count == 0) throw load_refused(refusal("its factory offers no plugins"));
    for (uint32_t index = 0; index < count; ++index) {
        const waymark_plugin_descriptor *given = factory_.descriptor(factory_table_, index);
        const std::string which = "descriptor " + std::to_string(index);
        if (given == nullptr) throw load_refused(refusal("its factory returned no " + which));
        if (declared_size(given) < descriptor_v1_size) {
            throw load_refused(refusal("its " + which + " declares " + std::to_string(declared_size(given)) +
                                       " bytes, fewer than the " + std::to_string(descriptor_v1_size) +
                                       " bytes of SDK 1.0"));
        }
        const waymark_plugin_descriptor d = read_prefix(given);
        const std::array<std::pair<const char *, const char *>, 5> required{
            {{"id", d.id}, {"kind", d.kind}, {"name", d.name}, {"vendor", d.vendor}, {"version", d.version}}};
        for (const auto &[field, value] : required) {
            if (value == nullptr || *value == '\0') {
                throw load_refused(refusal("its " + which + " has no " + field));
            }
        }
        descriptor_info info{sanitized_utf8(d.id),     sanitized_utf8(d.kind),    sanitized_utf8(d.name),
                             sanitized_utf8(d.vendor), sanitized_utf8(d.version),
                             d.description != nullptr ? sanitized_utf8(d.description) : std::string()};
        if (std::find(known_kinds.begin(), known_kinds.end(), info.kind) == known_kinds.end()) {
            throw load_refused(refusal("its plugin '" + info.id + "' has the unknown kind '" + info.kind +
                                       "' (this host knows waymark.scheme/1, waymark.trajectory/1, "
                                       "waymark.predictor/1, waymark.validator/1 and waymark.renderer/1)"));
        }
        if (find(info.id) != nullptr) {
            throw load_refused(refusal("it offers the plugin id '" + info.id + "' twice"));
        }
        descriptors_.push_back(std::move(info));
    }
}

const descriptor_info *loaded_library::find(std::string_view id) const {
    const auto it = std::find_if(descriptors_.begin(), descriptors_.end(),
                                 [&](const descriptor_info &d) { return d.id == id; });
    return it == descriptors_.end() ? nullptr : &*it;
}

const waymark_plugin *loaded_library::create(std::string_view id, std::string_view config) const {
    const std::string id_text(id);
    const std::string config_text(config);
    const waymark_plugin *plugin = nullptr;
    message_buffer error;
    const waymark_status status =
        factory_.create(factory_table_, &host_, id_text.c_str(), config_text.c_str(), &plugin, error.get());
    const std::string who = "Plugin '" + id_text + "' (" + file_.filename().string() + ")";
    if (status != WAYMARK_OK) {
        throw plugin_error(status, who + " could not be created: " +
                                       without_final_stop(error.text(status_name(status))) + ".");
    }
    if (plugin == nullptr) {
        throw plugin_error(WAYMARK_ERROR_INTERNAL, who + " reported success but created nothing.");
    }
    return plugin;
}

std::string loaded_library::refusal(std::string_view reason) const {
    return "The plugin file '" + file_.string() + "' was refused: " + std::string(reason) + ".";
}

}  // namespace waymark::plugins
