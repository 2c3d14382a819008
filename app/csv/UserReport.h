#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QStringList>
#include <functional>
#include <optional>

class QIODevice;

namespace rmsam {

// Roadmunk's "User" report (CSV), as an Account Admin downloads it from Account Settings ›
// Reports: which users are active. Read whole or rejected whole.
struct UserReport
{
    QString encoding;
    QStringList headers;
    QList<QPair<QString, bool>> emailsActive; // as listed, email trimmed; only when read whole
    int users = 0; // the users the rows list: one listed on two lines counts once
    int activeCount = 0;
};

// One user as the report lists them, handed on while the file is still being read.
struct ListedUser
{
    QString email; // trimmed
    QString key; // case-folded: the same user however the address is written
    bool active = false;
    bool listedBefore = false; // on an earlier line too, with the same status
};
// Takes a user the report lists; an error stops the reading and becomes the outcome's error.
using ListedUserSink = std::function<Result<void>(const ListedUser& user)>;

struct UserReportOptions
{
    QString emailColumn; // header name or 1-based number; empty: found by header
    QString statusColumn;
};

// The outcome of reading a file: the report, or why it was refused. When the email or status
// column cannot be found, columnsNotFound is set, headers lists what the file has and sampleRows
// its first few rows, so the caller can ask which columns to use showing what each one holds.
struct ParsedUserReport
{
    static constexpr int SampleRowCount = 3;

    std::optional<UserReport> report;
    std::optional<Error> error;
    bool columnsNotFound = false;
    QStringList headers;
    QList<QStringList> sampleRows; // only when columnsNotFound
};

// Reads the report streaming: each valid user goes to `eachUser` as soon as its row is read, so
// a million rows never stand in memory at once; the outcome's report then has no emailsActive.
// Users stop going to `eachUser` at the first problem, and a refused report may have handed on
// some: the caller stores them in a transaction it rolls back when the outcome has no report.
ParsedUserReport readUserReport(
    QIODevice* device, const UserReportOptions& options, const ListedUserSink& eachUser);
// The same, the users collected in emailsActive.
ParsedUserReport readUserReport(QIODevice* device, const UserReportOptions& options);

} // namespace rmsam
