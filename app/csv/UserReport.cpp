#include "csv/UserReport.h"

#include "core/Excerpt.h"
#include "csv/CsvReader.h"

#include <QCoreApplication>
#include <QHash>

namespace rmsam {
namespace {

constexpr int MaxProblems = 20;

QString key(const QString& text)
{
    return text.trimmed().toCaseFolded();
}

int findColumn(const QStringList& headers, const QString& chosen, const QStringList& known)
{
    if (!chosen.isEmpty()) {
        bool isNumber = false;
        const int number = chosen.toInt(&isNumber);
        if (isNumber) {
            return number >= 1 && number <= headers.size() ? number - 1 : -1;
        }
        for (int i = 0; i < headers.size(); ++i) {
            if (key(headers.at(i)) == key(chosen)) {
                return i;
            }
        }
        return -1;
    }
    for (int i = 0; i < headers.size(); ++i) {
        if (known.contains(key(headers.at(i)))) {
            return i;
        }
    }
    return -1;
}

} // namespace

ParsedUserReport readUserReport(QIODevice* device, const UserReportOptions& options)
{
    static const QStringList emailHeaders = { QStringLiteral("email"), QStringLiteral("e-mail"),
        QStringLiteral("email address"), QStringLiteral("e-mail address"), QStringLiteral("メール"),
        QStringLiteral("メールアドレス"), QStringLiteral("eメール"), QStringLiteral("ｅメール") };
    static const QStringList statusHeaders = { QStringLiteral("status"), QStringLiteral("user status"),
        QStringLiteral("account status"), QStringLiteral("ステータス"), QStringLiteral("状態") };
    static const QStringList activeValues = { QStringLiteral("active"), QStringLiteral("activated"),
        QStringLiteral("enabled"), QStringLiteral("アクティブ"), QStringLiteral("有効") };
    static const QStringList inactiveValues = { QStringLiteral("inactive"), QStringLiteral("deactivated"),
        QStringLiteral("disabled"), QStringLiteral("invited"), QStringLiteral("pending"),
        QStringLiteral("非アクティブ"), QStringLiteral("無効"), QStringLiteral("招待中") };
    ParsedUserReport parsed;
    CsvReader reader(device);
    QStringList row;
    if (!reader.readRow(&row)) {
        parsed.error = reader.error().value_or(Error { ErrorCode::InvalidFile,
            QCoreApplication::translate(
                "rmsam::UserReport", "The file is empty. Download the User report from Roadmunk again."),
            {} });
        return parsed;
    }
    parsed.headers = row;
    const int email = findColumn(row, options.emailColumn, emailHeaders);
    const int status = findColumn(row, options.statusColumn, statusHeaders);
    if (email < 0 || status < 0) {
        parsed.columnsNotFound = true;
        parsed.error = Error { ErrorCode::InvalidFile,
            QCoreApplication::translate("rmsam::UserReport",
                "Cannot find the %1 column among the file's columns (%2). Choose the columns to use "
                "(command line: --email-column and --status-column).")
                .arg(email < 0 ? QCoreApplication::translate("rmsam::UserReport", "email")
                               : QCoreApplication::translate("rmsam::UserReport", "status"),
                    excerpt(row.join(QStringLiteral(", ")))),
            {} };
        return parsed;
    }

    UserReport report;
    report.encoding = reader.encodingName();
    report.headers = row;
    QStringList problems;
    QHash<QString, QPair<bool, int>> seen; // email → (active, line)
    while (reader.readRow(&row)) {
        const int line = reader.lineNumber();
        if (row.size() == 1 && row.first().trimmed().isEmpty()) {
            continue; // a blank line
        }
        if (row.size() != report.headers.size()) {
            problems.append(QCoreApplication::translate(
                "rmsam::UserReport", "Line %1 has %2 fields but the header has %3.")
                                .arg(line)
                                .arg(row.size())
                                .arg(report.headers.size()));
        } else {
            const QString address = row.at(email).trimmed();
            const QString value = key(row.at(status));
            const bool active = activeValues.contains(value);
            if (address.isEmpty() || !address.contains(QLatin1Char('@'))
                || address.contains(QLatin1Char(' '))) {
                problems.append(QCoreApplication::translate(
                    "rmsam::UserReport", "Line %1: \"%2\" is not an email address.")
                                    .arg(line)
                                    .arg(excerpt(address)));
            } else if (!active && !inactiveValues.contains(value)) {
                problems.append(QCoreApplication::translate(
                    "rmsam::UserReport", "Line %1: the status \"%2\" is neither active nor inactive.")
                                    .arg(line)
                                    .arg(excerpt(row.at(status).trimmed())));
            } else if (auto it = seen.constFind(key(address)); it != seen.cend() && it->first != active) {
                problems.append(QCoreApplication::translate("rmsam::UserReport",
                    "Line %1: %2 is listed again with another status (first on line %3).")
                                    .arg(line)
                                    .arg(excerpt(address))
                                    .arg(it->second));
            } else {
                seen.insert(key(address), { active, line });
                report.emailsActive.append({ address, active });
                report.activeCount += active;
            }
        }
        if (problems.size() >= MaxProblems) {
            break;
        }
    }
    if (reader.error()) {
        problems.append(reader.error()->message);
    }
    if (!problems.isEmpty()) {
        parsed.error = Error { ErrorCode::InvalidFile,
            QCoreApplication::translate(
                "rmsam::UserReport", "The User report was not attached; the previous one stays. %1")
                .arg(problems.join(QLatin1Char(' '))),
            problems.join(QLatin1Char('\n')) };
        return parsed;
    }
    if (report.emailsActive.isEmpty()) {
        parsed.error = Error { ErrorCode::InvalidFile,
            QCoreApplication::translate(
                "rmsam::UserReport", "The User report lists no users: it has a header only."),
            {} };
        return parsed;
    }
    parsed.report = report;
    return parsed;
}

} // namespace rmsam
