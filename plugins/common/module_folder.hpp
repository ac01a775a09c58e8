// The folder a plugin module was loaded from: where the files installed beside it are.
#pragma once

#include <dlfcn.h>

#include <filesystem>

namespace waymark::plugin_files {

// Asked with an address inside the module (the module's symbols are its own: hidden, and localised by
// the plugin version script), dladdr names the file it was loaded from. Empty when it cannot say.
inline std::filesystem::path module_folder() {
    static const char inside_this_module = 0;
    Dl_info module{};
    if (dladdr(&inside_this_module, &module) == 0 || module.dli_fname == nullptr) return {};
    return std::filesystem::path(module.dli_fname).parent_path();
}

}  // namespace waymark::plugin_files
