#pragma once

#include "core/AttachedReport.h"
#include "core/Result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace rmsam {

class BatchInsert;
class Database;
class NativeCopy;

// The users of a report being attached, staged as they are read, several rows per statement, in a
// temporary table without a key; finish() stores them in the key's order. A report lists its
// users in no such order, and a million rows put each at a random place in the key's B-tree took
// twice as long as staging and sorting them (issue 15).
class UserReportRows
{
public:
    explicit UserReportRows(Database& database, qint64 profileId);
    ~UserReportRows();
    Q_DISABLE_COPY_MOVE(UserReportRows)

    Result<void> start();
    // A user by case-folded address; one listed twice is stored once.
    Result<void> add(const QString& emailKey, bool active);
    Result<void> finish();

private:
    static constexpr int RowsPerCopy = 50000;
    Result<void> startCopy();
    Result<void> endCopy();

    Database& m_database;
    qint64 m_profileId;
    int m_copied = 0; // rows in the current COPY
    // On PostgreSQL the rows go by COPY where libpq can be reached (NativeCopy). Otherwise one
    // statement for the active users and one for the inactive, so a row binds its address alone.
    std::unique_ptr<NativeCopy> m_copy;
    std::unique_ptr<BatchInsert> m_active;
    std::unique_ptr<BatchInsert> m_inactive;
};

// What attach() stores of a report besides its users.
struct UserReportSummary
{
    QString encoding;
    int rows = 0; // rows that list a user
};

class UserReportRepository
{
public:
    explicit UserReportRepository(Database& database);

    // Replaces the profile's report in one transaction: removes the previous one, then `read`
    // reads the new one, handing each user to the UserReportRows as it goes, and says what it
    // read. Any error, read's own or the database's, rolls all of it back: however far the reading
    // got, the previous report stays whole.
    using ReadReport = std::function<Result<UserReportSummary>(UserReportRows& rows)>;
    Result<void> attach(qint64 profileId, const QString& fileName, const ReadReport& read);
    // The same for a report already in memory.
    Result<void> attach(qint64 profileId, const QString& fileName, const QString& encoding,
        const QList<QPair<QString, bool>>& emailsActive);
    // The profile's report, its activeByEmail holding what it says of the profile's subscribed users
    // and of `emails`: the users anyone asks about, not the million a report may list.
    Result<std::optional<AttachedReport>> current(qint64 profileId, const QStringList& emails = {});
    Result<void> detach(qint64 profileId);

private:
    Result<void> readStatuses(qint64 profileId, const QStringList& keys, AttachedReport* report);

    Database& m_database;
};

} // namespace rmsam
