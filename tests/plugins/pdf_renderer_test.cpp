// The PDF renderer through the host: valid PDF (qpdf --check), the text a reader needs (pdftotext):
// accented names, "Page x of y", table headings repeated on the table's later pages.
#include "rendered_fixture.hpp"

#include "plugin_host/plugin_error.hpp"

#include <gmock/gmock.h>

#include <regex>
#include <sstream>

namespace {

using ::testing::HasSubstr;
using waymark::testing::fixture_document;
using waymark::testing::output_folder;
using waymark::testing::read_text_file;
using waymark::testing::run_command;

class pdf_renderer_test : public waymark::testing::renderer_test {
protected:
    // Renders `fixture` to <build>/test-output/<folder>/report.pdf and returns its path.
    static std::filesystem::path rendered(const std::string &fixture, const std::string &folder) {
        const auto file = output_folder(folder) / "report.pdf";
        renderer_for("pdf").render_to_file(fixture_document(fixture), file);
        return file;
    }
    static std::string page_text(const std::filesystem::path &pdf, int page) {
        return run_command("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" +
                           pdf.string() + "' -").output;
    }
    static int page_count(const std::filesystem::path &pdf) {
        std::smatch match;
        const std::string info = run_command("pdfinfo '" + pdf.string() + "'").output;
        return std::regex_search(info, match, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(match[1]) : 0;
    }
};

TEST_F(pdf_renderer_test, describes_itself_as_pdf) {
    const auto pdf = renderer_for("PDF");
    EXPECT_EQ(pdf.format(), "pdf");
    EXPECT_EQ(pdf.media_type(), "application/pdf");
    EXPECT_EQ(pdf.file_extension(), ".pdf");
}

TEST_F(pdf_renderer_test, full_report_is_a_valid_pdf_with_every_page_numbered) {
    const auto pdf = rendered("full_report.json", "pdf_full_report");
    const auto check = run_command("qpdf --check '" + pdf.string() + "'");
    EXPECT_TRUE(check.succeeded) << check.output;
    EXPECT_THAT(read_text_file(pdf).substr(0, 5), "%PDF-");
    const int pages = page_count(pdf);
    ASSERT_GE(pages, 6);
    for (int page = 1; page <= pages; ++page) {
        const std::string text = page_text(pdf, page);
        EXPECT_THAT(text, HasSubstr("Page " + std::to_string(page) + " of " + std::to_string(pages))) << "page " << page;
        EXPECT_THAT(text, HasSubstr("Brontë Street Primary School")) << "page " << page;
    }
}

TEST_F(pdf_renderer_test, prints_accented_names_and_what_the_report_counts) {
    const auto pdf = rendered("full_report.json", "pdf_names");
    const std::string all = run_command("pdftotext -layout '" + pdf.string() + "' -").output;
    EXPECT_THAT(all, HasSubstr("ŁUKASZ-BRONTË, Zoë"));
    EXPECT_THAT(all, HasSubstr("O'NEILL, Siobhán"));
    EXPECT_THAT(all, HasSubstr("Pupils on roll in Year 4 by band"));
    EXPECT_THAT(all, HasSubstr("Year 4 · Summer term 2026"));
    EXPECT_THAT(all, HasSubstr("2 pupils are left out of these figures"));
    EXPECT_THAT(all, HasSubstr("Data as of"));
}

// A one-paragraph document of `school` naming `names`.
std::string document_naming(const std::string &names, const std::string &school = "Brontë Street Primary School") {
    return R"({"schema": "waymark.report/1", "title": "Names", "school": ")" + school + R"(",
               "kind": "full_report", "counts": "Pupils", "filters": [], "generated": "2026-11-22T14:05:00Z",
               "as_of": "2026-07-18", "schemes": [], "excluded_pupils": 0, "orientation": "portrait",
               "blocks": [{"type": "paragraph", "text": ")" + names + R"("}]})";
}

// Names that all fit one code page (here Central European: Ł, Ë, á) take libharu's single-byte font,
// which is quicker to build. A document mixing scripts, or a matrix (whose headings the renderer
// gives arrows), takes the UTF-8 font. Both print every name.
TEST_F(pdf_renderer_test, names_of_one_code_page_are_printed_with_the_single_byte_font) {
    const auto file = output_folder("pdf_single_byte") / "report.pdf";
    renderer_for("pdf").render_to_file(document_naming("ŁUKASZ-BRONTË, Zoë and O'NEILL, Siobhán"), file);
    EXPECT_THAT(run_command("pdffonts '" + file.string() + "'").output, HasSubstr("TrueType          Custom"));
    EXPECT_THAT(run_command("pdftotext '" + file.string() + "' -").output, HasSubstr("ŁUKASZ-BRONTË, Zoë and O'NEILL, Siobhán"));
}

