#include "services/tracking/class_grid_json.hpp"

#include "services/record_json.hpp"

#include <waymark/plugin.h>

#include <Poco/JSON/Array.h>

#include <charconv>
#include <cstdio>

namespace waymark::services {
namespace {

// Nested values are shared pointers: a Var holding an Object by value copies it whole at every level
// it is set into, which was half of a class grid's time through the API.
Poco::JSON::Object::Ptr ordered_object() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Poco::JSON::Object::Ptr text_map(const std::map<std::string, std::string> &cells) {
    auto json = ordered_object();
    for (const auto &[subject, value] : cells) json->set(subject, value);
    return json;
}

Poco::JSON::Object::Ptr judgement_json(const grid_judgement &cell) {
    auto json = ordered_object();
    json->set("code", cell.code);
    json->set("label", cell.label);
    const std::string band = band_word(cell.band);
    json->set("band", text_or_null(band));
    json->set("on_track", cell.on_track);
    json->set("colour", colour_hex(cell.colour));
    json->set("colour_overridden", cell.colour_overridden);
    json->set("judged_year", cell.judged_year);
    return json;
}

Poco::JSON::Object::Ptr characteristics_json(const domain::pupil &pupil) {
    auto json = ordered_object();
    json->set("gender", std::string(1, pupil.gender));
    json->set("sen", std::string(1, pupil.sen));
    json->set("ethnicity", pupil.ethnicity);
    json->set("eal", pupil.eal);
    json->set("fsm", pupil.fsm);
    json->set("ever6_fsm", pupil.ever6_fsm);
    json->set("pupil_premium", pupil.pupil_premium);
    json->set("looked_after", pupil.looked_after);
    json->set("previously_looked_after", pupil.previously_looked_after);
    json->set("disadvantaged", domain::is_disadvantaged(pupil));
    json->set("summer_born", domain::is_summer_born(pupil.date_of_birth));
    return json;
}

Poco::JSON::Object::Ptr statutory_json(const grid_statutory &held) {
    auto json = ordered_object();
    json->set("gld", or_null(held.gld));
    Poco::JSON::Array::Ptr phonics = new Poco::JSON::Array;
    for (const auto &check : held.phonics) {
        auto taken = ordered_object();
        taken->set("year", check.nc_year);
        taken->set("mark", text_or_null(check.mark));
        taken->set("outcome", text_or_null(check.outcome));
        phonics->add(taken);
    }
    json->set("phonics", phonics);
    auto key_stage_1 = ordered_object();
    for (const auto &[subject, result] : held.key_stage_1) {
        auto outcome = ordered_object();
        outcome->set("ta", text_or_null(result.teacher_assessment));
        outcome->set("scaled_score", text_or_null(result.scaled_score));
        key_stage_1->set(subject, outcome);
    }
    json->set("ks1", key_stage_1);
    return json;
}

void add_pupil_details(const grid_pupil_details &details, Poco::JSON::Object &pupil) {
    pupil.set("characteristics", characteristics_json(details.record));
    Poco::JSON::Array::Ptr flags = new Poco::JSON::Array;
    for (const bool flag : details.record.custom_flags) flags->add(flag);
    pupil.set("custom_flags", flags);
    pupil.set("statutory", statutory_json(details.statutory));
}

}  // namespace

std::string band_word(int band) {
    switch (band) {
        case WAYMARK_BAND_BELOW: return "below";
        case WAYMARK_BAND_AT: return "at";
        case WAYMARK_BAND_ABOVE: return "above";
        default: return "";
    }
}

std::string colour_hex(uint32_t rgb) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06X", rgb & 0xFFFFFFu);
    return text;
}

std::optional<uint32_t> parse_colour_hex(std::string_view text) {
    if (text.starts_with('#')) text.remove_prefix(1);
    uint32_t rgb = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), rgb, 16);
    if (text.size() != 6 || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return rgb;
}

Poco::JSON::Object assessment_json(const assessment &which) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("id", which.id);
    json.set("name", which.name);
    json.set("date", domain::format_iso_date(which.assessed_on));
    json.set("academic_year", domain::format_academic_year(which.year));
    json.set("term", std::string(domain::term_name(which.term)));
    json.set("year_groups", json_array(which.year_groups));
    Poco::JSON::Array subjects;
    for (const auto &s : which.subjects) {
        Poco::JSON::Object subject(Poco::JSON_PRESERVE_KEY_ORDER);
        subject.set("code", s.code);
        subject.set("scheme", s.scheme_id);
        subject.set("test_score", s.test_score ? Poco::Dynamic::Var(std::string(test_score_kind_name(*s.test_score)))
                                               : Poco::Dynamic::Var());
        subjects.add(subject);
    }
    json.set("subjects", subjects);
    json.set("formative_title", or_null(which.formative_title));
    json.set("test_scores_title", or_null(which.test_scores_title));
    json.set("phonics", which.phonics);
    return json;
}

Poco::JSON::Object class_grid_json(const class_grid &grid) {
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("assessment", assessment_json(grid.which));
    json.set("as_of", text_or_null(grid.as_of));
    Poco::JSON::Array::Ptr pupils = new Poco::JSON::Array;
    for (const auto &row : grid.rows) {
        auto pupil = ordered_object();
        pupil->set("upn", row.pupil.upn);
        pupil->set("surname", row.pupil.surname);
        pupil->set("forename", row.pupil.forename);
        pupil->set("class", row.pupil.class_name);
        pupil->set("year", row.pupil.nc_year);
        auto judgements = ordered_object();
        for (const auto &[subject, cell] : row.judgements) judgements->set(subject, judgement_json(cell));
        pupil->set("judgements", judgements);
        pupil->set("test_scores", text_map(row.test_scores));
        pupil->set("formative", text_map(row.formative));
        pupil->set("phonics", or_null(row.phonics));
        auto record_ids = ordered_object();
        for (const auto &[cell, id] : row.record_ids) {
            const std::string kind(cell_kind_name(cell.first));
            if (!record_ids->has(kind)) record_ids->set(kind, ordered_object());
            record_ids->getObject(kind)->set(cell.second, id);
        }
        pupil->set("record_ids", record_ids);
        pupil->set("progress_meetings", row.progress_meetings);
        if (row.details) add_pupil_details(*row.details, *pupil);
        pupils->add(pupil);
    }
    json.set("pupils", pupils);
    if (!grid.rows.empty() && grid.rows.front().details) {
        Poco::JSON::Array::Ptr names = new Poco::JSON::Array;
        for (const auto &name : grid.custom_flag_names) names->add(name);
        json.set("custom_flag_names", names);
    }
    return json;
}

}  // namespace waymark::services
