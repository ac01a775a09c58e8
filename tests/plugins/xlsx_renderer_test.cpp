// The XLSX renderer through the host. An .xlsx file is a zip of XML: it is unpacked with Poco::Zip
// and read with Poco::XML to check sheet names, cell values, number cells, fills and frozen headings.
#include "rendered_fixture.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/Zip/Decompress.h>
#include <gmock/gmock.h>

#include <fstream>

namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using waymark::testing::fixture_document;
using waymark::testing::output_folder;
using waymark::testing::read_text_file;
using xml_document = Poco::AutoPtr<Poco::XML::Document>;

// Whether this process has libxlsxwriter mapped.
bool libxlsxwriter_loaded() { return read_text_file("/proc/self/maps").find("libxlsxwriter") != std::string::npos; }

// Loading the plugins leaves libxlsxwriter (and the libcrypto it brings) unloaded: the renderer loads
// its workbook writer when it first writes a workbook. First in the file, so that no workbook has
// been written in this process yet when the whole binary runs at once.
class xlsx_writer_loading_test : public waymark::testing::renderer_test {};

TEST_F(xlsx_writer_loading_test, libxlsxwriter_is_loaded_by_the_first_workbook_not_with_the_plugins) {
    ASSERT_FALSE(plugins_->plugins_of_kind(WAYMARK_KIND_RENDERER).empty());
    EXPECT_FALSE(libxlsxwriter_loaded());
    renderer_for("xlsx").render_to_file(fixture_document("full_report.json"), output_folder("xlsx_loading") / "report.xlsx");
    EXPECT_TRUE(libxlsxwriter_loaded());
}

class xlsx_renderer_test : public waymark::testing::renderer_test {
protected:
    static void SetUpTestSuite() {
        renderer_test::SetUpTestSuite();
        folder_ = output_folder("xlsx_full_report");
        const auto file = folder_ / "report.xlsx";
        renderer_for("xlsx").render_to_file(fixture_document("full_report.json"), file);
        std::ifstream in(file, std::ios::binary);
        Poco::Zip::Decompress(in, Poco::Path(folder_.string() + "/unpacked/")).decompressAllFiles();
    }

    static xml_document part(const std::string &name) {
        Poco::XML::DOMParser parser;
        return parser.parseString(read_text_file(folder_ / "unpacked" / name));
    }
    // The elements belong to `doc`: keep it alive while they are used.
    static std::vector<Poco::XML::Element *> elements(const xml_document &doc, const std::string &tag) {
        std::vector<Poco::XML::Element *> out;
        Poco::AutoPtr<Poco::XML::NodeList> nodes = doc->getElementsByTagName(tag);
        for (unsigned long i = 0; i < nodes->length(); ++i) out.push_back(static_cast<Poco::XML::Element *>(nodes->item(i)));
        return out;
    }
    static std::vector<std::string> shared_strings() {
        std::vector<std::string> out;
        const auto strings = part("xl/sharedStrings.xml");
        for (auto *si : elements(strings, "si")) out.push_back(si->innerText());
        return out;
    }
    // The sheet file of the sheet called `name` (sheets are numbered in workbook order).
    static std::string sheet_file(const std::string &name) {
        const auto workbook = part("xl/workbook.xml");
        const auto sheets = elements(workbook, "sheet");
        for (std::size_t i = 0; i < sheets.size(); ++i) {
            if (sheets[i]->getAttribute("name") == name) return "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml";
        }
        return "";
    }

    inline static std::filesystem::path folder_;
};

TEST_F(xlsx_renderer_test, has_a_report_sheet_then_one_sheet_per_table_with_excel_safe_names) {
    std::vector<std::string> names;
    const auto workbook = part("xl/workbook.xml");
    for (auto *sheet : elements(workbook, "sheet")) names.push_back(sheet->getAttribute("name"));
    ASSERT_GE(names.size(), 7u);
    EXPECT_EQ(names[0], "Report");
    EXPECT_EQ(names[1], "Summary by subject");
    EXPECT_EQ(names[2], "Pupils and their latest judgeme");  // 31 characters at most
    EXPECT_THAT(names, Contains("Reading- Autumn 2025 against Su"));  // ':' is not allowed
    EXPECT_THAT(names, Contains("Appendix- the pupils behind eac"));
}

TEST_F(xlsx_renderer_test, keeps_names_and_the_report_description) {
    const auto strings = shared_strings();
    EXPECT_THAT(strings, Contains("ŁUKASZ-BRONTË, Zoë"));
    EXPECT_THAT(strings, Contains("O'NEILL, Siobhán"));
    EXPECT_THAT(strings, Contains("Pupils on roll in Year 4 by band of their latest judgement in each subject"));
    EXPECT_THAT(strings, Contains("Year 4; Summer term 2026; All classes; All pupil characteristics"));
    EXPECT_THAT(strings, Contains("No judgement in at least one subject")) << "the Venn's sheet counts them apart";
}

TEST_F(xlsx_renderer_test, band_cells_have_their_colour_as_a_solid_fill) {
    const auto styles = part("xl/styles.xml");
    const auto fills = elements(styles, "fill");
    const auto formats = elements(styles, "xf");  // cellStyleXfs come first: one, then cellXfs
    const auto strings = shared_strings();
    const auto below = std::find(strings.begin(), strings.end(), "Below") - strings.begin();
    const auto sheet = part(sheet_file("Pupils and their latest judgeme"));
    int checked = 0;
    for (auto *c : elements(sheet, "c")) {
        if (c->getAttribute("t") != "s" || c->innerText() != std::to_string(below)) continue;
        const auto *xf = formats.at(1 + std::stoul(c->getAttribute("s")));
        auto *fill = fills.at(std::stoul(xf->getAttribute("fillId")));
        auto *colour = fill->getChildElement("patternFill")->getChildElement("fgColor");
        ASSERT_NE(colour, nullptr);
        EXPECT_EQ(colour->getAttribute("rgb"), "FFE8857A");
        ++checked;
    }
    EXPECT_GT(checked, 3);
}

TEST_F(xlsx_renderer_test, headings_are_frozen_and_plain_figures_are_numbers) {
    const std::string sheet = read_text_file(folder_ / "unpacked" / sheet_file("Pupils and their latest judgeme"));
    EXPECT_THAT(sheet, HasSubstr("state=\"frozen\""));
    EXPECT_THAT(sheet, HasSubstr("topLeftCell=\"A4\""));  // title, group headings, column labels
    EXPECT_THAT(sheet, ::testing::ContainsRegex("<c r=\"F4\" s=\"[0-9]+\"><v>[0-9]+</v></c>"));
    EXPECT_THAT(sheet, HasSubstr("<mergeCell ref=\"C2:E2\"/>"));
}

}  // namespace
