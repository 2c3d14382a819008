#include "services/LiveUpdates.h"

#include "storage/Database.h"

#include <QSqlDriver>
#include <QSqlQuery>

namespace rmsam {

LiveUpdates::LiveUpdates(Database& database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{
    m_gather.setSingleShot(true);
    m_gather.setInterval(GatherMs);
    connect(&m_gather, &QTimer::timeout, this, [this] {
        QStringList tables(m_tables.cbegin(), m_tables.cend());
        tables.sort();
        m_tables.clear();
        emit changedElsewhere(tables);
    });
}

bool LiveUpdates::start()
{
    if (m_listening) {
        return true;
    }
    if (m_database.backend() == DatabaseLocation::Backend::PostgreSql) {
        return listenToServer();
    }
    catchUp();
    connect(&m_poll, &QTimer::timeout, this, &LiveUpdates::poll, Qt::UniqueConnection);
    m_poll.start(PollMs);
    m_listening = true;
    return true;
}

bool LiveUpdates::listenToServer()
{
    QSqlDriver* driver = m_database.connection().driver();
    if (!driver || !driver->subscribeToNotification(QString::fromLatin1(Database::ChangeChannel))) {
        qCWarning(lcStorage) << "cannot listen for other members' changes:"
                             << (driver ? driver->lastError().text() : QString());
        return false;
    }
    connect(driver, &QSqlDriver::notification, this,
        [this](const QString& channel, QSqlDriver::NotificationSource, const QVariant& payload) {
            heard(channel, payload);
        });
    m_listening = true;
    return true;
}

void LiveUpdates::heard(const QString& channel, const QVariant& payload)
{
    if (channel != QLatin1String(Database::ChangeChannel)) {
        return;
    }
    // "TABLE CLIENT": this process's own writes are shown by whoever made them.
    const QStringList parts = payload.toString().split(QLatin1Char(' '));
    if (parts.size() != 2 || parts.at(1) == m_database.clientId()) {
        return;
    }
    gather(parts.at(0));
}

void LiveUpdates::gather(const QString& table)
{
    m_tables.insert(table);
    if (!m_gather.isActive()) {
        m_gather.start();
    }
}

std::optional<qint64> LiveUpdates::dataVersion()
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next()) {
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

std::optional<qint64> LiveUpdates::lastLogId()
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM change_log")) || !q.next()) {
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

void LiveUpdates::catchUp()
{
    if (m_database.backend() != DatabaseLocation::Backend::Sqlite) {
        return;
    }
    m_dataVersion = dataVersion().value_or(-1);
    m_lastLogId = lastLogId().value_or(m_lastLogId);
}

void LiveUpdates::poll()
{
    const auto version = dataVersion();
    if (!version || *version == m_dataVersion) {
        return; // nobody else committed (or the file cannot be read now: the next poll tries)
    }
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT table_name, id FROM change_log WHERE id > ? ORDER BY id"));
    q.addBindValue(m_lastLogId);
    if (!q.exec()) {
        return;
    }
    m_dataVersion = *version;
    while (q.next()) {
        gather(q.value(0).toString());
        m_lastLogId = q.value(1).toLongLong();
    }
}

} // namespace rmsam
