/*
 * Waymark plugin SDK, version 1: the C boundary between the waymark host and a plugin.
 *
 * Read this file top to bottom once; it is the whole contract. C++ authors should use
 * <waymark/plugin.hpp>, which builds these tables from an ordinary class.
 *
 * Rules that hold for every structure and function below:
 *  - A plugin is a shared library that exports one data symbol, `waymark_plugin_entry`
 *    (see WAYMARK_EXPORT_ENTRY). Nothing else need be exported.
 *  - Every structure starts with `struct_size`. The host accepts a plugin whose SDK major version
 *    equals its own, whatever its minor version, and reads only the prefix of each structure that
 *    both sides know. New fields are only ever appended, in a new minor version.
 *  - Only fixed-width integers, doubles, NUL-terminated UTF-8 `const char *` and opaque handles cross
 *    the boundary. No enums in layouts (constants are #defines over int32_t), no C++ types, and no
 *    exception may leave a plugin function.
 *  - Errors: a function that can fail returns a waymark_status (WAYMARK_OK is 0) and takes a
 *    `waymark_message *`, a caller-owned buffer the callee fills with one sentence, truncated to fit
 *    and always NUL-terminated. The pointer may be NULL when the caller does not want the text.
 *  - Ownership: whoever allocates frees. Strings a plugin returns (descriptors, grade codes, labels)
 *    are owned by the plugin and stay valid until the instance that returned them is destroyed (or,
 *    for descriptors, until the library is unloaded). Long outputs go through a host-provided
 *    waymark_write_fn instead of plugin-allocated memory.
 *  - Threads: each function says "thread-safe" (callable from any thread at any time) or
 *    "per-instance serialized" (the host never calls two of them on the same instance at once).
 */
#ifndef WAYMARK_PLUGIN_H
#define WAYMARK_PLUGIN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WAYMARK_SDK_VERSION_MAJOR 1
#define WAYMARK_SDK_VERSION_MINOR 0
#define WAYMARK_SDK_VERSION_PATCH 0

#if defined(_WIN32)
#define WAYMARK_EXPORT __declspec(dllexport)
#else
#define WAYMARK_EXPORT __attribute__((visibility("default")))
#endif

/* Defines the one exported symbol, `waymark_plugin_entry` of type waymark_entry:
 *     WAYMARK_EXPORT_ENTRY = { sizeof(waymark_entry), WAYMARK_SDK_VERSION_INIT, init, deinit, get_factory };
 * Use exactly once per plugin library. */
#ifdef __cplusplus
#define WAYMARK_EXTERN_C extern "C"
#else
#define WAYMARK_EXTERN_C extern
#endif
#define WAYMARK_EXPORT_ENTRY \
    WAYMARK_EXTERN_C WAYMARK_EXPORT const waymark_entry waymark_plugin_entry; \
    const waymark_entry waymark_plugin_entry
#define WAYMARK_ENTRY_SYMBOL "waymark_plugin_entry"

typedef struct waymark_version {
    uint32_t major;
    uint32_t minor;
    uint32_t patch;
} waymark_version;

#define WAYMARK_SDK_VERSION_INIT \
    { WAYMARK_SDK_VERSION_MAJOR, WAYMARK_SDK_VERSION_MINOR, WAYMARK_SDK_VERSION_PATCH }

/* ---- Status codes and messages ------------------------------------------------------------- */

typedef int32_t waymark_status;
#define WAYMARK_OK 0
#define WAYMARK_ERROR_INVALID_INPUT 1 /* the caller's data is wrong: the message says how to fix it */
#define WAYMARK_ERROR_UNSUPPORTED 2   /* the plugin does not offer this (e.g. progress in four-band) */
#define WAYMARK_ERROR_NOT_FOUND 3     /* unknown plugin id, grade index or interface */
#define WAYMARK_ERROR_INTERNAL 4      /* a fault inside the plugin; the message names it */

/* A caller-owned buffer for one sentence of UTF-8. The callee writes at most capacity bytes,
 * including the terminating NUL. The host passes 1024 bytes and never trusts the result: it reads
 * no further than capacity and replaces bytes that are not UTF-8. */
typedef struct waymark_message {
    char *text;
    uint32_t capacity;
} waymark_message;

/* Receives long output (a rendered PDF, say) in pieces. Returns WAYMARK_OK to continue; any other
 * value asks the writer to stop and return that status. Called only on the thread that made the call
 * it was passed to. */
typedef waymark_status (*waymark_write_fn)(void *context, const uint8_t *bytes, uint64_t length);

