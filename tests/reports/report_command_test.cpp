// `waymark report` as a data manager runs it, in-process over the seed's four pupils: a PDF whose text
// holds the figures and names, the JSON document on standard output, and usage errors that say what
// to change.
#include "report_fixture.hpp"

#include "cli_runner.hpp"
#include "services/targets/targets.hpp"
#include "store/statutory.hpp"

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
    EXPECT_THAT(result.out, HasSubstr("\"schema\":\"waymark.report/1.1\"")) << "the Venn counts its unjudged pupils apart";
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

TEST_P(report_command_test, writes_the_matrix_from_ks1_teacher_assessment) {
    db().transaction("KS1 results", [&](soci::session &session) {
        const std::vector<domain::statutory_result> results{{test_upn(1), domain::statutory_kind::ks1_ta, "reading", "WTS", {2023}},
                                                            {test_upn(3), domain::statutory_kind::ks1_ta, "reading", "EXS", {2023}}};
        store::write_statutory_results(session, school_.id, results);
    });
    const auto pdf = scratch_folder() / "ks1.pdf";
    const auto result = report({"matrix", "--from", "ks1:reading", "--to", "Spring 1", "--out", pdf.string()});
    ASSERT_EQ(result.status, 0) << result.err;
    const std::string text = pdf_text(pdf);
    EXPECT_THAT(text, HasSubstr("Progress matrix: Reading, KS1 teacher assessment against Spring 1"));
    // Pupil01 WTS then Towards (below, the same); Pupil03 EXS then On track (at, the same).
    EXPECT_THAT(text, HasSubstr("Higher in Spring 1 than in KS1: 0 (0.00%) \u00b7 the same in both: 2 (50.00%)"));
    EXPECT_THAT(text, HasSubstr("WTS in KS1, Below expected in Spring 1: 1 (25.00%)"));
    EXPECT_THAT(report({"matrix", "--from", "eyfs:science", "--to", "Spring 1", "--out", pdf.string()}).err,
                HasSubstr("--from eyfs:science names no statutory data set: the EYFS profile gives eyfs:reading"));
}

// Reading targets for the end of the year: Pupil03 On track (judged On track), Pupil04 On track
// (judged Towards).
TEST_P(report_command_test, the_progress_report_and_profile_show_attainment_against_targets) {
    const std::vector<services::target_change> targets{
        {{test_upn(3), "reading", services::target_horizon::end_of_year}, "OT", ""},
        {{test_upn(4), "reading", services::target_horizon::end_of_year}, "OT", ""}};
    services::set_targets(db(), school_, *schemes_, targets, {"mr.patel", "2026-01-05T09:00:00Z"});
    const auto progress = scratch_folder() / "progress.pdf";
    ASSERT_EQ(report({"progress", "--from", "Spring 1", "--out", progress.string()}).status, 0);
    const std::string text = pdf_text(progress);
    EXPECT_THAT(text, HasSubstr("Attainment against targets"));
    EXPECT_THAT(text, HasSubstr("Reading 0 (0.00%) 1 (50.00%) 1 (50.00%) 0 (0.00%) 2 2 (100.00%)"));
    EXPECT_THAT(text, HasSubstr("Pupil04, Sam"));

    const auto profile = scratch_folder() / "profile.pdf";
    ASSERT_EQ(report({"profile", "--upn", test_upn(4), "--out", profile.string()}).status, 0);
    // The row wraps in portrait: "Below target" on the first line, "by 1 grade" under it.
    EXPECT_THAT(pdf_text(profile), HasSubstr("Reading End of year On track mr.patel, Spring 1 Towards None Below target"));
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

TEST_P(report_command_test, writes_a_pupils_profile_and_every_pupils_profile_to_a_folder) {
    const auto pdf = scratch_folder() / "profile.pdf";
    const auto one = report({"profile", "--upn", test_upn(4), "--out", pdf.string()});
    ASSERT_EQ(one.status, 0) << one.err;
    const std::string text = pdf_text(pdf);
    EXPECT_THAT(text, HasSubstr("Pupil profile: Sam Pupil04"));
    EXPECT_THAT(text, HasSubstr("10/02/2026 Spring 1 Y4 Towards Below Towards"));
    EXPECT_THAT(text, HasSubstr("No targets are set for this pupil."));

    const auto folder = scratch_folder() / "profiles";
    const auto each = report({"profile", "--each-to", folder.string(), "--gender", "F"});
    ASSERT_EQ(each.status, 0) << each.err;
    EXPECT_THAT(each.out, HasSubstr("Wrote 2 pupil profiles to " + folder.string()));
    EXPECT_TRUE(std::filesystem::exists(folder / (test_upn(2) + "-Pupil02-Sam.pdf")));
    EXPECT_THAT(pdf_text(folder / (test_upn(4) + "-Pupil04-Sam.pdf")), HasSubstr("Pupil profile: Sam Pupil04"));
}

TEST_P(report_command_test, the_progress_report_needs_both_assessments) {
    const auto json = report({"progress", "--from", "Spring 1", "--format", "json"});
    ASSERT_EQ(json.status, 0) << json.err;
    EXPECT_THAT(json.out, HasSubstr("\"kind\":\"progress\""));
    EXPECT_THAT(json.out, HasSubstr("Lancashire four-band judges attainment in bands and does not measure progress"));
    EXPECT_THAT(report({"progress", "--format", "json"}).err, HasSubstr("--from NAME (the earlier) and --assessment NAME"));
}

TEST_P(report_command_test, writes_blank_meeting_forms_and_says_which_to_choose) {
    const auto pdf = scratch_folder() / "meeting.pdf";
    const auto pupil = report({"pupil-meeting", "--upn", test_upn(1), "--out", pdf.string(), "--as-of", "2026-03-01"});
    ASSERT_EQ(pupil.status, 0) << pupil.err;
    EXPECT_THAT(pupil.out, HasSubstr("Wrote the blank pupil-meeting form to " + pdf.string()));
    EXPECT_THAT(pdf_text(pdf), HasSubstr("Current: Spring 1"));
    const auto cohort = report({"cohort-meeting", "--year", "4", "--format", "json", "--as-of", "2026-03-01"});
    ASSERT_EQ(cohort.status, 0) << cohort.err;
    EXPECT_THAT(cohort.out, HasSubstr("\"kind\":\"cohort_meeting\""));
    EXPECT_THAT(report({"profile", "--out", pdf.string()}).err, HasSubstr("Say whose profile to make"));
    EXPECT_THAT(report({"cohort-meeting", "--out", pdf.string()}).err, HasSubstr("--year N (and --class C) for a blank form"));
    EXPECT_THAT(report({"pupil-meeting", "--meeting", "999", "--out", pdf.string()}).err,
                HasSubstr("There is no pupil progress meeting 999"));
}

WAYMARK_ON_EVERY_DATABASE(report_command_test);

}  // namespace
}  // namespace waymark::testing
