// The transfer formats at school size: the CSV pupil upload (10,000 rows: parse and check alone, then
// the whole import with its database write in one transaction) and a CTF export of a 420-pupil school
// with its statutory results. SQLite always; PostgreSQL too when WAYMARK_TEST_POSTGRES names a server.
#include "csv/pupil_csv.hpp"
#include "ctf/ctf_writer.hpp"
#include "ctf_sample.hpp"
#include "services/transfer/ctf_transfer.hpp"
#include "services/transfer/pupil_import.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/pupils.hpp"
#include "store/schools.hpp"
#include "store/statutory.hpp"

#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <unistd.h>

namespace {

using namespace waymark;

constexpr int upload_rows = 10'000;

std::filesystem::path scratch() {
    static const auto folder = [] {
        auto path = std::filesystem::temp_directory_path() / ("waymark-transfer-bench-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    return folder;
}

const std::string &upload_text() {
    static const std::string text = [] {
        std::string csv = "UPN,Surname,Forename,DOB,Gender,Postcode,FSM,Ethnic code,EAL,SEN,LA reference\r\n";
        for (int i = 1; i <= upload_rows; ++i)
            csv += test::sample_upn(i) + ",\"Surname, " + std::to_string(i) + "\",Zoë,0" + std::to_string(i % 9 + 1) +
                   "/03/2019," + (i % 2 ? "F" : "M") + ",PR1 8XJ," + (i % 5 ? "N" : "Y") + ",WBRI,N,K,LA" +
                   std::to_string(i) + "\r\n";
        return csv;
    }();
    return text;
}

// A fresh, migrated database with one school: a new SQLite file, or a new schema on the server,
// dropped again when the benchmark is done with it.
class bench_database {
public:
    explicit bench_database(bool postgresql) {
        static std::atomic<int> counter{0};
        const std::string name = "bench_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
        std::string connection;
        if (postgresql) {
            server_ = std::getenv("WAYMARK_TEST_POSTGRES");
            if (server_.back() != ';') server_ += ';';
            schema_ = name;
            store::database(server_).session() << "CREATE SCHEMA " + schema_;
            connection = server_ + "ConnSettings=SET search_path TO " + schema_ + ";";
        } else {
            file_ = scratch() / (name + ".db");
            connection = "DRIVER=SQLite3;Database=" + file_.string() + ";";
        }
        db_.emplace(connection);
        store::migrate(*db_);
        school_ = db_->transaction("creating the bench school", [](soci::session &session) {
            return store::find_or_create_school(session, {0, "801", "2000", "", "Bench Primary", "PR1 8XJ", {2025}});
        });
    }
    ~bench_database() {
        db_.reset();
        if (!schema_.empty()) store::database(server_).session() << "DROP SCHEMA " + schema_ + " CASCADE";
        if (!file_.empty()) std::filesystem::remove(file_);
    }
    bench_database(const bench_database &) = delete;
    bench_database &operator=(const bench_database &) = delete;

    store::database &db() { return *db_; }
    const store::school &school() const { return school_; }

private:
    std::string server_;
    std::string schema_;
    std::filesystem::path file_;
    std::optional<store::database> db_;
    store::school school_;
};

bool skip_without_postgres(benchmark::State &state, bool postgresql) {
    const char *server = std::getenv("WAYMARK_TEST_POSTGRES");
    if (postgresql && (server == nullptr || *server == '\0')) {
        state.SkipWithError("set WAYMARK_TEST_POSTGRES to run on PostgreSQL");
        return true;
    }
    return false;
}

void csv_parse_and_check(benchmark::State &state) {
    const std::string &text = upload_text();
    for (auto _ : state) {
        auto upload = connectors::csv::read_pupil_upload(text, {"PR1 8XJ", domain::academic_year{2025}});
        if (!upload.ok()) state.SkipWithError(connectors::csv::describe(upload.problems.front()).c_str());
        benchmark::DoNotOptimize(upload);
    }
    state.SetItemsProcessed(state.iterations() * upload_rows);
}
BENCHMARK(csv_parse_and_check)->Unit(benchmark::kMillisecond);

// The whole `waymark import pupils`: read the file, check every row and UPN, insert in one transaction.
void csv_import(benchmark::State &state) {
    const bool postgresql = state.range(0) == 1;
    if (skip_without_postgres(state, postgresql)) return;
    const auto file = scratch() / "upload.csv";
    std::ofstream(file, std::ios::binary) << upload_text();
    for (auto _ : state) {
        state.PauseTiming();
        {
            bench_database target(postgresql);
            state.ResumeTiming();
            const auto result = services::import_pupil_csv(target.db(), target.school(), file);
            state.PauseTiming();
            if (result.added != upload_rows) state.SkipWithError("the upload was refused");
        }
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * upload_rows);
    state.SetLabel(postgresql ? "PostgreSQL" : "SQLite");
}
BENCHMARK(csv_import)->Arg(0)->Arg(1)->Iterations(3)->Unit(benchmark::kMillisecond);

// `waymark export ctf` for a 420-pupil school with its EYFSP, phonics, KS1 and KS2 results.
void ctf_export(benchmark::State &state) {
    const bool postgresql = state.range(0) == 1;
    if (skip_without_postgres(state, postgresql)) return;
    bench_database source(postgresql);
    const auto sample = test::sample_ctf(420);
    source.db().transaction("storing the bench school", [&](soci::session &session) {
        store::insert_pupils(session, source.school().id, sample.pupils);
        store::write_statutory_results(session, source.school().id, sample.results);
    });
    const auto out = scratch() / "export.xml";
    std::size_t results = 0;
    for (auto _ : state) results = services::export_ctf(source.db(), source.school(), {}, out, test::shipped_codes()).results;
    state.SetItemsProcessed(state.iterations() * 420);
    state.SetLabel(std::string(postgresql ? "PostgreSQL" : "SQLite") + ", " + std::to_string(results) + " results");
}
BENCHMARK(ctf_export)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char **argv) {
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::filesystem::remove_all(scratch());
    return 0;
}
