#include "csv/HrRoster.h"

#include "core/Excerpt.h"
#include "csv/CsvReader.h"
#include "csv/HeaderColumns.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace rmsam::HrRosters {
namespace {

constexpr int MaxProblems = 20;

using HeaderColumns::key;

// The column names and status values recognised, case-folded: English and Japanese.
const QStringList& emailHeaders()
{
    static const QStringList words = { QStringLiteral("email"), QStringLiteral("e-mail"),
        QStringLiteral("email address"), QStringLiteral("e-mail address"), QStringLiteral("work email"),
        QStringLiteral("work e-mail"), QStringLiteral("business email"), QStringLiteral("primary email"),
        QStringLiteral("mail"), QStringLiteral("user principal name"), QStringLiteral("userprincipalname"),
        QStringLiteral("メール"), QStringLiteral("メールアドレス"), QStringLiteral("eメール"),
        QStringLiteral("ｅメール"), QStringLiteral("社用メールアドレス") };
    return words;
}

// A roster's own words for its status column; "status" alone is the User report's too.
const QStringList& employmentStatusHeaders()
{
    static const QStringList words = { QStringLiteral("employment status"), QStringLiteral("employee status"),
        QStringLiteral("worker status"), QStringLiteral("在籍状況"), QStringLiteral("在籍区分"),
        QStringLiteral("在職状況") };
    return words;
}

const QStringList& statusHeaders()
{
    static const QStringList words = employmentStatusHeaders()
        + QStringList { QStringLiteral("status"), QStringLiteral("account status"), QStringLiteral("state"),
              QStringLiteral("ステータス"), QStringLiteral("状態") };
    return words;
}

const QStringList& endDateHeaders()
{
    static const QStringList words = { QStringLiteral("end date"), QStringLiteral("termination date"),
        QStringLiteral("last day"), QStringLiteral("last working day"), QStringLiteral("leaving date"),
        QStringLiteral("separation date"), QStringLiteral("退職日"), QStringLiteral("最終出社日"),
        QStringLiteral("退社日") };
    return words;
}

const QStringList& leftValues()
{
    static const QStringList words
        = { QStringLiteral("terminated"), QStringLiteral("inactive"), QStringLiteral("left"),
              QStringLiteral("leaver"), QStringLiteral("former"), QStringLiteral("resigned"),
              QStringLiteral("retired"), QStringLiteral("separated"), QStringLiteral("deactivated"),
              QStringLiteral("disabled"), QStringLiteral("退職"), QStringLiteral("退職済"),
              QStringLiteral("退職済み"), QStringLiteral("離職"), QStringLiteral("無効") };
    return words;
}

const QStringList& employedValues()
{
    static const QStringList words = { QString(), QStringLiteral("active"), QStringLiteral("employed"),
        QStringLiteral("current"), QStringLiteral("enabled"), QStringLiteral("on leave"),
        QStringLiteral("leave of absence"), QStringLiteral("在籍"), QStringLiteral("在籍中"),
        QStringLiteral("在職"), QStringLiteral("在職中"), QStringLiteral("有効"), QStringLiteral("休職"),
        QStringLiteral("休職中") };
    return words;
}

bool isBlank(const CsvRow& row)
{
    for (qsizetype i = 0; i < row.size(); ++i) {
        if (!row.text(i).trimmed().isEmpty()) {
            return false;
        }
    }
    return true;
}

struct Columns
{
    int email = -1;
    int status = -1;
    int endDate = -1;
};

Columns columnsOf(const QStringList& header, const HrRosterOptions& options)
{
    return { HeaderColumns::find(header, options.emailColumn, emailHeaders()),
        HeaderColumns::find(header, options.statusColumn, statusHeaders()),
        HeaderColumns::find(header, options.endDateColumn, endDateHeaders()) };
}

// The column asked for by name or number that the header lacks, or the email column; empty when
// every column needed is there.
QString missingColumn(Columns columns, const HrRosterOptions& options)
{
    if (columns.email < 0) {
        return QCoreApplication::translate("rmsam::HrRoster", "email");
    }
    if (columns.status < 0 && !options.statusColumn.isEmpty()) {
        return QCoreApplication::translate("rmsam::HrRoster", "status");
    }
    if (columns.endDate < 0 && !options.endDateColumn.isEmpty()) {
        return QCoreApplication::translate("rmsam::HrRoster", "end date");
    }
    return {};
}

std::optional<Error> headerError(const QStringList& header, Columns columns, const HrRosterOptions& options,
    const CsvReader& reader, bool* columnsNotFound)
{
    const QString missing = missingColumn(columns, options);
    if (missing.isEmpty()) {
        return std::nullopt;
    }
    if (header.size() < 2 && columns.email < 0) {
        // Choosing columns cannot help: the line is not split at all.
        return Error { ErrorCode::InvalidFile,
            QCoreApplication::translate("rmsam::HrRoster",
                "The first line of the file is a single column (\"%1\"), read as %2: it is separated by "
                "neither commas, semicolons nor tabs. Save the roster again as CSV.")
                .arg(excerpt(header.value(0)), reader.encodingName()),
            {} };
    }
    *columnsNotFound = true;
    return Error { ErrorCode::InvalidFile,
        QCoreApplication::translate("rmsam::HrRoster",
            "Cannot find the %1 column among the roster's %2 columns (%3). Choose the columns to use "
            "(command line: --email-column, --status-column and --end-date-column).")
            .arg(missing)
            .arg(header.size())
            .arg(excerpt(header.join(QStringLiteral(", ")))),
        {} };
}

// D/M/YYYY or M/D/YYYY (also with dots or dashes) when the day tells which: over 12.
QDate dayMonthYear(const QString& text)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})$"));
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch()) {
        return {};
    }
    const int a = m.captured(1).toInt();
    const int b = m.captured(2).toInt();
    const int year = m.captured(3).toInt();
    if (a > 12 && b <= 12) {
        return QDate(year, b, a);
    }
    if (b > 12 && a <= 12) {
        return QDate(year, a, b);
    }
    return {}; // both could be the month: ambiguous
}