/* ---- What the host offers a plugin --------------------------------------------------------- */

#define WAYMARK_LOG_DEBUG 0
#define WAYMARK_LOG_INFO 1
#define WAYMARK_LOG_WARNING 2
#define WAYMARK_LOG_ERROR 3

typedef struct waymark_host {
    uint32_t struct_size;
    waymark_version sdk_version; /* the SDK the host was built with */
    const char *name;            /* "waymark" */
    const char *version;         /* the host's own version, e.g. "0.1.0" */
    void *host_data;             /* reserved for the host; plugins must not touch it */

    /* Writes one line to the host's log. Thread-safe. */
    void (*log)(const struct waymark_host *host, int32_t level, const char *message);
} waymark_host;

/* ---- Entry, factory, instances ------------------------------------------------------------- */

/* The kinds of plugin. A descriptor's `kind` is one of these strings, and an instance of that kind
 * returns the interface of the same id from get_interface(). The number is the interface's major
 * version: an incompatible change gets a new id, never a changed layout. */
#define WAYMARK_KIND_SCHEME "waymark.scheme/1"
#define WAYMARK_KIND_TRAJECTORY "waymark.trajectory/1"
#define WAYMARK_KIND_PREDICTOR "waymark.predictor/1"
#define WAYMARK_KIND_VALIDATOR "waymark.validator/1"
#define WAYMARK_KIND_RENDERER "waymark.renderer/1"

/* Optional interfaces an instance may also offer. */
#define WAYMARK_INTERFACE_SCHEME_PROGRESS "waymark.scheme.progress/1"

typedef struct waymark_plugin_descriptor {
    uint32_t struct_size;
    const char *id;          /* reverse-DNS, unique across all loaded plugins: "org.waymark.lep-points" */
    const char *kind;        /* a WAYMARK_KIND_* string */
    const char *name;        /* shown to users: "LEP points" */
    const char *vendor;      /* "Waymark", "Acme Consultancy Ltd" */
    const char *version;     /* the plugin's own version, e.g. "1.2.0" */
    const char *description; /* one sentence; may be NULL. Every other field is required and non-empty */
} waymark_plugin_descriptor;

/* A live plugin object. Created by the factory, destroyed by its own destroy(). */
typedef struct waymark_plugin {
    uint32_t struct_size;
    const waymark_plugin_descriptor *descriptor;
    void *plugin_data; /* the plugin's own state; the host never reads it */

    /* Frees the instance and everything it returned. Per-instance serialized; called once. */
    void (*destroy)(const struct waymark_plugin *plugin);

    /* Returns the interface table for `interface_id`, or NULL when the instance does not offer it.
     * The table lives as long as the instance. Thread-safe. */
    const void *(*get_interface)(const struct waymark_plugin *plugin, const char *interface_id);
} waymark_plugin;

typedef struct waymark_plugin_factory {
    uint32_t struct_size;

    /* How many plugins this library offers, and each one's descriptor (index < count).
     * Thread-safe; the answers never change while the library is loaded. */
    uint32_t (*count)(const struct waymark_plugin_factory *factory);
    const waymark_plugin_descriptor *(*descriptor)(const struct waymark_plugin_factory *factory,
                                                   uint32_t index);

    /* Creates an instance of plugin `id`. `config` is UTF-8 text from the school's settings for this
     * plugin (for example a path to a bands file), or "" when there is none. On success *out is set
     * and the caller must destroy it; on failure *out is NULL and `error` says why. Thread-safe. */
    waymark_status (*create)(const struct waymark_plugin_factory *factory, const waymark_host *host,
                             const char *id, const char *config, const waymark_plugin **out,
                             waymark_message *error);
} waymark_plugin_factory;

typedef struct waymark_entry {
    uint32_t struct_size;
    waymark_version sdk_version; /* WAYMARK_SDK_VERSION_INIT: the SDK the plugin was built with */

    /* Called once after loading, before anything else; a failure refuses the library and `error`
     * is shown to the user. May be NULL. Not called concurrently with anything. */
    waymark_status (*init)(const waymark_host *host, waymark_message *error);

    /* Called once before unloading, after every instance is destroyed; also when the host refuses
     * the library after a successful init (a bad factory or descriptor), never after a failed init.
     * May be NULL. */
    void (*deinit)(void);

    /* The library's factory. Thread-safe; the same pointer every time. */
    const waymark_plugin_factory *(*get_factory)(void);
} waymark_entry;

