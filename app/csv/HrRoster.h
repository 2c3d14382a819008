#pragma once

#include "core/HrRoster.h"
#include "core/Result.h"

#include <QList>
#include <QStringList>
#include <functional>
#include <optional>

class QIODevice;

namespace rmsam {

// The company's employee list (an HR or identity-provider export, CSV), read with the User
// report's strict reader: read whole or refused whole. The email column is required; a status
// column and an end-date column are read when present.
//
// Status values read as "left": terminated, inactive, left, leaver, former, resigned, retired,
// separated, deactivated, disabled, 退職, 退職済, 退職済み, 離職, 無効. Read as employed: active,
// employed, current, enabled, on leave, leave of absence, 在籍, 在籍中, 在職, 在職中, 有効, 休職,
// 休職中 (someone on leave is still employed and comes back), and an empty status. Anything else
// refuses the file: a status read wrongly would reclaim someone's seat.
// End dates: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, an ISO date-time, 2026年3月31日, and D/M/YYYY or
// M/D/YYYY only when the day is over 12 (03/04/2026 is refused as ambiguous).
struct RosterSummary
{
    QString encoding;
    QStringList headers;
    int employees = 0; // rows that list an employee
    int leavers = 0; // of them, listed as left or with an end date before `today`
};

// One employee as the roster lists them, handed on while the file is still being read.
struct ListedEmployee
{
    QString email; // trimmed
    QString key; // case-folded
    RosterEmployee employee;
};
using ListedEmployeeSink = std::function<Result<void>(const ListedEmployee& employee)>;

struct HrRosterOptions
{
    QString emailColumn; // header name or 1-based number; empty: found by header
    QString statusColumn; // the same; empty and not found: no status column
    QString endDateColumn; // the same; empty and not found: no end-date column
    // Attach even a roster that lists fewer than half of the profile's seat holders.
    bool allowPartial = false;
};

// The outcome of reading a roster: its summary, or why it was refused. columnsNotFound, headers
// and sampleRows as in ParsedUserReport, so the caller can ask which columns to use.
struct ParsedHrRoster
{
    static constexpr int SampleRowCount = 3;

    std::optional<RosterSummary> roster;
    std::optional<Error> error;
    bool columnsNotFound = false;
    // Refused because it lists fewer than half of the seat holders (RosterCoverage::isPartial):
    // how many; the admin may attach it anyway (allowPartial).
    std::optional<RosterCoverage> partial;
    QStringList headers;
    QList<QStringList> sampleRows;
};

namespace HrRosters {
// Reads the roster streaming, each employee to `eachEmployee` as soon as its row is read;
// `today` decides which end dates have passed. Employees stop going out at the first problem:
// the caller stores them in a transaction it rolls back when the outcome has no roster.
ParsedHrRoster read(QIODevice* device, const HrRosterOptions& options, const QDate& today,
    const ListedEmployeeSink& eachEmployee);
// Whether a header row looks like a roster's rather than the Roadmunk User report's: an email
// column and a status or end-date column of a roster's own words ("Employment status", "退職日").
bool looksLikeRoster(const QStringList& header);
// The same from the file's first line; false when it cannot be read.
bool looksLikeRoster(QIODevice* device);
// An end date as the roster writes it; an invalid date when it is not one of the forms above.
QDate parseEndDate(const QString& text);
} // namespace HrRosters

} // namespace rmsam
