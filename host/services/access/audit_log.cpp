#include "services/access/audit_log.hpp"

namespace waymark::services {

namespace {

std::string cut(const std::string &text, std::size_t limit) { return text.size() <= limit ? text : text.substr(0, limit); }

}  // namespace

void record_audit(store::database &db, const audit_entry &entry) {
    const std::string at = entry.at.empty() ? instant_text(now_instant()) : entry.at;
    const std::string user = cut(entry.user, 60), address = cut(entry.address, 64), method = cut(entry.method, 10),
                      path = cut(entry.path, 500), summary = cut(entry.summary, 1000);
    db.transaction("writing the audit log", [&](soci::session &session) {
        session << "INSERT INTO wm_audit_log (at, username, address, method, path, status, summary) "
                   "VALUES (:at, :u, :a, :m, :p, :s, :y)",
            soci::use(at, "at"), soci::use(user, "u"), soci::use(address, "a"), soci::use(method, "m"), soci::use(path, "p"),
            soci::use(entry.status, "s"), soci::use(summary, "y");
    });
}

std::vector<audit_entry> read_audit(soci::session &session, const audit_query &query) {
    // A date alone means the whole day: from its first second, to its last.
    const std::string from = query.from ? *query.from : "";
    const std::string to = query.to ? (query.to->size() == 10 ? *query.to + "T23:59:59Z" : *query.to) : "9999";
    const std::string user = query.user.value_or("");
    const int any_user = query.user ? 0 : 1;
    std::vector<audit_entry> entries;
    audit_entry row;
    soci::statement rows =
        (session.prepare << "SELECT at, username, address, method, path, status, summary FROM wm_audit_log "
                            "WHERE at >= :f AND at <= :t AND (:any = 1 OR username = :u) ORDER BY at DESC, id DESC",
         soci::into(row.at), soci::into(row.user), soci::into(row.address), soci::into(row.method), soci::into(row.path),
         soci::into(row.status), soci::into(row.summary), soci::use(from, "f"), soci::use(to, "t"), soci::use(any_user, "any"),
         soci::use(user, "u"));
    rows.execute();
    while (entries.size() < query.limit && rows.fetch()) entries.push_back(row);
    return entries;
}

}  // namespace waymark::services
