// ProfileService's HR roster: attach, detach and aliases (issue #17, leavers first).
#include "services/Evaluation.h"
#include "services/ProfileService.h"
#include "storage/Database.h"
#include "storage/HrRosterRepository.h"
#include "storage/ProfileRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace rmsam {
namespace {

Error partialRosterError(const RosterCoverage& coverage)
{
    return { ErrorCode::Conflict,
        QCoreApplication::translate("rmsam::ProfileService",
            "The HR roster lists only %1 of the profile's %n seat holder(s). A partial export or another "
            "department's list would make all the others removal candidates as \"Not on the HR roster\"; "
            "the roster was not attached.",
            nullptr, coverage.seatHolders)
            .arg(coverage.listed),
        {} };
}

} // namespace

ParsedHrRoster ProfileService::attachRoster(qint64 id, const QString& path, const HrRosterOptions& options)
{
    ParsedHrRoster parsed;
    QFile file(path);
    if (auto unreadable = openAttachment(id, file)) {
        parsed.error = unreadable;
        return parsed;
    }
    const QDate today = QDateTime::currentDateTimeUtc().date();
    // Read and stored in one pass, in the transaction that replaces the previous roster.
    const auto read = [&](HrRosterRows& rows) -> Result<HrRosterSummary> {
        parsed = HrRosters::read(
            &file, options, today, [&rows](const ListedEmployee& e) { return rows.add(e.key, e.employee); });
        if (!parsed.roster) {
            return *parsed.error;
        }
        return HrRosterSummary { parsed.roster->encoding, parsed.roster->employees, parsed.roster->leavers };
    };
    // Then, before it replaces anything, whether it lists enough of the seat holders.
    const auto accept = [&](const RosterCoverage& coverage) -> Result<void> {
        if (!coverage.isPartial()) {
            return {};
        }
        if (options.allowPartial) {
            qCWarning(lcJobs) << "profile" << id << "HR roster attached although it lists only"
                              << coverage.listed << "of" << coverage.seatHolders << "seat holders";
            return {};
        }
        parsed.partial = coverage;
        return partialRosterError(coverage);
    };
    auto attached = HrRosterRepository(m_database).attach(id, QFileInfo(path).fileName(), read, accept);
    if (!attached) {
        parsed.error = attached.error();
        parsed.roster.reset();
        return parsed;
    }
    qCInfo(lcJobs) << "profile" << id << "HR roster attached:" << parsed.roster->employees << "employees,"
                   << parsed.roster->leavers << "leavers";
    rosterChanged(id);
    return parsed;
}

bool ProfileService::looksLikeRoster(const QString& path) const
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && HrRosters::looksLikeRoster(&file);
}

Result<std::optional<AttachedRoster>> ProfileService::roster(qint64 id)
{
    return HrRosterRepository(m_database).current(id);
}

Result<void> ProfileService::detachRoster(qint64 id)
{
    auto attached = HrRosterRepository(m_database).current(id);
    if (!attached) {
        return attached.error();
    }
    if (!attached.value()) {
        return Error { ErrorCode::NotFound,
            QCoreApplication::translate("rmsam::ProfileService", "The profile has no HR roster attached."),
            {} };
    }
    auto detached
        = inTransaction(m_database.connection(), [&]() { return HrRosterRepository(m_database).detach(id); });
    if (detached) {
        rosterChanged(id);
    }
    return detached;
}

Result<void> ProfileService::addRosterAlias(qint64 id, const QString& userEmail, const QString& rosterEmail)
{
    if (auto profile = m_profiles->find(id); !profile) {
        return profile.error();
    }
    auto added = HrRosterRepository(m_database).addAlias(id, userEmail, rosterEmail);
    if (added) {
        rosterChanged(id);
    }
    return added;
}

Result<void> ProfileService::removeRosterAlias(qint64 id, const QString& userEmail)
{
    auto removed = HrRosterRepository(m_database).removeAlias(id, userEmail);
    if (removed) {
        rosterChanged(id);
    }
    return removed;
}

Result<QList<RosterAlias>> ProfileService::rosterAliases(qint64 id)
{
    return HrRosterRepository(m_database).aliases(id);
}

void ProfileService::rosterChanged(qint64 id)
{
    if (auto evaluated = Reclamation::evaluate(m_database, id, QDateTime::currentDateTimeUtc()); !evaluated) {
        qCWarning(lcJobs) << "profile" << id << "candidates not re-evaluated:" << evaluated.error().message;
    }
    emit profilesChanged();
}

} // namespace rmsam
