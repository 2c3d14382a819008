#include "storage/SmtpSettingsRepository.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QDateTime>

namespace rmsam {

namespace {

// The optional text columns are NOT NULL: an empty value is '', never NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

SmtpSettingsRepository::SmtpSettingsRepository(Database& database)
    : m_database(database)
{ }

Result<SmtpSettings> SmtpSettingsRepository::load()
{
    auto row = m_database.first(
        QStringLiteral("SELECT host, port, security, from_address, reply_to, smtp_user, ca_file, per_minute "
                       "FROM smtp_settings WHERE id = 1"),
        {}, QCoreApplication::translate("rmsam::SmtpSettingsRepository", "Cannot read the e-mail settings."),
        [](const QSqlQuery& q) {
            SmtpSettings s;
            s.host = q.value(0).toString();
            s.port = q.value(1).toInt();
            s.security = securityFromName(q.value(2).toString()).value_or(SmtpSettings::Security::StartTls);
            s.from = q.value(3).toString();
            s.replyTo = q.value(4).toString();
            s.user = q.value(5).toString();
            s.caFile = q.value(6).toString();
            s.perMinute = q.value(7).toInt();
            return s;
        });
    if (!row) {
        return row.error();
    }
    return row.value().value_or(SmtpSettings {});
}

Result<void> SmtpSettingsRepository::save(const SmtpSettings& settings)
{
    if (auto valid = validate(settings); !valid) {
        return valid;
    }
    const QString failure
        = QCoreApplication::translate("rmsam::SmtpSettingsRepository", "Cannot save the e-mail settings.");
    const SqlValues values { settings.host, settings.port, securityName(settings.security), settings.from,
        text(settings.replyTo), text(settings.user), text(settings.caFile), settings.perMinute,
        SqlColumns::now() };
    // An UPDATE when the row exists, so the change log lists what changed.
    auto updated = m_database.run(
        QStringLiteral(
            "UPDATE smtp_settings SET host = ?, port = ?, security = ?, from_address = ?, "
            "reply_to = ?, smtp_user = ?, ca_file = ?, per_minute = ?, changed_at = ? WHERE id = 1"),
        values, failure);
    if (!updated) {
        return updated.error();
    }
    if (updated.value().numRowsAffected() > 0) {
        return {};
    }
    return m_database.exec(
        QStringLiteral("INSERT INTO smtp_settings (host, port, security, from_address, reply_to, smtp_user, "
                       "ca_file, per_minute, changed_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"),
        values, failure);
}

Result<void> SmtpSettingsRepository::clear()
{
    return m_database.exec(QStringLiteral("DELETE FROM smtp_settings WHERE id = 1"), {},
        QCoreApplication::translate("rmsam::SmtpSettingsRepository", "Cannot clear the e-mail settings."));
}

} // namespace rmsam
