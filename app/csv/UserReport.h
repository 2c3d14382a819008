#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QStringList>
#include <optional>

class QIODevice;

namespace rmsam {

// Roadmunk's "User" report (CSV), as an Account Admin downloads it from Account Settings ›
// Reports: which users are active. Read whole or rejected whole.
struct UserReport
{
    QString encoding;
    QStringList headers;
    QList<QPair<QString, bool>> emailsActive; // as listed, email trimmed
    int activeCount = 0;
};

struct UserReportOptions
{
    QString emailColumn; // header name or 1-based number; empty: found by header
    QString statusColumn;
};

// The outcome of reading a file: the report, or why it was refused. When the email or status
// column cannot be found, columnsNotFound is set and headers lists what the file has, so the
// caller can ask which columns to use.
struct ParsedUserReport
{
    std::optional<UserReport> report;
    std::optional<Error> error;
    bool columnsNotFound = false;
    QStringList headers;
};

ParsedUserReport readUserReport(QIODevice* device, const UserReportOptions& options);

} // namespace rmsam