/* ---- Kind: descriptor scheme (WAYMARK_KIND_SCHEME) ----------------------------------------- */

/* Where a judgement is made: the pupil's National Curriculum year (0 = Reception, 1..11, -1 for
 * nursery and earlier), the term (1 Autumn, 2 Spring, 3 Summer), and the subject's code
 * ("reading", "writing", "maths", ...). Schemes that do not care ignore the fields. */
typedef struct waymark_context {
    uint32_t struct_size;
    int32_t nc_year;
    int32_t term;
    const char *subject;
} waymark_context;

#define WAYMARK_TERM_AUTUMN 1
#define WAYMARK_TERM_SPRING 2
#define WAYMARK_TERM_SUMMER 3

/* One grade of a scheme. Grades are addressed by index 0..count-1, in ascending order of
 * attainment; `code` is what the host stores and never changes between versions of a plugin. */
typedef struct waymark_grade {
    uint32_t struct_size;
    const char *code;    /* stored form: "OT", "2b", "45" */
    const char *label;   /* shown form without context: "On track", "2b", "45 points" */
    int32_t has_points;  /* 1 when `points` is meaningful */
    double points;       /* numeric value for averages and progress, e.g. APP 2b = 15 */
    uint32_t colour_rgb; /* default cell colour 0xRRGGBB */
} waymark_grade;

#define WAYMARK_BAND_NONE 0  /* no expectation defined for this context */
#define WAYMARK_BAND_BELOW 1 /* below the expectation for the context */
#define WAYMARK_BAND_AT 2    /* within it */
#define WAYMARK_BAND_ABOVE 3 /* beyond it */

typedef struct waymark_evaluation {
    int32_t band;        /* WAYMARK_BAND_* */
    int32_t on_track;    /* 1 when the grade counts as "on track" (at or above) in this context */
    uint32_t colour_rgb; /* the colour of the band in this context */
} waymark_evaluation;

typedef struct waymark_scheme {
    uint32_t struct_size;

    /* The grades, lowest first. Thread-safe. */
    uint32_t (*grade_count)(const waymark_plugin *plugin);
    const waymark_grade *(*grade)(const waymark_plugin *plugin, uint32_t index);

    /* Reads a teacher's input leniently but never guesses: case, spacing and listed abbreviations
     * are forgiven ("on track", "OT"), anything else is WAYMARK_ERROR_INVALID_INPUT with a message
     * listing the valid choices. Empty input is invalid (clearing a judgement is the host's job).
     * Thread-safe. */
    waymark_status (*parse)(const waymark_plugin *plugin, const char *input,
                            const waymark_context *context, uint32_t *grade_index,
                            waymark_message *error);

    /* Writes the grade's label in a context into `label` (for example LEP 51 in Year 4 is
     * "Year 4 Mastery" and in Year 5 "Year 5 Entering"). Thread-safe. */
    waymark_status (*describe)(const waymark_plugin *plugin, uint32_t grade_index,
                               const waymark_context *context, waymark_message *label);

    /* Evaluates `count` grades in one context: out[i] for grade_indices[i]. Batch calls are how the
     * host reaches millions of evaluations a second; keep this free of allocation. Thread-safe. */
    waymark_status (*evaluate)(const waymark_plugin *plugin, const waymark_context *context,
                               const uint32_t *grade_indices, uint32_t count,
                               waymark_evaluation *out, waymark_message *error);
} waymark_scheme;

/* Optional (WAYMARK_INTERFACE_SCHEME_PROGRESS): progress between two judgements. A scheme that
 * does not measure progress (the four-band scheme) returns NULL for this interface. */
typedef struct waymark_progress {
    double points;          /* progress made, in the scheme's points */
    double steps;           /* the same in the scheme's own steps (sublevels, LEP points) */
    double expected_points; /* what the scheme expects between the two contexts */
    int32_t band;           /* WAYMARK_BAND_BELOW/AT/ABOVE expected progress */
} waymark_progress;

typedef struct waymark_scheme_progress {
    uint32_t struct_size;

    /* Progress from one judgement to a later one. Thread-safe. */
    waymark_status (*progress)(const waymark_plugin *plugin, uint32_t from_grade,
                               const waymark_context *from, uint32_t to_grade,
                               const waymark_context *to, waymark_progress *out,
                               waymark_message *error);

    /* The points a pupil is expected to gain between two contexts (LEP: 3/2/2 a term). Thread-safe. */
    waymark_status (*expected_points)(const waymark_plugin *plugin, const waymark_context *from,
                                      const waymark_context *to, double *points,
                                      waymark_message *error);
} waymark_scheme_progress;

