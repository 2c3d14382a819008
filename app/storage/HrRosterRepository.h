#pragma once

#include "core/HrRoster.h"
#include "core/Result.h"

#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace rmsam {

class BatchInsert;
class Database;

// The employees of a roster being attached, stored as they are read, several rows per statement.
// An address may come twice (a rehire): both rows are kept and merged when read.
class HrRosterRows
{
public:
    HrRosterRows(Database& database, qint64 profileId);
    ~HrRosterRows();
    Q_DISABLE_COPY_MOVE(HrRosterRows)

    Result<void> add(const QString& emailKey, const RosterEmployee& employee);
    Result<void> finish();

private:
    std::unique_ptr<BatchInsert> m_insert;
};

// What attach() stores of a roster besides its rows.
struct HrRosterSummary
{
    QString encoding;
    int employees = 0;
    int leavers = 0;
};

class HrRosterRepository
{
public:
    explicit HrRosterRepository(Database& database);

    // Replaces the profile's roster in one transaction, as UserReportRepository::attach does: any
    // error, read's own, `accept`'s or the database's, leaves the previous roster whole. `accept`
    // is asked, once every row is stored, whether a roster listing that many seat holders may stay.
    using ReadRoster = std::function<Result<HrRosterSummary>(HrRosterRows& rows)>;
    using AcceptCoverage = std::function<Result<void>(const RosterCoverage& coverage)>;
    Result<void> attach(
        qint64 profileId, const QString& fileName, const ReadRoster& read, const AcceptCoverage& accept);
    // The profile's roster with its aliases and what it says of the profile's seat holders and of
    // `emails` (not every row of a roster that may list a hundred thousand).
    Result<std::optional<AttachedRoster>> current(qint64 profileId, const QStringList& emails = {});
    Result<void> detach(qint64 profileId);

    Result<void> addAlias(qint64 profileId, const QString& userEmail, const QString& rosterEmail);
    // NotFound when the profile has no alias for the address.
    Result<void> removeAlias(qint64 profileId, const QString& userEmail);
    Result<QList<RosterAlias>> aliases(qint64 profileId);

private:
    // The aliases, and the employees the roster lists under `emails`.
    Result<void> readListed(qint64 profileId, const QStringList& emails, AttachedRoster* roster);
    Result<QStringList> seatHolders(qint64 profileId);
    Result<RosterCoverage> coverage(qint64 profileId);
    Result<void> readEmployees(qint64 profileId, const QStringList& keys, AttachedRoster* roster);

    Database& m_database;
};

} // namespace rmsam
