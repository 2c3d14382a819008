#include "services/LiveUpdates.h"

#include "storage/Database.h"

#include <QSqlDriver>

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
    if (m_listening || m_database.backend() != DatabaseLocation::Backend::PostgreSql) {
        return m_listening;
    }
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
    m_tables.insert(parts.at(0));
    if (!m_gather.isActive()) {
        m_gather.start();
    }
}

} // namespace rmsam
