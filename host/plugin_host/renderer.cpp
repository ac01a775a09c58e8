#include "plugin_host/renderer.hpp"

#include "plugin_host/registry.hpp"

#include "reports/document_json.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace waymark::plugins {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

waymark_status write_to_stream(void *context, const uint8_t *bytes, uint64_t length) {
    auto *out = static_cast<std::ostream *>(context);
    out->write(reinterpret_cast<const char *>(bytes), static_cast<std::streamsize>(length));
    return out->good() ? WAYMARK_OK : WAYMARK_ERROR_INTERNAL;
}

}  // namespace

renderer::renderer(instance plugin) : plugin_(std::move(plugin)) {
    const auto refuse = [&](const std::string &why) {
        throw plugin_error(WAYMARK_ERROR_UNSUPPORTED, plugin_.name_for_messages() + " cannot be used as a renderer: " + why + ".");
    };
    if (plugin_.descriptor().kind != WAYMARK_KIND_RENDERER) refuse("it is a " + plugin_.descriptor().kind + " plugin");
    const auto table = plugin_.interface<waymark_renderer>(WAYMARK_KIND_RENDERER);
    if (!table) refuse("it does not offer the " WAYMARK_KIND_RENDERER " interface");
    table_ = *table;
    if (table_.render == nullptr || table_.format == nullptr || *table_.format == '\0' || table_.media_type == nullptr ||
        table_.file_extension == nullptr) {
        refuse("its renderer table lacks a format, media type, file extension or render function");
    }
    format_ = lower(sanitized_utf8(table_.format));
    media_type_ = sanitized_utf8(table_.media_type);
    file_extension_ = sanitized_utf8(table_.file_extension);
}

renderer::renderer(renderer &&) noexcept = default;
renderer &renderer::operator=(renderer &&) noexcept = default;

void renderer::render(std::string_view document_json, std::ostream &out) const {
    reports::parse_document(document_json);
    render_checked(document_json, out);
}

void renderer::render(const reports::document &document, std::ostream &out) const {
    render_checked(reports::to_json(document), out);
}

void renderer::isolate(const plugin_worker &worker, std::string config) {
    worker_ = &worker;
    worker_config_ = std::move(config);
}

std::vector<std::string> render_worker_arguments(const std::filesystem::path &file, std::string_view id,
                                                 std::string_view config) {
    return {"render", file.string(), std::string(id), "--plugin-config", std::string(config)};
}

void renderer::render_checked(std::string_view document_json, std::ostream &out) const {
    if (worker_ != nullptr) {
        worker_->run(render_worker_arguments(plugin_.file(), plugin_.descriptor().id, worker_config_), document_json, out,
                     plugin_.name_for_messages(), "rendering the report");
        return;
    }
    message_buffer error;
    const waymark_status status = table_.render(plugin_.raw(), document_json.data(), document_json.size(),
                                                write_to_stream, &out, error.get());
    if (status == WAYMARK_OK) return;
    if (!out.good()) {
        throw plugin_error(WAYMARK_ERROR_INTERNAL, "The " + format_ + " output could not be written (disk full or closed?).");
    }
    std::string sentence = error.text(status_name(status));
    if (sentence.back() != '.') sentence += '.';
    throw plugin_error(status, plugin_.name_for_messages() + " could not render the report: " + sentence);
}

void renderer::render_to_file(std::string_view document_json, const std::filesystem::path &file) const {
    write_through_partial(file, [&](std::ostream &out) { render(document_json, out); });
}

void renderer::render_to_file(const reports::document &document, const std::filesystem::path &file) const {
    write_through_partial(file, [&](std::ostream &out) { render(document, out); });
}

void renderer::write_through_partial(const std::filesystem::path &file,
                                     const std::function<void(std::ostream &)> &render_into) const {
    std::filesystem::path partial = file;
    partial += ".partial";
    try {
        {
            std::ofstream out(partial, std::ios::binary | std::ios::trunc);
            if (!out) throw plugin_error(WAYMARK_ERROR_INVALID_INPUT, "Cannot write " + partial.string() + "; check the folder exists and is writable.");
            render_into(out);
            out.close();
            if (!out) throw plugin_error(WAYMARK_ERROR_INTERNAL, "Could not finish writing " + partial.string() + ".");
        }
        std::filesystem::rename(partial, file);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw;
    }
}

renderer find_renderer(const registry &plugins, std::string_view format, std::string_view config,
                       const plugin_worker *worker) {
    const std::string wanted = lower(format);
    std::string offered;
    for (const plugin_listing &listing : plugins.plugins_of_kind(WAYMARK_KIND_RENDERER)) {
        renderer candidate(plugins.create(listing.descriptor.id, config));
        if (candidate.format() == wanted) {
            if (worker != nullptr) candidate.isolate(*worker, std::string(config));
            return candidate;
        }
        offered += (offered.empty() ? "" : ", ") + candidate.format();
    }
    throw plugin_error(WAYMARK_ERROR_NOT_FOUND, "No loaded renderer writes '" + std::string(format) + "'; " +
                                                    (offered.empty() ? std::string("no renderer plugin is loaded.")
                                                                     : "the formats on offer are " + offered + "."));
}

}  // namespace waymark::plugins
