#pragma once

#include "core/EnumTable.h"
#include "core/IntegrationProfile.h"
#include "core/Reclamation.h"
#include "core/Result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace rmsam {

class Database;
class PagedFetcher;
class RoadmunkClient;
class RunLease;
struct PagedListing;

// One candidate of a reclaim run, and what the run did (or, in a dry run, would do) with it.
struct ReclaimItem
{
    enum class Outcome
    {
        WouldDeactivate, // dry run
        WouldNotify, // dry run, Notify user on: the user is asked first
        Refused, // an Account Admin, an excluded user or the token's own identity
        Notified, // moved to Awaiting User; the notice is ready to send
        Deactivated,
        AlreadyDeactivated,
        Canceled, // activity seen in the re-check
        NeedsAttention, // the re-check found the user changed (role, email)
        Skipped, // the user is gone
        Unknown, // the call failed after it was sent: re-read before trying again
        Failed,
        NotAttempted, // the run stopped before this candidate
    };
    RemovalCandidate candidate;
    Outcome outcome = Outcome::NotAttempted;
    QString message;
    double savings = 0; // a year of the seat's price
    QString currency;
};

// A candidate as the admin saw it in the preview they confirmed.
struct PlannedCandidate
{
    qint64 number = 0;
    QString userId;
    CandidateState state = CandidateState::Ready;
    qint64 rowVersion = 0;
};

struct ReclaimOptions
{
    static constexpr int DefaultMax = 25;
    bool dryRun = true;
    int max = DefaultMax;
    QString actor; // who confirmed the run, for the audit log
    // The preview the admin confirmed: the run takes these candidates and no other, and none at
    // all when any of them moved, changed user or was rewritten since (a sync in between).
    std::optional<QList<PlannedCandidate>> confirmed;
};

struct ReclaimOutcome
{
    bool dryRun = true;
    QList<ReclaimItem> items;
    std::optional<Error> error; // what stopped the run early

    int count(ReclaimItem::Outcome outcome) const;
    // The run in one line of counts, for the dialog and the command line: what a dry run would
    // do, or what a run did. The error, if any, is for the caller to add.
    QString summary() const;
};

namespace Reclaim {
const EnumTable<ReclaimItem::Outcome>& outcomeTable();
QString outcomeCode(ReclaimItem::Outcome outcome);
QString outcomeDisplayName(ReclaimItem::Outcome outcome);
// The audit log keeps "attempt" or an outcome code as the outcome; this names it (its phase is
// named by AuditPhases::displayName).
QString auditOutcomeDisplayName(const QString& outcome);
// The candidates a run takes, in number order, at most options.max of them (refused ones are
// listed too and do not count): Ready ones, and Awaiting Revocation ones. With options.confirmed,
// those only (refused again if they are now), or Conflict when one of them changed.
Result<QList<ReclaimItem>> plan(
    Database& database, const IntegrationProfile& profile, const ReclaimOptions& options);
// What a confirmed run is bound to: the candidates a preview would deactivate or notify.
QList<PlannedCandidate> confirmable(const QList<ReclaimItem>& preview);
// The notice for a user when Notify user is on: subject and body, and a mailto: link.
QString noticeSubject(const RemovalCandidate& candidate);
QString noticeBody(const RemovalCandidate& candidate, const ReclamationRule& rule);
QString mailtoLink(const RemovalCandidate& candidate, const ReclamationRule& rule);
} // namespace Reclaim

// Reclaims the seats of a profile's removal candidates. A dry run plans and stops. Otherwise,
// one candidate at a time: re-read the user and their roadmap activity, refuse admins, excluded
// users and the token's own identity, write the audit entry, call deactivateUser once, write
// the outcome. A mutation is never retried: after a failure whose outcome is unknown the run
// stops and the candidate goes to Attention Required, so the next run re-reads first.
class ReclaimJob : public QObject
{
    Q_OBJECT

public:
    ReclaimJob(Database& database, IntegrationProfile profile, QString token, ReclaimOptions options,
        QObject* parent = nullptr);
    ~ReclaimJob() override;

public slots:
    void start();
    void cancel(); // stops before the next candidate; a call in flight is let finish

signals:
    void progress(int done, int total);
    void finished(const rmsam::ReclaimOutcome& outcome);

private:
    void identityRead(const Result<QJsonObject>& data);
    void roadmapsRead(const Result<PagedListing>& listing);
    void next();
    void userRead(ReclaimItem& item, const Result<QJsonObject>& data);
    // Why the user just read may not be deactivated for this candidate, or empty.
    QString recheck(const RemovalCandidate& candidate, const SoftwareSubscription& user) const;
    void deactivate(ReclaimItem& item);
    void deactivated(ReclaimItem& item, const Result<QJsonObject>& data);
    // Records the user as deactivated, with what the seat cost a year at this moment.
    Result<void> rememberDeactivated(const RemovalCandidate& candidate);
    bool move(ReclaimItem& item, CandidateAction action, const QString& note);
    AuditEntry auditEntry(
        const ReclaimItem& item, AuditPhase phase, const QString& outcome, const QString& detail) const;
    bool audit(const ReclaimItem& item, AuditPhase phase, const QString& outcome, const QString& detail);
    void stop(const Error& error);
    void finish();
    bool keepLock(); // a sign of life for the run lock; stops the run if it was lost

    Database& m_database;
    IntegrationProfile m_profile;
    QString m_token;
    ReclaimOptions m_options;
    ReclamationRule m_rule;
    QNetworkAccessManager* m_network = nullptr;
    RoadmunkClient* m_client = nullptr;
    QPointer<PagedFetcher> m_fetcher;
    ReclaimOutcome m_outcome;
    QString m_selfId;
    QHash<QString, QDateTime> m_roadmapActivity; // user id → latest archive/restore
    QHash<QString, QString> m_roadmapUnreadable; // user id → an archive/restore date as sent
    int m_next = 0;
    bool m_cancelled = false;
    bool m_finished = false;
    std::unique_ptr<RunLease> m_lease; // one reclaim run per profile at a time, across processes
    QElapsedTimer m_sinceHeartbeat;
};

} // namespace rmsam

Q_DECLARE_METATYPE(rmsam::ReclaimOutcome)
