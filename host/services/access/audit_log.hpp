// Every change made through the API or the CLI, with who made it, what it was (method and path, or
// the command), when, from where (the client's address, or "cli") and how it ended (the HTTP
// status), for administrators to read back.
#pragma once

#include "services/access/sessions.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace waymark::services {

struct audit_entry {
    std::string at;        // 'YYYY-MM-DDTHH:MM:SSZ'
    std::string user;      // the user name, or the operating-system user for the CLI
    std::string address;   // the client's IP address, or "cli"
    std::string method;    // POST, PUT, PATCH, DELETE, the CLI command ("users add"), or CLI
    std::string path;      // the request path, the command's subject ("teacher4"), or after CLI the command line
    int status = 0;        // the HTTP status (the CLI records 200 for done, 422 for refused)
    std::string summary;   // what was done or why it was refused, one line
};

// Appends the entry; texts longer than their columns are cut, never refused, so logging never
// stops a change.
void record_audit(store::database &db, const audit_entry &entry);

struct audit_query {
    std::optional<std::string> from;  // instants or dates, both included ("2026-03-01" = that whole day)
    std::optional<std::string> to;
    std::optional<std::string> user;
    std::size_t limit = 1000;  // the latest ones
};

// The entries, newest first.
std::vector<audit_entry> read_audit(soci::session &session, const audit_query &query);

}  // namespace waymark::services
