#include "storage/DatabaseLocation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace rmsam {
namespace {

const QLatin1String Schemes[] = { QLatin1String("postgresql://"), QLatin1String("postgres://") };

// The URL as the user wrote it for a message: without its query, and with a password in its
// user part (which parse() refuses) masked.
QString shown(const QString& text)
{
    QString url = text.section(QLatin1Char('?'), 0, 0);
    const qsizetype start = url.indexOf(QLatin1String("://")) + 3;
    const qsizetype end = url.indexOf(QLatin1Char('/'), start);
    const qsizetype at = url.lastIndexOf(QLatin1Char('@'), end < 0 ? -1 : end);
    if (at >= start) {
        const qsizetype colon = url.indexOf(QLatin1Char(':'), start);
        if (colon >= 0 && colon < at) {
            url.replace(colon + 1, at - colon - 1, QStringLiteral("***"));
        }
    }
    return url;
}

Error malformed(const QString& text, const QString& what)
{
    return Error { ErrorCode::InvalidInput,
        QCoreApplication::translate("rmsam::Database",
            "%1 is not a PostgreSQL address Roadmunk SAM can use. Write it as "
            "postgresql://USER@HOST:PORT/DATABASE, with other settings after a question mark (for "
            "example ?sslmode=verify-full), and keep the password in ~/.pgpass.")
            .arg(shown(text)),
        what };
}

// libpq percent-decodes every part of a URL; a "%" not followed by two hex digits is an error.
bool decode(const QString& part, QString* decoded)
{
    static const QRegularExpression badEscape(QStringLiteral("%(?![0-9A-Fa-f]{2})"));
    if (badEscape.match(part).hasMatch()) {
        return false;
    }
    *decoded = QUrl::fromPercentEncoding(part.toUtf8());
    return true;
}

// A value quoted for a conninfo string, as libpq reads it: in single quotes, with \ and '
// escaped. The driver turns ";" into a space before libpq reads it, so no value may hold one.
QString quoted(QString value)
{
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

bool readPort(const QString& text, int* port)
{
    bool numeric = false;
    const int value = text.toInt(&numeric);
    if (!numeric || value < 1 || value > 65535 || !text.front().isDigit()) {
        return false;
    }
    *port = value;
    return true;
}

// The query's name=value pairs: host, port, user and dbname override the URL's own parts (as
// libpq does); the rest become connection options. What is wrong with them, or empty.
QString readParameters(const QString& query, DatabaseLocation* location)
{
    static const QRegularExpression parameterName(QStringLiteral("^[a-z_]+$"));
    for (const QString& pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        QString name;
        QString value;
        if (equals < 0 || !decode(pair.left(equals), &name) || !decode(pair.mid(equals + 1), &value)) {
            return QStringLiteral("a parameter that is not name=value");
        }
        if (!parameterName.match(name).hasMatch()) {
            return QStringLiteral("a parameter name that is not lowercase letters");
        }
        if (name == QLatin1String("password")) {
            return QStringLiteral("a password in the URL");
        }
        if (value.contains(QLatin1Char(';'))) {
            return QStringLiteral("a ';' in the value of %1").arg(name);
        }
        // Parameters the driver has a setter for go through it, as libpq lets the query override
        // the URL's own parts.
        if (name == QLatin1String("host")) {
            location->host = value;
        } else if (name == QLatin1String("port")) {
            if (!readPort(value, &location->port)) {
                return QStringLiteral("the port is not a number from 1 to 65535");
            }
        } else if (name == QLatin1String("user")) {
            location->user = value;
        } else if (name == QLatin1String("dbname")) {
            location->database = value;
        } else {
            location->options.append(name + QLatin1Char('=') + quoted(value));
        }
    }
    return {};
}

} // namespace

bool DatabaseLocation::isPostgreSqlUrl(const QString& text)
{
    for (const QLatin1String& scheme : Schemes) {
        if (text.startsWith(scheme)) {
            return true;
        }
    }
    return false;
}

Result<DatabaseLocation> DatabaseLocation::parse(const QString& text)
{
    DatabaseLocation location;
    if (!isPostgreSqlUrl(text)) {
        location.dataDir = text;
        return location;
    }
    location.backend = Backend::PostgreSql;
    QString rest = text.mid(text.indexOf(QLatin1String("://")) + 3);
    const QString query = rest.contains(QLatin1Char('?')) ? rest.section(QLatin1Char('?'), 1) : QString();
    rest = rest.section(QLatin1Char('?'), 0, 0);
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    QString authority = slash < 0 ? rest : rest.left(slash);
    if (slash >= 0 && !decode(rest.mid(slash + 1), &location.database)) {
        return malformed(text, QStringLiteral("bad percent-encoding in the database name"));
    }
    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const QString userInfo = authority.left(at);
        authority = authority.mid(at + 1);
        if (userInfo.contains(QLatin1Char(':'))) {
            return malformed(text, QStringLiteral("a password in the URL"));
        }
        if (!decode(userInfo, &location.user)) {
            return malformed(text, QStringLiteral("bad percent-encoding in the user name"));
        }
    }
    if (authority.contains(QLatin1Char(','))) {
        return malformed(text, QStringLiteral("several hosts (only one server is supported)"));
    }
    QString hostPart = authority;
    QString portPart;
    if (authority.startsWith(QLatin1Char('['))) { // [IPv6]:port
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        if (close < 0) {
            return malformed(text, QStringLiteral("an IPv6 address without its closing bracket"));
        }
        hostPart = authority.mid(1, close - 1);
        const QString after = authority.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(QLatin1Char(':'))) {
            return malformed(text, QStringLiteral("text after the IPv6 address"));
        }
        portPart = after.mid(1);
    } else if (const qsizetype colon = authority.indexOf(QLatin1Char(':')); colon >= 0) {
        hostPart = authority.left(colon);
        portPart = authority.mid(colon + 1);
    }
    if (!decode(hostPart, &location.host)) {
        return malformed(text, QStringLiteral("bad percent-encoding in the host"));
    }
    if (!portPart.isEmpty() && !readPort(portPart, &location.port)) {
        return malformed(text, QStringLiteral("the port is not a number from 1 to 65535"));
    }
    if (const QString problem = readParameters(query, &location); !problem.isEmpty()) {
        return malformed(text, problem);
    }
    return location;
}

QString DatabaseLocation::display() const
{
    if (backend == Backend::Sqlite) {
        return dataDir;
    }
    QString host = this->host;
    if (host.contains(QLatin1Char(':'))) {
        host = QLatin1Char('[') + host + QLatin1Char(']');
    } else if (host.startsWith(QLatin1Char('/'))) {
        host = QString::fromLatin1(QUrl::toPercentEncoding(host));
    }
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty()) {
        text += QString::fromLatin1(QUrl::toPercentEncoding(user)) + QLatin1Char('@');
    }
    text += host;
    if (port > 0) {
        text += QLatin1Char(':') + QString::number(port);
    }
    return text + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(database));
}

QString DatabaseLocation::connectOptions() const
{
    return options.join(QLatin1Char(';'));
}

} // namespace rmsam
