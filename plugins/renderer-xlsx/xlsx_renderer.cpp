#include "xlsx_renderer.hpp"
#include "xlsx_workbook.hpp"

#include "module_folder.hpp"

#include <dlfcn.h>

#include <stdexcept>

namespace waymark::renderers {

namespace {

// renderer-xlsx/workbook.so beside this module, loaded once for the process (it stays loaded: the
// function may be running on another thread) and only by the first workbook written.
decltype(&waymark_xlsx_write_workbook) workbook_writer() {
    static const auto writer = [] {
        const auto file = plugin_files::module_folder() / "renderer-xlsx" / "workbook.so";
        void *module = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
        void *function = module != nullptr ? dlsym(module, "waymark_xlsx_write_workbook") : nullptr;
        if (function == nullptr) {
            const char *why = dlerror();
            throw std::runtime_error("The XLSX renderer cannot load its workbook writer " + file.string() + " (" +
                                     (why != nullptr ? why : "no reason given") +
                                     "); install Waymark's plugins again, with the renderer-xlsx folder beside renderer-xlsx.so.");
        }
        return reinterpret_cast<decltype(&waymark_xlsx_write_workbook)>(function);
    }();
    return writer;
}

}  // namespace

void xlsx_renderer::render(std::string_view document, const std::function<void(const uint8_t *, uint64_t)> &write) const {
    workbook_writer()(document, write);
}

}  // namespace waymark::renderers
