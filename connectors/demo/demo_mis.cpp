#include "demo_mis.hpp"

#include "domain/calendar.hpp"
#include "domain/upn.hpp"
#include "sims/named_queries.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <stdexcept>
#include <vector>

namespace waymark::connectors {
std::string_view demo_schema_sql();  // connectors/demo/schema.sql, compiled in
}

namespace waymark::connectors::demo {
namespace {

using namespace std::chrono;

// The MIS tables in the order they are filled (and dropped in reverse).
constexpr std::array<std::string_view, 14> mis_tables{
    "sims_establishment", "sims_ethnicity", "sims_person", "stud_student", "stud_school_history",
    "stud_fsm_period", "stud_sen_status", "sims_base_group", "stud_base_group_membership", "asm_gradeset",
    "asm_grade", "asm_aspect", "asm_resultset", "asm_result"};
constexpr std::size_t table_count = mis_tables.size();

// splitmix64: a small generator whose sequence is the same on every platform and library, which
// std::uniform_int_distribution does not promise.
class random_source {
public:
    explicit random_source(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
    template <typename T> const T &pick(const std::vector<T> &from) { return from[static_cast<std::size_t>(below(static_cast<int>(from.size())))]; }

private:
    std::uint64_t state_;
};

// A population the names and codes are drawn from; weights are per thousand pupils, roughly an
// English town with a mixed intake.
struct heritage {
    std::vector<std::string> ethnicity_codes;  // main and extended codes (domain/codes.hpp), drawn evenly; a repeat weighs a code double
    int weight;
    double eal_rate;
    std::vector<std::string> boys, girls, surnames;
};

const std::vector<heritage> &heritages() {
    static const std::vector<heritage> all{
        {{"WBRI", "WBRI", "WBRI", "WBRI", "WENG", "WENG", "WSCO"}, 640, 0.0,
         {"Oliver", "George", "Harry", "Jack", "Charlie", "Noah", "Alfie", "Thomas", "Jacob", "Freddie", "Leo", "Arthur"},
         {"Amelia", "Olivia", "Isla", "Ava", "Emily", "Zoë", "Grace", "Poppy", "Freya", "Ruby", "Evie", "Chloë"},
         {"Smith", "Jones", "Taylor", "Brown", "Wilson", "Walker", "Wright", "Thompson", "Ashworth", "Holt", "Entwistle",
          "O'Neill", "Pickup", "Hargreaves"}},
        {{"WIRI"}, 20, 0.0, {"Seán", "Ciarán", "Pádraig", "Conor"}, {"Siobhán", "Niamh", "Aoife", "Róisín"},
         {"O'Brien", "Murphy", "Kelly", "O'Sullivan", "Ní Bhriain"}},
        {{"WOTH", "WOTH", "WTUR"}, 70, 0.85, {"Łukasz", "Jakub", "Kacper", "Emre", "Mateusz"},
         {"Zofia", "Wiktoria", "Małgorzata", "Elif", "Zuzanna"},
         {"Kowalski", "Nowak", "Wiśniewska", "Wójcik", "Yılmaz", "Lewandowski"}},
        {{"WROM", "WIRT"}, 8, 0.2, {"Levi", "Tyson", "Johnny"}, {"Mercedes", "Esme", "Shanice"}, {"Lee", "Boswell", "Lovell"}},
        {{"MWBC", "MWBA", "MWAS", "MWAP"}, 60, 0.05, {"Kai", "Tyler", "Zayn", "Reuben"}, {"Maya", "Leah", "Aaliyah", "Imani"},
         {"Campbell", "Walker-Ahmed", "Robinson", "Osei-Wright"}},
        {{"APKN", "AOPK"}, 90, 0.7, {"Muhammad", "Ibrahim", "Hamza", "Ayaan"}, {"Ayesha", "Zainab", "Maryam", "Hafsa"},
         {"Khan", "Hussain", "Ahmed", "Iqbal", "Akhtar"}},
        {{"AIND"}, 30, 0.55, {"Arjun", "Rohan", "Vihaan", "Dev"}, {"Priya", "Ananya", "Diya", "Anika"},
         {"Patel", "Sharma", "Mistry", "Desai"}},
        {{"ABAN"}, 20, 0.7, {"Rayan", "Tahmid", "Arif"}, {"Nusrat", "Tasnim", "Ruma"}, {"Rahman", "Begum", "Uddin", "Miah"}},
        {{"BAFR", "BAOF"}, 35, 0.5, {"Tobi", "Chidi", "Abdi", "Kwame"}, {"Chiamaka", "Hodan", "Adaeze", "Amara"},
         {"Adebayo", "Okafor", "Mohamed", "Mensah"}},
        {{"BCRB"}, 10, 0.0, {"Marcus", "Jermaine", "Andre"}, {"Kayla", "Tiana", "Shania"}, {"Campbell", "Williams", "Clarke"}},
        {{"CHNE"}, 7, 0.6, {"Wei", "Jun", "Hao"}, {"Mei", "Xinyi", "Yu"}, {"Wang", "Li", "Chen", "Zhang"}},
        {{"AOTH", "AOTA", "OOTH"}, 6, 0.8, {"Minh", "Anh", "Thanh"}, {"Linh", "Mai", "Thảo"}, {"Nguyễn", "Trần", "Phạm"}},
        {{"REFU", "NOBT"}, 4, 0.0, {"Daniel", "Samuel"}, {"Sophie", "Hannah"}, {"Green", "Hall"}},
    };
    return all;
}

const std::vector<std::string> &ethnicity_codes() {
    static const std::vector<std::string> codes = [] {
        std::vector<std::string> all;
        for (const auto &h : heritages())
            for (const auto &code : h.ethnicity_codes)
                if (std::find(all.begin(), all.end(), code) == all.end()) all.push_back(code);
        return all;
    }();
    return codes;
}

const heritage &draw_heritage(random_source &random) {
    int roll = random.below(1000);
    for (const auto &h : heritages()) {
        if (roll < h.weight) return h;
        roll -= h.weight;
    }
    return heritages().front();
}

// Class names, two a year by default: a school names its classes, not the DfE.
constexpr std::array<std::array<std::string_view, 2>, 7> class_names{{{"Robins", "Wrens"},
                                                                       {"Ash", "Oak"},
                                                                       {"Beech", "Cedar"},
                                                                       {"Elm", "Hazel"},
                                                                       {"Larch", "Maple"},
                                                                       {"Rowan", "Willow"},
                                                                       {"Birch", "Yew"}}};

std::string quoted(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + '\'';
}

std::string date_literal(year_month_day day) { return quoted(domain::format_iso_date(day)); }

year_month_day plus_days(year_month_day day, int days) { return year_month_day{sys_days{day} + std::chrono::days{days}}; }

int days_between(year_month_day from, year_month_day to) { return static_cast<int>((sys_days{to} - sys_days{from}).count()); }

// A day in [from, to), or `from` when the range is empty.
year_month_day day_between(random_source &random, year_month_day from, year_month_day to) {
    const int span = days_between(from, to);
    return span <= 0 ? from : plus_days(from, random.below(span));
}

// Rows waiting to be written, per table, as SQL tuples "(1,'a',NULL)".
class row_batches {
public:
    void add(std::string_view table, std::string tuple) { rows_[std::string(table)].push_back(std::move(tuple)); }
    long long count(std::string_view table) const {
        const auto it = rows_.find(table);
        return it == rows_.end() ? 0 : static_cast<long long>(it->second.size());
    }
    // Multi-row INSERTs of at most 500 rows (SQL Server's limit is 1000), in table order.
    void write(soci::session &session, std::string_view mis_schema) const {
        for (std::size_t t = 0; t < table_count; ++t) {
            const auto it = rows_.find(mis_tables[t]);
            if (it == rows_.end()) continue;
            const auto &tuples = it->second;
            for (std::size_t from = 0; from < tuples.size(); from += 500) {
                std::string sql = qualify_mis_tables("INSERT INTO {mis}" + std::string(mis_tables[t]), mis_schema) + " VALUES ";
                const std::size_t to = std::min(tuples.size(), from + 500);
                for (std::size_t i = from; i < to; ++i) {
                    if (i != from) sql += ',';
                    sql += tuples[i];
                }
                session << sql;
            }
        }
    }

private:
    std::map<std::string, std::vector<std::string>, std::less<>> rows_;
};

template <typename... T> std::string tuple_of(const T &...values) {
    std::string out = "(";
    ((out += values, out += ','), ...);
    out.back() = ')';
    return out;
}

std::string number(long long n) { return std::to_string(n); }

// The assessment catalogue: gradesets, grades, aspects. Ids are fixed so results can name them.
namespace grade {
constexpr int emerging = 1, expected = 2, gld_no = 3, gld_yes = 4, phonics_met = 5, phonics_not_met = 6,
              phonics_absent = 7, phonics_disapplied = 8;
constexpr int ks1_first = 10;  // PK1 PK2 PK3 PK4 BLW WTS EXS GDS A D: 10..19
constexpr int science_hnm = 20, science_exs = 21;
}  // namespace grade
namespace aspect {
constexpr int elg_first = 1, gld = 18, phonics_mark = 19, phonics_outcome = 20, ks1_reading = 21, ks1_writing = 22,
              ks1_maths = 23, ks1_science = 24;
}
enum class collection { eyfsp = 1, phonics_year1 = 2, phonics_year2 = 3, ks1 = 4 };

void add_catalogue(row_batches &rows) {
    int id = 1;
    for (const auto &code : ethnicity_codes()) rows.add("sims_ethnicity", tuple_of(number(id++), quoted(code), quoted(code)));
    const std::array<std::pair<int, std::string_view>, 5> gradesets{
        {{1, "EYFSP early learning goal"}, {2, "Good level of development"}, {3, "Phonics screening check outcome"},
         {4, "KS1 teacher assessment"}, {5, "KS1 science teacher assessment"}}};
    for (const auto &[gradeset_id, name] : gradesets) rows.add("asm_gradeset", tuple_of(number(gradeset_id), quoted(name)));
    const auto add_grade = [&](int grade_id, int gradeset_id, std::string_view code, int rank, std::string_view colour) {
        rows.add("asm_grade", tuple_of(number(grade_id), number(gradeset_id), quoted(code), number(rank), quoted(colour)));
    };
    add_grade(grade::emerging, 1, "EMG", 1, "#d9534f");
    add_grade(grade::expected, 1, "EXP", 2, "#5cb85c");
    add_grade(grade::gld_no, 2, "N", 1, "#d9534f");
    add_grade(grade::gld_yes, 2, "Y", 2, "#5cb85c");
    add_grade(grade::phonics_met, 3, "Wa", 2, "#5cb85c");
    add_grade(grade::phonics_not_met, 3, "Wt", 1, "#d9534f");
    add_grade(grade::phonics_absent, 3, "A", 0, "#999999");
    add_grade(grade::phonics_disapplied, 3, "D", 0, "#999999");
    const std::array<std::string_view, 10> ks1{"PK1", "PK2", "PK3", "PK4", "BLW", "WTS", "EXS", "GDS", "A", "D"};
    for (int i = 0; i < 10; ++i) add_grade(grade::ks1_first + i, 4, ks1[static_cast<std::size_t>(i)], i < 8 ? i + 1 : 0, i < 6 ? "#d9534f" : "#5cb85c");
    add_grade(grade::science_hnm, 5, "HNM", 1, "#d9534f");
    add_grade(grade::science_exs, 5, "EXS", 2, "#5cb85c");
    static constexpr std::array<std::string_view, 17> goals{
        "Listening, attention and understanding", "Speaking", "Self-regulation", "Managing self", "Building relationships",
        "Gross motor skills", "Fine motor skills", "Comprehension", "Word reading", "Writing", "Number",
        "Numerical patterns", "Past and present", "People, culture and communities", "The natural world",
        "Creating with materials", "Being imaginative and expressive"};
    for (int i = 0; i < 17; ++i) {
        char code[16];
        std::snprintf(code, sizeof code, "EYFSP.E%02d", i + 1);
        rows.add("asm_aspect", tuple_of(number(aspect::elg_first + i), quoted(code), quoted(goals[static_cast<std::size_t>(i)]), number(1)));
    }
    rows.add("asm_aspect", tuple_of(number(aspect::gld), quoted("EYFSP.GLD"), quoted("Good level of development"), number(2)));
    rows.add("asm_aspect", tuple_of(number(aspect::phonics_mark), quoted("PHONICS.MARK"), quoted("Phonics screening check mark"), std::string("NULL")));
    rows.add("asm_aspect", tuple_of(number(aspect::phonics_outcome), quoted("PHONICS.OUTCOME"), quoted("Phonics screening check outcome"), number(3)));
    rows.add("asm_aspect", tuple_of(number(aspect::ks1_reading), quoted("KS1.READING.TA"), quoted("KS1 reading teacher assessment"), number(4)));
    rows.add("asm_aspect", tuple_of(number(aspect::ks1_writing), quoted("KS1.WRITING.TA"), quoted("KS1 writing teacher assessment"), number(4)));
    rows.add("asm_aspect", tuple_of(number(aspect::ks1_maths), quoted("KS1.MATHS.TA"), quoted("KS1 mathematics teacher assessment"), number(4)));
    rows.add("asm_aspect", tuple_of(number(aspect::ks1_science), quoted("KS1.SCIENCE.TA"), quoted("KS1 science teacher assessment"), number(5)));
}

// The statutory collections of one academic year (starting in September of `year`): the date the
// results stand at. None in 2019/2020 and 2020/2021, when they were cancelled.
std::optional<year_month_day> collection_date(int year, collection kind) {
    if (year == 2019 || year == 2020) return std::nullopt;
    switch (kind) {
        case collection::eyfsp: return year_month_day{std::chrono::year{year + 1}, June, 30d};
        case collection::phonics_year1:
        case collection::phonics_year2: return year_month_day{std::chrono::year{year + 1}, June, 14d};
        case collection::ks1: return year_month_day{std::chrono::year{year + 1}, June, 28d};
    }
    return std::nullopt;
}

int resultset_id(int year, collection kind) { return year * 10 + static_cast<int>(kind); }

void add_resultsets(row_batches &rows, int current_year, year_month_day as_of) {
    static constexpr std::array<std::pair<collection, std::string_view>, 4> names{
        {{collection::eyfsp, "EYFSP"}, {collection::phonics_year1, "Phonics screening check Y1"},
         {collection::phonics_year2, "Phonics screening check Y2"}, {collection::ks1, "KS1 teacher assessment"}}};
    for (int year = current_year - 8; year <= current_year; ++year) {
        for (const auto &[kind, name] : names) {
            const auto date = collection_date(year, kind);
            if (!date || sys_days{*date} >= sys_days{as_of}) continue;
            const auto academic = std::to_string(year) + "/" + std::to_string(year + 1);
            rows.add("asm_resultset", tuple_of(number(resultset_id(year, kind)), quoted(std::string(name) + " " + academic),
                                               quoted(academic), date_literal(*date)));
        }
    }
}

struct school_identity {
    int establishment_id, la_code, estab_no;
    std::string name, postcode_area;
};

school_identity identity_of(int index, int schools) {
    static const std::vector<std::string> places{"Brookfield", "Ashworth Lane", "St Anne's", "Moorside", "Highfield",
                                                 "Riverside", "Holy Cross", "Westgate", "Church Road", "Oakhill"};
    const int establishment_id = index + 1;
    std::string name = places[static_cast<std::size_t>(index) % places.size()] + " Community Primary School";
    if (schools > 1) name += " " + std::to_string(index / static_cast<int>(places.size()) + 1);
    return {establishment_id, 888, 2000 + index, name, "PR" + std::to_string(1 + index % 9)};
}

std::string postcode(random_source &random, const std::string &area) {
    static constexpr std::string_view letters = "ABDEFGHJLNPQRSTUWXYZ";  // no C I K M O V in the inward code
    std::string code = area + " " + std::to_string(random.below(10));
    code += letters[static_cast<std::size_t>(random.below(static_cast<int>(letters.size())))];
    code += letters[static_cast<std::size_t>(random.below(static_cast<int>(letters.size())))];
    return code;
}

std::string with_check_letter(const std::string &body) { return std::string(1, domain::upn_check_letter(body)) + body; }

class school_builder {
public:
    school_builder(const demo_options &options, int index, row_batches &rows)
        : options_(options), random_(options.seed * 1000003ULL + static_cast<std::uint64_t>(index)), rows_(rows),
          school_(identity_of(index, options.schools)) {
        const auto as_of = options.as_of;
        current_year_ = static_cast<int>(as_of.year()) - (as_of.month() < September ? 1 : 0);
        year_start_ = year_month_day{std::chrono::year{current_year_}, September, 4d};
    }

