#include "services/ProfileService.h"

#include "core/ProfileRules.h"
#include "roadmunk/RoadmunkClient.h"
#include "secrets/TokenStore.h"
#include "services/DatabaseAccess.h"
#include "services/Evaluation.h"
#include "storage/Database.h"
#include "storage/JobRepository.h"
#include "storage/ProfileRepository.h"
#include "storage/UserReportRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

Q_LOGGING_CATEGORY(lcJobs, "rmsam.jobs", QtInfoMsg)

namespace rmsam {
namespace {

QStringList otherNames(const QList<IntegrationProfile>& profiles, qint64 exceptId)
{
    QStringList names;
    for (const IntegrationProfile& p : profiles) {
        if (p.id != exceptId) {
            names.append(p.displayName);
        }
    }
    return names;
}

} // namespace

ProfileService::ProfileService(
    Database& database, TokenStore& tokens, QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_tokens(tokens)
    , m_network(network)
    , m_profiles(std::make_unique<ProfileRepository>(database))
{
    connect(&m_tokens, &TokenStore::stateChanged, this, &ProfileService::keychainStateChanged);
    m_publishPlan.addStep(
        QStringLiteral("software models and scheduled jobs"), [this](const IntegrationProfile& published) {
            return JobRepository(m_database).ensurePublishArtifacts(published);
        });
}

ProfileService::~ProfileService() = default;

Result<QList<IntegrationProfile>> ProfileService::list()
{
    return m_profiles->list();
}

Result<IntegrationProfile> ProfileService::find(qint64 id)
{
    return m_profiles->find(id);
}

Result<IntegrationProfile> ProfileService::findByReference(const QString& reference)
{
    return m_profiles->findByReference(reference);
}

KeychainState ProfileService::keychainState() const
{
    return m_tokens.state();
}

void ProfileService::checkKeychain(std::function<void(KeychainState)> done)
{
    m_tokens.checkAvailability(std::move(done));
}

Result<IntegrationProfile> ProfileService::create(const ProfileInput& input, QDate today)
{
    auto existing = m_profiles->list();
    if (!existing) {
        return existing.error();
    }
    auto name = ProfileRules::checkDisplayName(input.displayName, otherNames(existing.value(), 0));
    if (!name) {
        return name.error();
    }
    if (auto endpoint = ProfileRules::checkEndpointOverride(input.endpointOverride); !endpoint) {
        return endpoint.error();
    }
    IntegrationProfile profile = ProfileRules::makeDraft(name.value(), input.region, today);
    profile.endpointOverride = input.endpointOverride;
    profile.downloadActivity = input.downloadActivity;
    profile.reclaimSubscriptions = input.reclaimSubscriptions;
    if (input.analyzeActivityFrom.isValid()) {
        if (auto from = ProfileRules::checkAnalyzeActivityFrom(input.analyzeActivityFrom, today); !from) {
            return from.error();
        }
        profile.analyzeActivityFrom = input.analyzeActivityFrom;
    }
    auto created = m_profiles->create(profile);
    if (created) {
        qCInfo(lcJobs) << "created profile" << created.value().id;
        emit profilesChanged();
    }
    return created;
}

Result<IntegrationProfile> ProfileService::save(const IntegrationProfile& edited)
{
    auto stored = m_profiles->find(edited.id);
    if (!stored) {
        return stored.error();
    }
    auto existing = m_profiles->list();
    if (!existing) {
        return existing.error();
    }
    auto name = ProfileRules::checkDisplayName(edited.displayName, otherNames(existing.value(), edited.id));
    if (!name) {
        return name.error();
    }
    if (auto endpoint = ProfileRules::checkEndpointOverride(edited.endpointOverride); !endpoint) {
        return endpoint.error();
    }
    if (auto from = ProfileRules::checkAnalyzeActivityFrom(edited.analyzeActivityFrom, QDate::currentDate());
        !from) {
        return from.error();
    }
    if (auto settings
        = ProfileRules::checkJobSettings(edited.maxInFlight, edited.reportMaxAgeDays, edited.maxResponseMb);
        !settings) {
        return settings.error();
    }
    // Start from the stored profile so that status and validation follow the rules, never the caller.
    IntegrationProfile profile = stored.value();
    profile.displayName = name.value();
    if (profile.region != edited.region || profile.endpointOverride != edited.endpointOverride) {
        profile.region = edited.region;
        profile.endpointOverride = edited.endpointOverride;
        ProfileRules::connectionChanged(profile);
    }
    ProfileRules::setDownloadActivity(profile, edited.downloadActivity);
    profile.analyzeActivityFrom = edited.analyzeActivityFrom;
    profile.reclaimSubscriptions = edited.reclaimSubscriptions;
    profile.maxInFlight = edited.maxInFlight;
    profile.reportMaxAgeDays = edited.reportMaxAgeDays;
    profile.maxResponseMb = edited.maxResponseMb;
    profile.noticeLanguage = edited.noticeLanguage;
    auto saved = inTransaction(m_database.connection(), [&]() -> Result<void> {
        if (auto updated = m_profiles->update(profile); !updated) {
            return updated;
        }
        JobRepository jobs(m_database);
        if (!profile.downloadActivity) {
            return jobs.removeScheduledJob(profile.id, JobKind::Activity); // docs/DOMAIN.md, "Words": Status
        }
        // A published profile keeps its jobs in step with its name and subflows.
        return profile.isPublished() ? jobs.ensurePublishArtifacts(profile) : Result<void>();
    });
    if (!saved) {
        return saved.error();
    }
    emit profilesChanged();
    return profile;
}

Result<QList<ChangeWarning>> ProfileService::warningsForSaving(const IntegrationProfile& edited)
{
    auto stored = m_profiles->find(edited.id);
    if (!stored) {
        return stored.error();
    }
    const IntegrationProfile& p = stored.value();
    QList<ChangeWarning> warnings;
    const bool connectionChanges = p.region != edited.region || p.endpointOverride != edited.endpointOverride;
    if (connectionChanges && (p.isPublished() || p.isValidated())) {
        const bool newEndpoint
            = edited.endpointOverride != p.endpointOverride && !edited.endpointOverride.isEmpty();
        const QString where
            = newEndpoint ? edited.endpointOverride.toString() : Regions::displayName(edited.region);
        warnings.append(
            { (p.isPublished() ? tr("Change the region of \"%1\" to %2? The profile goes back to Draft "
                                    "and its scheduled jobs stop until you validate the connection and "
                                    "publish it again.")
                               : tr("Change the region of \"%1\" to %2? Its last validation no longer "
                                    "holds: validate the connection again before publishing it."))
                    .arg(p.displayName, where),
                tr("Change region") });
    }
    if (p.downloadActivity && !edited.downloadActivity && p.isPublished()) {
        warnings.append({ tr("Turn off Download activity for \"%1\"? The profile goes back to Draft and its "
                             "jobs stop until you validate the connection and publish it again; its Refresh "
                             "activity job is deleted. Activity already downloaded is kept but no longer "
                             "refreshed: a user active again keeps the old last activity.")
                              .arg(p.displayName),
            tr("Turn off activity") });
    }
    return warnings;
}

void ProfileService::remove(qint64 id, std::function<void(Result<void>)> done)
{
    auto profile = m_profiles->find(id);
    if (!profile) {
        done(profile.error());
        return;
    }
    cancelValidation(id);
    // The keychain entry goes first: a profile row without a token is harmless, a token
    // without a profile would be an orphaned secret.
    m_tokens.remove(profile.value().tokenKey, [this, id, done](Result<void> removed) {
        if (!removed) {
            done(removed);
            return;
        }
        auto deleted = m_profiles->remove(id);
        if (deleted) {
            emit profilesChanged();
        }
        done(deleted);
    });
}

void ProfileService::setToken(qint64 id, const QString& token, std::function<void(Result<void>)> done)
{
    auto profile = m_profiles->find(id);
    if (!profile) {
        done(profile.error());
        return;
    }
    const IntegrationProfile p = profile.value();
    if (!checksTokenFirst(p)) {
        m_tokens.write(p.tokenKey, token, [this, id, done](Result<void> written) {
            done(written ? tokenChanged(id, QDateTime::currentDateTimeUtc()) : written);
        });
        return;
    }
    auto checked = ProfileRules::checkToken(token);
    if (!checked) {
        done(checked.error());
        return;
    }
    if (isValidating(id)) {
        done(Error { ErrorCode::InvalidState,
            QCoreApplication::translate("rmsam::ProfileService",
                "\"%1\" is being validated: set the token when the validation has finished.")
                .arg(p.displayName),
            {} });
        return;
    }
    // The jobs of a published profile run with the stored token: replacing it with one that does
    // not work would stop them, so the new token is proven before the old one is replaced.
    ConnectionValidator* validator = startValidator(p, checked.value());
    m_validations.insert(id, validator);
    connect(validator, &ConnectionValidator::finished, this,
        [this, p, validator, token = checked.value(), done](const Result<ValidationReport>& result) mutable {
            m_validations.remove(p.id);
            validator->parent()->deleteLater(); // the client, which owns the validator
            if (!result) {
                qCInfo(lcJobs) << "profile" << p.id << "new token refused:" << result.error().message;
                done(Error { result.error().code,
                    QCoreApplication::translate("rmsam::ProfileService",
                        "The new API token was not stored: %1 \"%2\" keeps its previous token and "
                        "stays Published.")
                        .arg(result.error().message, p.displayName),
                    result.error().detail });
            } else {
                storeProvenToken(p, token, done);
            }
            token.fill(QLatin1Char('\0'));
        });
    validator->start();
}

bool ProfileService::checksTokenFirst(const IntegrationProfile& profile) const
{
    return profile.isPublished() && m_database.backend() != DatabaseLocation::Backend::PostgreSql;
}

std::optional<ChangeWarning> ProfileService::warningForClearingToken(const IntegrationProfile& profile) const
{
    if (!profile.isPublished()) {
        return std::nullopt;
    }
    const QString action = QCoreApplication::translate("rmsam::ProfileService", "Clear token");
    if (m_database.backend() == DatabaseLocation::Backend::PostgreSql) {
        return ChangeWarning { QCoreApplication::translate("rmsam::ProfileService",
                                   "Remove your API token for \"%1\" from this computer's keychain? The "
                                   "shared profile stays Published for the other members; you cannot sync "
                                   "or reclaim it from here until you set a token again.")
                                   .arg(profile.displayName),
            action };
    }
    return ChangeWarning { QCoreApplication::translate("rmsam::ProfileService",
                               "Clear the API token of \"%1\"? The profile goes back to Draft and its "
                               "scheduled jobs stop until you set a token, validate the connection and "
                               "publish it again.")
                               .arg(profile.displayName),
        action };
}

void ProfileService::storeProvenToken(
    const IntegrationProfile& checked, const QString& token, std::function<void(Result<void>)> done)
{
    m_tokens.write(checked.tokenKey, token, [this, checked, done](Result<void> written) {
        if (!written) {
            done(written);
            return;
        }
        auto current = m_profiles->find(checked.id);
        if (!current) {
            done(current.error());
            return;
        }
        // Changed while the token was checked: the check proved nothing about the new connection.
        if (!current.value().isPublished() || current.value().connectionUrl() != checked.connectionUrl()) {
            done(tokenChanged(checked.id, QDateTime::currentDateTimeUtc()));
            return;
        }
        IntegrationProfile profile = current.value();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        profile.tokenSetAt = now;
        ProfileRules::markValidated(profile, now);
        auto updated = m_profiles->update(profile);
        if (updated) {
            qCInfo(lcJobs) << "profile" << checked.id << "new token validated and stored";
            emit profilesChanged();
        }
        done(updated);
    });
}

void ProfileService::clearToken(qint64 id, std::function<void(Result<void>)> done)
{
    auto profile = m_profiles->find(id);
    if (!profile) {
        done(profile.error());
        return;
    }
    m_tokens.remove(profile.value().tokenKey,
        [this, id, done](Result<void> removed) { done(removed ? tokenChanged(id, QDateTime()) : removed); });
}

Result<void> ProfileService::tokenChanged(qint64 id, const QDateTime& setAt)
{
    // On a team database every member who syncs or reclaims keeps a token in their own keychain:
    // one member's token says nothing about the shared profile, which stays validated and
    // published for the others (a wrong token shows at that member's first run, exit 3). Only
    // when a token was last stored is noted.
    if (m_database.backend() == DatabaseLocation::Backend::PostgreSql) {
        auto noted = m_profiles->setTokenSetAt(id, setAt);
        if (noted) {
            emit profilesChanged();
        }
        return noted;
    }
    auto current = m_profiles->find(id);
    if (!current) {
        return current.error();
    }
    // A new token, or none, needs a new validation.
    IntegrationProfile profile = current.value();
    ProfileRules::connectionChanged(profile);
    profile.tokenSetAt = setAt;
    auto updated = m_profiles->update(profile);
    if (updated) {
        emit profilesChanged();
    }
    return updated;
}

void ProfileService::validate(qint64 id)
{
    if (isValidating(id)) {
        return;
    }
    auto profile = m_profiles->find(id);
    if (!profile) {
        emit validationFinished(id, profile.error());
        return;
    }
    // Placeholder so a second validate() while the token is being read is ignored.
    m_validations.insert(id, nullptr);
    const IntegrationProfile p = profile.value();
    m_tokens.read(p.tokenKey, [this, id, p](Result<QString> token) {
        if (!m_validations.contains(id)) {
            return; // cancelled while the keychain answered
        }
        if (!token) {
            finishValidation(id, token.error());
            return;
        }
        ConnectionValidator* validator = startValidator(p, token.value());
        m_validations.insert(id, validator);
        connect(validator, &ConnectionValidator::finished, this,
            [this, id, validator](const Result<ValidationReport>& result) {
                validator->parent()->deleteLater(); // the client
                finishValidation(id, result);
            });
        validator->start();
    });
}

ConnectionValidator* ProfileService::startValidator(const IntegrationProfile& p, const QString& token)
{
    RoadmunkClient::Options options;
    options.allowLoopback = !p.endpointOverride.isEmpty();
    options.maxResponseBytes = p.maxResponseBytes();
    auto* client = new RoadmunkClient(m_network, p.connectionUrl(), token, options, this);
    auto* validator = new ConnectionValidator(client, client);
    const qint64 id = p.id;
    connect(validator, &ConnectionValidator::progress, this,
        [this, id](
            int step, int total, const QString& text) { emit validationProgress(id, step, total, text); });
    return validator;
}

void ProfileService::cancelValidation(qint64 id)
{
    if (!m_validations.contains(id)) {
        return;
    }
    QPointer<ConnectionValidator> validator = m_validations.value(id);
    if (validator) {
        validator->cancel(); // emits finished(Cancelled)
    } else {
        finishValidation(id,
            Error { ErrorCode::Cancelled,
                QCoreApplication::translate("rmsam::ProfileService", "Validation was cancelled."), {} });
    }
}

void ProfileService::finishValidation(qint64 id, const Result<ValidationReport>& result)
{
    m_validations.remove(id);
    if (!result) {
        emit validationFinished(id, result);
        return;
    }
    auto current = m_profiles->find(id);
    if (!current) {
        emit validationFinished(id, current.error());
        return;
    }
    ValidationReport report = result.value();
    IntegrationProfile profile = current.value();
    ProfileRules::markValidated(profile, QDateTime::currentDateTimeUtc(), report.accountId);
    if (auto updated = m_profiles->update(profile); !updated) {
        emit validationFinished(id, updated.error());
        return;
    }
    qCInfo(lcJobs) << "profile" << id << "validated";
    // The validation stands; a second profile for the account is for the admin to resolve.
    if (auto profiles = m_profiles->list(); profiles) {
        report.warnings = ProfileRules::sharedAccountWarnings(profile, profiles.value(), report.companyName);
    } else {
        qCWarning(lcJobs) << "cannot compare the profile's account with the others:"
                          << profiles.error().detail;
    }
    emit profilesChanged();
    emit validationFinished(id, report);
}

Result<IntegrationProfile> ProfileService::publish(qint64 id)
{
    auto published = m_profiles->publish(id, m_publishPlan, QDateTime::currentDateTimeUtc());
    if (published) {
        qCInfo(lcJobs) << "profile" << id << "published";
        emit profilesChanged();
    }
    return published;
}

Result<void> ProfileService::setRunTime(qint64 id, JobKind kind, QTime at)
{
    if (!at.isValid()) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::ProfileService", "Give the run time as HH:MM."), {} };
    }
    JobRepository jobs(m_database);
    auto scheduled = jobs.scheduledJobs(id);
    if (!scheduled) {
        return scheduled.error();
    }
    for (const ScheduledJob& j : scheduled.value()) {
        if (j.kind == kind) {
            if (j.runAt == at) {
                return {};
            }
            if (auto set = jobs.setRunAt(j.id, at); !set) {
                return set;
            }
            emit profilesChanged();
            return {};
        }
    }
    return Error { ErrorCode::NotFound,
        QCoreApplication::translate("rmsam::ProfileService",
            "The profile has no %1 job: publish it first (the activity job exists only while Download "
            "activity "
            "is on).")
            .arg(Jobs::kindCode(kind)),
        {} };
}

std::optional<Error> ProfileService::openAttachment(qint64 id, QFile& file)
{
    if (auto profile = m_profiles->find(id); !profile) {
        return profile.error();
    }
    if (file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    return Error { ErrorCode::InvalidFile,
        QCoreApplication::translate("rmsam::ProfileService", "Cannot read %1: %2")
            .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()),
        {} };
}

ParsedUserReport ProfileService::attachUserReport(
    qint64 id, const QString& path, const UserReportOptions& options)
{
    ParsedUserReport parsed;
    QFile file(path);
    if (auto unreadable = openAttachment(id, file)) {
        parsed.error = unreadable;
        return parsed;
    }
    // Read and stored in one pass, in the transaction that replaces the previous report: a row
    // refused anywhere in the file rolls back the rows stored before it.
    auto attached
        = UserReportRepository(m_database)
              .attach(id, QFileInfo(path).fileName(), [&](UserReportRows& rows) -> Result<UserReportSummary> {
                  parsed = readUserReport(&file, options,
                      [&rows](const ListedUser& user) { return rows.add(user.key, user.active); });
                  if (!parsed.report) {
                      return *parsed.error;
                  }
                  return UserReportSummary { parsed.report->encoding, parsed.report->users };
              });
    if (!attached) {
        parsed.error = attached.error();
        parsed.report.reset();
        return parsed;
    }
    qCInfo(lcJobs) << "profile" << id << "User report attached:" << parsed.report->users << "users";
    // The seat holders changed: the removal candidates follow now, not at the next sync.
    if (auto evaluated = Reclamation::evaluate(m_database, id, QDateTime::currentDateTimeUtc()); !evaluated) {
        qCWarning(lcJobs) << "profile" << id << "candidates not re-evaluated:" << evaluated.error().message;
    }
    emit profilesChanged();
    return parsed;
}

Result<std::optional<AttachedReport>> ProfileService::userReport(qint64 id)
{
    return UserReportRepository(m_database).current(id);
}

Result<QList<ScheduledJob>> ProfileService::scheduledJobs(qint64 id)
{
    return JobRepository(m_database).scheduledJobs(id);
}

void ProfileService::storeDatabasePassword(
    const QString& url, const QString& password, std::function<void(Result<void>)> done)
{
    auto address = DatabaseAccess::address(url);
    if (!address) {
        done(address.error());
        return;
    }
    m_tokens.writeDatabasePassword(address.value(), password, std::move(done));
}

void ProfileService::removeDatabasePassword(const QString& url, std::function<void(Result<void>)> done)
{
    auto address = DatabaseAccess::address(url);
    if (!address) {
        done(address.error());
        return;
    }
    m_tokens.removeDatabasePassword(address.value(), std::move(done));
}

} // namespace rmsam
