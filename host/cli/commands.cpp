// The table of commands. Each command lives in its own <name>_command.cpp, defined as
// `extern const command <name>_command{...}`; add its declaration and one table line here.
#include "command.hpp"

namespace waymark::cli {

extern const command version_command;
extern const command plugins_command;
extern const command plugin_worker_command;
extern const command main_command;
extern const command migrate_command;
extern const command backup_command;
extern const command restore_command;
extern const command rollover_command;
extern const command demo_command;
extern const command sync_command;
extern const command import_command;
extern const command export_command;
extern const command serve_command;
extern const command pupils_command;
extern const command report_command;
extern const command groups_command;
extern const command assessments_command;
extern const command judgements_command;
extern const command grid_command;
extern const command statutory_command;
extern const command interventions_command;
extern const command templates_command;
extern const command meetings_command;
extern const command summary_command;
extern const command collection_health_command;
extern const command targets_command;
extern const command predict_command;
extern const command users_command;
extern const command schools_command;
extern const command classes_command;
extern const command subjects_command;
extern const command custom_filters_command;

std::span<const command> all_commands() {
    static const command table[] = {
        main_command,
        assessments_command,
        backup_command,
        collection_health_command,
        demo_command,
        export_command,
        grid_command,
        groups_command,
        import_command,
        interventions_command,
        judgements_command,
        meetings_command,
        migrate_command,
        plugins_command,
        plugin_worker_command,
        predict_command,
        pupils_command,
        report_command,
        restore_command,
        rollover_command,
        schools_command,
        serve_command,
        statutory_command,
        summary_command,
        sync_command,
        targets_command,
        templates_command,
        users_command,
        version_command,
        classes_command,
        subjects_command,
        custom_filters_command,
    };
    return table;
}

}  // namespace waymark::cli