    demo_summary build() {
        rows_.add("sims_establishment", tuple_of(number(school_.establishment_id), number(school_.la_code),
                                                 number(school_.estab_no), quoted(school_.name),
                                                 quoted(postcode(random_, school_.postcode_area))));
        const int per_year = std::max(1, options_.pupils_per_school / 7);
        const int classes = std::max(1, (per_year + 20) / 30);
        add_groups(classes);
        demo_summary summary{1, 0, 0, 0};
        for (int year = 0; year <= 6; ++year) {
            const int extra = options_.pupils_per_school % 7 > year ? 1 : 0;
            for (int i = 0; i < per_year + extra; ++i) {
                add_pupil(year, i % classes, false);
                ++summary.pupils_on_roll;
            }
        }
        for (int i = 0; i < options_.pupils_per_school / 20; ++i) {
            add_pupil(1 + random_.below(6), random_.below(classes), true);  // Years 1-6: at school long enough to leave
            ++summary.leavers;
        }
        summary.results = results_;
        return summary;
    }

private:
    // Ids leave room for 99 classes a year and 99,999 people a school (build_demo_mis checks the sizes).
    int group_id(int year, int class_index) const { return school_.establishment_id * 1000 + year * 100 + class_index + 1; }
    int year_group_id(int year) const { return school_.establishment_id * 1000 + year * 100; }

