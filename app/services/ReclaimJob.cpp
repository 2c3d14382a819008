#include "services/ReclaimJob.h"

#include "roadmunk/PagedFetcher.h"
#include "roadmunk/Queries.h"
#include "roadmunk/RoadmunkClient.h"
#include "roadmunk/RoadmunkData.h"
#include "storage/Database.h"
#include "storage/ReclamationRepository.h"
#include "storage/RunLocks.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

Q_LOGGING_CATEGORY(lcReclaim, "rmsam.reclaim", QtInfoMsg)

namespace rmsam {
namespace {

using Outcome = ReclaimItem::Outcome;

bool isPending(Outcome o)
{
    return o == Outcome::WouldDeactivate || o == Outcome::WouldNotify;
}

} // namespace

ReclaimJob::ReclaimJob(
    Database& database, IntegrationProfile profile, QString token, ReclaimOptions options, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_profile(std::move(profile))
    , m_token(std::move(token))
    , m_options(std::move(options))
    , m_lease(std::make_unique<RunLease>())
{
    m_outcome.dryRun = m_options.dryRun;
}

ReclaimJob::~ReclaimJob()
{
    m_token.fill(QLatin1Char('\0'));
}

void ReclaimJob::start()
{
    auto rule = ReclamationRepository(m_database).rule(m_profile.id);
    if (!rule) {
        stop(rule.error());
        return;
    }
    m_rule = rule.value();
    auto planned = Reclaim::plan(m_database, m_profile, m_options);
    if (!planned) {
        stop(planned.error());
        return;
    }
    m_outcome.items = planned.value();
    const bool work = std::any_of(m_outcome.items.cbegin(), m_outcome.items.cend(),
        [](const ReclaimItem& i) { return isPending(i.outcome); });
    if (m_options.dryRun || !work) {
        finish();
        return;
    }
    if (!m_profile.reclaimSubscriptions) {
        stop(Error { ErrorCode::InvalidState,
            QCoreApplication::translate("rmsam::ReclaimJob",
                "Reclaim subscriptions is off for %1: removal candidates are listed but not reclaimed. Turn "
                "the "
                "subflow on in the profile to reclaim seats.")
                .arg(m_profile.displayName),
            {} });
        return;
    }
    auto lease = RunLocks(m_database)
                     .acquire(m_profile.id, RunKind::Reclaim,
                         QCoreApplication::translate("rmsam::ReclaimJob", "reclaim run confirmed by %1")
                             .arg(m_options.actor));
    if (!lease) {
        stop(lease.error());
        return;
    }
    *m_lease = std::move(lease).value();
    m_sinceHeartbeat.start();
    if (m_token.isEmpty()) {
        stop(Error { ErrorCode::TokenMissing,
            QCoreApplication::translate(
                "rmsam::ReclaimJob", "No API token is stored for %1; set one before reclaiming.")
                .arg(m_profile.displayName),
            {} });
        return;
    }
    m_network = new QNetworkAccessManager(this);
    RoadmunkClient::Options options;
    options.allowLoopback = !m_profile.endpointOverride.isEmpty();
    options.maxResponseBytes = m_profile.maxResponseBytes();
    m_client = new RoadmunkClient(m_network, m_profile.connectionUrl(), m_token, options, this);
    m_token.fill(QLatin1Char('\0'));
    m_client->execute(
        Queries::tokenIdentity(), [this](const Result<QJsonObject>& data) { identityRead(data); });
}

bool ReclaimJob::keepLock()
{
    // Often enough for RunLocks' stale timeout (minutes), rarely enough not to cost a write per user.
    if (m_sinceHeartbeat.isValid() && m_sinceHeartbeat.elapsed() < 30'000) {
        return true;
    }
    if (auto alive = m_lease->heartbeat(); !alive) {
        stop(alive.error());
        return false;
    }
    m_sinceHeartbeat.start();
    return true;
}

void ReclaimJob::cancel()
{
    m_cancelled = true;
    if (m_fetcher) {
        m_fetcher->cancel();
    }
}

void ReclaimJob::identityRead(const Result<QJsonObject>& data)
{
    if (!data) {
        stop(data.error());
        return;
    }
    m_selfId = data.value().value(QLatin1String("token")).toObject().value(QLatin1String("id")).toString();
    if (m_selfId.isEmpty()) {
        stop(Error { ErrorCode::ProtocolError,
            QCoreApplication::translate("rmsam::ReclaimJob",
                "Roadmunk did not say whose token this is, so the app cannot make sure it does not "
                "deactivate "
                "the "
                "token's own identity. Nothing was deactivated."),
            {} });
        return;
    }
    // The roadmaps the users archived or restored, read now so that the re-check before each
    // deactivation sees activity up to this run.
    m_fetcher = new PagedFetcher(
        m_client, QStringLiteral("roadmaps"), &Queries::roadmapsPage, PagedFetcher::Options {}, this);
    connect(
        m_fetcher, &PagedFetcher::finished, this, [this, fetcher = m_fetcher](const Result<PagedListing>& l) {
            fetcher->deleteLater();
            roadmapsRead(l);
        });
    m_fetcher->start();
}

void ReclaimJob::roadmapsRead(const Result<PagedListing>& listing)
{
    if (!listing) {
        stop(listing.error());
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonArray& page : listing.value().pages) {
        for (const QJsonValue& roadmap : page) {
            for (const RoadmapEvent& e : RoadmunkData::eventsFromRoadmap(roadmap.toObject(), now)) {
                if (!e.unreadable.isEmpty()) {
                    m_roadmapUnreadable.insert(e.userId, e.unreadable);
                    continue;
                }
                QDateTime& latest = m_roadmapActivity[e.userId];
                if (!latest.isValid() || e.when > latest) {
                    latest = e.when;
                }
            }
        }
    }
    next();
}

void ReclaimJob::next()
{
    while (m_next < m_outcome.items.size() && !isPending(m_outcome.items[m_next].outcome)) {
        ++m_next;
    }
    emit progress(m_next, int(m_outcome.items.size()));
    if (m_next >= m_outcome.items.size()) {
        finish();
        return;
    }
    if (m_cancelled) {
        stop(Error { ErrorCode::Cancelled,
            QCoreApplication::translate(
                "rmsam::ReclaimJob", "Cancelled; the remaining candidates were not touched."),
            {} });
        return;
    }
    if (!keepLock()) {
        return;
    }
    ReclaimItem& item = m_outcome.items[m_next];
    if (item.outcome == Outcome::WouldNotify) {
        if (move(item, CandidateAction::Reclaim,
                QCoreApplication::translate("rmsam::ReclaimJob", "The user is notified first."))) {
            item.outcome = Outcome::Notified;
            item.message = QCoreApplication::translate("rmsam::ReclaimJob",
                "Send the notice; the seat is reclaimed after %1 days without an answer.")
                               .arg(m_rule.notifyDays);
            ++m_next;
            next();
        }
        return;
    }
    if (item.candidate.userId == m_selfId) {
        item.outcome = Outcome::Refused;
        item.message = QCoreApplication::translate(
            "rmsam::ReclaimJob", "This is the API token's own identity; it is never deactivated.");
        if (move(item, CandidateAction::DataMissing, item.message)) {
            ++m_next;
            next();
        }
        return;
    }
    const int index = m_next;
    m_client->execute(Queries::user(item.candidate.userId),
        [this, index](const Result<QJsonObject>& data) { userRead(m_outcome.items[index], data); });
}

void ReclaimJob::userRead(ReclaimItem& item, const Result<QJsonObject>& data)
{
    if (!data) {
        item.outcome = Outcome::Failed;
        item.message = data.error().message;
        stop(data.error());
        return;
    }
    const QJsonValue user = data.value().value(QLatin1String("user"));
    const auto proceed = [this]() {
        ++m_next;
        next();
    };
    if (user.isNull()) {
        item.outcome = Outcome::Skipped;
        item.message
            = QCoreApplication::translate("rmsam::ReclaimJob", "Roadmunk no longer knows this user.");
        if (move(item, CandidateAction::Vanished, item.message)) {
            proceed();
        }
        return;
    }
    if (!user.isObject()) {
        item.outcome = Outcome::Failed;
        item.message = QCoreApplication::translate("rmsam::ReclaimJob",
            "Roadmunk's answer about the user was not readable, so nothing was deactivated.");
        stop(Error { ErrorCode::ProtocolError, item.message, QStringLiteral("user is not an object") });
        return;
    }
    const QDateTime current = QDateTime::currentDateTimeUtc();
    const SoftwareSubscription now = RoadmunkData::subscriptionFromUser(user.toObject(), current);
    const QString changed = recheck(item.candidate, now);
    if (!changed.isEmpty()) {
        item.outcome = Outcome::NeedsAttention;
        item.message = changed;
        if (move(item, CandidateAction::DataMissing, changed)) {
            proceed();
        }
        return;
    }
    QDateTime last = now.lastLogin;
    const QDateTime roadmap = m_roadmapActivity.value(now.userId);
    if (roadmap.isValid() && (!last.isValid() || roadmap > last)) {
        last = roadmap;
    }
    if (last.isValid() && last.daysTo(current) < m_rule.thresholdDays && item.candidate.leaver) {
        // The HR roster says the user left, yet the account is in use: someone should ask why
        // (a shared login, a wrong roster). Cancelling would only see it flagged again next sync.
        item.outcome = Outcome::NeedsAttention;
        item.message = QCoreApplication::translate("rmsam::ReclaimJob",
            "Active on %1 although the HR roster says this user left or does not list them; nothing "
            "was deactivated. Check with HR, then skip the candidate or move it on.")
                           .arg(last.toUTC().toString(Qt::ISODate));
        if (move(item, CandidateAction::DataMissing, item.message)) {
            proceed();
        }
        return;
    }
    if (last.isValid() && last.daysTo(current) < m_rule.thresholdDays) {
        item.outcome = Outcome::Canceled;
        item.message = QCoreApplication::translate("rmsam::ReclaimJob", "Active again on %1.")
                           .arg(last.toUTC().toString(Qt::ISODate));
        if (move(item, CandidateAction::ActivitySeen, item.message)) {
            proceed();
        }
        return;
    }
    if (item.candidate.state == CandidateState::Ready
        && !move(item, CandidateAction::Reclaim,
            QCoreApplication::translate("rmsam::ReclaimJob", "Reclaim run confirmed by %1.")
                .arg(m_options.actor))) {
        return;
    }
    deactivate(item);
}

QString ReclaimJob::recheck(const RemovalCandidate& c, const SoftwareSubscription& s) const
{
    // No deactivation without proof: every answer below that is not plainly "the same person,
    // in scope, inactive past the threshold" sends the candidate to a person.
    if (s.userId != c.userId) {
        return QCoreApplication::translate(
            "rmsam::ReclaimJob", "Roadmunk answered with another user's id; nothing was deactivated.");
    }
    if (s.role == QLatin1String("account_admin")) {
        return QCoreApplication::translate(
            "rmsam::ReclaimJob", "The user is now an Account Admin; Account Admins are never deactivated.");
    }
    if (!m_rule.rolesInScope.contains(s.role)) {
        return QCoreApplication::translate(
            "rmsam::ReclaimJob", "The user's role is now \"%1\", which the reclamation rule does not cover.")
            .arg(s.role.left(64));
    }
    if (s.email.isEmpty() || s.email.compare(c.email, Qt::CaseInsensitive) != 0) {
        return QCoreApplication::translate(
            "rmsam::ReclaimJob", "The user's email is now %1; check that this is still the same person.")
            .arg(s.email.isEmpty() ? QStringLiteral("(none)") : s.email.left(320));
    }
    const QString unreadable
        = s.lastLoginUnreadable.isEmpty() ? m_roadmapUnreadable.value(s.userId) : s.lastLoginUnreadable;
    if (!unreadable.isEmpty()) {
        return QCoreApplication::translate("rmsam::ReclaimJob",
            "Roadmunk sent a date the app cannot read (%1), so the user's inactivity cannot be proven.")
            .arg(unreadable);
    }
    if (!s.lastLogin.isValid() && c.lastActivity.isValid() && c.activitySource == ActivitySource::Login) {
        return QCoreApplication::translate("rmsam::ReclaimJob",
            "Roadmunk now says the user never logged in, but it reported a login on %1 before.")
            .arg(c.lastActivity.toUTC().toString(Qt::ISODate));
    }
    return {};
}

void ReclaimJob::deactivate(ReclaimItem& item)
{
    auto claimed = ReclamationRepository(m_database)
                       .claimDeactivation(auditEntry(item, AuditPhase::Before, QStringLiteral("attempt"),
                           item.candidate.justification));
    if (!claimed) {
        item.outcome = Outcome::Failed;
        item.message = claimed.error().message;
        stop(claimed.error());
        return;
    }
    const int index = m_next;
    qCInfo(lcReclaim) << "deactivating" << item.candidate.displayNumber() << "of profile" << m_profile.id;
    m_client->execute(Queries::deactivateUser(item.candidate.userId, item.candidate.email),
        [this, index](const Result<QJsonObject>& data) { deactivated(m_outcome.items[index], data); });
}

void ReclaimJob::deactivated(ReclaimItem& item, const Result<QJsonObject>& data)
{
    if (!data) {
        const Error& e = data.error();
        // 401 and 403 are refused before anything runs; any other failure may have come after
        // Roadmunk acted, so its outcome is unknown and the next run must re-read first.
        const bool refused = e.code == ErrorCode::TokenRejected || e.code == ErrorCode::TokenLacksRights;
        item.outcome = refused ? Outcome::Failed : Outcome::Unknown;
        item.message = refused
            ? e.message
            : QCoreApplication::translate("rmsam::ReclaimJob",
                "The outcome is unknown (%1). The app does not call again blindly: the next "
                "reclaim run re-reads the user first.")
                  .arg(e.message);
        audit(item, AuditPhase::After, Reclaim::outcomeCode(item.outcome), e.message);
        move(item, CandidateAction::DataMissing, item.message);
        stop(Error { e.code, item.message, e.detail });
        return;
    }
    const QJsonValue answer = data.value().value(QLatin1String("deactivateUser"));
    if (answer != QJsonValue(true)) {
        // `false` says Roadmunk did not deactivate; anything else says nothing. Either way the
        // seat is not known to be free, and the claim stays: the app never calls again.
        const bool refused = answer == QJsonValue(false);
        item.outcome = refused ? Outcome::Failed : Outcome::Unknown;
        item.message = refused
            ? QCoreApplication::translate("rmsam::ReclaimJob",
                "Roadmunk answered that it did not deactivate the user. Check the user in Roadmunk; the "
                "app does not call again.")
            : QCoreApplication::translate("rmsam::ReclaimJob",
                "Roadmunk's answer did not say whether the user was deactivated. Check the user in "
                "Roadmunk; the app does not call again.");
        audit(item, AuditPhase::After, Reclaim::outcomeCode(item.outcome), item.message);
        move(item, CandidateAction::DataMissing, item.message);
        stop(Error { ErrorCode::ProtocolError, item.message,
            QStringLiteral("deactivateUser answered %1")
                .arg(QString::fromUtf8(QJsonDocument(QJsonArray { answer }).toJson(QJsonDocument::Compact))
                         .left(80)) });
        return;
    }
    item.outcome = Outcome::Deactivated;
    item.message = QCoreApplication::translate("rmsam::ReclaimJob", "Deactivated.");
    if (!audit(item, AuditPhase::After, Reclaim::outcomeCode(item.outcome), {})) {
        return;
    }
    auto remembered = rememberDeactivated(item.candidate);
    if (!remembered) {
        stop(remembered.error());
        return;
    }
    if (move(item, CandidateAction::Deactivated, item.message)) {
        ++m_next;
        next();
    }
}

Result<void> ReclaimJob::rememberDeactivated(const RemovalCandidate& candidate)
{
    ReclamationRepository repository(m_database);
    // The price the seat saves is the entitlement's now: a later change of price or currency
    // must not re-price what this deactivation saved.
    auto entitlements = repository.entitlements(m_profile.id);
    if (!entitlements) {
        return entitlements.error();
    }
    std::optional<RealisedPrice> price;
    for (const Entitlement& e : entitlements.value()) {
        if (e.seatType == candidate.seatType) {
            price = RealisedPrice { e.annualPrice(), e.currency };
        }
    }
    return repository.markDeactivated(m_profile.id, candidate.userId, candidate.email, price);
}

bool ReclaimJob::move(ReclaimItem& item, CandidateAction action, const QString& note)
{
    auto moved
        = ReclamationRepository(m_database).apply(item.candidate.number, action, m_options.actor, note);
    if (!moved) {
        stop(moved.error());
        return false;
    }
    item.candidate = moved.value();
    return true;
}

AuditEntry ReclaimJob::auditEntry(
    const ReclaimItem& item, AuditPhase phase, const QString& outcome, const QString& detail) const
{
    AuditEntry e;
    e.actor = m_options.actor;
    e.profileId = m_profile.id;
    e.profileName = m_profile.displayName;
    e.candidateNumber = item.candidate.number;
    e.userId = item.candidate.userId;
    e.email = item.candidate.email;
    e.phase = phase;
    e.outcome = outcome;
    e.detail = detail;
    return e;
}

bool ReclaimJob::audit(
    const ReclaimItem& item, AuditPhase phase, const QString& outcome, const QString& detail)
{
    auto written = ReclamationRepository(m_database).appendAudit(auditEntry(item, phase, outcome, detail));
    if (!written) {
        stop(written.error());
        return false;
    }
    return true;
}

void ReclaimJob::stop(const Error& error)
{
    if (!m_outcome.error) {
        m_outcome.error = error;
    }
    qCWarning(lcReclaim) << "reclaim run of profile" << m_profile.id
                         << "stopped:" << (error.detail.isEmpty() ? error.message : error.detail);
    finish();
}

void ReclaimJob::finish()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    if (m_lease->isHeld()) {
        if (auto released = m_lease->release(); !released) {
            qCWarning(lcReclaim) << "run lock of profile" << m_profile.id
                                 << "not released:" << released.error().detail;
        }
    }
    for (ReclaimItem& item : m_outcome.items) {
        if (!m_options.dryRun && isPending(item.outcome)) {
            item.outcome = Outcome::NotAttempted;
        }
    }
    // Queued, so that a caller connecting after start() still hears it.
    QMetaObject::invokeMethod(
        this, [this]() { emit finished(m_outcome); }, Qt::QueuedConnection);
}

} // namespace rmsam
