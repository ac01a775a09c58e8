// The cells of an assessment: a pupil's judgement per subject (a scheme's grade code), formative text,
// test scores and phonics. Nothing is overwritten: every change is a new dated record naming who made
// it and superseding the cell's latest, so the value as of any past instant can be read back.
#pragma once

#include "services/tracking/assessments.hpp"
#include "services/tracking/pupil_selection.hpp"

#include <string_view>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace waymark::services {

// An as-of instant from what a person writes: YYYY-MM-DD means the end of that day, and
// YYYY-MM-DDTHH:MM:SSZ is taken as written; anything else is nothing (the caller names its option).
std::optional<std::string> as_of_instant(std::string_view text);

enum class cell_kind { judgement, formative, test, phonics };
std::string_view cell_kind_name(cell_kind kind);  // "judgement", "formative", "test", "phonics"
std::optional<cell_kind> parse_cell_kind(std::string_view name);

// Who makes a change and when: `at` is 'YYYY-MM-DDTHH:MM:SSZ', "" for now. The caller names the
// person (the CLI's operating-system user or --as, the API's principal).
struct recorder {
    std::string who;
    std::string at;
};

// What a save does next, in its transaction, for the on-roll pupils whose judgements (not other
// cells) it recorded at `at`: the targets room's target_revalidation revalidates their targets. The
// CLI's session and the server pass theirs to every save; a save given none (demo data, most tests)
// records the judgements and nothing more.
class after_judgements {
public:
    virtual ~after_judgements() = default;
    virtual void judgements_recorded(soci::session &session, long long assessment_id,
                                     const std::set<long long> &judged_pupils, const std::string &at) const = 0;
};

struct cell_address {
    std::string upn;
    std::string subject;  // "phonics" for the phonics column
    cell_kind kind = cell_kind::judgement;
};

struct cell_change {
    cell_address cell;
    std::string value;               // the teacher's input: "on track", "OT", "104", free text; "" empties the cell
    std::optional<int> judged_year;  // judged against another year's expectations (judgements only)
    std::optional<uint32_t> colour;  // a colour override 0xRRGGBB; else the cell keeps its override
    // The id of the cell's record the editor was looking at (0: the cell looked empty). Given, the
    // change is refused when someone else has recorded the cell since, so two teachers at one grid
    // never silently overwrite each other. Not given (the CLI, imports), the change simply follows.
    std::optional<long long> seen;
};

struct cell_record {
    long long id = 0;
    cell_address cell;
    std::string value;  // grade code, test score as written, or the free text; "" when cleared
    std::optional<int> judged_year;
    std::optional<uint32_t> colour;
    bool cleared = false;
    std::string recorded_by;
    std::string recorded_at;
    std::optional<long long> supersedes;
};

// Some of a save's cells were recorded by someone else after the editor read them: nothing of the save
// was stored. `changed` holds those cells' latest records, so the editor can be told who changed what.
class cells_changed_meanwhile : public tracking_error {
public:
    explicit cells_changed_meanwhile(std::vector<cell_record> changed);
    const std::vector<cell_record> &changed() const { return changed_; }

private:
    std::vector<cell_record> changed_;
};

// Records every change in one transaction, or none: each is checked first (pupil on roll, column in
// the assessment, the value valid for it: judgements through the subject's scheme, whose own sentence
// lists the valid choices). Throws tracking_error naming the cell. An empty value empties its cell
// (nothing is recorded for a cell that is empty already). Returns the new records in order.
std::vector<cell_record> record_changes(store::database &db, const store::school &school, const assessment &which,
                                        const scheme_library &schemes, std::span<const cell_change> changes,
                                        const recorder &by, const after_judgements *then = nullptr);

// What is wrong with each change that record_changes would refuse (unknown pupil, a cell given twice,
// a value the column does not take), without stopping at the first: for imports that list every
// problem. `index` is the change's position.
struct change_problem {
    std::size_t index = 0;
    std::string message;
};
std::vector<change_problem> find_problems(soci::session &session, const store::school &school, const assessment &which,
                                          const scheme_library &schemes, std::span<const cell_change> changes);

// Empties a cell (a new record with cleared set). Clearing an empty cell is a tracking_error.
cell_record clear_cell(store::database &db, const store::school &school, const assessment &which,
                       const cell_address &cell, const recorder &by, const after_judgements *then = nullptr);

// Sets or removes (nullopt) a cell's colour override, keeping its value.
cell_record set_cell_colour(store::database &db, const store::school &school, const assessment &which,
                            const cell_address &cell, std::optional<uint32_t> colour, const recorder &by,
                            const after_judgements *then = nullptr);

// Every record of one cell, oldest first.
std::vector<cell_record> cell_history(soci::session &session, const store::school &school, const assessment &which,
                                      const cell_address &cell);

// Flood-fill: the same value for one column for every selected pupil, as one change each in one
// transaction. Returns how many cells were recorded.
std::size_t fill_column(store::database &db, const store::school &school, const assessment &which,
                        const scheme_library &schemes, const pupil_selection &pupils, const cell_change &column,
                        const recorder &by, const after_judgements *then = nullptr);

// The value of every non-empty cell of the assessment as of `instant` ("" = now), for these pupil ids
// (empty = all): per cell the record at or before then that no record at or before then supersedes.
// One query.
struct current_cell {
    long long pupil_id = 0;
    cell_record record;
};
std::vector<current_cell> current_cells(soci::session &session, const assessment &which, std::span<const long long> pupil_ids,
                                        const std::string &instant);

}  // namespace waymark::services
