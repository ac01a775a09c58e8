// Many teachers at the same class grids at once (issue 18, item 4), through a real `waymark serve`
// started as a process on the caller's database: each teacher signs in over HTTP (password, then the
// TOTP code) on a connection of their own, then loads their class's grid, pauses, and saves one to
// three cells of it chosen at random, naming the record ids the grid showed as `seen`, until the time
// is up. Afterwards, with the server stopped, the database is read back through the services and the
// run is checked: no lost update (every save answered 200 is in the cells' history with the value
// sent, following exactly the record the teacher saw, and nothing else is there), every 409 carried
// the other teacher's record, every other answer is counted (there must be none), and the audit log
// counts the same saves, cells and refusals as the teachers did. The ctest
// (concurrent_editors_test.cpp) and the benchmark (tests/bench/concurrent_editors_bench.cpp) share it.
#pragma once

#include "api_client.hpp"
#include "tracking_fixture.hpp"
#include "user_fixture.hpp"

#include "plugin_host/scheme_catalog.hpp"
#include "services/access/audit_log.hpp"
#include "services/tracking/judgements.hpp"
#include "store/pupils.hpp"
#include "store/schools.hpp"

#include <Poco/JSON/Parser.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace waymark::testing {

struct crowd_options {
    int teachers = 12;
    std::chrono::seconds length{8};
    int think_ms = 20;  // each teacher pauses from 0 to this between loading the grid and saving
    // 0: run_crowd starts a `waymark serve` of its own; otherwise the teachers talk to this loopback
    // port, where the caller serves `db` already (an nginx in front of several serve processes).
    uint16_t served_port = 0;
};

// What the teachers saw and what the checks found.
struct crowd_outcome {
    std::string database;  // "SQLite", "PostgreSQL"
    long long grid_loads = 0;
    long long saves_ok = 0;      // answered 200
    long long cells_saved = 0;   // the records those saves answered
    long long conflicts = 0;     // answered 409
    std::map<int, long long> other_answers;  // any other status by status (0: no answer at all)
    std::vector<double> grid_ms, save_ms;    // each request's time, answer read
    long long history_records = 0;           // the edited cells' records afterwards
    long long audited_cells = 0;             // "saved N cells" summed over the audit log's 200 saves
    long long audited_saves_ok = 0, audited_conflicts = 0;
    std::vector<std::string> violations;     // each broken invariant in a sentence; empty when all hold

    long long server_errors() const {
        long long count = 0;
        for (const auto &[status, times] : other_answers)
            if (status >= 500) count += times;
        return count;
    }
};

// The q-quantile (0..1) of `times` in milliseconds, nearest rank; 0 for none.
inline double percentile_ms(std::vector<double> times, double q) {
    if (times.empty()) return 0;
    std::sort(times.begin(), times.end());
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(times.size())));
    return times[std::clamp<std::size_t>(rank, 1, times.size()) - 1];
}

