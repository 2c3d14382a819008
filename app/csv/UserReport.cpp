#include "csv/UserReport.h"

#include "core/Excerpt.h"
#include "csv/CsvReader.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>

namespace rmsam {
namespace {

constexpr int MaxProblems = 20;

// The column names and status values recognised, case-folded: English and Japanese.
const QStringList& emailHeaders()
{
    static const QStringList words = { QStringLiteral("email"), QStringLiteral("e-mail"),
        QStringLiteral("email address"), QStringLiteral("e-mail address"), QStringLiteral("メール"),
        QStringLiteral("メールアドレス"), QStringLiteral("eメール"), QStringLiteral("ｅメール") };
    return words;
}

const QStringList& statusHeaders()
{
    static const QStringList words = { QStringLiteral("status"), QStringLiteral("user status"),
        QStringLiteral("account status"), QStringLiteral("ステータス"), QStringLiteral("状態") };
    return words;
}

const QStringList& activeValues()
{
    static const QStringList words = { QStringLiteral("active"), QStringLiteral("activated"),
        QStringLiteral("enabled"), QStringLiteral("アクティブ"), QStringLiteral("有効") };
    return words;
}

const QStringList& inactiveValues()
{
    static const QStringList words = { QStringLiteral("inactive"), QStringLiteral("deactivated"),
        QStringLiteral("disabled"), QStringLiteral("invited"), QStringLiteral("pending"),
        QStringLiteral("非アクティブ"), QStringLiteral("無効"), QStringLiteral("招待中") };
    return words;
}

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

// The header's columns, -1 where not found.
struct Columns
{
    int email = -1;
    int status = -1;
};

// Why the header cannot be used, or nullopt; sets *columnsNotFound when choosing other columns
// could help.
std::optional<Error> headerError(
    const QStringList& header, Columns columns, const CsvReader& reader, bool* columnsNotFound)
{
    if (header.size() < 2 && columns.email < 0) {
        // Choosing columns cannot help: the line is not split at all.
        return Error { ErrorCode::InvalidFile,
            QCoreApplication::translate("rmsam::UserReport",
                "The first line of the file is a single column (\"%1\"), read as %2: it is separated by "
                "neither commas, semicolons nor tabs. Check that this is the Roadmunk User report; if it "
                "is, save it again from Excel as \"CSV UTF-8 (Comma delimited)\".")
                .arg(excerpt(header.value(0)), reader.encodingName()),
            {} };
    }
    if (columns.email < 0 || columns.status < 0) {
        *columnsNotFound = true;
        return Error { ErrorCode::InvalidFile,
            QCoreApplication::translate("rmsam::UserReport",
                "Cannot find the %1 column among the file's %2 columns (%3), separated by %4. Choose "
                "the columns to use (command line: --email-column and --status-column).")
                .arg(columns.email < 0 ? QCoreApplication::translate("rmsam::UserReport", "email")
                                       : QCoreApplication::translate("rmsam::UserReport", "status"))
                .arg(header.size())
                .arg(excerpt(header.join(QStringLiteral(", "))), delimiterName(reader.delimiter())),
            {} };
    }
    return std::nullopt;
}

// Adds the users of the rows after the header to `report`; returns what is wrong with the
// rows, stopping after MaxProblems, then the reader's error if any.
QStringList readUsers(CsvReader* reader, Columns columns, UserReport* report)
{
    QStringList problems;
    QHash<QString, QPair<bool, int>> seen; // email → (active, line)
    QStringList row;
    while (reader->readRow(&row)) {
        const int line = reader->lineNumber();
        if (isBlank(row)) {
            continue; // a blank line, or Excel's ",,,," for one
        }
        if (row.size() != report->headers.size()) {
            problems.append(QCoreApplication::translate(
                "rmsam::UserReport", "Line %1 has %2 fields but the header has %3.")
                                .arg(line)
                                .arg(row.size())
                                .arg(report->headers.size()));
        } else {
            const QString address = row.at(columns.email).trimmed();
            const QString value = key(row.at(columns.status));
            const bool active = activeValues().contains(value);
            if (address.isEmpty() || !address.contains(QLatin1Char('@'))
                || address.contains(QLatin1Char(' '))) {
                problems.append(QCoreApplication::translate(
                    "rmsam::UserReport", "Line %1: \"%2\" is not an email address.")
                                    .arg(line)
                                    .arg(excerpt(address)));
            } else if (!active && !inactiveValues().contains(value)) {
                problems.append(QCoreApplication::translate(
                    "rmsam::UserReport", "Line %1: the status \"%2\" is neither active nor inactive.")
                                    .arg(line)
                                    .arg(excerpt(row.at(columns.status).trimmed())));
            } else if (auto it = seen.constFind(key(address)); it != seen.cend() && it->first != active) {
                problems.append(QCoreApplication::translate("rmsam::UserReport",
                    "Line %1: %2 is listed again with another status (first on line %3).")
                                    .arg(line)
                                    .arg(excerpt(address))
                                    .arg(it->second));
            } else {
                seen.insert(key(address), { active, line });
                report->emailsActive.append({ address, active });
                report->activeCount += active;
            }
        }
        if (problems.size() >= MaxProblems) {
            break;
        }
    }
    if (reader->error()) {
        problems.append(reader->error()->message);
    }
    return problems;
}

} // namespace

ParsedUserReport readUserReport(QIODevice* device, const UserReportOptions& options)
{
    ParsedUserReport parsed;
    // The known header names tell a comma from a semicolon or a tab: the delimiter is the one that
    // splits the first line into a header with both columns.
    CsvReader reader(device, {}, [&options](const QStringList& header) {
        return findColumn(header, options.emailColumn, emailHeaders()) >= 0
            && findColumn(header, options.statusColumn, statusHeaders()) >= 0;
    });
    QStringList header;
    if (!reader.readRow(&header)) {
        parsed.error = reader.error().value_or(Error { ErrorCode::InvalidFile,
            QCoreApplication::translate(
                "rmsam::UserReport", "The file is empty. Download the User report from Roadmunk again."),
            {} });
        return parsed;
    }
    parsed.headers = header;
    const Columns columns { findColumn(header, options.emailColumn, emailHeaders()),
        findColumn(header, options.statusColumn, statusHeaders()) };
    if (auto error = headerError(header, columns, reader, &parsed.columnsNotFound)) {
        parsed.error = std::move(error);
        return parsed;
    }

    UserReport report;
    report.encoding = reader.encodingName();
    report.headers = header;
    const QStringList problems = readUsers(&reader, columns, &report);
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
