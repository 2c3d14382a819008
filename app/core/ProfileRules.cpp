#include "core/ProfileRules.h"

#include <QCoreApplication>
#include <QUuid>

namespace rmsam::ProfileRules {
namespace { } // namespace

IntegrationProfile makeDraft(const QString& displayName, Region region, QDate today)
{
    IntegrationProfile profile;
    profile.displayName = displayName.trimmed();
    profile.region = region;
    profile.tokenKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.analyzeActivityFrom = today.addDays(-DefaultAnalyzeActivityDays);
    return profile;
}

Result<QString> checkDisplayName(const QString& displayName, const QStringList& otherNames)
{
    const QString name = displayName.trimmed();
    if (name.isEmpty()) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::ProfileRules", "Display Name is required."), {} };
    }
    if (name.size() > MaxDisplayNameLength) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "rmsam::ProfileRules", "Display Name is %1 characters long; use at most %2.")
                .arg(name.size())
                .arg(MaxDisplayNameLength),
            {} };
    }
    for (QChar c : name) {
        if (c.category() == QChar::Other_Control) {
            return Error { ErrorCode::InvalidInput,
                QCoreApplication::translate(
                    "rmsam::ProfileRules", "Display Name must not contain control characters."),
                {} };
        }
    }
    for (const QString& other : otherNames) {
        if (other.compare(name, Qt::CaseInsensitive) == 0) {
            return Error { ErrorCode::Conflict,
                QCoreApplication::translate("rmsam::ProfileRules",
                    "A profile named \"%1\" already exists. Choose another Display Name.")
                    .arg(other),
                {} };
        }
    }
    return name;
}

Result<void> checkEndpointOverride(const QUrl& endpoint)
{
    if (endpoint.isEmpty() || Regions::isLoopbackUrl(endpoint)) {
        return {};
    }
    return Error { ErrorCode::InvalidInput,
        QCoreApplication::translate("rmsam::ProfileRules",
            "The endpoint %1 is not allowed. Roadmunk SAM only connects to the Roadmunk gateways "
            "(choose a region) or to a sandbox on this computer (a loopback address such as "
            "http://127.0.0.1:8080/public/graphql).")
            .arg(endpoint.toDisplayString()),
        {} };
}

Result<void> checkAnalyzeActivityFrom(QDate from, QDate today)
{
    if (!from.isValid()) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "rmsam::ProfileRules", "Analyze user activity from needs a date (YYYY-MM-DD)."),
            {} };
    }
    if (from > today) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::ProfileRules",
                "Analyze user activity from (%1) is in the future; choose today or an earlier date.")
                .arg(from.toString(Qt::ISODate)),
            {} };
    }
    return {};
}

Result<QString> checkToken(const QString& token)
{
    const QString trimmed = token.trimmed();
    if (trimmed.isEmpty()) {
        return Error { ErrorCode::TokenMissing,
            QCoreApplication::translate("rmsam::ProfileRules",
                "No API token was given. Paste the token you generated in Roadmunk (Account Settings › "
                "API Tokens)."),
            {} };
    }
    for (QChar c : trimmed) {
        if (c.isSpace() || c.category() == QChar::Other_Control) {
            return Error { ErrorCode::InvalidInput,
                QCoreApplication::translate("rmsam::ProfileRules",
                    "The API token contains spaces or line breaks. Copy only the token itself."),
                {} };
        }
    }
    const qsizetype bytes = trimmed.toUtf8().size();
    if (bytes > MaxTokenBytes) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::ProfileRules",
                "The API token is %1 bytes long; the OS keychain accepts at most %2 bytes on every "
                "platform. A Roadmunk token is 549 characters: check that you copied only the token.")
                .arg(bytes)
                .arg(MaxTokenBytes),
            {} };
    }
    return trimmed;
}

void connectionChanged(IntegrationProfile& profile)
{
    profile.validatedAt = {};
    profile.roadmunkAccountId.clear(); // known again at the next validation
    profile.status = ProfileStatus::Draft;
    profile.publishedAt = {};
}

void setDownloadActivity(IntegrationProfile& profile, bool enabled)
{
    if (profile.downloadActivity == enabled) {
        return;
    }
    profile.downloadActivity = enabled;
    if (!enabled && profile.isPublished()) {
        connectionChanged(profile);
    }
}

void markValidated(IntegrationProfile& profile, const QDateTime& when, const QString& accountId)
{
    profile.validatedAt = when;
    profile.roadmunkAccountId = accountId;
}

QStringList sharedAccountWarnings(
    const IntegrationProfile& profile, const QList<IntegrationProfile>& profiles, const QString& companyName)
{
    QStringList warnings;
    if (profile.roadmunkAccountId.isEmpty()) {
        return warnings;
    }
    for (const IntegrationProfile& other : profiles) {
        if (other.id != profile.id && other.roadmunkAccountId == profile.roadmunkAccountId) {
            warnings.append(QCoreApplication::translate("rmsam::ProfileRules",
                "Profile “%1” already points at this Roadmunk account (%2/%3). Two profiles for one "
                "account count its seats twice, in the license position and the dashboards alike: "
                "delete one of them unless both are meant to be kept.")
                                .arg(other.displayName, profile.roadmunkAccountId, companyName));
        }
    }
    return warnings;
}

Result<void> canPublish(const IntegrationProfile& profile)
{
    if (profile.isPublished()) {
        return Error { ErrorCode::InvalidState,
            QCoreApplication::translate("rmsam::ProfileRules", "\"%1\" is already published.")
                .arg(profile.displayName),
            {} };
    }
    if (!profile.isValidated()) {
        return Error { ErrorCode::InvalidState,
            QCoreApplication::translate(
                "rmsam::ProfileRules", "Validate the connection of \"%1\" before publishing it.")
                .arg(profile.displayName),
            {} };
    }
    return {};
}

Result<void> checkJobSettings(int maxInFlight, int reportMaxAgeDays, int maxResponseMb)
{
    if (maxInFlight < 1 || maxInFlight > 16) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate("rmsam::ProfileRules",
                "Requests in flight must be between 1 and 16 (Roadmunk may throttle more)."),
            {} };
    }
    if (reportMaxAgeDays < 1 || reportMaxAgeDays > 365) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "rmsam::ProfileRules", "The User report age warning must be between 1 and 365 days."),
            {} };
    }
    if (maxResponseMb < 1 || maxResponseMb > 256) {
        return Error { ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "rmsam::ProfileRules", "The largest answer read must be between 1 and 256 MB."),
            {} };
    }
    return {};
}

} // namespace rmsam::ProfileRules
