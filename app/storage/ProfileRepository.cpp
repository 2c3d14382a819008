#include "storage/ProfileRepository.h"

#include "core/ProfileRules.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace rmsam {
namespace {

const QString Columns = QStringLiteral(
    "id, display_name, status, region, endpoint_override, token_key, download_activity, "
    "analyze_activity_from, reclaim_subscriptions, validated_at, published_at, created_at, token_set_at, "
    "max_in_flight, report_max_age_days, max_response_mb");

QString toText(const QDateTime& when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromText(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QVariant nullable(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

IntegrationProfile fromRow(const QSqlQuery& q)
{
    IntegrationProfile p;
    p.id = q.value(0).toLongLong();
    p.displayName = q.value(1).toString();
    p.status = q.value(2).toString() == QLatin1String("Published") ? ProfileStatus::Published
                                                                   : ProfileStatus::Draft;
    p.region = Regions::fromCode(q.value(3).toString()).value_or(Region::NorthAmerica);
    p.endpointOverride = q.value(4).isNull() ? QUrl() : QUrl(q.value(4).toString());
    p.tokenKey = q.value(5).toString();
    p.downloadActivity = q.value(6).toInt() != 0;
    p.analyzeActivityFrom = QDate::fromString(q.value(7).toString(), Qt::ISODate);
    p.reclaimSubscriptions = q.value(8).toInt() != 0;
    p.validatedAt = fromText(q.value(9));
    p.publishedAt = fromText(q.value(10));
    p.createdAt = fromText(q.value(11));
    p.tokenSetAt = fromText(q.value(12));
    p.maxInFlight = q.value(13).toInt();
    p.reportMaxAgeDays = q.value(14).toInt();
    p.maxResponseMb = q.value(15).toInt();
    return p;
}

void bindProfile(QSqlQuery& q, const IntegrationProfile& p)
{
    q.bindValue(QStringLiteral(":display_name"), p.displayName);
    q.bindValue(QStringLiteral(":display_name_key"), p.displayName.toCaseFolded());
    q.bindValue(QStringLiteral(":status"), statusCode(p.status));
    q.bindValue(QStringLiteral(":region"), Regions::code(p.region));
    q.bindValue(QStringLiteral(":endpoint_override"), nullable(p.endpointOverride.toString()));
    q.bindValue(QStringLiteral(":download_activity"), p.downloadActivity ? 1 : 0);
    q.bindValue(QStringLiteral(":analyze_activity_from"), p.analyzeActivityFrom.toString(Qt::ISODate));
    q.bindValue(QStringLiteral(":reclaim_subscriptions"), p.reclaimSubscriptions ? 1 : 0);
    q.bindValue(QStringLiteral(":validated_at"), nullable(toText(p.validatedAt)));
    q.bindValue(QStringLiteral(":published_at"), nullable(toText(p.publishedAt)));
    q.bindValue(QStringLiteral(":token_set_at"), nullable(toText(p.tokenSetAt)));
    q.bindValue(QStringLiteral(":max_in_flight"), p.maxInFlight);
    q.bindValue(QStringLiteral(":report_max_age_days"), p.reportMaxAgeDays);
    q.bindValue(QStringLiteral(":max_response_mb"), p.maxResponseMb);
}

Error notFound(const QString& reference)
{
    return Error { ErrorCode::NotFound,
        QCoreApplication::translate("rmsam::ProfileRepository",
            "No integration profile \"%1\". List the profiles with: roadmunk-sam profile list")
            .arg(reference),
        {} };
}

Error duplicateName(const IntegrationProfile& p, const QSqlError& error)
{
    return Error { ErrorCode::Conflict,
        QCoreApplication::translate(
            "rmsam::ProfileRepository", "A profile named \"%1\" already exists. Choose another Display Name.")
            .arg(p.displayName),
        error.text() };
}

bool isUniqueViolation(const QSqlError& error)
{
    // SQLite reports "UNIQUE constraint failed"; PostgreSQL uses SQLSTATE 23505.
    return error.nativeErrorCode() == QLatin1String("2067")
        || error.nativeErrorCode() == QLatin1String("23505")
        || error.databaseText().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive);
}

} // namespace

ProfileRepository::ProfileRepository(Database& database)
    : m_database(database)
{ }

Result<QList<IntegrationProfile>> ProfileRepository::list()
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(
            QStringLiteral("SELECT %1 FROM integration_profile ORDER BY display_name_key").arg(Columns))) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ProfileRepository", "Cannot read the integration profiles."),
            q.lastError());
    }
    QList<IntegrationProfile> profiles;
    while (q.next()) {
        profiles.append(fromRow(q));
    }
    return profiles;
}