namespace crowd {

inline const std::vector<std::string> classes{"4A", "4B"};
inline const std::vector<std::string> subjects{"reading", "writing", "maths"};
inline const std::vector<std::string> grades{"B", "T", "OT", "D"};
constexpr int pupils_per_class = 10;

// One cell of a save as the teacher sent it.
struct sent_cell {
    std::string upn, subject, value;
    long long seen = 0;
};

// A record a 200 save answered, with what its teacher sent.
struct saved_record {
    std::string teacher;
    sent_cell sent;
    long long id = 0;
    long long supersedes = 0;  // 0: none
    std::string value, recorded_by;
    std::chrono::steady_clock::time_point sent_at, answered_at;  // of the save; one save's records share them
};

// A record a 409 named as the other teacher's.
struct other_record {
    std::string refused_teacher;
    long long id = 0;
    std::string recorded_by;
};

// What one teacher's thread gathered.
struct teacher_log {
    long long grid_loads = 0, saves_ok = 0, conflicts = 0;
    std::map<int, long long> other_answers;
    std::vector<double> grid_ms, save_ms;
    std::vector<saved_record> saved;
    std::vector<other_record> others;
    std::vector<std::vector<sent_cell>> unanswered;  // saves sent that got no answer at all
    std::vector<std::string> violations;
};

using clock = std::chrono::steady_clock;

inline double ms_since(clock::time_point start) {
    return std::chrono::duration<double, std::milli>(clock::now() - start).count();
}

inline long long id_or_zero(const Poco::JSON::Object &record, const std::string &name) {
    return record.isNull(name) ? 0 : record.getValue<long long>(name);
}

// `waymark serve --port 0` on `connection`, its output read by a thread of its own (a server whose
// output nobody reads would stop when the pipe fills); stopped by SIGTERM when the object goes.
class served_process {
public:
    // `more`: further words for serve ("--plugin-seconds", "2").
    served_process(const std::string &connection, const std::filesystem::path &folder, std::vector<std::string> more = {})
        : process_(Poco::Process::launch(WAYMARK_BINARY_DIR "/bin/waymark", serve_words(connection, folder, std::move(more)),
                                         nullptr, &output_, &output_)),
          reader_([this] {
              Poco::PipeInputStream printed(output_);
              for (std::string line; std::getline(printed, line);) {
                  const std::lock_guard lock(mutex_);
                  lines_.push_back(line);
                  changed_.notify_all();
              }
          }) {}
    ~served_process() {
        stop();
        reader_.join();
    }

    // The port it printed, or 0 when its first line within a minute says something else.
    uint16_t port() {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, std::chrono::minutes(1), [this] { return !lines_.empty(); });
        std::smatch found;
        if (lines_.empty() || !std::regex_search(lines_.front(), found, std::regex(R"(127\.0\.0\.1:(\d+)/ and)"))) return 0;
        return static_cast<uint16_t>(std::stoi(found[1].str()));
    }
    // Stops it (once) by `signal` and gives its exit status (Poco's: 256 + the signal when killed).
    int stop(int signal = SIGTERM) {
        if (!exit_status_) {
            ::kill(process_.id(), signal);
            exit_status_ = process_.wait();
        }
        return *exit_status_;
    }
    std::vector<std::string> printed() {
        const std::lock_guard lock(mutex_);
        return lines_;
    }

private:
    static std::vector<std::string> serve_words(const std::string &connection, const std::filesystem::path &folder,
                                                std::vector<std::string> more) {
        std::vector<std::string> words{"--db", connection, "--data-dir", folder.string(), "serve", "--port", "0"};
        words.insert(words.end(), more.begin(), more.end());
        return words;
    }

    Poco::Pipe output_;
    Poco::ProcessHandle process_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::string> lines_;
    std::optional<int> exit_status_;
    std::thread reader_;
};

// A teacher signed in through both steps on a connection of their own.
struct signed_in_teacher {
    services::user_credentials made;
    std::unique_ptr<api_client> client;
};

inline std::string sign_in(signed_in_teacher &teacher) {
    const auto first = teacher.client->post("/api/v1/session", R"({"username": ")" + teacher.made.account.username +
                                                                   R"(", "password": ")" + teacher.made.password + "\"}");
    if (first.status != 200) return "signing in " + teacher.made.account.username + " answered " + std::to_string(first.status);
    const std::string cookie = first.header("Set-Cookie");
    teacher.client->always_sent["Cookie"] = cookie.substr(0, cookie.find(';'));
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto second = teacher.client->post("/api/v1/session/second-step", R"({"code": ")" + code_at(teacher.made, now) + "\"}");
    if (second.status != 200)
        return "the second step of " + teacher.made.account.username + " answered " + std::to_string(second.status) + ": " +
               second.body;
    teacher.client->always_sent[http::csrf_header] = second.json()->getValue<std::string>("csrf_token");
    return "";
}

// The grid's record id of each (upn, subject) judgement shown; a cell missing is empty (seen 0).
inline std::map<std::pair<std::string, std::string>, long long> record_ids_of(const api_reply &grid) {
    std::map<std::pair<std::string, std::string>, long long> ids;
    const auto pupils = grid.json()->getArray("pupils");
    for (std::size_t i = 0; i < pupils->size(); ++i) {
        const auto pupil = pupils->getObject(static_cast<unsigned>(i));
        const auto judgements = pupil->getObject("record_ids")->getObject("judgement");
        if (!judgements) continue;
        for (const auto &subject : subjects)
            if (judgements->has(subject)) ids[{pupil->getValue<std::string>("upn"), subject}] = judgements->getValue<long long>(subject);
    }
    return ids;
}

