#include "ctf/ctf_reader.hpp"

#include "domain/codes.hpp"
#include "domain/postcode.hpp"
#include "domain/pupil_fields.hpp"
#include "domain/upn.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/Locator.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/SAX/XMLReader.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

namespace waymark::connectors::ctf {

namespace {

using Poco::XML::Element;
using Poco::XML::Node;

std::string lower(std::string_view text) {
    std::string result(text);
    for (char &c : result)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return result;
}

// Refuses, before any parser sees the bytes, what this reader never accepts: text that is not
// UTF-8 (so the byte scan below cannot be dodged by another encoding) and every markup declaration
// (DOCTYPE, ENTITY, ELEMENT, ATTLIST ...), so no entity is ever declared, let alone expanded.
void refuse_unsafe_text(std::string_view xml, const std::string &source) {
    if (xml.starts_with("\xFE\xFF") || xml.starts_with("\xFF\xFE") || xml.find('\0') != std::string_view::npos)
        throw ctf_error(source + " is not UTF-8 text; export the CTF as UTF-8.");
    if (xml.starts_with("<?xml")) {
        const std::string declaration = lower(xml.substr(0, xml.find("?>")));
        const auto encoding = declaration.find("encoding");
        if (encoding != std::string::npos) {
            const auto quote = declaration.find_first_of("\"'", encoding);
            const auto value = quote == std::string::npos ? std::string() : declaration.substr(quote + 1, 5);
            if (value != "utf-8" && value.substr(0, 4) != "utf8")
                throw ctf_error(source + " declares an encoding other than UTF-8; export the CTF as UTF-8.");
        }
    }
    for (auto at = xml.find("<!"); at != std::string_view::npos; at = xml.find("<!", at + 2)) {
        const std::string_view rest = xml.substr(at);
        if (rest.starts_with("<!--") || rest.starts_with("<![CDATA[")) continue;
        const auto line = 1 + std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(at), '\n');
        throw ctf_error(source + " contains a DOCTYPE or entity declaration (line " + std::to_string(line) +
                        "); a CTF never needs one and Waymark refuses them, so the file was not read.");
    }
}

// Poco's DOM frees a tree recursively, so a few hundred kilobytes of nested elements would overflow
// the stack; this SAX pass measures the nesting before any tree is built. It only records where the
// limit was passed (throwing from a handler would unwind through expat's C frames).
class nesting_check : public Poco::XML::DefaultHandler {
public:
    explicit nesting_check(std::size_t limit) : limit_(limit) {}

    void setDocumentLocator(const Poco::XML::Locator *locator) override { locator_ = locator; }
    void startElement(const Poco::XML::XMLString &, const Poco::XML::XMLString &, const Poco::XML::XMLString &,
                      const Poco::XML::Attributes &) override {
        if (++depth_ > limit_ && !too_deep_at_)
            too_deep_at_ = locator_ ? "line " + std::to_string(locator_->getLineNumber()) + ", column " +
                                          std::to_string(locator_->getColumnNumber())
                                    : std::string("an unknown place");
    }
    void endElement(const Poco::XML::XMLString &, const Poco::XML::XMLString &, const Poco::XML::XMLString &) override {
        --depth_;
    }

