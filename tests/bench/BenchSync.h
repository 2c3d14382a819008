#pragma once

#include <QList>
#include <QString>

namespace rmsam::bench {

struct SyncBenchOptions
{
    QString executable; // roadmunk-sam: the sandbox, the admin's commands and the measured sync
    QList<int> userCounts { 100'000, 20'000 };
    int latencyMs = 20;
    int runs = 3;
};

// `--only sync`: the real `roadmunk-sam sync` (first, then again unchanged) into SQLite and into
// PostgreSQL, beside tests/bench/sequential_client.py reading the same pages from the same
// sandbox process in the same run, and the network floor; one Markdown table.
void benchSync(const SyncBenchOptions& options);

} // namespace rmsam::bench