// Checks a 409's body: the conflict error and, for each cell named, the latest record, which is not
// the one the teacher saw.
inline void check_conflict(const api_reply &reply, const std::string &teacher, const std::vector<sent_cell> &sent,
                           teacher_log &log) {
    const auto body = reply.json();
    const auto changed = body->getArray("changed");
    if (body->getValue<std::string>("error") != "conflict" || !changed || changed->size() == 0) {
        log.violations.push_back("A 409 to " + teacher + " carried no other record: " + reply.body);
        return;
    }
    for (std::size_t i = 0; i < changed->size(); ++i) {
        const auto record = changed->getObject(static_cast<unsigned>(i));
        const auto upn = record->getValue<std::string>("upn");
        const auto subject = record->getValue<std::string>("subject");
        const auto cell = std::find_if(sent.begin(), sent.end(), [&](const sent_cell &c) { return c.upn == upn && c.subject == subject; });
        const long long id = id_or_zero(*record, "id");
        if (cell == sent.end() || id == cell->seen || id == 0)
            log.violations.push_back("A 409 to " + teacher + " named a record that is not another's change of a cell it saved: " +
                                     reply.body);
        else
            log.others.push_back({teacher, id, record->getValue<std::string>("recorded_by")});
    }
}

// One teacher's loop until `deadline`: load the class grid, pause, save one to three of its cells.
inline void edit_until(signed_in_teacher &teacher, const std::string &grid_path, const std::string &save_path,
                       const std::vector<std::string> &upns, int think_ms, clock::time_point deadline, unsigned seed,
                       teacher_log &log) {
    std::mt19937 random(seed);
    const std::string &name = teacher.made.account.username;
    const auto answered = [&](int status) { ++log.other_answers[status]; };
    while (clock::now() < deadline) {
        std::vector<sent_cell> sent;
        try {
            auto start = clock::now();
            const auto grid = teacher.client->get(grid_path);
            log.grid_ms.push_back(ms_since(start));
            ++log.grid_loads;
            if (grid.status != 200) {
                answered(grid.status);
                continue;
            }
            const auto seen = record_ids_of(grid);
            if (think_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(random() % static_cast<unsigned>(think_ms + 1)));

            std::set<std::pair<std::string, std::string>> chosen;
            const auto cells = 1 + random() % 3;
            while (chosen.size() < cells) chosen.insert({upns[random() % upns.size()], subjects[random() % subjects.size()]});
            Poco::JSON::Array changes;
            for (const auto &[upn, subject] : chosen) {
                const auto shown = seen.find({upn, subject});
                sent.push_back({upn, subject, grades[random() % grades.size()], shown == seen.end() ? 0 : shown->second});
                Poco::JSON::Object change;
                change.set("upn", upn);
                change.set("subject", subject);
                change.set("value", sent.back().value);
                change.set("seen", sent.back().seen);
                changes.add(change);
            }
            Poco::JSON::Object body;
            body.set("changes", changes);
            std::ostringstream text;
            body.stringify(text);

            start = clock::now();
            const auto saved = teacher.client->post(save_path, text.str());
            const auto answered_at = clock::now();
            log.save_ms.push_back(ms_since(start));
            if (saved.status == 200) {
                ++log.saves_ok;
                const auto records = saved.json()->getArray("records");
                if (records->size() != sent.size())
                    log.violations.push_back("A save of " + std::to_string(sent.size()) + " cells by " + name + " answered " +
                                             std::to_string(records->size()) + " records: " + saved.body);
                for (std::size_t i = 0; i < std::min<std::size_t>(records->size(), sent.size()); ++i) {
                    const auto record = records->getObject(static_cast<unsigned>(i));
                    log.saved.push_back({name, sent[i], record->getValue<long long>("id"), id_or_zero(*record, "supersedes"),
                                         record->getValue<std::string>("value"), record->getValue<std::string>("recorded_by"),
                                         start, answered_at});
                }
            } else if (saved.status == 409) {
                ++log.conflicts;
                check_conflict(saved, name, sent, log);
            } else {
                answered(saved.status);
                if (log.violations.size() < 3) log.violations.push_back("A save by " + name + " answered " + std::to_string(saved.status) + ": " + saved.body);
            }
        } catch (const std::exception &failure) {  // no answer: the connection failed
            answered(0);
            if (!sent.empty()) log.unanswered.push_back(sent);
            if (log.violations.size() < 3) log.violations.push_back("A request by " + name + " got no answer: " + failure.what());
        }
    }
}