    void add_groups(int classes) {
        for (int year = 0; year <= 6; ++year) {
            const auto year_code = year == 0 ? std::string("R") : "Y" + std::to_string(year);
            rows_.add("sims_base_group", tuple_of(number(year_group_id(year)), number(school_.establishment_id),
                                                  quoted("YR"), quoted(year_code), number(year)));
            for (int c = 0; c < classes; ++c) {
                std::string name(class_names[static_cast<std::size_t>(year)][static_cast<std::size_t>(c % 2)]);
                if (c >= 2) name += " " + std::to_string(c / 2 + 1);
                rows_.add("sims_base_group", tuple_of(number(group_id(year, c)), number(school_.establishment_id),
                                                      quoted("REG"), quoted(name), number(year)));
            }
        }
    }

    std::string next_upn(int allocated_year) {
        char body[32];
        // Three serial digits a year: a school allocating more moves on to the next year's numbers.
        const int serial = upn_serial_++;
        std::snprintf(body, sizeof body, "%03d%04d%02d%03d", school_.la_code, school_.estab_no,
                      (allocated_year + serial / 1000) % 100, serial % 1000);
        return with_check_letter(body);
    }

    void add_pupil(int nc_year, int class_index, bool leaver) {
        const int person_id = school_.establishment_id * 100000 + ++person_count_;
        const heritage &h = draw_heritage(random_);
        const bool girl = random_.chance(0.49);
        const int birth_year = current_year_ - 5 - nc_year;  // born September of this year .. August of the next
        const year_month_day dob = plus_days(year_month_day{std::chrono::year{birth_year}, September, 1d}, random_.below(365));
        const year_month_day reception_start{std::chrono::year{current_year_ - nc_year}, September, 4d};
        const bool late = random_.chance(0.12);
        // A leaver joined at least a month before leaving, and left before `as_of`.
        const year_month_day latest_admission = leaver ? plus_days(options_.as_of, -45) : options_.as_of;
        const year_month_day admission = late ? day_between(random_, reception_start, latest_admission) : reception_start;
        std::optional<year_month_day> leaving;
        if (leaver) leaving = day_between(random_, plus_days(admission, 30), options_.as_of);

        rows_.add("sims_person",
                  tuple_of(number(person_id), quoted(random_.pick(h.surnames)), quoted(random_.pick(girl ? h.girls : h.boys)),
                           date_literal(dob), quoted(girl ? "F" : "M"),
                           random_.chance(0.02) ? std::string("NULL") : quoted(postcode(random_, school_.postcode_area))));
        const std::string upn = next_upn(static_cast<int>(admission.year()));
        std::string former = "NULL";
        if (random_.chance(0.01)) {
            char body[32];
            std::snprintf(body, sizeof body, "%03d%04d%02d%02d", school_.la_code, school_.estab_no, static_cast<int>(admission.year()) % 100,
                          random_.below(100));
            std::string temporary = std::string(body) + "A";
            former = quoted(with_check_letter(temporary));
        }
        const auto &code = random_.pick(h.ethnicity_codes);
        const auto &codes = ethnicity_codes();
        const int ethnicity_id = static_cast<int>(std::find(codes.begin(), codes.end(), code) - codes.begin()) + 1;
        std::string language = "'ENG'";
        if (random_.chance(h.eal_rate + 0.02)) language = "'OTH'";
        else if (random_.chance(0.01)) language = random_.chance(0.5) ? "'NOT'" : "'REF'";
        rows_.add("stud_student", tuple_of(number(person_id), quoted(upn), former, number(ethnicity_id), language,
                                           number(random_.chance(0.01) ? 1 : 0), std::string("NULL")));
        rows_.add("stud_school_history", tuple_of(number(person_id), number(school_.establishment_id), date_literal(admission),
                                                  leaving ? date_literal(*leaving) : std::string("NULL")));
        const std::string until = leaving ? date_literal(*leaving) : std::string("NULL");
        add_fsm(person_id, admission, leaving);
        const double roll = static_cast<double>(random_.below(1000)) / 1000.0;
        if (roll < 0.028) rows_.add("stud_sen_status", tuple_of(number(person_id), quoted("E"), date_literal(admission), until));
        else if (roll < 0.158) rows_.add("stud_sen_status", tuple_of(number(person_id), quoted("K"), date_literal(day_between(random_, admission, options_.as_of)), until));

        // A leaver's groups are the ones they were in when they left. A few pupils are taught with the
        // year below (the year group says so; the date of birth does not).
        const int left_years_ago = leaving ? current_year_ - domain::academic_year_of(*leaving).start_year : 0;
        const int year_then = nc_year - left_years_ago;
        const int taught_year = year_then > 0 && random_.chance(0.005) ? year_then - 1 : year_then;
        const year_month_day group_year_start{year_start_.year() - std::chrono::years{left_years_ago}, September, 4d};
        const auto joined_group = sys_days{admission} > sys_days{group_year_start} ? admission : group_year_start;
        rows_.add("stud_base_group_membership", tuple_of(number(person_id), number(year_group_id(taught_year)), date_literal(joined_group), until));
        rows_.add("stud_base_group_membership", tuple_of(number(person_id), number(group_id(taught_year, class_index)), date_literal(joined_group), until));
        add_statutory_history(person_id, nc_year, admission, leaving);
    }

