// A renderer plugin (WAYMARK_KIND_RENDERER) as the host uses it: a report document (the JSON model
// of reports/DOCUMENT_MODEL.md) in, the bytes of one format out. The host checks the document
// itself before any plugin sees it, so a malformed document is refused with the same sentence
// (naming its JSON path) whichever renderer was asked.
#pragma once

#include "plugin_host/instance.hpp"
#include "plugin_host/plugin_worker.hpp"
#include "reports/document.hpp"

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::plugins {

class registry;

class renderer {
public:
    // Refuses (plugin_error) an instance that is not a renderer or whose table is incomplete.
    explicit renderer(instance plugin);
    renderer(renderer &&) noexcept;
    renderer &operator=(renderer &&) noexcept;

    const instance &plugin() const { return plugin_; }
    const std::string &format() const { return format_; }              // "pdf"
    const std::string &media_type() const { return media_type_; }      // "application/pdf"
    const std::string &file_extension() const { return file_extension_; }  // ".pdf"

    // From now on every render runs in `worker` (a child process with its own instance of this plugin,
    // created with `config` as this one was), so a renderer that crashes, hangs or eats memory costs
    // one refused report instead of the server. `worker` must outlive this renderer.
    void isolate(const plugin_worker &worker, std::string config);

    // Writes the rendered document to `out`. Throws reports::document_error (WAYMARK_ERROR_INVALID_INPUT
    // sentence naming the JSON path) for a malformed document before the plugin is called, and
    // plugin_error when the plugin fails or `out` stops accepting bytes. Per-instance serialized.
    void render(std::string_view document_json, std::ostream &out) const;
    // Renders into `file` through a temporary file beside it, so a failure leaves no half-written file
    // and an earlier file of that name untouched.
    void render_to_file(std::string_view document_json, const std::filesystem::path &file) const;
    // The same for a document the host built: to_json() writes JSON that parse_document() reads back,
    // so it goes to the plugin without that check (a twentieth of a `waymark report` process).
    void render(const reports::document &document, std::ostream &out) const;
    void render_to_file(const reports::document &document, const std::filesystem::path &file) const;

private:
    // The plugin's render call on JSON already known to be a document.
    void render_checked(std::string_view document_json, std::ostream &out) const;
    // Runs `render_into` on a temporary file beside `file`, then puts it in its place.
    void write_through_partial(const std::filesystem::path &file, const std::function<void(std::ostream &)> &render_into) const;

    instance plugin_;
    const plugin_worker *worker_ = nullptr;
    std::string worker_config_;
    waymark_renderer table_{};
    std::string format_;
    std::string media_type_;
    std::string file_extension_;
};

// A renderer for `format` ("pdf", "xlsx", "csv"; case-insensitive) from the loaded plugins, created
// with `config`, rendering in `worker` when one is given (renderer::isolate). Throws plugin_error
// listing the formats on offer when none renders `format`.
renderer find_renderer(const registry &plugins, std::string_view format, std::string_view config = "",
                       const plugin_worker *worker = nullptr);

// The arguments of `waymark plugin-worker` that render with plugin `id` of `file`, created with
// `config`: the document JSON on its standard input, the rendered bytes on its standard output.
std::vector<std::string> render_worker_arguments(const std::filesystem::path &file, std::string_view id,
                                                 std::string_view config);

}  // namespace waymark::plugins
