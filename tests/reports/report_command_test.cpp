// `waymark report` as a data manager runs it, in-process over the seed's four pupils: a PDF whose text
// holds the figures and names, the JSON document on standard output, and usage errors that say what
// to change.
#include "report_fixture.hpp"

#include "cli_runner.hpp"

#include <gmock/gmock.h>

#include <cstdio>
#include <fstream>

namespace waymark::testing {
namespace {

using ::testing::HasSubstr;

class report_command_test : public report_test {
protected:
    cli_result report(std::vector<std::string> words) {
        words.insert(words.begin(), "report");
        for (const char *option : {"--assessment", "Spring 1", "--db"}) words.emplace_back(option);
        words.push_back(connection());
        return run_cli(words);
    }

    static std::string pdf_text(const std::filesystem::path &pdf) {
        const std::string command = "pdftotext -layout '" + pdf.string() + "' -";
        std::string text;
        if (FILE *pipe = ::popen(command.c_str(), "r")) {
            char buffer[4096];
            for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, n);
            ::pclose(pipe);
        }
        return single_spaced(text);
    }
};

TEST_P(report_command_test, writes_the_full_report_as_a_pdf_with_its_figures_and_names) {
    const auto pdf = scratch_folder() / "full.pdf";
    const auto result = report({"full", "--out", pdf.string()});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_THAT(result.out, HasSubstr("Wrote the full report to " + pdf.string()));
    const std::string text = pdf_text(pdf);
    EXPECT_THAT(text, HasSubstr("Full report: Spring 1"));
    EXPECT_THAT(text, HasSubstr("Reading 0 (0.00%) 3 (75.00%) 1 (25.00%) 0 (0.00%) 1 (25.00%) 0 (0.00%) 4"));
    EXPECT_THAT(text, HasSubstr("Pupil04, Sam"));
}

TEST_P(report_command_test, prints_the_venn_document_as_json_for_the_chosen_pupils) {
    const auto result = report({"venn", "--format", "json", "--gender", "F"});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_THAT(result.out, HasSubstr("\"schema\":\"waymark.report/1\""));
    EXPECT_THAT(result.out, HasSubstr("\"kind\":\"venn\""));
    EXPECT_THAT(result.out, HasSubstr("\"total\":2"));
    EXPECT_THAT(result.out, HasSubstr("2025/2026, girls"));
}

TEST_P(report_command_test, writes_the_progress_matrix_of_two_subjects_with_its_no_data_row) {
    const auto pdf = scratch_folder() / "matrix.pdf";
    const auto result = report({"matrix", "--from", "Spring 1:writing", "--to", "Spring 1:reading", "--out", pdf.string()});
    ASSERT_EQ(result.status, 0) << result.err;
    const std::string text = pdf_text(pdf);
    EXPECT_THAT(text, HasSubstr("Progress matrix: Writing against Reading"));
    EXPECT_THAT(text, HasSubstr("No data"));
    EXPECT_THAT(text, HasSubstr("Higher in Reading than in Writing: 2 (50.00%)")) << "Pupil02 and Pupil04: Below in writing, Towards in reading";
}

TEST_P(report_command_test, writes_the_summary_table_on_one_page) {
    const auto pdf = scratch_folder() / "summary.pdf";
    const auto result = report({"summary", "--out", pdf.string()});
    ASSERT_EQ(result.status, 0) << result.err;
    const std::string text = pdf_text(pdf);
    EXPECT_THAT(text, HasSubstr("Summary table: Spring 1"));
    EXPECT_THAT(text, HasSubstr("Year 4 * 4* \u2013* \u2013* 25% * 50% * 75% * 25% *")) << "each figure marked as a group under six";
    EXPECT_THAT(text, HasSubstr("Page 1 of 1"));
}

TEST_P(report_command_test, a_bad_call_says_what_to_change_and_writes_nothing) {
    const auto out = scratch_folder() / "never.pdf";
    EXPECT_THAT(report({"pie", "--out", out.string()}).err, HasSubstr("There is no report 'pie'; waymark report makes full, venn"));
    EXPECT_THAT(report({"matrix", "--to", "Spring 1", "--out", out.string()}).err, HasSubstr("--from names the earlier data set"));
    EXPECT_THAT(report({"matrix", "--from", "Winter:reading", "--to", "Spring 1", "--out", out.string()}).err,
                HasSubstr("The school has no assessment named 'Winter'"));
    EXPECT_THAT(report({"full"}).err, HasSubstr("Say where to write the pdf file with --out FILE."));
    const auto unknown_format = report({"full", "--format", "docx", "--out", out.string()});
    EXPECT_EQ(unknown_format.status, 2);
    EXPECT_THAT(unknown_format.err, HasSubstr("pdf"));
    EXPECT_THAT(report({"full", "--year", "13", "--out", out.string()}).err, HasSubstr("--year"));
    EXPECT_FALSE(std::filesystem::exists(out));
}

WAYMARK_ON_EVERY_DATABASE(report_command_test);

}  // namespace
}  // namespace waymark::testing
