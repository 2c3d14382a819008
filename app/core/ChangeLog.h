#pragma once

#include <QDateTime>
#include <QString>

namespace rmsam {

// One row of the change log the database writes (triggers): who changed what, from where. The
// database role is who the server let in; the OS account and host are what the client said.
struct ChangeLogEntry
{
    qint64 id = 0;
    QDateTime at; // UTC
    QString dbRole; // PostgreSQL: session_user; SQLite: the OS account
    QString osUser;
    QString host;
    QString table; // "removal_candidate", "reclamation_rule"…
    QString operation; // "insert", "update", "delete"
    qint64 profileId = 0; // 0: not of one profile (exclusion rules)
    QString profileName; // empty when the profile is gone
    QString rowKey; // candidate number, seat type, exclusion…
    QString summary; // "state ready → awaiting_approval", "threshold 90 → 60"
};

} // namespace rmsam
