#include "services/targets/target_validation.hpp"

#include "store/fetch_rows.hpp"
#include "store/multi_row_insert.hpp"
#include "store/schools.hpp"
#include "services/tracking/pupil_selection.hpp"
#include "services/tracking/subject_judgements.hpp"
#include "services/tracking/tracking_records.hpp"

#include <algorithm>
#include <map>

namespace waymark::services {
namespace {

// A grade as the validator compares it: its points, or its place in the scheme for a scheme without
// points (four-band), so "below current attainment" still holds there.
struct valued_grade {
    double points = 0.0;
    std::string label;
};

std::optional<valued_grade> value_of(const plugins::scheme &scheme, const std::string &code) {
    const auto grade = scheme.find_code(code);
    if (!grade) return std::nullopt;
    const auto &info = scheme.grades()[*grade];
    return valued_grade{info.points.value_or(static_cast<double>(*grade)), info.code};
}

using predictions_by_cell = std::map<std::pair<long long, long long>, std::pair<std::string, std::string>>;

// The latest sufficient stored prediction per pupil and subject id (`where` narrows to a school): its
// scheme and likely grade.
predictions_by_cell stored_predictions(soci::session &session, const std::string &where) {
    std::vector<long long> pupils, subjects;
    std::vector<std::string> schemes, codes;
    store::size_for_fetch(pupils, subjects, schemes, codes);
    soci::statement rows = (session.prepare << "SELECT pupil_id, subject_id, scheme_id, likely_code FROM wm_predictions "
                                               "WHERE sufficient = 1" + where + " ORDER BY id",
                            soci::into(pupils), soci::into(subjects), soci::into(schemes), soci::into(codes));
    predictions_by_cell found;
    store::fetch_rows(rows, [&](std::size_t i) { found[{pupils[i], subjects[i]}] = {schemes[i], codes[i]}; }, pupils, subjects,
               schemes, codes);
    return found;
}

// What the validator is given about a set of targets, read in a few queries whatever their number.
struct validation_inputs {
    std::vector<target_record> targets;
    std::map<std::string, long long, std::less<>> subject_ids;
    std::map<long long, double> rate_per_term;  // by school; a school without a policy has none
    predictions_by_cell predictions;
    std::map<std::string, std::map<long long, std::vector<dated_judgement>>> judgements;  // by subject, then pupil
};

std::map<long long, double> rates_per_term(soci::session &session, const std::string &where) {
    std::vector<long long> schools;
    std::vector<int> points, terms;
    store::size_for_fetch(schools, points, terms);
    soci::statement rows = (session.prepare << "SELECT school_id, rate_points, rate_terms FROM wm_target_policies WHERE 1 = 1" + where,
                            soci::into(schools), soci::into(points), soci::into(terms));
    std::map<long long, double> rates;
    store::fetch_rows(rows, [&](std::size_t i) {
        target_policy policy;
        policy.rate_points = points[i];
        policy.rate_terms = terms[i];
        rates[schools[i]] = policy.rate_per_term();
    }, schools, points, terms);
    return rates;
}

// Runs the validator over every target of `inputs` and stores the flags it raises (the caller has
// deleted the ones they replace). Returns how many were raised.
std::size_t validate_and_flag(soci::session &session, const scheme_library &schemes, const plugins::validator &validator,
                              const validation_inputs &inputs, const std::string &at) {
    // The strings the cases point into live here, as long as the validator's call.
    struct case_text {
        valued_grade target, prior, current, predicted;
    };
    std::vector<case_text> texts;
    std::vector<waymark_target_case> cases;
    std::vector<const target_record *> case_targets;
    texts.reserve(inputs.targets.size());
    const std::vector<dated_judgement> none;
    const std::map<long long, std::vector<dated_judgement>> no_subject;
    for (const auto &t : inputs.targets) {
        const plugins::scheme &scheme = schemes.get(t.scheme_id);
        const auto target = value_of(scheme, t.grade_code);
        if (!target) continue;
        const auto subject = inputs.judgements.find(t.target.subject);
        const auto &of_subject = subject == inputs.judgements.end() ? no_subject : subject->second;
        const auto found = of_subject.find(t.pupil_id);
        const auto &history = found == of_subject.end() ? none : found->second;
        case_text text{*target, {}, {}, {}};
        waymark_target_case c{};
        c.struct_size = sizeof(waymark_target_case);
        c.target_points = target->points;
        const dated_judgement *first = earliest_in(history, t.scheme_id);
        if (first != nullptr) {
            if (const auto prior = value_of(scheme, first->grade_code)) {
                text.prior = *prior;
                c.has_prior = 1;
                c.prior_points = prior->points;
                c.terms_to_target = std::max(0, terms_until_summer(*first, t.academic_year));
            }
        }
        // The prior result alone is no evidence of current attainment: that needs a later judgement.
        if (const dated_judgement *last = latest_in(history, t.scheme_id); last != nullptr && last != first) {
            if (const auto current = value_of(scheme, last->grade_code)) {
                text.current = *current;
                c.has_current = 1;
                c.current_points = current->points;
            }
        }
        const auto prediction = inputs.predictions.find({t.pupil_id, inputs.subject_ids.at(t.target.subject)});
        if (prediction != inputs.predictions.end() && prediction->second.first == t.scheme_id &&
            t.target.horizon == target_horizon::end_of_key_stage) {
            if (const auto predicted = value_of(scheme, prediction->second.second)) {
                text.predicted = *predicted;
                c.has_prediction = 1;
                c.predicted_points = predicted->points;
            }
        }
        // A rate of progress means nothing in a scheme that measures none.
        const auto rate = inputs.rate_per_term.find(t.school_id);
        c.school_rate_per_term = scheme.progress() != nullptr && rate != inputs.rate_per_term.end() ? rate->second : 0.0;
        texts.push_back(std::move(text));
        cases.push_back(c);
        case_targets.push_back(&t);
    }
    for (std::size_t i = 0; i < cases.size(); ++i) {
        cases[i].target_label = texts[i].target.label.c_str();
        cases[i].prior_label = texts[i].prior.label.c_str();
        cases[i].current_label = texts[i].current.label.c_str();
        cases[i].predicted_label = texts[i].predicted.label.c_str();
    }
    const auto flags = validator.validate(cases);
    if (flags.empty()) return 0;
    std::vector<long long> target_column, school_column, pupil_column;
    std::vector<std::string> codes, sentences, raised;
    std::vector<int> severities;
    for (const auto &flag : flags) {
        const target_record &t = *case_targets.at(flag.case_index);
        target_column.push_back(t.id);
        school_column.push_back(t.school_id);
        pupil_column.push_back(t.pupil_id);
        codes.push_back(flag.code.substr(0, 40));
        severities.push_back(std::clamp(flag.severity, WAYMARK_SEVERITY_INFO, WAYMARK_SEVERITY_SERIOUS));
        sentences.push_back(flag.sentence.substr(0, 1000));
        raised.push_back(at);
    }
    store::insert_rows(session, "INSERT INTO wm_target_flags (target_id, school_id, pupil_id, code, severity, sentence, raised_at)",
                       "",
                       {{"target", std::move(target_column), {}}, {"school", std::move(school_column), {}},
                        {"pupil", std::move(pupil_column), {}}, {"code", std::move(codes), {}},
                        {"severity", std::move(severities), {}}, {"sentence", std::move(sentences), {}},
                        {"at", std::move(raised), {}}},
                       flags.size());
    return flags.size();
}

}  // namespace

target_revalidation::target_revalidation(const plugins::registry &registry, const scheme_library &schemes)
    : schemes_(schemes) {
    if (!registry.plugins_of_kind(WAYMARK_KIND_VALIDATOR).empty()) validator_.emplace(plugins::find_validator(registry));
}

void target_revalidation::judgements_recorded(soci::session &session, long long assessment_id,
                                              const std::set<long long> &judged_pupils, const std::string &at) const {
    if (!validator_ || judged_pupils.empty()) return;
    long long school_id = 0;
    int targets = 0;
    session << "SELECT a.school_id, (SELECT CAST(COUNT(*) AS INTEGER) FROM wm_targets t WHERE t.school_id = a.school_id) "
               "FROM wm_assessments a WHERE a.id = :a",
        soci::into(school_id), soci::into(targets), soci::use(assessment_id, "a");
    if (targets == 0) return;
    if (const auto school = store::find_school_by_id(session, school_id))
        validate_targets(session, *school, schemes_, *validator_, judged_pupils, at);
}

std::string target_flag_record::severity_name() const {
    if (severity >= WAYMARK_SEVERITY_SERIOUS) return "serious";
    return severity == WAYMARK_SEVERITY_WARNING ? "warning" : "info";
}

std::size_t validate_targets(soci::session &session, const store::school &school, const scheme_library &schemes,
                             const plugins::validator &validator, const std::set<long long> &pupil_ids,
                             const std::string &at) {
    validation_inputs inputs;
    inputs.targets = list_targets(session, school, {});
    if (!pupil_ids.empty()) std::erase_if(inputs.targets, [&](const target_record &t) { return !pupil_ids.contains(t.pupil_id); });
    const std::string of_school = " AND school_id = " + std::to_string(school.id);
    inputs.subject_ids = subject_ids(session);
    inputs.rate_per_term = rates_per_term(session, of_school);
    inputs.predictions = stored_predictions(session, of_school);
    for (const auto &t : inputs.targets) {
        if (!inputs.judgements.contains(t.target.subject))
            inputs.judgements[t.target.subject] =
                subject_judgements(session, school, inputs.subject_ids.at(t.target.subject), pupil_ids);
    }
    std::string which = "school_id = " + std::to_string(school.id);
    if (!pupil_ids.empty()) {
        std::string list;
        for (const long long id : pupil_ids) list += (list.empty() ? "" : ",") + std::to_string(id);
        which += " AND pupil_id IN (" + list + ")";
    }
    session << "DELETE FROM wm_target_flags WHERE " + which;
    return validate_and_flag(session, schemes, validator, inputs, at);
}

std::size_t validate_every_school(store::database &db, const scheme_library &schemes, const plugins::validator &validator,
                                  const std::string &at) {
    return db.transaction("validating every school's targets", [&](soci::session &session) {
        validation_inputs inputs;
        inputs.targets = targets_in_force_everywhere(session);
        inputs.subject_ids = subject_ids(session);
        inputs.rate_per_term = rates_per_term(session, "");
        inputs.predictions = stored_predictions(session, "");
        for (const auto &t : inputs.targets) {
            if (!inputs.judgements.contains(t.target.subject))
                inputs.judgements[t.target.subject] =
                    subject_judgements_everywhere(session, inputs.subject_ids.at(t.target.subject));
        }
        session << "DELETE FROM wm_target_flags";
        return validate_and_flag(session, schemes, validator, inputs, at);
    });
}

std::vector<target_flag_record> list_target_flags(soci::session &session, const store::school &school,
                                                  const flag_query &query) {
    std::string filter = "f.school_id = " + std::to_string(school.id);
    if (query.upn) filter += " AND f.pupil_id = " + std::to_string(find_school_pupil(session, school, *query.upn, true).id);
    if (query.class_name) {
        std::string ids;
        pupil_selection of_class;
        of_class.filter.class_name = *query.class_name;
        for (const auto &p : select_pupils(session, school, of_class, school.current_year))
            ids += (ids.empty() ? "" : ",") + std::to_string(p.id);
        filter += ids.empty() ? " AND 1 = 0" : " AND f.pupil_id IN (" + ids + ")";
    }
    std::vector<long long> target_ids;
    std::vector<std::string> upns, subjects, horizons, grades, codes, sentences, raised;
    std::vector<int> severities;
    store::size_for_fetch(target_ids, upns, subjects, horizons, grades, codes, severities, sentences, raised);
    soci::statement rows =
        (session.prepare << "SELECT f.target_id, p.upn, s.code, t.horizon, t.grade_code, f.code, f.severity, f.sentence, "
                            "f.raised_at FROM wm_target_flags f JOIN wm_targets t ON t.id = f.target_id "
                            "JOIN wm_pupils p ON p.id = f.pupil_id JOIN wm_subjects s ON s.id = t.subject_id WHERE " +
                                filter + " ORDER BY p.upn, s.code, t.horizon, f.severity DESC, f.id",
         soci::into(target_ids), soci::into(upns), soci::into(subjects), soci::into(horizons), soci::into(grades),
         soci::into(codes), soci::into(severities), soci::into(sentences), soci::into(raised));
    std::vector<target_flag_record> found;
    store::fetch_rows(rows, [&](std::size_t i) {
        found.push_back({target_ids[i], upns[i], subjects[i],
                         parse_target_horizon(horizons[i]).value_or(target_horizon::end_of_key_stage), grades[i], codes[i],
                         severities[i], sentences[i], raised[i]});
    }, target_ids, upns, subjects, horizons, grades, codes, severities, sentences, raised);
    return found;
}

}  // namespace waymark::services
