#pragma once

#include <QString>

namespace rmsam::bench {

// `--only export`: `roadmunk-sam export --report subscriptions` of `rows` subscriptions, process
// start to exit, `runs` times on SQLite and on PostgreSQL, each beside its database's own CSV
// client in the same run.
void benchExport(int rows, const QString& executable, int runs);

} // namespace rmsam::bench