/* ---- Kind: trajectory (WAYMARK_KIND_TRAJECTORY) -------------------------------------------- */

/* A notional straight line from a baseline to a target, in scheme points, one value per term. */
typedef struct waymark_trajectory_request {
    uint32_t struct_size;
    double baseline_points;
    double target_points;
    uint32_t term_count;        /* terms between baseline and target, e.g. 12 for KS2 */
    const double *term_weights; /* term_count weights (uneven terms), or NULL for equal terms */
} waymark_trajectory_request;

typedef struct waymark_trajectory {
    uint32_t struct_size;

    /* Writes term_count cumulative points into `points` (the last equals target_points).
     * Thread-safe. */
    waymark_status (*plot)(const waymark_plugin *plugin, const waymark_trajectory_request *request,
                           double *points, waymark_message *error);
} waymark_trajectory;

/* ---- Kind: predictor (WAYMARK_KIND_PREDICTOR) ---------------------------------------------- */

/* Earlier pupils' outcomes: prior[i] led to outcome[i] (points), as the host found them in the
 * school's or authority's own history. */
typedef struct waymark_prediction_request {
    uint32_t struct_size;
    double prior_points;        /* the pupil's prior attainment */
    uint32_t history_count;
    const double *history_prior;
    const double *history_outcome;
    double expected_points;     /* the outcome that counts as the expected standard */
    double higher_points;       /* the outcome that counts as the higher standard */
} waymark_prediction_request;

typedef struct waymark_prediction {
    int32_t sufficient;            /* 0 when the history is too thin to predict; the rest is unset */
    double likely_points;          /* the most likely outcome */
    double probability_expected;   /* 0..1 */
    double probability_higher;     /* 0..1 */
    uint32_t based_on;             /* how many earlier pupils the estimate rests on */
} waymark_prediction;

typedef struct waymark_predictor {
    uint32_t struct_size;
    /* Thread-safe. When the history is too thin, sets out->sufficient = 0 and says why in `note`. */
    waymark_status (*predict)(const waymark_plugin *plugin, const waymark_prediction_request *request,
                              waymark_prediction *out, waymark_message *note);
} waymark_predictor;

/* ---- Kind: validator (WAYMARK_KIND_VALIDATOR) ---------------------------------------------- */

#define WAYMARK_SEVERITY_INFO 0
#define WAYMARK_SEVERITY_WARNING 1
#define WAYMARK_SEVERITY_SERIOUS 2

/* One target to check, with what is known about the pupil in the same subject. Absent facts have
 * has_* = 0. Labels are the scheme's labels, for the sentence a teacher reads. */
typedef struct waymark_target_case {
    uint32_t struct_size;
    double target_points;
    const char *target_label;
    int32_t has_prior;
    double prior_points;
    const char *prior_label;
    int32_t has_current;
    double current_points;
    const char *current_label;
    int32_t has_prediction;
    double predicted_points;
    const char *predicted_label;
    double terms_to_target;        /* terms between the prior result and the target */
    double school_rate_per_term;   /* the school's minimum points a term, 0 when none is set */
} waymark_target_case;

/* Receives one flag for case `case_index`. Returns WAYMARK_OK to continue. */
typedef waymark_status (*waymark_flag_fn)(void *context, uint32_t case_index, const char *code,
                                          int32_t severity, const char *sentence);

typedef struct waymark_validator {
    uint32_t struct_size;
    /* Checks `count` cases and reports every flag through `emit`, on the calling thread.
     * Thread-safe. */
    waymark_status (*validate)(const waymark_plugin *plugin, const waymark_target_case *cases,
                               uint32_t count, waymark_flag_fn emit, void *emit_context,
                               waymark_message *error);
} waymark_validator;

/* ---- Kind: renderer (WAYMARK_KIND_RENDERER) ------------------------------------------------ */

typedef struct waymark_renderer {
    uint32_t struct_size;
    const char *format;         /* "pdf", "xlsx", "csv" */
    const char *media_type;     /* "application/pdf" */
    const char *file_extension; /* ".pdf" */

    /* Turns a report document (the JSON document model described in reports/) into bytes written
     * through `write`. Per-instance serialized. */
    waymark_status (*render)(const waymark_plugin *plugin, const char *document_json,
                             uint64_t document_length, waymark_write_fn write, void *write_context,
                             waymark_message *error);
} waymark_renderer;

#ifdef __cplusplus
}
#endif

#endif /* WAYMARK_PLUGIN_H */
