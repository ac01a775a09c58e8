#include "store/backup.hpp"

#include "store/migrations.hpp"

#include <Poco/Environment.h>
#include <Poco/Path.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace waymark::store {
namespace {

namespace fs = std::filesystem;

// A file name as an SQL string literal.
std::string quoted(const fs::path &file) {
    std::string out = "'";
    for (const char c : file.string()) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// The file an SQLite connection string names, nullopt for a server's.
std::optional<fs::path> sqlite_file_of(const std::string &connection) {
    std::string driver = connection_attribute(connection, "driver");
    std::transform(driver.begin(), driver.end(), driver.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (driver.find("sqlite") == std::string::npos) return std::nullopt;
    return fs::path(connection_attribute(connection, "database"));
}

// The version in wm_schema_version, nullopt when the database has no such table (not Waymark's).
std::optional<int> recorded_version(database &db) {
    std::string has_table;
    switch (db.kind()) {
        case dialect::sqlite:
            has_table = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'wm_schema_version'";
            break;
        case dialect::postgresql:
            has_table = "SELECT CAST(COUNT(*) AS INTEGER) FROM information_schema.tables "
                        "WHERE table_schema = current_schema() AND table_name = 'wm_schema_version'";
            break;
        case dialect::sqlserver:
            has_table = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'wm_schema_version'";
            break;
    }
    int tables = 0;
    db.session() << has_table, soci::into(tables);
    if (tables == 0) return std::nullopt;
    int version = 0;
    soci::indicator none = soci::i_ok;
    db.session() << "SELECT MAX(version) FROM wm_schema_version", soci::into(version, none);
    return none == soci::i_null ? 0 : version;
}

std::string place_of(const database &db) {
    return "the " + std::string(dialect_name(db.kind())) + " database " + redacted(db.connection());
}

// The same at the start of a sentence.
std::string place_of_capitalised(const database &db) {
    std::string place = place_of(db);
    place.front() = 'T';
    return place;
}

void refuse_newer_backup(const fs::path &file, int version) {
    if (version <= latest_schema_version()) return;
    throw backup_error(file.string() + " is a backup of Waymark schema version " + std::to_string(version) +
                       ", newer than this waymark, which knows versions up to " + std::to_string(latest_schema_version()) +
                       "; restore it with a waymark at least as new as the one that made it (nothing was changed).");
}

// --- PostgreSQL: Debian's client programs --------------------------------------------------------

// How pg_dump and pg_restore reach the server of an ODBC connection string.
struct pg_login {
    std::vector<std::string> arguments;  // --host, --port, --username, --dbname
    std::string password;                // passed as PGPASSWORD
};

pg_login pg_login_of(const std::string &connection) {
    const auto first_of = [&](std::initializer_list<std::string_view> keys) {
        for (const auto key : keys) {
            if (auto value = connection_attribute(connection, key); !value.empty()) return value;
        }
        return std::string();
    };
    const std::string database_name = first_of({"database", "db"});
    if (database_name.empty()) {
        throw backup_error("The PostgreSQL connection " + redacted(connection) +
                           " names no Database; pg_dump and pg_restore need Server, Port, Database and Uid in the "
                           "connection string itself (a DSN alone is not enough).");
    }
    pg_login login;
    if (const auto host = first_of({"server", "servername", "host"}); !host.empty()) login.arguments.push_back("--host=" + host);
    if (const auto port = first_of({"port"}); !port.empty()) login.arguments.push_back("--port=" + port);
    if (const auto user = first_of({"uid", "username", "user"}); !user.empty()) login.arguments.push_back("--username=" + user);
    login.arguments.push_back("--dbname=" + database_name);
    login.password = first_of({"pwd", "password"});
    return login;
}

struct finished {
    int status = 0;
    std::string out;
    std::string err;  // on one line
};

// Runs one of Debian's PostgreSQL client programs with the login (none for reading an archive: given
// a database, pg_restore writes into it), never asking for a password.
finished run_pg_client(const std::string &program, std::vector<std::string> arguments, const pg_login &login) {
    Poco::Path found;
    if (!Poco::Path::find(Poco::Environment::get("PATH", ""), program, found)) {
        throw backup_error(program + " is not installed (on Debian: apt-get install postgresql-client); waymark runs it "
                           "to back up and restore a PostgreSQL database.");
    }
    arguments.insert(arguments.begin(), "--no-password");
    arguments.insert(arguments.end(), login.arguments.begin(), login.arguments.end());
    Poco::Process::Env environment;
    if (!login.password.empty()) environment["PGPASSWORD"] = login.password;
    Poco::Pipe out;
    Poco::Pipe err;
    Poco::ProcessHandle process = Poco::Process::launch(found.toString(), arguments, ".", nullptr, &out, &err, environment);
    finished result;
    Poco::PipeInputStream out_stream(out);
    Poco::PipeInputStream err_stream(err);
    std::ostringstream out_text;
    std::ostringstream err_text;
    Poco::StreamCopier::copyStream(out_stream, out_text);
    Poco::StreamCopier::copyStream(err_stream, err_text);
    result.status = process.wait();
    result.out = out_text.str();
    for (const char c : err_text.str()) result.err += c == '\n' ? ' ' : c;
    while (!result.err.empty() && result.err.back() == ' ') result.err.pop_back();
    return result;
}

std::string current_schema(database &db) {
    std::string schema;
    db.session() << "SELECT current_schema()", soci::into(schema);
    return schema;
}

void dump_postgresql(database &db, const fs::path &out) {
    const pg_login login = pg_login_of(db.connection());
    // Waymark's own tables only (with their identity sequences): the MIS's tables beside them are the
    // MIS's to back up. pg_dump reads them all in one snapshot while the server goes on saving.
    const auto dumped = run_pg_client(
        "pg_dump", {"--format=custom", "--file=" + out.string(), "--table=\"" + current_schema(db) + "\".wm_*"}, login);
    if (dumped.status != 0) {
        std::error_code ignored;
        fs::remove(out, ignored);
        throw backup_error("pg_dump could not back up " + place_of(db) + ": " + dumped.err + ".");
    }
}

// The schema an archive's wm_schema_version lives in, from pg_restore's table of contents
// ("215; 1259 16390 TABLE public wm_schema_version waymark"); nullopt when it has none.
std::optional<std::string> archived_waymark_schema(const std::string &contents) {
    std::istringstream lines(contents);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with(";")) continue;
        std::istringstream words(line);
        std::vector<std::string> word{std::istream_iterator<std::string>(words), {}};
        for (std::size_t i = 0; i + 2 < word.size(); ++i) {
            if (word[i] == "TABLE" && word[i + 2] == "wm_schema_version") return word[i + 1];
        }
    }
    return std::nullopt;
}

// The highest version in the archive's wm_schema_version rows (pg_restore's COPY text).
int archived_version(const std::string &copy_text) {
    std::istringstream lines(copy_text);
    bool in_rows = false;
    int highest = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("COPY ")) {
            in_rows = true;
        } else if (line == "\\.") {
            in_rows = false;
        } else if (in_rows && !line.empty() && std::isdigit(static_cast<unsigned char>(line.front()))) {
            highest = std::max(highest, std::stoi(line.substr(0, line.find('\t'))));
        }
    }
    return highest;
}