// "saved 3 cells of Spring 1" -> 3; 0 for any other summary.
inline long long cells_in_summary(const std::string &summary) {
    std::smatch found;
    return std::regex_match(summary, found, std::regex(R"(saved (\d+) cells? of .*)")) ? std::stoll(found[1].str()) : 0;
}

// The crowd's school on `db` (migrated, empty): two Year 4 classes of ten pupils, an assessment of
// reading, writing and maths, and `teacher_count` teachers of both classes (teacher01, ...), not yet
// signed in.
struct crowd_school {
    store::school school;
    services::assessment spring;
    std::map<std::string, std::vector<std::string>> upns_of;  // by class
    std::vector<signed_in_teacher> teachers;

    std::string assessment_path() const { return "/api/v1/schools/8012000/assessments/" + std::to_string(spring.id); }
};

inline crowd_school set_up_crowd_school(store::database &db, int teacher_count) {
    plugins::registry registry;
    registry.load_folder(WAYMARK_PLUGIN_DIR);
    const plugins::scheme_catalog catalog(registry, [](std::string_view) { return std::string(); });
    const services::scheme_library schemes(catalog);
    crowd_school made;
    std::vector<domain::pupil> pupils;
    for (std::size_t c = 0; c < classes.size(); ++c) {
        for (int n = 1; n <= pupils_per_class; ++n) {
            pupils.push_back(year4_pupil(static_cast<int>(c) * pupils_per_class + n, classes[c]));
            made.upns_of[classes[c]].push_back(pupils.back().upn);
        }
    }
    made.school = db.transaction("adding Brookside and its Year 4", [&](soci::session &session) {
        auto school = store::find_or_create_school(session, {0, "801", "2000", "", "Brookside Primary", "PR1 8XJ", {2025}});
        store::insert_pupils(session, school.id, pupils);
        return school;
    });
    auto spec = year4_spring_spec("Spring 1");
    for (const auto &subject : subjects) spec.subjects.push_back({subject, "", {}});
    made.spring = services::create_assessment(db, made.school, spec, schemes, four_band);
    for (int t = 1; t <= teacher_count; ++t) {
        const std::string name = "teacher" + std::string(t < 10 ? "0" : "") + std::to_string(t);
        made.teachers.push_back({services::add_user(db, {name, "", domain::user_role::teacher, "8012000", classes, {}},
                                                    store::utc_timestamp_now()),
                                 nullptr});
    }
    return made;
}

// Every judgement record of the school's cells in `session`'s database, by id, adding a sentence to
// `violations` for each record that does not supersede the one before it (a fork, or a history
// whose first record follows one that is not there).
inline std::map<long long, services::cell_record> judgement_histories(soci::session &session, const crowd_school &at,
                                                                      std::vector<std::string> &violations) {
    std::map<long long, services::cell_record> history;
    for (const auto &[class_name, upns] : at.upns_of) {
        for (const auto &upn : upns) {
            for (const auto &subject : subjects) {
                const auto records = services::cell_history(session, at.school, at.spring, {upn, subject, services::cell_kind::judgement});
                for (std::size_t i = 0; i < records.size(); ++i) {
                    const long long expected = i == 0 ? 0 : records[i - 1].id;
                    if (records[i].supersedes.value_or(0) != expected)
                        violations.push_back("Record " + std::to_string(records[i].id) + " of " + upn + "'s " + subject +
                                             " supersedes " + std::to_string(records[i].supersedes.value_or(0)) +
                                             ", not the record before it (" + std::to_string(expected) + "): a fork.");
                    history.emplace(records[i].id, records[i]);
                }
            }
        }
    }
    return history;
}

