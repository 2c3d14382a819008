#include "storage/ProfileRepository.h"

#include "core/ProfileRules.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlError>

namespace rmsam {
namespace {

const QString Columns = QStringLiteral(
    "id, display_name, status, region, endpoint_override, token_key, download_activity, "
    "analyze_activity_from, reclaim_subscriptions, validated_at, published_at, created_at, token_set_at, "
    "max_in_flight, report_max_age_days, max_response_mb, roadmunk_account_id, notice_language");

QString toText(const QDateTime& when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
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
    p.status = statusFromCode(q.value(2).toString()).value_or(ProfileStatus::Draft);
    p.region = Regions::fromCode(q.value(3).toString()).value_or(Region::NorthAmerica);
    p.endpointOverride = q.value(4).isNull() ? QUrl() : QUrl(q.value(4).toString());
    p.tokenKey = q.value(5).toString();
    p.downloadActivity = q.value(6).toInt() != 0;
    p.analyzeActivityFrom = QDate::fromString(q.value(7).toString(), Qt::ISODate);
    p.reclaimSubscriptions = q.value(8).toInt() != 0;
    p.validatedAt = SqlColumns::timeFrom(q.value(9));
    p.publishedAt = SqlColumns::timeFrom(q.value(10));
    p.createdAt = SqlColumns::timeFrom(q.value(11));
    p.tokenSetAt = SqlColumns::timeFrom(q.value(12));
    p.maxInFlight = q.value(13).toInt();
    p.reportMaxAgeDays = q.value(14).toInt();
    p.maxResponseMb = q.value(15).toInt();
    p.roadmunkAccountId = q.value(16).toString();
    p.noticeLanguage = Notices::languageFromCode(q.value(17).toString()).value_or(NoticeLanguage::English);
    return p;
}

// The values of the columns create() and update() both write, by placeholder name; `extra` adds
// the ones only one of them writes.
SqlValues profileValues(
    const IntegrationProfile& p, std::initializer_list<std::pair<QString, QVariant>> extra)
{
    QList<std::pair<QString, QVariant>> values = {
        { QStringLiteral(":display_name"), p.displayName },
        { QStringLiteral(":display_name_key"), p.displayName.toCaseFolded() },
        { QStringLiteral(":status"), statusCode(p.status) },
        { QStringLiteral(":region"), Regions::code(p.region) },
        { QStringLiteral(":endpoint_override"), nullable(p.endpointOverride.toString()) },
        { QStringLiteral(":download_activity"), p.downloadActivity ? 1 : 0 },
        { QStringLiteral(":analyze_activity_from"), p.analyzeActivityFrom.toString(Qt::ISODate) },
        { QStringLiteral(":reclaim_subscriptions"), p.reclaimSubscriptions ? 1 : 0 },
        { QStringLiteral(":validated_at"), nullable(toText(p.validatedAt)) },
        { QStringLiteral(":published_at"), nullable(toText(p.publishedAt)) },
        { QStringLiteral(":token_set_at"), nullable(toText(p.tokenSetAt)) },
        { QStringLiteral(":max_in_flight"), p.maxInFlight },
        { QStringLiteral(":report_max_age_days"), p.reportMaxAgeDays },
        { QStringLiteral(":max_response_mb"), p.maxResponseMb },
        { QStringLiteral(":roadmunk_account_id"), nullable(p.roadmunkAccountId) },
        { QStringLiteral(":notice_language"), Notices::languageCode(p.noticeLanguage) },
    };
    values.append(extra);
    return SqlValues(std::move(values));
}

Error notFound(const QString& reference)
{
    return Error { ErrorCode::NotFound,
        QCoreApplication::translate("rmsam::ProfileRepository",
            "No integration profile \"%1\". List the profiles with: roadmunk-sam profile list")
            .arg(reference),
        {} };
}

// The statement of a save failed: because the name is taken, or as `failed` says.
Error saveError(const IntegrationProfile& p, const QSqlError& error, const Error& failed)
{
    // SQLite reports "UNIQUE constraint failed"; PostgreSQL uses SQLSTATE 23505.
    const bool taken = error.nativeErrorCode() == QLatin1String("2067")
        || error.nativeErrorCode() == QLatin1String("23505")
        || error.databaseText().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive);
    if (!taken) {
        return failed;
    }
    return Error { ErrorCode::Conflict,
        QCoreApplication::translate(
            "rmsam::ProfileRepository", "A profile named \"%1\" already exists. Choose another Display Name.")
            .arg(p.displayName),
        error.text() };
}

} // namespace

ProfileRepository::ProfileRepository(Database& database)
    : m_database(database)
{ }