restore_report restore_postgresql(const fs::path &file, const settings &into) {
    if (sqlite_file_of(into.connection)) {
        throw backup_error(file.string() + " is a backup of a PostgreSQL database (a pg_dump archive); restore it with "
                           "--db naming an empty PostgreSQL database (nothing was changed).");
    }
    const pg_login login = pg_login_of(into.connection);
    const auto listed = run_pg_client("pg_restore", {"--list", file.string()}, {});
    if (listed.status != 0) {
        throw backup_error(file.string() + " is not a Waymark backup: pg_restore cannot read it (" + listed.err +
                           "); nothing was changed.");
    }
    const auto schema = archived_waymark_schema(listed.out);
    if (!schema) {
        throw backup_error(file.string() + " is a pg_dump archive but not a Waymark backup: it holds no "
                           "wm_schema_version table (nothing was changed).");
    }
    const auto rows = run_pg_client("pg_restore", {"--data-only", "--table=wm_schema_version", "--file=-", file.string()}, {});
    restore_report report;
    report.kind = dialect::postgresql;
    report.backup_version = archived_version(rows.out);
    refuse_newer_backup(file, report.backup_version);

    database target(into.connection);
    if (target.kind() != dialect::postgresql) {
        throw backup_error(file.string() + " is a backup of a PostgreSQL database; " + place_of(target) +
                           " is not one (nothing was changed).");
    }
    if (const auto held = recorded_version(target)) {
        throw backup_error(place_of_capitalised(target) + " already holds a Waymark database (schema version " + std::to_string(*held) +
                           "); restore into a new, empty database (nothing was changed).");
    }
    if (const auto target_schema = current_schema(target); target_schema != *schema) {
        throw backup_error(file.string() + " holds Waymark's tables of schema '" + *schema + "' but " + place_of(target) +
                           " puts them in '" + target_schema + "'; restore into a database whose search_path starts "
                           "with '" + *schema + "' (nothing was changed).");
    }
    const auto restored = run_pg_client(
        "pg_restore", {"--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", file.string()}, login);
    if (restored.status != 0) {
        throw backup_error("pg_restore could not restore " + file.string() + " into " + place_of(target) + ": " +
                           restored.err + "; nothing was changed (it restores in one transaction).");
    }
    report.schema_version = migrate(target).to;
    return report;
}

// --- SQLite -------------------------------------------------------------------------------------

void remove_sqlite_file(const fs::path &file) {
    std::error_code ignored;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(file.string() + suffix, ignored);
}

