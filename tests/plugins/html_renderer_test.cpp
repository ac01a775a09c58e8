// The HTML renderer through the host: one self-contained page (no script, no external file) that is
// well-formed XML, read back with Poco's DOM parser: the report's description, every table with its
// band colours and codes, drill-down links that reach their lists, the Venn's three circles, and
// text escaped so a name or filter can never become markup.
#include "rendered_fixture.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/SAX/InputSource.h>
#include <gmock/gmock.h>

#include <set>
#include <sstream>

namespace {

using ::testing::HasSubstr;
using waymark::testing::fixture_document;

class html_renderer_test : public waymark::testing::renderer_test {
protected:
    static Poco::AutoPtr<Poco::XML::Document> parsed(const std::string &html) {
        std::istringstream in(html);
        Poco::XML::InputSource source(in);
        Poco::XML::DOMParser parser;
        return parser.parse(&source);
    }
    static std::vector<std::string> attributes(Poco::XML::Document &page, const std::string &tag, const std::string &name) {
        std::vector<std::string> values;
        Poco::AutoPtr<Poco::XML::NodeList> found = page.getElementsByTagName(tag);
        for (unsigned long i = 0; i < found->length(); ++i)
            values.push_back(static_cast<Poco::XML::Element *>(found->item(i))->getAttribute(name));
        return values;
    }
};

TEST_F(html_renderer_test, is_one_well_formed_page_that_describes_the_report) {
    const std::string html = render("html", fixture_document("full_report.json"));
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
    auto page = parsed(html);
    EXPECT_THAT(html, HasSubstr("Brontë Street Primary School"));
    EXPECT_THAT(html, HasSubstr("<h1>Full report: Year 4, Summer term 2026</h1>"));
    EXPECT_THAT(html, HasSubstr("Include in Data has been set to No for 2 pupils"));
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("src="), std::string::npos) << "no external file";
    Poco::AutoPtr<Poco::XML::NodeList> tables = page->getElementsByTagName("table");
    EXPECT_GE(tables->length(), 2u);
}

TEST_F(html_renderer_test, every_drill_down_link_reaches_a_pupil_list) {
    auto page = parsed(render("html", fixture_document("full_report.json")));
    std::set<std::string> anchors;
    for (const auto &id : attributes(*page, "section", "id")) anchors.insert("#" + id);
    const auto links = attributes(*page, "a", "href");
    ASSERT_FALSE(links.empty());
    for (const auto &link : links) EXPECT_TRUE(anchors.contains(link)) << link;
}

TEST_F(html_renderer_test, bands_are_coloured_and_still_named_for_greyscale) {
    const std::string html = render("html", fixture_document("full_report.json"));
    EXPECT_THAT(html, HasSubstr("style=\"background:#"));
    EXPECT_THAT(html, HasSubstr("<span class=\"code\">["));
}

TEST_F(html_renderer_test, a_matrix_is_a_table_and_the_page_is_landscape) {
    const std::string html = render("html", fixture_document("matrix_landscape.json"));
    parsed(html);
    EXPECT_THAT(html, HasSubstr("@page{size:A4 landscape"));
    EXPECT_THAT(html, HasSubstr("<caption>KS1 reading against Autumn 2026 reading</caption>"));
}

TEST_F(html_renderer_test, draws_the_venn_as_three_circles_and_charts_as_svg) {
    auto page = parsed(render("html", fixture_document("full_report.json")));
    std::size_t translucent = 0;
    for (const auto &opacity : attributes(*page, "circle", "fill-opacity")) translucent += opacity == "0.25" ? 1 : 0;
    EXPECT_EQ(translucent, 3u);
    EXPECT_GE(attributes(*page, "svg", "viewBox").size(), 2u) << "the Venn and the chart";
}

TEST_F(html_renderer_test, the_venn_counts_its_pupils_without_a_judgement_apart_and_links_them) {
    const std::string html = render("html", fixture_document("full_report.json"));
    EXPECT_THAT(html, HasSubstr("(90 pupils)<br/><a href=\"#list-venn-unjudged\">No judgement in at least one subject: 2</a>"));
    EXPECT_THAT(html, HasSubstr("id=\"list-venn-unjudged\""));
}

TEST_F(html_renderer_test, text_never_becomes_markup) {
    std::string document = fixture_document("full_report.json");
    const std::string school = "Brontë Street Primary School";
    document.replace(document.find(school), school.size(), R"(<b>O'Neil & \"Co\"</b>)");
    const std::string html = render("html", document);
    parsed(html);
    EXPECT_THAT(html, HasSubstr("&lt;b&gt;O&#39;Neil &amp; &quot;Co&quot;&lt;/b&gt;"));
    EXPECT_EQ(html.find("<b>"), std::string::npos);
}

}  // namespace
