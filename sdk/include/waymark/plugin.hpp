// Waymark plugin SDK, C++ side: write a plugin as an ordinary C++ class and let this header build
// the C tables of <waymark/plugin.h>. Every trampoline catches every exception, so a plugin author
// may throw; the host only ever sees a status and a sentence.
//
//   class my_scheme : public waymark::scheme_base {
//   public:
//       static constexpr waymark::plugin_info info{"com.acme.my-scheme", WAYMARK_KIND_SCHEME,
//                                                  "My scheme", "Acme", "1.0.0", "One sentence."};
//       explicit my_scheme(const waymark::plugin_args &args);
//       // scheme_base wants: grades(), parse(), evaluate(); describe() is optional.
//       // Add progress() and expected_points() to offer the progress interface.
//   };
//   WAYMARK_PLUGIN_LIBRARY(my_scheme)
#ifndef WAYMARK_PLUGIN_HPP
#define WAYMARK_PLUGIN_HPP

#include <waymark/plugin.h>

#include <algorithm>
#include <concepts>
#include <cstring>
#include <exception>
#include <new>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace waymark {

// Thrown by plugin code for bad input from the user; becomes WAYMARK_ERROR_INVALID_INPUT.
class invalid_input : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Thrown for a capability the plugin does not offer; becomes WAYMARK_ERROR_UNSUPPORTED.
class unsupported : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct plugin_info {
    const char *id;
    const char *kind;
    const char *name;
    const char *vendor;
    const char *version;
    const char *description;
};

// What a plugin's constructor receives.
struct plugin_args {
    const waymark_host *host;
    std::string_view config;

    void log(int32_t level, const std::string &message) const {
        if (host != nullptr && host->log != nullptr) host->log(host, level, message.c_str());
    }
};

// A grade as a plugin author declares it; the wrapper keeps the strings alive.
struct grade_def {
    std::string code;
    std::string label;
    bool has_points = false;
    double points = 0.0;
    uint32_t colour_rgb = 0xFFFFFF;
};

struct context {
    int32_t nc_year = 0;
    int32_t term = WAYMARK_TERM_AUTUMN;
    std::string_view subject;

    static context from(const waymark_context *c) {
        context out;
        if (c == nullptr) return out;
        out.nc_year = c->nc_year;
        out.term = c->term;
        out.subject = c->subject != nullptr ? std::string_view(c->subject) : std::string_view();
        return out;
    }
};

// Base class for scheme plugins: holds the grade table the C interface hands out.
class scheme_base {
public:
    virtual ~scheme_base() = default;

    const std::vector<grade_def> &grade_defs() const { return grade_defs_; }
    const std::vector<waymark_grade> &grade_table() const { return grade_table_; }

protected:
    // Call once from the constructor, lowest grade first.
    void set_grades(std::vector<grade_def> grades) {
        grade_defs_ = std::move(grades);
        grade_table_.clear();
        grade_table_.reserve(grade_defs_.size());
        for (const auto &g : grade_defs_) {
            grade_table_.push_back(waymark_grade{sizeof(waymark_grade), g.code.c_str(), g.label.c_str(),
                                                 g.has_points ? 1 : 0, g.points, g.colour_rgb});
        }
    }

private:
    std::vector<grade_def> grade_defs_;
    std::vector<waymark_grade> grade_table_;
};