QString rowProblem(const CsvRow& row, int line, const RosterSummary& summary, Columns columns,
    std::optional<ListedEmployee>* employee)
{
    employee->reset();
    if (isBlank(row)) {
        return {};
    }
    if (row.size() != summary.headers.size()) {
        return QCoreApplication::translate("rmsam::HrRoster", "Line %1 has %2 fields but the header has %3.")
            .arg(line)
            .arg(row.size())
            .arg(summary.headers.size());
    }
    const QString address = row.text(columns.email).trimmed();
    if (address.isEmpty() || !address.contains(QLatin1Char('@')) || address.contains(QLatin1Char(' '))) {
        return QCoreApplication::translate("rmsam::HrRoster", "Line %1: \"%2\" is not an email address.")
            .arg(line)
            .arg(excerpt(address));
    }
    RosterEmployee e;
    if (columns.status >= 0) {
        const QString status = key(row.text(columns.status));
        e.left = leftValues().contains(status);
        if (!e.left && !employedValues().contains(status)) {
            return QCoreApplication::translate(
                "rmsam::HrRoster", "Line %1: the status \"%2\" says neither employed nor left.")
                .arg(line)
                .arg(excerpt(row.text(columns.status).trimmed()));
        }
    }
    if (columns.endDate >= 0) {
        const QString date = row.text(columns.endDate).trimmed();
        e.endDate = parseEndDate(date);
        if (!date.isEmpty() && !e.endDate.isValid()) {
            return QCoreApplication::translate("rmsam::HrRoster",
                "Line %1: \"%2\" is not a date the app can read without guessing (use YYYY-MM-DD).")
                .arg(line)
                .arg(excerpt(date));
        }
    }
    employee->emplace(ListedEmployee { address, key(address), e });
    return {};
}