// Runs the crowd on `db` (migrated, empty; its connection string is handed to `waymark serve`) over
// the crowd's school, half the teachers at each class's grid.
inline crowd_outcome run_crowd(store::database &db, const crowd_options &options) {
    crowd_outcome outcome;
    outcome.database = std::string(store::dialect_name(db.kind()));
    auto crowd = set_up_crowd_school(db, options.teachers);
    const auto &upns_of = crowd.upns_of;
    auto &teachers = crowd.teachers;

    const auto folder = std::filesystem::temp_directory_path() / unique_test_name();
    std::filesystem::create_directories(folder);
    std::vector<teacher_log> logs(teachers.size());
    {
        std::optional<served_process> server;
        uint16_t port = options.served_port;
        if (port == 0) {
            server.emplace(db.connection(), folder);
            port = server->port();
        }
        if (port == 0) {
            const auto printed = server->printed();
            outcome.violations.push_back("waymark serve did not start: " + (printed.empty() ? std::string("it printed nothing") : printed.front()));
            std::filesystem::remove_all(folder);
            return outcome;
        }
        for (auto &teacher : teachers) {
            teacher.client = std::make_unique<api_client>(port);
            if (const auto refused = sign_in(teacher); !refused.empty()) outcome.violations.push_back(refused);
        }
        if (!outcome.violations.empty()) {
            std::filesystem::remove_all(folder);
            return outcome;
        }
        const std::string assessment_path = crowd.assessment_path();
        const auto deadline = clock::now() + options.length;
        std::vector<std::thread> editing;
        for (std::size_t t = 0; t < teachers.size(); ++t) {
            const std::string &class_name = classes[t % classes.size()];
            editing.emplace_back(edit_until, std::ref(teachers[t]), assessment_path + "/grid?class=" + class_name,
                                 assessment_path + "/judgements", std::cref(upns_of.at(class_name)), options.think_ms, deadline,
                                 static_cast<unsigned>(t + 1), std::ref(logs[t]));
        }
        for (auto &thread : editing) thread.join();
        if (server) {
            if (const int status = server->stop(); status != 0)
                outcome.violations.push_back("waymark serve exited with " + std::to_string(status) + " on SIGTERM.");
            for (const auto &line : server->printed())
                if (line.find("failed") != std::string::npos && outcome.violations.size() < 5)
                    outcome.violations.push_back("waymark serve printed: " + line);
        }
    }
    std::filesystem::remove_all(folder);

    std::vector<saved_record> saved;
    std::vector<other_record> others;
    for (auto &log : logs) {
        outcome.grid_loads += log.grid_loads;
        outcome.saves_ok += log.saves_ok;
        outcome.conflicts += log.conflicts;
        for (const auto &[status, times] : log.other_answers) outcome.other_answers[status] += times;
        outcome.grid_ms.insert(outcome.grid_ms.end(), log.grid_ms.begin(), log.grid_ms.end());
        outcome.save_ms.insert(outcome.save_ms.end(), log.save_ms.begin(), log.save_ms.end());
        saved.insert(saved.end(), log.saved.begin(), log.saved.end());
        others.insert(others.end(), log.others.begin(), log.others.end());
        outcome.violations.insert(outcome.violations.end(), log.violations.begin(), log.violations.end());
    }
    outcome.cells_saved = static_cast<long long>(saved.size());
    for (const auto &[status, times] : outcome.other_answers)
        outcome.violations.push_back(std::to_string(times) + " requests answered " +
                                     (status == 0 ? std::string("nothing (no connection)") : std::to_string(status)) + ".");

    // Every edited cell's history: one chain, each record superseding the one before it.
    const auto history = judgement_histories(db.session(), crowd, outcome.violations);
    outcome.history_records = static_cast<long long>(history.size());

    // No lost update: each 200 record there as sent, following the record its teacher saw.
    std::set<long long> answered_ids;
    for (const auto &record : saved) {
        answered_ids.insert(record.id);
        const auto found = history.find(record.id);
        const std::string what = record.teacher + "'s " + record.sent.value + " for " + record.sent.upn + "'s " + record.sent.subject;
        if (found == history.end()) {
            outcome.violations.push_back(what + " was answered 200 as record " + std::to_string(record.id) +
                                         ", which is not in the history: a lost update.");
        } else if (found->second.value != record.sent.value || found->second.recorded_by != record.teacher ||
                   found->second.cell.upn != record.sent.upn || found->second.cell.subject != record.sent.subject) {
            outcome.violations.push_back(what + " is in the history as " + found->second.recorded_by + "'s " + found->second.value +
                                         " for " + found->second.cell.upn + "'s " + found->second.cell.subject + ".");
        } else if (found->second.supersedes.value_or(0) != record.sent.seen) {
            outcome.violations.push_back(what + " followed record " + std::to_string(found->second.supersedes.value_or(0)) +
                                         " though the teacher saw " + std::to_string(record.sent.seen) +
                                         ": someone's change was overwritten unseen.");
        }
    }
    if (answered_ids.size() != history.size())
        outcome.violations.push_back("The history holds " + std::to_string(history.size()) + " records but the saves answered 200 made " +
                                     std::to_string(answered_ids.size()) + ".");
    for (const auto &other : others) {
        const auto found = history.find(other.id);
        if (found == history.end() || found->second.recorded_by != other.recorded_by || other.recorded_by == other.refused_teacher)
            outcome.violations.push_back("A 409 to " + other.refused_teacher + " named record " + std::to_string(other.id) + " by " +
                                         other.recorded_by + ", which is not another teacher's record in the history.");
    }

    // The audit log counts the same saves, cells and refusals, teacher by teacher.
    services::audit_query every;
    every.limit = std::numeric_limits<std::size_t>::max();
    std::map<std::string, std::tuple<long long, long long, long long>> audited, counted;  // saves, cells, 409s by teacher
    const std::string save_path = crowd.assessment_path() + "/judgements";
    for (const auto &entry : services::read_audit(db.session(), every)) {
        if (entry.method != "POST" || entry.path != save_path) continue;
        auto &[saves, cells, refused] = audited[entry.user];
        if (entry.status == 200) {
            ++saves;
            cells += cells_in_summary(entry.summary);
        } else if (entry.status == 409) {
            ++refused;
        }
    }
    for (std::size_t t = 0; t < teachers.size(); ++t) {
        auto &[saves, cells, refused] = counted[teachers[t].made.account.username];
        saves = logs[t].saves_ok;
        cells = static_cast<long long>(logs[t].saved.size());
        refused = logs[t].conflicts;
    }
    for (const auto &[teacher, audited_counts] : audited) {
        outcome.audited_saves_ok += std::get<0>(audited_counts);
        outcome.audited_cells += std::get<1>(audited_counts);
        outcome.audited_conflicts += std::get<2>(audited_counts);
    }
    for (const auto &[teacher, counts] : counted) {
        const auto &[saves, cells, refused] = counts;
        const auto logged = audited.contains(teacher) ? audited[teacher] : std::tuple<long long, long long, long long>{};
        if (logged != counts)
            outcome.violations.push_back("The audit log has " + std::to_string(std::get<0>(logged)) + " saves of " +
                                         std::to_string(std::get<1>(logged)) + " cells and " + std::to_string(std::get<2>(logged)) +
                                         " refusals by " + teacher + "; the teacher had " + std::to_string(saves) + ", " +
                                         std::to_string(cells) + " and " + std::to_string(refused) + ".");
    }
    if (outcome.audited_cells != outcome.history_records)
        outcome.violations.push_back("The audit log counts " + std::to_string(outcome.audited_cells) + " cells saved; the history holds " +
                                     std::to_string(outcome.history_records) + " records.");
    return outcome;
}

}  // namespace crowd

using crowd::run_crowd;

}  // namespace waymark::testing