Result<QList<IntegrationProfile>> ProfileRepository::list()
{
    return m_database.list(
        QStringLiteral("SELECT %1 FROM integration_profile ORDER BY display_name_key").arg(Columns), {},
        QCoreApplication::translate("rmsam::ProfileRepository", "Cannot read the integration profiles."),
        fromRow);
}

Result<IntegrationProfile> ProfileRepository::find(qint64 id)
{
    return m_database.one(QStringLiteral("SELECT %1 FROM integration_profile WHERE id = :id").arg(Columns),
        { { QStringLiteral(":id"), id } },
        QCoreApplication::translate("rmsam::ProfileRepository", "Cannot read the integration profile."),
        fromRow, notFound(QString::number(id)));
}

Result<IntegrationProfile> ProfileRepository::findByReference(const QString& reference)
{
    auto byName = m_database.first(
        QStringLiteral("SELECT %1 FROM integration_profile WHERE display_name_key = :key").arg(Columns),
        { { QStringLiteral(":key"), reference.trimmed().toCaseFolded() } },
        QCoreApplication::translate("rmsam::ProfileRepository", "Cannot read the integration profile."),
        fromRow);
    if (!byName) {
        return byName.error();
    }
    if (byName.value()) {
        return *byName.value();
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
    auto insert = m_database.prepare(
        QStringLiteral(
            "INSERT INTO integration_profile (display_name, display_name_key, status, region, "
            "endpoint_override, "
            "token_key, download_activity, analyze_activity_from, reclaim_subscriptions, validated_at, "
            "published_at, "
            "created_at, token_set_at, max_in_flight, report_max_age_days, max_response_mb, "
            "roadmunk_account_id, notice_language) VALUES (:display_name, "
            ":display_name_key, :status, :region, :endpoint_override, "
            ":token_key, :download_activity, :analyze_activity_from, :reclaim_subscriptions, :validated_at, "
            ":published_at, :created_at, :token_set_at, :max_in_flight, :report_max_age_days, "
            ":max_response_mb, :roadmunk_account_id, :notice_language) RETURNING id"),
        QCoreApplication::translate("rmsam::ProfileRepository", "Cannot save the integration profile."));
    if (!insert) {
        return insert.error();
    }
    QSqlQuery& q = insert.value().query();
    if (auto ran = insert.value().run(profileValues(stored,
            { { QStringLiteral(":token_key"), stored.tokenKey },
                { QStringLiteral(":created_at"), toText(stored.createdAt) } }));
        !ran) {
        return saveError(stored, q.lastError(), ran.error());
    }
    stored.id = Database::returnedId(q);
    return stored;
}

Result<void> ProfileRepository::setTokenSetAt(qint64 id, const QDateTime& setAt)
{
    return m_database.exec(QStringLiteral("UPDATE integration_profile SET token_set_at = ? WHERE id = ?"),
        { nullable(toText(setAt)), id },
        QCoreApplication::translate("rmsam::ProfileRepository", "Cannot save the integration profile."));
}

Result<void> ProfileRepository::update(const IntegrationProfile& profile)
{
    auto statement = m_database.prepare(
        QStringLiteral(
            "UPDATE integration_profile SET display_name = :display_name, display_name_key = "
            ":display_name_key, "
            "status = :status, region = :region, endpoint_override = :endpoint_override, "
            "download_activity = :download_activity, analyze_activity_from = :analyze_activity_from, "
            "reclaim_subscriptions = :reclaim_subscriptions, validated_at = :validated_at, "
            "published_at = :published_at, token_set_at = :token_set_at, max_in_flight = :max_in_flight, "
            "report_max_age_days = :report_max_age_days, max_response_mb = :max_response_mb, "
            "roadmunk_account_id = :roadmunk_account_id, notice_language = :notice_language WHERE id = :id"),
        QCoreApplication::translate("rmsam::ProfileRepository", "Cannot save the integration profile."));
    if (!statement) {
        return statement.error();
    }
    QSqlQuery& q = statement.value().query();
    if (auto ran = statement.value().run(profileValues(profile, { { QStringLiteral(":id"), profile.id } }));
        !ran) {
        return saveError(profile, q.lastError(), ran.error());
    }
    if (q.numRowsAffected() == 0) {
        return notFound(QString::number(profile.id));
    }
    return {};
}

Result<void> ProfileRepository::remove(qint64 id)
{
    auto removed = m_database.run(QStringLiteral("DELETE FROM integration_profile WHERE id = :id"),
        { { QStringLiteral(":id"), id } },
        QCoreApplication::translate("rmsam::ProfileRepository", "Cannot delete the integration profile."));
    if (!removed) {
        return removed.error();
    }
    if (removed.value().numRowsAffected() == 0) {
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
