#pragma once
#include <QString>

namespace rmsam::bench {

// `--only gui`: opening a profile of `users` subscriptions in the main window, and refreshing it
// after a sync, to the first painted table; SQLite and PostgreSQL, `runs` times each.
void benchGui(int users, const QString& executable, int runs);

} // namespace rmsam::bench