// One name per code page the renderer tries (Western, Central European, Turkish, Baltic, Cyrillic):
// each document is drawn in its code page with the cut-down font, which must hold every character.
TEST_F(pdf_renderer_test, names_of_every_code_page_are_printed_with_the_cut_down_font) {
    for (const std::string names : {"Siobhán Ní Dhúill, Zoë Ñúñez", "Łukasz Dvořák, Ősz Ildikó", "Gökçe Şahin, İlkay Doğan",
                                    "Jūratė Šimkutė, Ģirts Ķēniņš", "Дарья Иванова, Ёжиков Ґ"}) {
        const auto file = output_folder("pdf_code_pages") / "report.pdf";
        renderer_for("pdf").render_to_file(document_naming(names, "Hillside Primary School"), file);
        EXPECT_THAT(run_command("pdffonts '" + file.string() + "'").output, HasSubstr("TrueType          Custom")) << names;
        EXPECT_THAT(run_command("pdftotext '" + file.string() + "' -").output, HasSubstr(names));
    }
}

// The cut-down font beside the module is what a code-page document embeds unless the configuration
// names a font: the same text with the whole of DejaVu Sans configured makes a file several times larger.
TEST_F(pdf_renderer_test, a_code_page_document_embeds_the_cut_down_font_unless_a_font_is_configured) {
    const std::string document = document_naming("ŁUKASZ-BRONTË, Zoë and O'NEILL, Siobhán");
    const auto folder = output_folder("pdf_font_size");
    renderer_for("pdf").render_to_file(document, folder / "cut-down.pdf");
    waymark::plugins::find_renderer(*plugins_, "pdf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        .render_to_file(document, folder / "whole.pdf");
    EXPECT_LT(std::filesystem::file_size(folder / "cut-down.pdf") * 2, std::filesystem::file_size(folder / "whole.pdf"));
    EXPECT_THAT(run_command("pdftotext '" + (folder / "whole.pdf").string() + "' -").output,
                HasSubstr("ŁUKASZ-BRONTË, Zoë and O'NEILL, Siobhán"));
}

TEST_F(pdf_renderer_test, names_from_several_scripts_are_printed_with_the_unicode_font) {
    const auto file = output_folder("pdf_unicode") / "report.pdf";
    renderer_for("pdf").render_to_file(document_naming("ŁUKASZ-BRONTË, Zoë and Дарья Иванова"), file);
    EXPECT_THAT(run_command("pdffonts '" + file.string() + "' 2>/dev/null").output, HasSubstr("CID TrueType"));
    EXPECT_THAT(run_command("pdftotext '" + file.string() + "' - 2>/dev/null").output,
                HasSubstr("ŁUKASZ-BRONTË, Zoë and Дарья Иванова"));
}

TEST_F(pdf_renderer_test, a_matrix_whose_arrows_no_code_page_holds_is_drawn_with_the_unicode_font) {
    const auto pdf = rendered("matrix_landscape.json", "pdf_matrix_arrows");
    EXPECT_THAT(run_command("pdffonts '" + pdf.string() + "' 2>/dev/null").output, HasSubstr("CID TrueType"));
    EXPECT_THAT(run_command("pdftotext '" + pdf.string() + "' - 2>/dev/null").output, HasSubstr("\u2193 /"));
}

TEST_F(pdf_renderer_test, a_table_over_several_pages_repeats_its_headings_on_each) {
    const auto pdf = rendered("full_report.json", "pdf_long_table");
    int continued_pages = 0;
    for (int page = 2; page <= page_count(pdf); ++page) {
        const std::string text = page_text(pdf, page);
        if (text.find("Pupils and their latest judgements (continued)") == std::string::npos) continue;
        ++continued_pages;
        EXPECT_THAT(text, HasSubstr("Reading age")) << "page " << page;
        EXPECT_THAT(text, HasSubstr("Summer term 2026")) << "page " << page;
    }
    EXPECT_GE(continued_pages, 2);
}

TEST_F(pdf_renderer_test, figures_with_pupils_link_to_their_list_in_the_appendix) {
    const auto pdf = rendered("full_report.json", "pdf_links");
    const auto expanded = pdf.parent_path() / "expanded.pdf";
    ASSERT_TRUE(run_command("qpdf --qdf --object-streams=disable '" + pdf.string() + "' '" + expanded.string() + "'").succeeded);
    const std::string text = read_text_file(expanded);
    std::size_t links = 0;
    for (auto at = text.find("/Subtype /Link"); at != std::string::npos; at = text.find("/Subtype /Link", at + 1)) ++links;
    // 12 summary cells, 1 matrix cell, 7 Venn regions, "none of the three" and the pupils without a judgement.
    EXPECT_EQ(links, 22u);
}

TEST_F(pdf_renderer_test, the_venn_states_its_pupils_without_a_judgement_on_a_line_of_their_own) {
    const auto pdf = rendered("full_report.json", "pdf_venn_unjudged");
    const std::string all = run_command("pdftotext -layout '" + pdf.string() + "' -").output;
    EXPECT_THAT(all, ::testing::ContainsRegex("Pupils counted: 90\\. +In none of the three: 1 \\(1\\.1%\\)\\.\n"
                                              "No judgement in at least one subject: 2\\."));
}

TEST_F(pdf_renderer_test, a_missing_font_is_named_with_the_package_that_provides_it) {
    try {
        plugins_->create("org.waymark.renderer.pdf", "/nonexistent/Font.ttf");
        FAIL() << "created a PDF renderer without its font";
    } catch (const waymark::plugins::plugin_error &e) {
        EXPECT_THAT(e.what(), HasSubstr("needs the TrueType font /nonexistent/Font.ttf, which is missing; install the "
                                        "Debian package fonts-dejavu-core"));
    }
}

// Every word's box from `pdftotext -bbox`, page by page: no two words of a page may overlap (a row
// drawn in the wrong column, a label over a figure, text run into a neighbouring cell).
TEST_F(pdf_renderer_test, no_two_words_overlap_on_any_page) {
    const auto pdf = rendered("full_report.json", "pdf_overlap");
    const std::string boxes = run_command("pdftotext -bbox '" + pdf.string() + "' -").output;
    struct word {
        double x0, y0, x1, y1;
        std::string text;
    };
    const std::regex word_pattern(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
    std::size_t page = 0, words = 0;
    std::istringstream lines(boxes);
    std::vector<word> on_page;
    for (std::string line; std::getline(lines, line);) {
        if (line.find("<page") != std::string::npos) {
            ++page;
            on_page.clear();
        }
        std::smatch m;
        if (!std::regex_search(line, m, word_pattern)) continue;
        const word w{std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]};
        for (const word &other : on_page) {
            const double wide = std::min(w.x1, other.x1) - std::max(w.x0, other.x0);
            const double high = std::min(w.y1, other.y1) - std::max(w.y0, other.y0);
            EXPECT_FALSE(wide > 0.5 && high > 2.0) << "page " << page << ": '" << w.text << "' overlaps '" << other.text << "'";
        }
        on_page.push_back(w);
        ++words;
    }
    EXPECT_GT(words, 2000u);
}

TEST_F(pdf_renderer_test, landscape_documents_get_landscape_pages) {
    const auto pdf = rendered("matrix_landscape.json", "pdf_landscape");
    const std::string info = run_command("pdfinfo '" + pdf.string() + "'").output;
    EXPECT_THAT(info, HasSubstr("Page size:       841.89 x 595.2"));
    const std::string text = run_command("pdftotext -layout '" + pdf.string() + "' -").output;
    EXPECT_THAT(text, HasSubstr("No data"));
    EXPECT_THAT(text, HasSubstr("SMITH, \"Bo\", Jo"));
}

TEST_F(pdf_renderer_test, a_malformed_document_is_refused_naming_its_json_path_and_writes_nothing) {
    std::string broken = fixture_document("matrix_landscape.json");
    broken.replace(broken.find("\"count\": 3"), 10, "\"count\": \"3\"");
    const auto file = output_folder("pdf_refused") / "report.pdf";
    try {
        renderer_for("pdf").render_to_file(broken, file);
        FAIL() << "a malformed document was rendered";
    } catch (const std::exception &e) {
        EXPECT_THAT(e.what(), HasSubstr("$.blocks[0].cells[0][0].count: expected a whole number, found string."));
    }
    EXPECT_FALSE(std::filesystem::exists(file));
    EXPECT_TRUE(std::filesystem::is_empty(file.parent_path()));
}

}  // namespace