    void add_fsm(int person_id, year_month_day admission, std::optional<year_month_day> leaving) {
        const auto end = leaving.value_or(options_.as_of);
        if (random_.chance(0.22)) {
            rows_.add("stud_fsm_period", tuple_of(number(person_id), date_literal(day_between(random_, admission, end)),
                                                  leaving ? date_literal(*leaving) : std::string("NULL")));
        } else if (random_.chance(0.06)) {
            const auto start = day_between(random_, admission, end);
            rows_.add("stud_fsm_period", tuple_of(number(person_id), date_literal(start), date_literal(day_between(random_, start, end))));
        }
    }

    bool on_roll(year_month_day day, year_month_day admission, std::optional<year_month_day> leaving) const {
        return sys_days{admission} <= sys_days{day} && (!leaving || sys_days{*leaving} > sys_days{day}) &&
               sys_days{day} < sys_days{options_.as_of};
    }

    void add_result(int person_id, int aspect_id, int resultset, std::optional<int> grade_id, std::optional<int> mark) {
        rows_.add("asm_result", tuple_of(number(person_id), number(aspect_id), number(resultset),
                                         grade_id ? number(*grade_id) : std::string("NULL"),
                                         mark ? number(*mark) : std::string("NULL")));
        ++results_;
    }

    // EYFSP at the end of Reception, the phonics check in Year 1 (retaken in Year 2 only when not met)
    // and KS1 teacher assessment at the end of Year 2, for each collection the pupil was on roll for.
    // Pupils share one "ability" so their results hang together.
    void add_statutory_history(int person_id, int nc_year, year_month_day admission, std::optional<year_month_day> leaving) {
        const double ability = (static_cast<double>(random_.below(1000)) / 1000.0 + static_cast<double>(random_.below(1000)) / 1000.0) / 2.0;
        const int reception_year = current_year_ - nc_year;
        if (const auto date = collection_date(reception_year, collection::eyfsp); date && on_roll(*date, admission, leaving)) {
            bool gld = true;
            for (int goal = 0; goal < 17; ++goal) {
                const bool expected = random_.chance(0.55 + ability * 0.5);
                if (goal < 12 && !expected) gld = false;
                add_result(person_id, aspect::elg_first + goal, resultset_id(reception_year, collection::eyfsp),
                           expected ? grade::expected : grade::emerging, std::nullopt);
            }
            add_result(person_id, aspect::gld, resultset_id(reception_year, collection::eyfsp), gld ? grade::gld_yes : grade::gld_no, std::nullopt);
        }
        bool phonics_met = false;
        for (const auto &[kind, year] : {std::pair{collection::phonics_year1, reception_year + 1}, std::pair{collection::phonics_year2, reception_year + 2}}) {
            const auto date = collection_date(year, kind);
            if (phonics_met || !date || !on_roll(*date, admission, leaving)) continue;
            if (random_.chance(0.01)) {
                add_result(person_id, aspect::phonics_outcome, resultset_id(year, kind), grade::phonics_absent, std::nullopt);
                continue;
            }
            const int mark = std::clamp(static_cast<int>(ability * 44.0) + random_.below(9) + (kind == collection::phonics_year2 ? 6 : 0), 0, 40);
            phonics_met = mark >= 32;
            add_result(person_id, aspect::phonics_mark, resultset_id(year, kind), std::nullopt, mark);
            add_result(person_id, aspect::phonics_outcome, resultset_id(year, kind), phonics_met ? grade::phonics_met : grade::phonics_not_met, std::nullopt);
        }
        const int ks1_year = reception_year + 2;
        if (const auto date = collection_date(ks1_year, collection::ks1); date && on_roll(*date, admission, leaving)) {
            for (const int subject : {aspect::ks1_reading, aspect::ks1_writing, aspect::ks1_maths}) {
                const double score = ability + static_cast<double>(random_.below(300)) / 1000.0 - 0.15;
                const int band = score < 0.12 ? 3 /* PK4 */ : score < 0.22 ? 4 /* BLW */ : score < 0.4 ? 5 /* WTS */ : score < 0.78 ? 6 /* EXS */ : 7 /* GDS */;
                add_result(person_id, subject, resultset_id(ks1_year, collection::ks1), grade::ks1_first + band, std::nullopt);
            }
            add_result(person_id, aspect::ks1_science, resultset_id(ks1_year, collection::ks1),
                       ability > 0.3 ? grade::science_exs : grade::science_hnm, std::nullopt);
        }
    }