Result<IntegrationProfile> ProfileRepository::find(qint64 id)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM integration_profile WHERE id = :id").arg(Columns));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ProfileRepository", "Cannot read the integration profile."),
            q.lastError());
    }
    if (!q.next()) {
        return notFound(QString::number(id));
    }
    return fromRow(q);
}

Result<IntegrationProfile> ProfileRepository::findByReference(const QString& reference)
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("SELECT %1 FROM integration_profile WHERE display_name_key = :key").arg(Columns));
    q.bindValue(QStringLiteral(":key"), reference.trimmed().toCaseFolded());
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ProfileRepository", "Cannot read the integration profile."),
            q.lastError());
    }
    if (q.next()) {
        return fromRow(q);
    }
    bool isNumber = false;
    const qint64 id = reference.trimmed().toLongLong(&isNumber);
    if (isNumber) {
        auto byId = find(id);
        if (byId || byId.error().code != ErrorCode::NotFound) {
            return byId;
        }
    }
    return notFound(reference);
}

Result<IntegrationProfile> ProfileRepository::create(const IntegrationProfile& profile)
{
    IntegrationProfile stored = profile;
    if (!stored.createdAt.isValid()) {
        stored.createdAt = QDateTime::currentDateTimeUtc();
    }
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO integration_profile (display_name, display_name_key, status, region, endpoint_override, "
        "token_key, download_activity, analyze_activity_from, reclaim_subscriptions, validated_at, "
        "published_at, "
        "created_at, token_set_at, max_in_flight, report_max_age_days, max_response_mb) VALUES "
        "(:display_name, "
        ":display_name_key, :status, :region, :endpoint_override, "
        ":token_key, :download_activity, :analyze_activity_from, :reclaim_subscriptions, :validated_at, "
        ":published_at, :created_at, :token_set_at, :max_in_flight, :report_max_age_days, "
        ":max_response_mb)"));
    bindProfile(q, stored);
    q.bindValue(QStringLiteral(":token_key"), stored.tokenKey);
    q.bindValue(QStringLiteral(":created_at"), toText(stored.createdAt));
    if (!q.exec()) {
        if (isUniqueViolation(q.lastError())) {
            return duplicateName(stored, q.lastError());
        }
        return Database::storageError(
            QCoreApplication::translate("rmsam::ProfileRepository", "Cannot save the integration profile."),
            q.lastError());
    }
    stored.id = q.lastInsertId().toLongLong();
    return stored;
}

Result<void> ProfileRepository::update(const IntegrationProfile& profile)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "UPDATE integration_profile SET display_name = :display_name, display_name_key = :display_name_key, "
        "status = :status, region = :region, endpoint_override = :endpoint_override, "
        "download_activity = :download_activity, analyze_activity_from = :analyze_activity_from, "
        "reclaim_subscriptions = :reclaim_subscriptions, validated_at = :validated_at, "
        "published_at = :published_at, token_set_at = :token_set_at, max_in_flight = :max_in_flight, "
        "report_max_age_days = :report_max_age_days, max_response_mb = :max_response_mb WHERE id = :id"));
    bindProfile(q, profile);
    q.bindValue(QStringLiteral(":id"), profile.id);
    if (!q.exec()) {
        if (isUniqueViolation(q.lastError())) {
            return duplicateName(profile, q.lastError());
        }
        return Database::storageError(
            QCoreApplication::translate("rmsam::ProfileRepository", "Cannot save the integration profile."),
            q.lastError());
    }
    if (q.numRowsAffected() == 0) {
        return notFound(QString::number(profile.id));
    }
    return {};
}

Result<void> ProfileRepository::remove(qint64 id)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM integration_profile WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec()) {
        return Database::storageError(
            QCoreApplication::translate("rmsam::ProfileRepository", "Cannot delete the integration profile."),
            q.lastError());
    }
    if (q.numRowsAffected() == 0) {
        return notFound(QString::number(id));
    }
    return {};
}

Result<IntegrationProfile> ProfileRepository::publish(
    qint64 id, const PublishPlan& plan, const QDateTime& now)
{
    std::optional<IntegrationProfile> published;
    auto done = inTransaction(m_database.connection(), [&]() -> Result<void> {
        auto current = find(id);
        if (!current) {
            return current.error();
        }
        auto result = plan.run(current.value(), now);
        if (!result) {
            return result.error();
        }
        if (auto stored = update(result.value()); !stored) {
            return stored.error();
        }
        published = result.value();
        return {};
    });
    if (!done) {
        return done.error();
    }
    return *published;
}

} // namespace rmsam