namespace detail {

inline void write_message(waymark_message *message, std::string_view text) noexcept {
    if (message == nullptr || message->text == nullptr || message->capacity == 0) return;
    std::size_t n = std::min<std::size_t>(text.size(), message->capacity - 1);
    // Never cut a UTF-8 sequence in half.
    while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    std::memcpy(message->text, text.data(), n);
    message->text[n] = '\0';
}

// Runs `body`, turning every exception into a status and a sentence.
template <class Body>
waymark_status guarded(waymark_message *error, Body &&body) noexcept {
    try {
        body();
        return WAYMARK_OK;
    } catch (const invalid_input &e) {
        write_message(error, e.what());
        return WAYMARK_ERROR_INVALID_INPUT;
    } catch (const unsupported &e) {
        write_message(error, e.what());
        return WAYMARK_ERROR_UNSUPPORTED;
    } catch (const std::bad_alloc &) {
        write_message(error, "The plugin ran out of memory.");
        return WAYMARK_ERROR_INTERNAL;
    } catch (const std::exception &e) {
        write_message(error, e.what());
        return WAYMARK_ERROR_INTERNAL;
    } catch (...) {
        write_message(error, "The plugin failed with an unknown error.");
        return WAYMARK_ERROR_INTERNAL;
    }
}

template <class T>
concept scheme_plugin = std::derived_from<T, scheme_base> &&
    requires(const T &t, std::string_view input, const context &ctx, std::span<const uint32_t> grades,
             std::span<waymark_evaluation> out) {
        { t.parse(input, ctx) } -> std::convertible_to<uint32_t>;
        t.evaluate(ctx, grades, out);
    };

template <class T>
concept has_describe = requires(const T &t, uint32_t grade, const context &ctx) {
    { t.describe(grade, ctx) } -> std::convertible_to<std::string>;
};

template <class T>
concept progress_plugin = requires(const T &t, uint32_t grade, const context &ctx) {
    { t.progress(grade, ctx, grade, ctx) } -> std::same_as<waymark_progress>;
    { t.expected_points(ctx, ctx) } -> std::convertible_to<double>;
};

template <class T>
concept trajectory_plugin = requires(const T &t, const waymark_trajectory_request &r, std::span<double> out) {
    t.plot(r, out);
};

template <class T>
concept predictor_plugin = requires(const T &t, const waymark_prediction_request &r, std::string &note) {
    { t.predict(r, note) } -> std::same_as<waymark_prediction>;
};

template <class T>
concept validator_plugin = requires(const T &t, std::span<const waymark_target_case> cases) {
    t.validate(cases, [](uint32_t, const char *, int32_t, const std::string &) {});
};

template <class T>
concept renderer_plugin = requires(T &t, std::string_view document, std::vector<uint8_t> &out) {
    { T::format } -> std::convertible_to<const char *>;
    { T::media_type } -> std::convertible_to<const char *>;
    { T::file_extension } -> std::convertible_to<const char *>;
    t.render(document, [](const uint8_t *, uint64_t) {});
};

template <class T>
const T &self(const waymark_plugin *plugin) {
    return *static_cast<const T *>(plugin->plugin_data);
}

template <class T>
struct scheme_trampolines {
    static uint32_t grade_count(const waymark_plugin *p) noexcept {
        return static_cast<uint32_t>(self<T>(p).grade_table().size());
    }
    static const waymark_grade *grade(const waymark_plugin *p, uint32_t index) noexcept {
        const auto &table = self<T>(p).grade_table();
        return index < table.size() ? &table[index] : nullptr;
    }
    static waymark_status parse(const waymark_plugin *p, const char *input, const waymark_context *c,
                                uint32_t *grade_index, waymark_message *error) noexcept {
        return guarded(error, [&] {
            if (input == nullptr || grade_index == nullptr) throw invalid_input("No input was given.");
            *grade_index = self<T>(p).parse(input, context::from(c));
        });
    }
    static waymark_status describe(const waymark_plugin *p, uint32_t grade_index, const waymark_context *c,
                                   waymark_message *label) noexcept {
        return guarded(label, [&] {
            const T &scheme = self<T>(p);
            if (grade_index >= scheme.grade_table().size()) throw invalid_input("No such grade.");
            if constexpr (has_describe<T>) {
                write_message(label, scheme.describe(grade_index, context::from(c)));
            } else {
                write_message(label, scheme.grade_defs()[grade_index].label);
            }
        });
    }
    static waymark_status evaluate(const waymark_plugin *p, const waymark_context *c, const uint32_t *grades,
                                   uint32_t count, waymark_evaluation *out, waymark_message *error) noexcept {
        return guarded(error, [&] {
            const T &scheme = self<T>(p);
            const auto size = scheme.grade_table().size();
            for (uint32_t i = 0; i < count; ++i) {
                if (grades[i] >= size) throw invalid_input("A grade index is out of range for this scheme.");
            }
            scheme.evaluate(context::from(c), std::span<const uint32_t>(grades, count),
                            std::span<waymark_evaluation>(out, count));
        });
    }
    static constexpr waymark_scheme table{sizeof(waymark_scheme), grade_count, grade, parse, describe, evaluate};
};

template <class T>
struct progress_trampolines {
    static waymark_status progress(const waymark_plugin *p, uint32_t from_grade, const waymark_context *from,
                                   uint32_t to_grade, const waymark_context *to, waymark_progress *out,
                                   waymark_message *error) noexcept {
        return guarded(error, [&] {
            const T &scheme = self<T>(p);
            const auto size = scheme.grade_table().size();
            if (from_grade >= size || to_grade >= size) throw invalid_input("No such grade.");
            *out = scheme.progress(from_grade, context::from(from), to_grade, context::from(to));
        });
    }
    static waymark_status expected_points(const waymark_plugin *p, const waymark_context *from,
                                          const waymark_context *to, double *points,
                                          waymark_message *error) noexcept {
        return guarded(error, [&] { *points = self<T>(p).expected_points(context::from(from), context::from(to)); });
    }
    static constexpr waymark_scheme_progress table{sizeof(waymark_scheme_progress), progress, expected_points};
};

template <class T>
struct trajectory_trampolines {
    static waymark_status plot(const waymark_plugin *p, const waymark_trajectory_request *r, double *points,
                               waymark_message *error) noexcept {
        return guarded(error, [&] { self<T>(p).plot(*r, std::span<double>(points, r->term_count)); });
    }
    static constexpr waymark_trajectory table{sizeof(waymark_trajectory), plot};
};

template <class T>
struct predictor_trampolines {
    static waymark_status predict(const waymark_plugin *p, const waymark_prediction_request *r,
                                  waymark_prediction *out, waymark_message *note) noexcept {
        return guarded(note, [&] {
            std::string text;
            *out = self<T>(p).predict(*r, text);
            write_message(note, text);
        });
    }
    static constexpr waymark_predictor table{sizeof(waymark_predictor), predict};
};

template <class T>
struct validator_trampolines {
    static waymark_status validate(const waymark_plugin *p, const waymark_target_case *cases, uint32_t count,
                                   waymark_flag_fn emit, void *emit_context, waymark_message *error) noexcept {
        return guarded(error, [&] {
            self<T>(p).validate(std::span<const waymark_target_case>(cases, count),
                                [&](uint32_t index, const char *code, int32_t severity, const std::string &sentence) {
                                    if (emit(emit_context, index, code, severity, sentence.c_str()) != WAYMARK_OK) {
                                        throw std::runtime_error("The host stopped the validation.");
                                    }
                                });
        });
    }
    static constexpr waymark_validator table{sizeof(waymark_validator), validate};
};

template <class T>
struct renderer_trampolines {
    static waymark_status render(const waymark_plugin *p, const char *document, uint64_t length,
                                 waymark_write_fn write, void *write_context, waymark_message *error) noexcept {
        return guarded(error, [&] {
            // Renderers are per-instance serialized, so the instance may keep state between calls.
            T &renderer = const_cast<T &>(self<T>(p));
            renderer.render(std::string_view(document, length), [&](const uint8_t *bytes, uint64_t n) {
                if (write(write_context, bytes, n) != WAYMARK_OK) throw std::runtime_error("The host stopped the output.");
            });
        });
    }
    static constexpr waymark_renderer table{sizeof(waymark_renderer), T::format, T::media_type, T::file_extension,
                                            render};
};

template <class T>
const void *interface_of(const char *id) noexcept {
    const std::string_view wanted = id != nullptr ? id : "";
    if constexpr (scheme_plugin<T>) {
        if (wanted == WAYMARK_KIND_SCHEME) return &scheme_trampolines<T>::table;
    }
    if constexpr (progress_plugin<T>) {
        if (wanted == WAYMARK_INTERFACE_SCHEME_PROGRESS) return &progress_trampolines<T>::table;
    }
    if constexpr (trajectory_plugin<T>) {
        if (wanted == WAYMARK_KIND_TRAJECTORY) return &trajectory_trampolines<T>::table;
    }
    if constexpr (predictor_plugin<T>) {
        if (wanted == WAYMARK_KIND_PREDICTOR) return &predictor_trampolines<T>::table;
    }
    if constexpr (validator_plugin<T>) {
        if (wanted == WAYMARK_KIND_VALIDATOR) return &validator_trampolines<T>::table;
    }
    if constexpr (renderer_plugin<T>) {
        if (wanted == WAYMARK_KIND_RENDERER) return &renderer_trampolines<T>::table;
    }
    return nullptr;
}

template <class T>
struct instance {
    static constexpr waymark_plugin_descriptor descriptor{sizeof(waymark_plugin_descriptor), T::info.id,
                                                          T::info.kind, T::info.name, T::info.vendor,
                                                          T::info.version, T::info.description};