    const demo_options &options_;
    random_source random_;
    row_batches &rows_;
    school_identity school_;
    int current_year_ = 0;
    year_month_day year_start_{};
    int person_count_ = 0;
    int upn_serial_ = 0;
    long long results_ = 0;
};

std::vector<std::string> schema_statements(std::string_view mis_schema) {
    const std::string sql = qualify_mis_tables(demo_schema_sql(), mis_schema);
    std::vector<std::string> statements;
    std::string current;
    std::size_t from = 0;
    while (from < sql.size()) {
        const auto end = sql.find('\n', from);
        std::string_view line = std::string_view(sql).substr(from, end == std::string::npos ? std::string::npos : end - from);
        from = end == std::string::npos ? sql.size() : end + 1;
        if (line.starts_with("--")) continue;
        current.append(line).push_back('\n');
        if (line.ends_with(";")) {
            current.erase(current.find_last_of(';'));
            statements.push_back(std::move(current));
            current.clear();
        }
    }
    return statements;
}

}  // namespace

bool demo_mis_exists(soci::session &session, std::string_view mis_schema) {
    int tables = 0;
    const std::string schema(mis_schema);
    if (schema.empty()) {
        session << "SELECT CAST(COUNT(*) AS INTEGER) FROM sqlite_master WHERE type = 'table' AND name = 'sims_person'",
            soci::into(tables);
    } else {
        session << "SELECT CAST(COUNT(*) AS INTEGER) FROM information_schema.tables WHERE table_schema = :mis_schema "
                   "AND table_name = 'sims_person'",
            soci::use(schema, "mis_schema"), soci::into(tables);
    }
    return tables > 0;
}

void drop_demo_mis(soci::session &session, std::string_view mis_schema) {
    soci::transaction transaction(session);
    for (std::size_t t = table_count; t-- > 0;) session << qualify_mis_tables("DROP TABLE IF EXISTS {mis}" + std::string(mis_tables[t]), mis_schema);
    transaction.commit();
}

demo_summary build_demo_mis(soci::session &session, std::string_view mis_schema, const demo_options &options) {
    if (options.schools < 1 || options.schools > 7999 || options.pupils_per_school < 7 || options.pupils_per_school > 20000)
        throw std::invalid_argument("the demo takes 1 to 7,999 schools of 7 to 20,000 pupils each");
    if (demo_mis_exists(session, mis_schema))
        throw std::logic_error("the database already holds the MIS tables (sims_person exists)");
    {
        soci::transaction transaction(session);
        if (!mis_schema.empty()) session << "CREATE SCHEMA IF NOT EXISTS " + std::string(mis_schema);
        for (const auto &statement : schema_statements(mis_schema)) session << statement;
        row_batches catalogue;
        add_catalogue(catalogue);
        const int current_year = static_cast<int>(options.as_of.year()) - (options.as_of.month() < September ? 1 : 0);
        add_resultsets(catalogue, current_year, options.as_of);
        catalogue.write(session, mis_schema);
        transaction.commit();
    }
    demo_summary total;
    for (int index = 0; index < options.schools; ++index) {
        row_batches rows;
        const auto school = school_builder(options, index, rows).build();
        soci::transaction transaction(session);
        rows.write(session, mis_schema);
        transaction.commit();
        total.schools += school.schools;
        total.pupils_on_roll += school.pupils_on_roll;
        total.leavers += school.leavers;
        total.results += school.results;
    }
    return total;
}

}  // namespace waymark::connectors::demo
