#include "csv/UserReport.h"

#include "core/Excerpt.h"
#include "csv/CsvReader.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>

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

// A row Excel writes for a formatted but empty line: nothing, or only delimiters and spaces.
bool isBlank(const QStringList& row)
{
    return std::all_of(
        row.cbegin(), row.cend(), [](const QString& field) { return field.trimmed().isEmpty(); });
}

QString delimiterName(QChar delimiter)
{
    if (delimiter == QLatin1Char(';')) {
        return QCoreApplication::translate("rmsam::UserReport", "semicolons");
    }
    if (delimiter == QLatin1Char('\t')) {
        return QCoreApplication::translate("rmsam::UserReport", "tabs");
    }
    return QCoreApplication::translate("rmsam::UserReport", "commas");
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
    // The known header names tell a comma from a semicolon or a tab: the delimiter is the one that
    // splits the first line into a header with both columns.
    CsvReader reader(device, {}, [&options](const QStringList& header) {
        return findColumn(header, options.emailColumn, emailHeaders) >= 0
            && findColumn(header, options.statusColumn, statusHeaders) >= 0;
    });
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
    if (row.size() < 2 && email < 0) {
        // Choosing columns cannot help: the line is not split at all.
        parsed.error = Error { ErrorCode::InvalidFile,
            QCoreApplication::translate("rmsam::UserReport",
                "The first line of the file is a single column (\"%1\"), read as %2: it is separated by "
                "neither commas, semicolons nor tabs. Check that this is the Roadmunk User report; if it "
                "is, save it again from Excel as \"CSV UTF-8 (Comma delimited)\".")
                .arg(excerpt(row.value(0)), reader.encodingName()),
            {} };
        return parsed;
    }
    if (email < 0 || status < 0) {
        parsed.columnsNotFound = true;
        parsed.error = Error { ErrorCode::InvalidFile,
            QCoreApplication::translate("rmsam::UserReport",
                "Cannot find the %1 column among the file's %2 columns (%3), separated by %4. Choose "
                "the columns to use (command line: --email-column and --status-column).")
                .arg(email < 0 ? QCoreApplication::translate("rmsam::UserReport", "email")
                               : QCoreApplication::translate("rmsam::UserReport", "status"))
                .arg(row.size())
                .arg(excerpt(row.join(QStringLiteral(", "))), delimiterName(reader.delimiter())),
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
        if (isBlank(row)) {
            continue; // a blank line, or Excel's ",,,," for one
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
