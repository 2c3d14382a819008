#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace rmsam {

// A Roadmunk user as the sandbox serves it. Null QStrings are served as JSON null.
struct SandboxUser
{
    QString id; // 24 hex digits, like the Mongo ids Roadmunk uses
    QString firstName;
    QString lastName;
    QString displayName;
    QString email;
    QString accountRole; // a UserRoles value, or occasionally one the client does not know
    QString jobTitle;
    bool isInvited = false;
    QDateTime lastLogin; // invalid: never logged in
    bool epochDates = false; // serve this user's Date values as epoch milliseconds, not ISO text
};

struct SandboxRoadmap
{
    QString id;
    QString title;
    QDateTime archivedOn; // kept after a restore, as history
    QString archivedBy; // a user id
    QDateTime restoredOn;
    QString restoredBy; // a user id
    bool epochDates = false;

    // Archived now: archived, and not restored since (a roadmap may be archived again later).
    bool isArchived() const;
};

struct SandboxCompany
{
    QString id;
    QString companyName;
    QString packageId;
    QString packageName;
};

// The identity behind the API token (`Query.token`).
struct SandboxTokenIdentity
{
    QString id;
    QString displayName;
    QString type;
};

// One deactivateUser call the sandbox acted on: it named an existing user, and the request ran
// (whatever the client heard afterwards). The record of what a gateway really did, for checking
// a client's invariants, e.g. that no user is sent deactivateUser twice.
struct SandboxDeactivation
{
    QString userId; // the account's id, whatever form the client sent it in
    QString email; // the user's at that moment
    QDateTime at; // wall-clock time of the call, UTC
    QDateTime lastLogin; // the user's at that moment; invalid: never logged in
    bool wasInactive = false; // already deactivated before: nothing changed
    bool refused = false; // the deactivate-false anomaly answered false: nothing changed
};

// A deterministic synthetic Roadmunk account. The same (userCount, seed, now) always yields the
// same data, down to the order of users and the format of each Date. The data is deliberately
// messy the way production data is: several scripts, missing names, invited users, users who
// never logged in, a role the client does not know, dates in two formats.
class SandboxAccount
{
    Q_DECLARE_TR_FUNCTIONS(SandboxAccount)

public:
    static SandboxAccount generate(int userCount, quint64 seed, const QDateTime& now);

    const QDateTime& present() const { return m_present; } // the `now` it was generated for

    const SandboxCompany& company() const { return m_company; }
    const SandboxTokenIdentity& tokenIdentity() const { return m_tokenIdentity; }
    void setTokenIdentity(const SandboxTokenIdentity& identity) { m_tokenIdentity = identity; } // for tests
    const QList<SandboxUser>& users() const { return m_users; }
    const QList<SandboxRoadmap>& roadmaps() const { return m_roadmaps; }
    const SandboxUser* userById(const QString& id) const;
    // For tests that change the account while a client pages through it.
    void insertUser(qsizetype position, const SandboxUser& user);
    bool removeUser(const QString& id);
    SandboxUser& userAt(qsizetype index);
    // For tests of a user who changes between a preview and the call: false when no user has `id`.
    // replaceUser() puts another person behind the id (person.id is ignored); the id's
    // deactivation state stays as it was.
    bool setUserEmail(const QString& id, const QString& email);
    bool setUserLastLogin(const QString& id, const QDateTime& lastLogin); // invalid: never logged in
    bool replaceUser(const QString& id, const SandboxUser& person);

    enum class DeactivateMode
    {
        Deactivate,
        Refuse, // the deactivate-false anomaly: answer false, change nothing
    };
    // deactivateUser(): matches by id, by email (case-insensitive) or by both, which must then
    // name the same user. Returns true when this call deactivated the user, false when the user
    // was already deactivated (or the call was refused). Deactivated users keep being listed, as
    // in the real API. Every call that names a user is added to deactivations().
    Result<bool> deactivate(
        const QString& id, const QString& email, DeactivateMode mode = DeactivateMode::Deactivate);
    bool isDeactivated(const QString& id) const { return m_deactivated.contains(id); }
    QStringList deactivatedIds() const { return m_deactivationOrder; } // in deactivation order
    const QList<SandboxDeactivation>& deactivations() const { return m_deactivations; } // in call order

    // How the sandbox serves a Date: ISO-8601 text in UTC with milliseconds
    // (`2026-03-04T05:06:07.000Z`) or epoch milliseconds as a JSON number; null when invalid.
    static QJsonValue dateToJson(const QDateTime& when, bool asEpochMillis);

private:
    SandboxUser* mutableUserById(const QString& id);

    SandboxCompany m_company;
    SandboxTokenIdentity m_tokenIdentity;
    QList<SandboxUser> m_users;
    QList<SandboxRoadmap> m_roadmaps;
    quint32 m_firstUserCounter = 0; // users' ids end in consecutive counters, see userById()
    QDateTime m_present;
    QSet<QString> m_deactivated;
    QStringList m_deactivationOrder;
    QList<SandboxDeactivation> m_deactivations;
};

} // namespace rmsam