// Checks the copy `staged` of `file` is a sound Waymark database no newer than this build, then
// migrates it; throws backup_error otherwise.
int check_and_migrate(const fs::path &file, const fs::path &staged, restore_report &report) {
    std::optional<database> opened;
    try {
        opened.emplace("DRIVER=SQLite3;Database=" + staged.string() + ";");
    } catch (const std::exception &e) {
        throw backup_error(file.string() + " is not a Waymark backup: SQLite cannot open it (" + std::string(e.what()) +
                           "); nothing was changed.");
    }
    std::string integrity;
    opened->session() << "PRAGMA integrity_check", soci::into(integrity);
    if (integrity != "ok") {
        throw backup_error(file.string() + " is damaged: SQLite's integrity check says '" + integrity +
                           "'; restore an older backup (nothing was changed).");
    }
    const auto version = recorded_version(*opened);
    if (!version) {
        throw backup_error(file.string() + " is an SQLite database but not a Waymark backup: it has no "
                           "wm_schema_version table (nothing was changed).");
    }
    report.backup_version = *version;
    refuse_newer_backup(file, *version);
    return migrate(*opened).to;
}

restore_report restore_sqlite(const fs::path &file, const settings &into) {
    const auto target = sqlite_file_of(into.connection);
    if (!target) {
        throw backup_error(file.string() + " is a backup of an SQLite database; restore it into a data folder "
                           "(--data-dir DIR), not into the server " + redacted(into.connection) + " (nothing was changed).");
    }
    if (fs::exists(*target)) {
        throw backup_error("The data folder already holds a Waymark database (" + target->string() +
                           "); restore into a new data folder, or stop waymark and move that folder aside first "
                           "(nothing was changed).");
    }
    const fs::path folder = target->parent_path();
    const bool made_folder = !folder.empty() && fs::create_directories(folder);
    const fs::path staged = target->string() + ".restoring";
    remove_sqlite_file(staged);  // one a restore killed part-way left behind
    restore_report report;
    try {
        fs::copy_file(file, staged);
        report.schema_version = check_and_migrate(file, staged, report);
        fs::rename(staged, *target);  // the database appears whole, or not at all
    } catch (...) {
        remove_sqlite_file(staged);
        std::error_code ignored;
        if (made_folder) fs::remove(folder, ignored);
        throw;
    }
    return report;
}

enum class backup_format { sqlite, pg_dump, unknown };

backup_format format_of(const fs::path &file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw backup_error("There is no file " + file.string() + " to restore (or it cannot be read); check the path.");
    }
    std::array<char, 16> start{};
    in.read(start.data(), start.size());
    const std::string_view opening(start.data(), static_cast<std::size_t>(in.gcount()));
    if (opening == std::string_view("SQLite format 3\0", 16)) return backup_format::sqlite;
    if (opening.starts_with("PGDMP")) return backup_format::pg_dump;
    return backup_format::unknown;
}

}  // namespace

backup_report back_up(const settings &from, const fs::path &out) {
    if (fs::exists(out)) {
        throw backup_error(out.string() + " already exists; give --out a new file name (a backup never overwrites a file).");
    }
    if (const auto folder = out.parent_path(); !folder.empty() && !fs::is_directory(folder)) {
        throw backup_error("The folder " + folder.string() + " for the backup does not exist; make it first or give "
                           "--out a file in an existing folder.");
    }
    if (const auto file = sqlite_file_of(from.connection); file && !fs::exists(*file)) {
        throw backup_error("There is no database at " + file->string() + " to back up; check --data-dir or --db.");
    }
    database db(from.connection);
    const auto version = recorded_version(db);
    if (!version) {
        throw backup_error(place_of_capitalised(db) + " holds no Waymark tables (no wm_schema_version) to back up; check --data-dir or --db.");
    }
    switch (db.kind()) {
        case dialect::sqlite:
            // Outside any transaction (VACUUM refuses one) and through this connection's own read
            // snapshot: writers go on meanwhile, and the copy holds exactly the saves committed before.
            db.session() << "VACUUM INTO " + quoted(out);
            break;
        case dialect::postgresql: dump_postgresql(db, out); break;
        case dialect::sqlserver:
            throw backup_error("waymark backup does not back up SQL Server; use the server's own BACKUP DATABASE.");
    }
    return {db.kind(), *version, fs::file_size(out)};
}

restore_report restore(const fs::path &file, const settings &into) {
    switch (format_of(file)) {
        case backup_format::sqlite: return restore_sqlite(file, into);
        case backup_format::pg_dump: return restore_postgresql(file, into);
        case backup_format::unknown: break;
    }
    throw backup_error(file.string() + " is not a Waymark backup: it is neither an SQLite database nor a pg_dump archive "
                       "(`waymark backup --out FILE` makes one); nothing was changed.");
}

}  // namespace waymark::store
