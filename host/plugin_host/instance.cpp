#include "plugin_host/instance.hpp"

#include <utility>

namespace waymark::plugins {

instance::instance(std::shared_ptr<const loaded_library> library, const descriptor_info &descriptor,
                   const waymark_plugin *plugin)
    : library_(std::move(library)), plugin_(plugin), descriptor_(&descriptor) {
    if (declared_size(plugin) < sizeof(waymark_plugin)) {
        // Without a whole table the host cannot even trust destroy(): the object is abandoned.
        plugin_ = nullptr;
        throw plugin_error(WAYMARK_ERROR_INTERNAL, name_for_messages() + " created an object whose table is " +
                                                       std::to_string(declared_size(plugin)) +
                                                       " bytes, fewer than SDK 1.0's " +
                                                       std::to_string(sizeof(waymark_plugin)) + ".");
    }
    const waymark_plugin table = read_prefix(plugin);
    destroy_ = table.destroy;
    get_interface_ = table.get_interface;
    if (destroy_ == nullptr || get_interface_ == nullptr) {
        release();
        throw plugin_error(WAYMARK_ERROR_INTERNAL,
                           name_for_messages() + " created an object without destroy or get_interface functions.");
    }
}

instance::instance(instance &&other) noexcept
    : library_(std::move(other.library_)),
      plugin_(std::exchange(other.plugin_, nullptr)),
      descriptor_(other.descriptor_),
      destroy_(other.destroy_),
      get_interface_(other.get_interface_) {}

instance &instance::operator=(instance &&other) noexcept {
    if (this != &other) {
        release();
        library_ = std::move(other.library_);
        plugin_ = std::exchange(other.plugin_, nullptr);
        descriptor_ = other.descriptor_;
        destroy_ = other.destroy_;
        get_interface_ = other.get_interface_;
    }
    return *this;
}

instance::~instance() { release(); }

void instance::release() noexcept {
    // The object is destroyed while its library is still loaded; only then may the library go.
    if (plugin_ != nullptr && destroy_ != nullptr) destroy_(plugin_);
    plugin_ = nullptr;
    library_.reset();
}

std::string instance::name_for_messages() const {
    return "Plugin '" + descriptor_->id + "' (" + library_->file().filename().string() + ")";
}

const void *instance::raw_interface(std::string_view interface_id) const {
    const std::string id(interface_id);
    return get_interface_(plugin_, id.c_str());
}

void instance::check_table_size(std::string_view interface_id, uint32_t declared, std::size_t minimum) const {
    if (declared < minimum) {
        throw plugin_error(WAYMARK_ERROR_UNSUPPORTED,
                           name_for_messages() + " offers " + std::string(interface_id) + " with a table of " +
                               std::to_string(declared) + " bytes, fewer than the " + std::to_string(minimum) +
                               " this host needs.");
    }
}

}  // namespace waymark::plugins
