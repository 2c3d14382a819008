#pragma once

#include <QList>

namespace rmsam::bench {

// `--only evaluate`: Reclamation::evaluate in this process over profiles of the given sizes, on
// SQLite (each size) and PostgreSQL (sizes up to 100,000), filled through
// SubscriptionRepository::replaceSnapshot; one Markdown table.
void benchEvaluate(const QList<int>& subscriptionCounts, int runs);

} // namespace rmsam::bench
