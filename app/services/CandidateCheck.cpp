#include "services/CandidateCheck.h"

#include "roadmunk/Queries.h"
#include "roadmunk/RoadmunkClient.h"
#include "roadmunk/RoadmunkData.h"
#include "storage/Database.h"
#include "storage/ReclamationRepository.h"
#include "storage/UserReportRepository.h"

#include <QCoreApplication>
#include <QLocale>

namespace rmsam {

QString CandidateFindings::text() const
{
    QStringList lines;
    if (!listed) {
        lines << QCoreApplication::translate("rmsam::CandidateCheck", "Roadmunk no longer knows this user.");
    } else {
        lines << QCoreApplication::translate(
            "rmsam::CandidateCheck", "Roadmunk lists the user: %1, role %2, last login %3.")
                     .arg(email, role,
                         lastLoginUnreadable
                             ? QCoreApplication::translate("rmsam::CandidateCheck", "unreadable (%1)")
                                   .arg(lastLogin)
                             : lastLogin);
        if (email.compare(candidateEmail, Qt::CaseInsensitive) != 0) {
            lines << QCoreApplication::translate("rmsam::CandidateCheck",
                "The email differs from the candidate's (%1): check that this is the same person.")
                         .arg(candidateEmail);
        }
    }
    if (!reportAttached) {
        lines << QCoreApplication::translate("rmsam::CandidateCheck",
            "No User report is attached, so whether the user is active is not known: attach a new one.");
    } else {
        lines << (activeInReport ? QCoreApplication::translate(
                      "rmsam::CandidateCheck", "The User report of %1 lists the user as active.")
                                 : QCoreApplication::translate("rmsam::CandidateCheck",
                                     "The User report of %1 does not list the user as active."))
                     .arg(QLocale().toString(reportAttachedAt.toLocalTime(), QLocale::ShortFormat));
    }
    if (deactivatedByApp) {
        lines << QCoreApplication::translate("rmsam::CandidateCheck", "Roadmunk SAM deactivated this user.");
    } else if (claimed) {
        lines << QCoreApplication::translate("rmsam::CandidateCheck",
            "Roadmunk SAM sent a deactivation for this user whose outcome it does not know; it never "
            "sends another. If the user is still active in Roadmunk, deactivate them there by hand, "
            "then close the candidate.");
    }
    return lines.join(QLatin1Char('\n'));
}

CandidateCheck::CandidateCheck(Database& database, QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_network(network)
{ }

void CandidateCheck::start(const RemovalCandidate& candidate, const IntegrationProfile& profile,
    const QString& token, const QString& actor)
{
    m_actor = actor;
    m_findings.number = candidate.number;
    m_findings.candidateEmail = candidate.email;
    m_profileId = profile.id;
    m_userId = candidate.userId;
    RoadmunkClient::Options options;
    options.allowLoopback = !profile.endpointOverride.isEmpty();
    options.maxResponseBytes = profile.maxResponseBytes();
    m_client = new RoadmunkClient(m_network, profile.connectionUrl(), token, options, this);
    read();
}

void CandidateCheck::read()
{
    m_client->execute(Queries::user(m_userId), [this](const Result<QJsonObject>& data) {
        if (!data) {
            return done(data.error());
        }
        const QJsonValue user = data.value().value(QLatin1String("user"));
        m_findings.listed = user.isObject();
        if (m_findings.listed) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const SoftwareSubscription s = RoadmunkData::subscriptionFromUser(user.toObject(), now);
            m_findings.email = s.email;
            m_findings.role = s.role;
            m_findings.lastLoginUnreadable = !s.lastLoginUnreadable.isEmpty();
            m_findings.lastLogin = m_findings.lastLoginUnreadable ? s.lastLoginUnreadable
                : s.lastLogin.isValid()                           ? s.lastLogin.toString(Qt::ISODate)
                                        : QCoreApplication::translate("rmsam::CandidateCheck", "never");
        }
        ReclamationRepository repository(m_database);
        // The candidate may have left the snapshot since: ask about that address too.
        auto report = UserReportRepository(m_database)
                          .current(m_profileId, { m_findings.email, m_findings.candidateEmail });
        auto claimed = repository.claimedUsers(m_profileId);
        auto deactivated = repository.deactivatedUsers(m_profileId);
        for (const Error* e : { report.failure(), claimed.failure(), deactivated.failure() }) {
            if (e) {
                return done(*e);
            }
        }
        if (report.value()) {
            m_findings.reportAttached = true;
            m_findings.reportAttachedAt = report.value()->attachedAt;
            m_findings.activeInReport
                = report.value()->isActive(m_findings.listed ? m_findings.email : m_findings.candidateEmail);
        }
        m_findings.claimed = claimed.value().contains(m_userId);
        m_findings.deactivatedByApp = deactivated.value().contains(m_userId);
        const QString note
            = QCoreApplication::translate("rmsam::CandidateCheck", "Re-checked in Roadmunk:\n%1")
                  .arg(m_findings.text());
        if (auto noted = repository.addNote(m_findings.number, m_actor, note); !noted) {
            return done(noted.error());
        }
        done(m_findings);
    });
}

void CandidateCheck::done(const Result<CandidateFindings>& findings)
{
    // Queued, so that a caller connecting after start() still hears it.
    QMetaObject::invokeMethod(
        this, [this, findings]() { emit finished(findings); }, Qt::QueuedConnection);
}

} // namespace rmsam
