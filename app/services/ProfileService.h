#pragma once

#include "core/AttachedReport.h"
#include "core/IntegrationProfile.h"
#include "core/Jobs.h"
#include "core/PublishPlan.h"
#include "core/Result.h"
#include "csv/HrRoster.h"
#include "csv/UserReport.h"
#include "roadmunk/ConnectionValidator.h"
#include "secrets/TokenStore.h"

#include <QHash>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

class QFile;
class QNetworkAccessManager;

Q_DECLARE_LOGGING_CATEGORY(lcJobs)

namespace rmsam {

class Database;
class ProfileRepository;

// What the admin chooses when creating a profile (wizard or `profile create`).
struct ProfileInput
{
    QString displayName;
    Region region = Region::NorthAmerica;
    QUrl endpointOverride; // loopback only
    bool downloadActivity = true;
    bool reclaimSubscriptions = true;
    QDate analyzeActivityFrom; // null: the default, 60 days before today
};

// A consequence of a change that the person making it should agree to first: the question says
// what will happen, `action` is the verb of the button that agrees ("Change region").
struct ChangeWarning
{
    QString question;
    QString action;
};

// The profile life cycle shared by the GUI and the command line: create, set the token,
// validate, publish, delete; the profile's User report and daily job times; the state of the
// keychain that holds the tokens. Rules come from core, rows from storage, the token from the
// keychain, and the network from RoadmunkClient; this class only puts them in order.
class ProfileService : public QObject
{
    Q_OBJECT

public:
    ProfileService(
        Database& database, TokenStore& tokens, QNetworkAccessManager* network, QObject* parent = nullptr);
    ~ProfileService() override;

    // Later modules add what publishing creates.
    PublishPlan& publishPlan() { return m_publishPlan; }

    Result<QList<IntegrationProfile>> list();
    Result<IntegrationProfile> find(qint64 id);
    // The profile a person names on the command line: by Display Name (any case), else by id.
    Result<IntegrationProfile> findByReference(const QString& reference);

    // What the start-up check found out about the OS keychain; keychainStateChanged() follows it.
    KeychainState keychainState() const;
    // Tries the keychain once (write, read back, delete a throw-away entry) and reports its state.
    void checkKeychain(std::function<void(KeychainState)> done);

    Result<IntegrationProfile> create(const ProfileInput& input, QDate today = QDate::currentDate());
    // Stores edited settings, applying the rules: a changed connection or a cleared Download
    // activity returns a published profile to Draft.
    Result<IntegrationProfile> save(const IntegrationProfile& edited);
    // What saving `edited` would do beyond storing the settings (a published profile back to
    // Draft, a validation lost, activity no longer refreshed), one warning per consequence; none
    // when nothing else happens.
    Result<QList<ChangeWarning>> warningsForSaving(const IntegrationProfile& edited);
    // When a published profile's daily job runs (local time); the scheduler picks it up.
    Result<void> setRunTime(qint64 id, JobKind kind, QTime at);
    void remove(qint64 id, std::function<void(Result<void>)> done);

    // Stores a new API token. A profile whose jobs run with the stored token (see
    // checksTokenFirst) keeps its token and its status unless the new one is proven first: the
    // new token is validated against the profile's connection and stored only when it works,
    // the profile staying Published; a failing token is not stored and the error says why.
    // Otherwise the token is stored and the profile needs a new validation (back to Draft).
    void setToken(qint64 id, const QString& token, std::function<void(Result<void>)> done);
    // Whether setToken validates a new token before storing it: for a published profile, whose
    // jobs use the stored token. On a team database a member's token is their own and changes
    // nothing shared, so it is stored as given.
    bool checksTokenFirst(const IntegrationProfile& profile) const;
    // What clearing the profile's token would do beyond removing it; none when nothing else.
    std::optional<ChangeWarning> warningForClearingToken(const IntegrationProfile& profile) const;
    void clearToken(qint64 id, std::function<void(Result<void>)> done);
    // The password of a team database (a postgresql:// URL), kept in the OS keychain under the
    // URL without its query; Services::open hands it to the database when it opens that URL.
    void storeDatabasePassword(
        const QString& url, const QString& password, std::function<void(Result<void>)> done);
    void removeDatabasePassword(const QString& url, std::function<void(Result<void>)> done);

    // Runs Validate connection; progress and the outcome arrive as signals. On success the
    // profile is marked validated.
    void validate(qint64 id);
    void cancelValidation(qint64 id);
    bool isValidating(qint64 id) const { return m_validations.contains(id); }

    Result<IntegrationProfile> publish(qint64 id);

    // Reads the Roadmunk User report at path and attaches it to the profile, replacing the
    // previous one; a refused file changes nothing (see ParsedUserReport for why).
    ParsedUserReport attachUserReport(qint64 id, const QString& path, const UserReportOptions& options);
    // The attached User report; none when no report is attached.
    Result<std::optional<AttachedReport>> userReport(qint64 id);
    // The HR roster (ProfileRoster.cpp): attached like the User report, replacing the previous
    // one in one transaction; a refused file changes nothing. Every change re-evaluates the
    // profile's removal candidates.
    ParsedHrRoster attachRoster(qint64 id, const QString& path, const HrRosterOptions& options);
    // Whether the file's header is a roster's rather than the User report's (a dropped file).
    bool looksLikeRoster(const QString& path) const;
    Result<std::optional<AttachedRoster>> roster(qint64 id);
    Result<void> detachRoster(qint64 id);
    Result<void> addRosterAlias(qint64 id, const QString& userEmail, const QString& rosterEmail);
    Result<void> removeRosterAlias(qint64 id, const QString& userEmail);
    Result<QList<RosterAlias>> rosterAliases(qint64 id);
    // The profile's daily jobs; none until it is published.
    Result<QList<ScheduledJob>> scheduledJobs(qint64 id);

signals:
    void profilesChanged();
    void keychainStateChanged(rmsam::KeychainState state);
    void validationProgress(qint64 profileId, int step, int total, const QString& description);
    void validationFinished(qint64 profileId, const rmsam::Result<rmsam::ValidationReport>& result);

private:
    // Opens a file the admin chose to attach to profile `id` (User report, HR roster) for reading;
    // why not, when the profile is not there or the file cannot be read.
    std::optional<Error> openAttachment(qint64 id, QFile& file);
    void finishValidation(qint64 id, const Result<ValidationReport>& result);
    Result<void> tokenChanged(qint64 id, const QDateTime& setAt);
    // Runs the validation of `token` against the profile's connection; its progress goes out as
    // validationProgress. The caller connects to the validator's finished signal.
    ConnectionValidator* startValidator(const IntegrationProfile& profile, const QString& token);
    // After the roster or an alias changed: the removal candidates follow now.
    void rosterChanged(qint64 id);
    void storeProvenToken(
        const IntegrationProfile& checked, const QString& token, std::function<void(Result<void>)> done);

    Database& m_database;
    TokenStore& m_tokens;
    QNetworkAccessManager* m_network;
    std::unique_ptr<ProfileRepository> m_profiles;
    PublishPlan m_publishPlan;
    QHash<qint64, QPointer<ConnectionValidator>> m_validations;
};

} // namespace rmsam
