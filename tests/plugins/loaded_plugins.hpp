// The built-in plugins of bin/plugins, loaded once per test suite through the host's registry,
// exactly as `waymark` loads them.
#pragma once

#include "plugin_host/registry.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace waymark::testing {

class loaded_plugins_test : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        plugins_ = std::make_unique<plugins::registry>();
        plugins_->load_folder(WAYMARK_PLUGIN_DIR);
    }
    static void TearDownTestSuite() { plugins_.reset(); }

    static const plugins::registry &loaded() { return *plugins_; }

    // The points of a grade code in a built-in scheme ("2b" in APP sublevels is 15).
    static double points_of(const char *scheme_id, const char *code) {
        const plugins::scheme scheme = plugins_->create_scheme(scheme_id);
        const auto index = scheme.find_code(code);
        if (!index) throw std::invalid_argument(std::string("no grade ") + code);
        return *scheme.grades()[*index].points;
    }

private:
    inline static std::unique_ptr<plugins::registry> plugins_;
};

}  // namespace waymark::testing