QStringList readEmployees(CsvReader* reader, Columns columns, const QDate& today, RosterSummary* summary,
    const ListedEmployeeSink& eachEmployee, std::optional<Error>* sinkError)
{
    QStringList problems;
    CsvRow row;
    std::optional<ListedEmployee> employee;
    while (reader->readRow(&row)) {
        const int line = reader->lineNumber();
        if (QString problem = rowProblem(row, line, *summary, columns, &employee); !problem.isEmpty()) {
            problems.append(std::move(problem));
            if (problems.size() >= MaxProblems) {
                break;
            }
        } else if (employee) {
            ++summary->employees;
            const RosterEmployee& e = employee->employee;
            summary->leavers += e.left || (e.endDate.isValid() && e.endDate < today);
            if (problems.isEmpty()) {
                if (auto taken = eachEmployee(*employee); !taken) {
                    *sinkError = taken.error();
                    return {};
                }
            }
        }
    }
    if (reader->error()) {
        problems.append(reader->error()->message);
    }
    return problems;
}

} // namespace

QDate parseEndDate(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        return {};
    }
    static const QRegularExpression yearFirst(
        QStringLiteral("^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T ].*)?$"));
    static const QRegularExpression japanese(QStringLiteral("^(\\d{4})年\\s*(\\d{1,2})月\\s*(\\d{1,2})日$"));
    for (const QRegularExpression* form : { &yearFirst, &japanese }) {
        if (const QRegularExpressionMatch m = form->match(t); m.hasMatch()) {
            return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        }
    }
    return dayMonthYear(t);
}

bool looksLikeRoster(const QStringList& header)
{
    if (HeaderColumns::find(header, {}, emailHeaders()) < 0) {
        return false;
    }
    return HeaderColumns::find(header, {}, endDateHeaders()) >= 0
        || HeaderColumns::find(header, {}, employmentStatusHeaders()) >= 0
        || HeaderColumns::find(header, {}, statusHeaders()) < 0;
}

bool looksLikeRoster(QIODevice* device)
{
    CsvReader reader(device, {},
        [](const QStringList& header) { return HeaderColumns::find(header, {}, emailHeaders()) >= 0; });
    QStringList header;
    return reader.readRow(&header) && looksLikeRoster(header);
}

ParsedHrRoster read(QIODevice* device, const HrRosterOptions& options, const QDate& today,
    const ListedEmployeeSink& eachEmployee)
{
    ParsedHrRoster parsed;
    CsvReader reader(device, {}, [&options](const QStringList& header) {
        return HeaderColumns::find(header, options.emailColumn, emailHeaders()) >= 0;
    });
    QStringList header;
    if (!reader.readRow(&header)) {
        parsed.error = reader.error().value_or(Error { ErrorCode::InvalidFile,
            QCoreApplication::translate("rmsam::HrRoster", "The roster file is empty."), {} });
        return parsed;
    }
    parsed.headers = header;
    const Columns columns = columnsOf(header, options);
    if (auto error = headerError(header, columns, options, reader, &parsed.columnsNotFound)) {
        parsed.error = std::move(error);
        CsvRow row;
        while (parsed.columnsNotFound && parsed.sampleRows.size() < ParsedHrRoster::SampleRowCount
            && reader.readRow(&row)) {
            if (!isBlank(row)) {
                parsed.sampleRows.append(row.texts());
            }
        }
        return parsed;
    }
    RosterSummary summary;
    summary.encoding = reader.encodingName();
    summary.headers = header;
    const QStringList problems
        = readEmployees(&reader, columns, today, &summary, eachEmployee, &parsed.error);
    if (parsed.error) {
        return parsed;
    }
    if (!problems.isEmpty()) {
        parsed.error = Error { ErrorCode::InvalidFile,
            QCoreApplication::translate(
                "rmsam::HrRoster", "The HR roster was not attached; the previous one stays. %1")
                .arg(problems.join(QLatin1Char(' '))),
            problems.join(QLatin1Char('\n')) };
        return parsed;
    }
    if (summary.employees == 0) {
        parsed.error = Error { ErrorCode::InvalidFile,
            QCoreApplication::translate(
                "rmsam::HrRoster", "The HR roster lists nobody: it has a header only."),
            {} };
        return parsed;
    }
    parsed.roster = std::move(summary);
    return parsed;
}

} // namespace rmsam::HrRosters
