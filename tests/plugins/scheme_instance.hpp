// Test helper: a scheme plugin instance reached only through the C tables the SDK wrapper builds,
// exactly as the host reaches it (factory -> create -> get_interface -> function pointers).
#ifndef WAYMARK_TESTS_SCHEME_INSTANCE_HPP
#define WAYMARK_TESTS_SCHEME_INSTANCE_HPP

#include <waymark/plugin.h>

#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace waymark::testing {

struct call_result {
    waymark_status status = WAYMARK_OK;
    uint32_t grade = 0;   // parse()
    std::string message;  // the error sentence, or describe()'s label
};

constexpr int32_t autumn = WAYMARK_TERM_AUTUMN;
constexpr int32_t spring = WAYMARK_TERM_SPRING;
constexpr int32_t summer = WAYMARK_TERM_SUMMER;

inline waymark_context make_context(int32_t nc_year, int32_t term, const char *subject = "maths") {
    return waymark_context{sizeof(waymark_context), nc_year, term, subject};
}

class scheme_instance {
public:
    // Creates plugin `id` through `factory`; on failure, creation_status()/creation_message() say why.
    scheme_instance(const waymark_plugin_factory *factory, const char *id, const std::string &config = "") {
        std::array<char, 512> text{};
        waymark_message error{text.data(), static_cast<uint32_t>(text.size())};
        const waymark_plugin *created = nullptr;
        creation_status_ = factory->create(factory, nullptr, id, config.c_str(), &created, &error);
        creation_message_ = text.data();
        if (created == nullptr) return;
        plugin_.reset(created);
        scheme_ = static_cast<const waymark_scheme *>(created->get_interface(created, WAYMARK_KIND_SCHEME));
        progress_ = static_cast<const waymark_scheme_progress *>(
            created->get_interface(created, WAYMARK_INTERFACE_SCHEME_PROGRESS));
        if (scheme_ == nullptr) throw std::logic_error("the plugin offers no scheme interface");
    }

    bool created() const { return plugin_ != nullptr; }
    waymark_status creation_status() const { return creation_status_; }
    const std::string &creation_message() const { return creation_message_; }

    const waymark_plugin *plugin() const { return plugin_.get(); }
    const waymark_scheme &scheme() const { return *scheme_; }
    const waymark_scheme_progress *progress_interface() const { return progress_; }

    uint32_t grade_count() const { return scheme_->grade_count(plugin()); }
    const waymark_grade &grade(uint32_t index) const {
        const waymark_grade *g = scheme_->grade(plugin(), index);
        if (g == nullptr) throw std::out_of_range("no grade " + std::to_string(index));
        return *g;
    }
    std::string code(uint32_t index) const { return grade(index).code; }

    call_result parse(const char *input, int32_t nc_year = 4, int32_t term = WAYMARK_TERM_SUMMER) const {
        call_result result;
        std::array<char, 1024> text{};
        waymark_message error{text.data(), static_cast<uint32_t>(text.size())};
        const waymark_context where = make_context(nc_year, term);
        result.status = scheme_->parse(plugin(), input, &where, &result.grade, &error);
        result.message = text.data();
        return result;
    }

    // parse()'s refusal sentence, or "accepted" / "status N" when it did not refuse as invalid input.
    std::string refusal(const char *input) const {
        const call_result result = parse(input);
        if (result.status == WAYMARK_OK) return "accepted";
        if (result.status != WAYMARK_ERROR_INVALID_INPUT) return "status " + std::to_string(result.status);
        return result.message;
    }

    call_result describe(uint32_t index, int32_t nc_year = 4, int32_t term = WAYMARK_TERM_SUMMER) const {
        call_result result;
        std::array<char, 256> text{};
        waymark_message label{text.data(), static_cast<uint32_t>(text.size())};
        const waymark_context where = make_context(nc_year, term);
        result.status = scheme_->describe(plugin(), index, &where, &label);
        result.message = text.data();
        return result;
    }

    // describe()'s label, or the error sentence prefixed with "error: ".
    std::string label(uint32_t index, int32_t nc_year, int32_t term = WAYMARK_TERM_SUMMER) const {
        call_result result = describe(index, nc_year, term);
        return result.status == WAYMARK_OK ? result.message : "error: " + result.message;
    }

    waymark_status evaluate(const waymark_context &where, const std::vector<uint32_t> &grades,
                            std::vector<waymark_evaluation> &out, std::string *message = nullptr) const {
        out.assign(grades.size(), waymark_evaluation{-1, -1, 0});
        std::array<char, 256> text{};
        waymark_message error{text.data(), static_cast<uint32_t>(text.size())};
        const waymark_status status = scheme_->evaluate(plugin(), &where, grades.data(),
                                                        static_cast<uint32_t>(grades.size()), out.data(), &error);
        if (message != nullptr) *message = text.data();
        return status;
    }

    waymark_evaluation evaluate_one(uint32_t index, int32_t nc_year, int32_t term) const {
        std::vector<waymark_evaluation> out;
        const waymark_status status = evaluate(make_context(nc_year, term), {index}, out);
        if (status != WAYMARK_OK) throw std::runtime_error("evaluate failed for grade " + std::to_string(index));
        return out[0];
    }

    // Every grade, in index order, evaluated in one context.
    std::vector<waymark_evaluation> evaluate_all(int32_t nc_year, int32_t term) const {
        std::vector<uint32_t> grades(grade_count());
        for (uint32_t i = 0; i < grades.size(); ++i) grades[i] = i;
        std::vector<waymark_evaluation> out;
        if (evaluate(make_context(nc_year, term), grades, out) != WAYMARK_OK) throw std::runtime_error("evaluate failed");
        return out;
    }

private:
    struct destroyer {
        void operator()(const waymark_plugin *p) const { p->destroy(p); }
    };
    std::unique_ptr<const waymark_plugin, destroyer> plugin_;
    const waymark_scheme *scheme_ = nullptr;
    const waymark_scheme_progress *progress_ = nullptr;
    waymark_status creation_status_ = WAYMARK_OK;
    std::string creation_message_;
};

// Evaluates every grade in every context (NC years -1..11, three terms) on one thread, then again
// `rounds` times on each of `threads` threads at once; returns how many results differed.
inline int concurrent_evaluation_mismatches(const scheme_instance &instance, int threads, int rounds) {
    auto evaluate_everywhere = [&instance] {
        std::vector<waymark_evaluation> all;
        for (int32_t year = -1; year <= 11; ++year) {
            for (int32_t term = WAYMARK_TERM_AUTUMN; term <= WAYMARK_TERM_SUMMER; ++term) {
                const auto row = instance.evaluate_all(year, term);
                all.insert(all.end(), row.begin(), row.end());
            }
        }
        return all;
    };
    const auto reference = evaluate_everywhere();
    std::vector<int> mismatches(static_cast<std::size_t>(threads), 0);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (int r = 0; r < rounds; ++r) {
                const auto mine = evaluate_everywhere();
                for (std::size_t i = 0; i < mine.size(); ++i) {
                    const bool same = mine[i].band == reference[i].band && mine[i].on_track == reference[i].on_track &&
                                      mine[i].colour_rgb == reference[i].colour_rgb;
                    if (!same) ++mismatches[static_cast<std::size_t>(t)];
                }
            }
        });
    }
    for (auto &worker : workers) worker.join();
    int total = 0;
    for (int m : mismatches) total += m;
    return total;
}

}  // namespace waymark::testing

#endif
