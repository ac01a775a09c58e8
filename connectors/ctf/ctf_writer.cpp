#include "ctf/ctf_writer.hpp"

#include "domain/codes.hpp"

#include <Poco/XML/XMLWriter.h>

#include <algorithm>
#include <map>

namespace waymark::connectors::ctf {

namespace {

using Poco::XML::XMLWriter;

// Element-at-a-time helpers over XMLWriter (no namespaces in a CTF).
class ctf_xml {
public:
    explicit ctf_xml(std::ostream &out) : writer_(out, XMLWriter::WRITE_XML_DECLARATION | XMLWriter::PRETTY_PRINT) {
        writer_.setNewLine("\n");
        writer_.setIndent("  ");
        writer_.startDocument();
    }
    void open(const std::string &name) { writer_.startElement("", name, name); }
    void close(const std::string &name) { writer_.endElement("", name, name); }
    void data(const std::string &name, const std::string &text) { writer_.dataElement("", name, name, text); }
    void data_if(const std::string &name, const std::string &text) {
        if (!text.empty()) data(name, text);
    }
    void finish() { writer_.endDocument(); }

private:
    XMLWriter writer_;
};

// CTF year groups: N1 and N2 for the two nursery years, R for Reception, then 1 to 14.
std::string nc_year_text(int year) {
    if (year < 0) return "N" + std::to_string(std::max(1, 3 + year));
    return year == 0 ? "R" : std::to_string(year);
}

void write_header(ctf_xml &xml, const ctf_header &header) {
    xml.open("Header");
    xml.data("DocumentName", "Common Transfer File");
    xml.data("CTFversion", header.version);
    xml.data("DateTime", header.date_time);
    xml.data("DocumentQualifier", header.qualifier);
    xml.data("SupplierID", header.supplier_id);
    xml.open("SourceSchool");
    xml.data("LEA", header.source.la_number);
    xml.data("Estab", header.source.establishment_number);
    xml.data_if("URN", header.source.urn);
    xml.data("SchoolName", header.source.name);
    xml.data("AcademicYear", domain::format_academic_year(header.academic_year));
    xml.close("SourceSchool");
    xml.open("DestSchool");
    xml.data("LEA", header.destination_la_number);
    xml.data("Estab", header.destination_establishment_number);
    xml.close("DestSchool");
    xml.close("Header");
}

void write_fsm_history(ctf_xml &xml, const domain::pupil &pupil, domain::academic_year year) {
    if (!pupil.fsm && !pupil.ever6_fsm) return;
    xml.open("FSMhistory");
    xml.open("FSMinstance");
    if (pupil.fsm) {
        xml.data("FSMstartDate", domain::format_iso_date(year.first_day()));
    } else {
        xml.data("FSMstartDate", domain::format_iso_date(year.previous().first_day()));
        xml.data("FSMendDate", domain::format_iso_date(year.previous().last_day()));
    }
    xml.close("FSMinstance");
    xml.close("FSMhistory");
}

// The pupil's results grouped by CTF stage, in the code table's terms.
using stage_results = std::map<std::string, std::vector<std::pair<result_key, const domain::statutory_result *>>>;

void write_stage_assessments(ctf_xml &xml, const stage_results &by_stage, const std::map<const domain::statutory_result *, std::string> &values) {
    if (by_stage.empty()) return;
    xml.open("StageAssessments");
    for (const auto &[stage, entries] : by_stage) {
        xml.open("KeyStage");
        xml.data("Stage", stage);
        for (const auto &[key, result] : entries) {
            xml.open("StageAssessment");
            xml.data("Locale", "ENG");
            xml.data("Year", std::to_string(result->year.start_year + 1));  // the summer the assessment was made
            xml.data("Subject", key.subject);
            xml.data("Method", key.method);
            xml.data_if("Component", key.component);
            xml.data_if("ResultQualifier", key.result_qualifier);
            xml.data("Result", values.at(result));
            xml.close("StageAssessment");
        }
        xml.close("KeyStage");
    }
    xml.close("StageAssessments");
}

void write_pupil(ctf_xml &xml, const domain::pupil &pupil, domain::academic_year year,
                 const std::vector<const domain::statutory_result *> &results, const result_codes &codes,
                 ctf_write_summary &summary) {
    xml.open("Pupil");
    xml.data("UPN", pupil.upn);
    xml.data("Surname", pupil.surname);
    xml.data("Forename", pupil.forename);
    xml.data("DOB", domain::format_iso_date(pupil.date_of_birth));
    xml.data("Sex", std::string(1, pupil.gender));
    xml.open("BasicDetails");
    xml.data_if("FormerUPN", pupil.former_upn);
    xml.data("NCyearActual", nc_year_text(domain::nc_year(pupil.date_of_birth, year, pupil.year_override)));
    xml.data_if("Ethnicity", pupil.ethnicity);
    const std::string language = !pupil.first_language.empty() ? pupil.first_language : pupil.eal ? "OTH" : "";
    if (!language.empty()) {
        xml.open("Languages");
        xml.open("Type");
        xml.data("LanguageType", "F");
        xml.data("Language", language);
        xml.close("Type");
        xml.close("Languages");
    }
    xml.close("BasicDetails");
    write_fsm_history(xml, pupil, year);
    if (pupil.sen != 'N') {
        xml.open("SENhistory");
        xml.open("SEN");
        xml.data("SENprovision", std::string(1, pupil.sen));
        xml.close("SEN");
        xml.close("SENhistory");
    }
    xml.open("Address");
    xml.data("PostCode", pupil.postcode);
    xml.close("Address");

    stage_results by_stage;
    std::map<const domain::statutory_result *, std::string> values;
    for (const auto *result : results) {
        auto mapped = codes.to_ctf(*result);
        if (!mapped) {
            ++summary.results_not_written;
            continue;
        }
        values[result] = std::move(mapped->second);
        by_stage[mapped->first.stage].emplace_back(std::move(mapped->first), result);
        ++summary.results;
    }
    write_stage_assessments(xml, by_stage, values);
    xml.close("Pupil");
    ++summary.pupils;
}

}  // namespace

ctf_write_summary write_ctf(std::ostream &out, const ctf_document &document, const result_codes &codes) {
    std::map<std::string, std::vector<const domain::statutory_result *>, std::less<>> results_by_upn;
    for (const auto &result : document.results) results_by_upn[result.upn].push_back(&result);

    ctf_write_summary summary;
    ctf_xml xml(out);
    xml.open("CTfile");
    write_header(xml, document.header);
    xml.open("CTFpupilData");
    static const std::vector<const domain::statutory_result *> none;
    for (const auto &pupil : document.pupils) {
        const auto found = results_by_upn.find(pupil.upn);
        write_pupil(xml, pupil, document.header.academic_year, found == results_by_upn.end() ? none : found->second, codes,
                    summary);
    }
    xml.close("CTFpupilData");
    xml.close("CTfile");
    xml.finish();
    return summary;
}

}  // namespace waymark::connectors::ctf