    static void destroy(const waymark_plugin *p) noexcept {
        delete static_cast<T *>(p->plugin_data);
        delete p;
    }
    static const void *get_interface(const waymark_plugin *p, const char *id) noexcept {
        (void)p;
        return interface_of<T>(id);
    }
    static const waymark_plugin *create(const waymark_host *host, const char *config) {
        T *state = new T(plugin_args{host, config != nullptr ? std::string_view(config) : std::string_view()});
        try {
            return new waymark_plugin{sizeof(waymark_plugin), &descriptor, state, destroy, get_interface};
        } catch (...) {
            delete state;
            throw;
        }
    }
};

template <class... Plugins>
struct library {
    static constexpr const waymark_plugin_descriptor *descriptors[] = {&instance<Plugins>::descriptor...};
    static constexpr const waymark_plugin *(*creators[])(const waymark_host *, const char *) = {
        &instance<Plugins>::create...};

    static uint32_t count(const waymark_plugin_factory *) noexcept { return sizeof...(Plugins); }
    static const waymark_plugin_descriptor *descriptor(const waymark_plugin_factory *, uint32_t index) noexcept {
        return index < sizeof...(Plugins) ? descriptors[index] : nullptr;
    }
    static waymark_status create(const waymark_plugin_factory *, const waymark_host *host, const char *id,
                                 const char *config, const waymark_plugin **out, waymark_message *error) noexcept {
        if (out == nullptr) return WAYMARK_ERROR_INVALID_INPUT;
        *out = nullptr;
        const std::string_view wanted = id != nullptr ? id : "";
        for (uint32_t i = 0; i < sizeof...(Plugins); ++i) {
            if (wanted == descriptors[i]->id) {
                return guarded(error, [&] { *out = creators[i](host, config); });
            }
        }
        write_message(error, "This library has no plugin with id '" + std::string(wanted) + "'.");
        return WAYMARK_ERROR_NOT_FOUND;
    }
    static constexpr waymark_plugin_factory factory{sizeof(waymark_plugin_factory), count, descriptor, create};
    static const waymark_plugin_factory *get_factory() noexcept { return &factory; }
};

}  // namespace detail
}  // namespace waymark

// Defines the library's exported entry for one or more plugin classes.
#define WAYMARK_PLUGIN_LIBRARY(...)                                                                   \
    WAYMARK_EXPORT_ENTRY = {sizeof(waymark_entry), WAYMARK_SDK_VERSION_INIT, nullptr, nullptr, \
                            &::waymark::detail::library<__VA_ARGS__>::get_factory};

#endif  // WAYMARK_PLUGIN_HPP
