#pragma once

#include "core/EnumTable.h"
#include "core/Notice.h"
#include "core/Region.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace rmsam {

enum class ProfileStatus
{
    Draft,
    Published,
};

// One connection to one Roadmunk account (docs/DOMAIN.md, "Words").
struct IntegrationProfile
{
    qint64 id = 0;
    QString displayName;
    ProfileStatus status = ProfileStatus::Draft;
    Region region = Region::NorthAmerica;
    // Loopback only: the built-in sandbox and tests. Empty for real accounts.
    QUrl endpointOverride;
    // Names this profile's entry in the OS keychain; never the token itself.
    QString tokenKey;

    // Download subscriptions is always on and has no field.
    bool downloadActivity = true;
    QDate analyzeActivityFrom;
    bool reclaimSubscriptions = true;

    // How the profile's jobs run: requests in flight while paging, and when the attached User
    // report is old enough to warn about.
    static constexpr int DefaultMaxInFlight = 4;
    static constexpr int DefaultReportMaxAgeDays = 30;
    int maxInFlight = DefaultMaxInFlight; // 1–16
    int reportMaxAgeDays = DefaultReportMaxAgeDays; // 1–365
    // The largest answer from Roadmunk the jobs read; a larger one is refused unread, which bounds
    // the memory a broken gateway can make the app use (a page of users is tens of KB).
    static constexpr int DefaultMaxResponseMb = 8;
    int maxResponseMb = DefaultMaxResponseMb; // 1–256
    qint64 maxResponseBytes() const { return qint64(maxResponseMb) * 1024 * 1024; }
    // The language of the notice e-mails its users get (not the app's language).
    NoticeLanguage noticeLanguage = NoticeLanguage::English;

    QDateTime tokenSetAt; // when a token was last stored in the keychain; null when none is
    QDateTime validatedAt; // null until a validation succeeded for the current connection
    // The Roadmunk account the last successful validation reached (its id); empty until then.
    QString roadmunkAccountId;
    QDateTime publishedAt;
    QDateTime createdAt;

    QUrl connectionUrl() const;
    bool isValidated() const { return validatedAt.isValid(); }
    bool isPublished() const { return status == ProfileStatus::Published; }
};

QString profileTypeName();
const EnumTable<ProfileStatus>& statusTable();
QString statusCode(ProfileStatus status); // stable, untranslated: "Draft" / "Published"
std::optional<ProfileStatus> statusFromCode(const QString& code);
QString statusDisplayName(ProfileStatus status);

} // namespace rmsam