    // "line L, column C" of the first element past the limit; nullopt when the nesting is within it.
    const std::optional<std::string> &too_deep_at() const { return too_deep_at_; }

private:
    std::size_t limit_;
    std::size_t depth_ = 0;
    const Poco::XML::Locator *locator_ = nullptr;
    std::optional<std::string> too_deep_at_;
};

// Runs one parse, turning the parser's failures into one sentence naming line and column.
template <typename Parse>
auto parse_or_refuse(const std::string &source, Parse parse) {
    try {
        return parse();
    } catch (const Poco::XML::SAXParseException &error) {
        throw ctf_error(source + " is not well-formed XML at line " + std::to_string(error.getLineNumber()) + ", column " +
                        std::to_string(error.getColumnNumber()) + " (" + error.message() + ").");
    } catch (const Poco::Exception &error) {
        throw ctf_error(source + " cannot be read as XML (" + error.displayText() + ").");
    }
}

void refuse_deep_nesting(std::string_view xml, const std::string &source, std::size_t max_depth) {
    nesting_check check(max_depth);
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
    parser.setContentHandler(&check);
    parse_or_refuse(source, [&] { parser.parseMemoryNP(xml.data(), xml.size()); });
    if (check.too_deep_at())
        throw ctf_error(source + " nests elements more than " + std::to_string(max_depth) + " deep (at " +
                        *check.too_deep_at() + "); a CTF is far shallower, so the file was not read.");
}

const Element *child(const Element *parent, const std::string &name) {
    return parent ? parent->getChildElement(name) : nullptr;
}

std::string text_of(const Element *parent, const std::string &name) {
    const Element *element = child(parent, name);
    if (!element) return {};
    std::string text = element->innerText();
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

template <typename Visit>
void each_child(const Element *parent, const std::string &name, Visit visit) {
    if (!parent) return;
    for (Node *node = parent->firstChild(); node; node = node->nextSibling())
        if (node->nodeType() == Node::ELEMENT_NODE && node->nodeName() == name) visit(static_cast<const Element *>(node));
}

std::optional<int> whole_number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

ctf_header read_header(const Element *root, const std::string &source) {
    const Element *header = child(root, "Header");
    if (!header) throw ctf_error(source + " has no Header element; it is not a complete Common Transfer File.");
    ctf_header result;
    result.version = text_of(header, "CTFversion");
    result.date_time = text_of(header, "DateTime");
    result.qualifier = text_of(header, "DocumentQualifier");
    result.supplier_id = text_of(header, "SupplierID");
    const Element *source_school = child(header, "SourceSchool");
    result.source = {text_of(source_school, "LEA"), text_of(source_school, "Estab"), text_of(source_school, "URN"),
                     text_of(source_school, "SchoolName")};
    const std::string year_text = text_of(source_school, "AcademicYear");
    const auto year = domain::parse_academic_year(year_text);
    if (!year)
        throw ctf_error(source + ": the source school's AcademicYear \"" + year_text +
                        "\" is not an academic year like 2025/2026.");
    result.academic_year = *year;
    const Element *destination = child(header, "DestSchool");
    result.destination_la_number = text_of(destination, "LEA");
    result.destination_establishment_number = text_of(destination, "Estab");
    return result;
}

class pupil_reader {
public:
    pupil_reader(const result_codes &codes, const ctf_header &header, const std::string &source, ctf_document &document)
        : codes_(codes), header_(header), source_(source), document_(document) {}

    void read(const Element *element, std::size_t position) {
        position_ = position;
        domain::pupil pupil;
        pupil.surname = text_of(element, "Surname");
        pupil.forename = text_of(element, "Forename");
        name_ = pupil.forename.empty() && pupil.surname.empty() ? "no name" : pupil.forename + " " + pupil.surname;
        pupil.upn = text_of(element, "UPN");
        if (pupil.upn.empty()) refuse("has no UPN; every pupil in a CTF needs one");
        if (auto problem = domain::upn_problem(pupil.upn)) refuse("has a bad UPN: " + *problem);
        if (!seen_upns_.insert(pupil.upn).second) refuse("repeats the UPN " + pupil.upn + " of an earlier pupil");
        if (pupil.surname.empty() || pupil.forename.empty()) refuse("needs both a Surname and a Forename");

        const std::string dob = text_of(element, "DOB");
        const auto date_of_birth = domain::parse_iso_date(dob);
        if (!date_of_birth) refuse("has a DOB \"" + dob + "\" that is not a date like 2019-03-05");
        if (auto age_problem = domain::school_age_problem(*date_of_birth, header_.academic_year)) {
            age_problem->pop_back();  // refuse() ends the sentence
            refuse("has a DOB \"" + dob + "\" that" + *age_problem);
        }
        pupil.date_of_birth = *date_of_birth;
        const std::string sex = text_of(element, "Sex");
        if (sex != "M" && sex != "F") refuse("has a Sex \"" + sex + "\" other than M or F");
        pupil.gender = sex.front();

        read_basic_details(child(element, "BasicDetails"), pupil);
        read_fsm(child(element, "FSMhistory"), pupil);
        read_sen(child(element, "SENhistory"), pupil);
        const std::string postcode = text_of(child(element, "Address"), "PostCode");
        pupil.postcode = domain::normalise_postcode(postcode).value_or(postcode);
        read_results(child(element, "StageAssessments"), pupil.upn);
        document_.pupils.push_back(std::move(pupil));
    }

private:
    [[noreturn]] void refuse(const std::string &what) const {
        throw ctf_error(source_ + ": pupil " + std::to_string(position_) + " in CTFpupilData (" + name_ + ") " + what + ".");
    }

    void read_basic_details(const Element *details, domain::pupil &pupil) const {
        pupil.former_upn = text_of(details, "FormerUPN");
        const std::string ethnicity = text_of(details, "Ethnicity");
        const auto *known = domain::find_ethnicity(ethnicity);
        pupil.ethnicity = known ? std::string(known->code) : ethnicity;  // an extended code we do not list is kept
        if (pupil.ethnicity.size() > 4) refuse("has an Ethnicity \"" + ethnicity + "\" longer than a four-letter code");
        each_child(child(details, "Languages"), "Type", [&](const Element *type) {
            if (text_of(type, "LanguageType") == "F" && pupil.first_language.empty()) {
                const std::string language = text_of(type, "Language");
                const auto *code = domain::find_first_language(language);
                pupil.first_language = code ? std::string(code->code) : language;
            }
        });
        if (pupil.first_language.size() > 3) refuse("has a first Language \"" + pupil.first_language + "\" longer than three letters");
        pupil.eal = domain::is_eal_language(pupil.first_language);
        const std::string year_text = text_of(details, "NCyearActual");
        const std::optional<int> actual = year_text == "R"    ? std::optional<int>(0)
                                          : year_text == "N2" ? std::optional<int>(-1)
                                          : year_text == "N1" ? std::optional<int>(-2)
                                                              : whole_number(year_text);
        if (actual && *actual != domain::nc_year(pupil.date_of_birth, header_.academic_year)) pupil.year_override = actual;
    }

    void read_fsm(const Element *history, domain::pupil &pupil) const {
        const domain::date six_years_back = domain::academic_year{header_.academic_year.start_year - 6}.first_day();
        each_child(history, "FSMinstance", [&](const Element *instance) {
            const std::string end_text = text_of(instance, "FSMendDate");
            if (end_text.empty()) {
                pupil.fsm = pupil.ever6_fsm = true;
                return;
            }
            const auto end = domain::parse_iso_date(end_text);
            if (!end) refuse("has an FSMendDate \"" + end_text + "\" that is not a date like 2024-07-31");
            if (*end >= six_years_back) pupil.ever6_fsm = true;
        });
    }

    void read_sen(const Element *history, domain::pupil &pupil) const {
        each_child(history, "SEN", [&](const Element *sen) {
            const std::string provision = text_of(sen, "SENprovision");
            const auto *code = domain::find_sen(provision);
            if (!code) refuse("has an SENprovision \"" + provision + "\" that is not N, K, E, A, P or S");
            pupil.sen = code->code.front();  // the last entry is the current provision
        });
    }

    void read_results(const Element *assessments, const std::string &upn) {
        each_child(assessments, "KeyStage", [&](const Element *key_stage) {
            const std::string stage = text_of(key_stage, "Stage");
            each_child(key_stage, "StageAssessment", [&](const Element *entry) {
                ctf_raw_result raw{upn,
                                   stage,
                                   text_of(entry, "Locale"),
                                   text_of(entry, "Year"),
                                   text_of(entry, "Subject"),
                                   text_of(entry, "Method"),
                                   text_of(entry, "Component"),
                                   text_of(entry, "ResultStatus"),
                                   text_of(entry, "ResultQualifier"),
                                   text_of(entry, "Result"),
                                   text_of(entry, "ResultDate")};
                keep(std::move(raw));
            });
        });
    }

    // A result the table maps, with a year and a value its kind accepts, becomes a statutory result;
    // anything else is kept raw for the import report.
    void keep(ctf_raw_result raw) {
        const auto year = whole_number(raw.year);
        auto result = codes_.to_waymark({raw.stage, raw.subject, raw.method, raw.component, raw.result_qualifier}, raw.result);
        if (result && year) {
            result->upn = raw.upn;
            result->year = {*year - 1};  // the summer the assessment was made ends that academic year
            if (!domain::statutory_problem(*result)) {
                document_.results.push_back(std::move(*result));
                return;
            }
        }
        document_.unmapped.push_back(std::move(raw));
    }

    const result_codes &codes_;
    const ctf_header &header_;
    const std::string &source_;
    ctf_document &document_;
    std::set<std::string> seen_upns_;
    std::size_t position_ = 0;
    std::string name_;
};

}  // namespace

ctf_document read_ctf(std::string_view xml, const result_codes &codes, std::string_view source_name,
                      const ctf_read_options &options) {
    const std::string source(source_name);
    if (xml.size() > options.max_bytes)
        throw ctf_error(source + " is " + std::to_string(xml.size() / (1024 * 1024)) + " MB, more than the " +
                        std::to_string(options.max_bytes / (1024 * 1024)) + " MB a CTF import accepts.");
    refuse_unsafe_text(xml, source);
    refuse_deep_nesting(xml, source, options.max_depth);

    Poco::XML::DOMParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
    parser.setFeature(Poco::XML::DOMParser::FEATURE_FILTER_WHITESPACE, true);
    const Poco::AutoPtr<Poco::XML::Document> dom =
        parse_or_refuse(source, [&] { return Poco::AutoPtr<Poco::XML::Document>(parser.parseMemory(xml.data(), xml.size())); });

    const Element *root = dom->documentElement();
    if (!root || root->nodeName() != "CTfile")
        throw ctf_error(source + " has the root element <" + (root ? root->nodeName() : std::string()) +
                        ">; a Common Transfer File starts with <CTfile>.");
    ctf_document document;
    document.header = read_header(root, source);
    pupil_reader reader(codes, document.header, source, document);
    std::size_t position = 0;
    each_child(child(root, "CTFpupilData"), "Pupil", [&](const Element *pupil) { reader.read(pupil, ++position); });
    return document;
}

ctf_document read_ctf_file(const std::filesystem::path &file, const result_codes &codes, const ctf_read_options &options) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (error) throw ctf_error("The file " + file.string() + " cannot be read; check the name and that it exists.");
    if (size > options.max_bytes)
        throw ctf_error(file.string() + " is " + std::to_string(size / (1024 * 1024)) + " MB, more than the " +
                        std::to_string(options.max_bytes / (1024 * 1024)) + " MB a CTF import accepts.");
    std::ifstream stream(file, std::ios::binary);
    std::ostringstream text;
    text << stream.rdbuf();
    return read_ctf(text.str(), codes, file.string(), options);
}

}  // namespace waymark::connectors::ctf
