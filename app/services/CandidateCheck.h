#pragma once

#include "core/IntegrationProfile.h"
#include "core/Reclamation.h"
#include "core/Result.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkAccessManager;

namespace rmsam {

class Database;
class RoadmunkClient;

// What Roadmunk and the app know of a removal candidate's user now: what a person needs to
// settle Attention Required (a changed identity, an unknown outcome, an unreadable date).
struct CandidateFindings
{
    qint64 number = 0;
    QString candidateEmail; // as the candidate has it
    bool listed = false; // Roadmunk's user(userID) found the user
    QString email;
    QString role;
    QString lastLogin; // ISO 8601, "never", or the value as sent when unreadable
    bool lastLoginUnreadable = false;
    // The attached User report, the only source that says whether a user is active.
    bool reportAttached = false;
    bool activeInReport = false;
    QDateTime reportAttachedAt;
    bool claimed = false; // the app sent, or began to send, deactivateUser for this user
    bool deactivatedByApp = false; // and Roadmunk answered that it did

    // The findings in a few lines, for the command line, the dialog and the work note.
    QString text() const;
};

// Re-reads a candidate's user in Roadmunk (a query, never a mutation), compares it with what the
// app knows, and records the findings as a work note in the candidate's history. It changes no
// state: moving the candidate on stays with the person who reads the findings.
class CandidateCheck : public QObject
{
    Q_OBJECT

public:
    CandidateCheck(Database& database, QNetworkAccessManager* network, QObject* parent = nullptr);

    // Checks with what the caller looked up and read: JobLauncher::startCheck finds the candidate
    // and its profile and reads the token.
    void start(const RemovalCandidate& candidate, const IntegrationProfile& profile, const QString& token,
        const QString& actor);

signals:
    void finished(const rmsam::Result<rmsam::CandidateFindings>& findings);

private:
    void read();
    void done(const Result<CandidateFindings>& findings);

    Database& m_database;
    QNetworkAccessManager* m_network;
    QPointer<RoadmunkClient> m_client;
    CandidateFindings m_findings;
    qint64 m_profileId = 0;
    QString m_userId;
    QString m_actor;
};

} // namespace rmsam
