// Waymark's own tables, created and upgraded by numbered migrations recorded in wm_schema_version.
// The SQL is written once; the few words SQLite, PostgreSQL and SQL Server spell differently are
// placeholders filled from one dialect map (see migrations.cpp).
#pragma once

#include "store/database.hpp"
#include "store/settings.hpp"

namespace waymark::store {

// The newest schema this build knows.
int latest_schema_version();

// The version recorded in the database, 0 for a database Waymark has never touched (which gets an
// empty wm_schema_version), read under the migration lock migrate() takes.
int schema_version(database &db);

struct migration_report {
    int from = 0;  // the version before
    int to = 0;    // the version now (== latest_schema_version())
};

// Applies every migration the database lacks, each in its own transaction that first takes a
// database-wide lock and reads the version again, so processes migrating one database at once apply
// each step once (PostgreSQL and SQLite; SQL Server takes no lock). A database already at the latest
// version is left alone; one newer than this build is refused with database_error naming both
// versions, before anything is changed.
migration_report migrate(database &db);

// Opens the database the settings name, creating the data folder for the embedded SQLite file.
database connect(const settings &where);

// connect(), then migrate(): the database every command works on.
database open(const settings &where);

}  // namespace waymark::store
