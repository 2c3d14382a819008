#pragma once

#include <QString>

namespace rmsam::bench {

// `rmsam-bench --only attach`: the real `roadmunk-sam attach-report` of a User report of `rows`
// rows (issue 15: 1,000,000), end to end, into SQLite and PostgreSQL, beside the peers of the
// same run; prints one Markdown table.
void benchAttach(const QString& executable, int rows, int runs);

} // namespace rmsam::bench
