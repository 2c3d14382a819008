#include "csv/UserReport.h"

#include "core/Excerpt.h"
#include "csv/CsvReader.h"
#include "csv/HeaderColumns.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>
#include <vector>

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

using HeaderColumns::key;

// A row Excel writes for a formatted but empty line: nothing, or only delimiters and spaces.
bool isBlank(const CsvRow& row)
{
    for (qsizetype i = 0; i < row.size(); ++i) {
        const QByteArrayView field = row.field(i);
        const bool ascii = std::all_of(field.begin(), field.end(), [](char c) { return uchar(c) < 0x80; });
        if (ascii ? !QByteArrayView(field).trimmed().isEmpty() : !row.text(i).trimmed().isEmpty()) {
            return false;
        }
    }
    return true;
}

// The users listed so far, in little memory: a 64-bit fingerprint of each case-folded address
// with the line and status last seen (12 bytes a user rather than a string), to tell a user
// listed twice with two statuses. Two addresses with one fingerprint would be taken for one
// user: among a million users the odds are about 1 in 30 million, and only a conflict of status
// is acted on (the report is refused, nothing stored).
class SeenUsers
{
public:
    struct Seen
    {
        bool found = false;
        bool active = false;
        int line = 0;
    };

    // What was seen for this key, then records it with this line and status.
    Seen see(const QString& key, int line, bool active)
    {
        if ((m_count + 1) * 10 > m_fingerprints.size() * 7) {
            grow();
        }
        quint64 fingerprint = fingerprintOf(key);
        fingerprint += fingerprint == 0; // 0 marks a free slot
        const size_t slot = find(fingerprint);
        Seen seen;
        if (m_fingerprints[slot] == fingerprint) {
            seen = { true, (m_values[slot] & ActiveBit) != 0, int(m_values[slot] & ~ActiveBit) };
        } else {
            m_fingerprints[slot] = fingerprint;
            ++m_count;
        }
        m_values[slot] = quint32(line) | (active ? ActiveBit : 0);
        return seen;
    }

    // The same for a key in every process, unlike qHash(): Qt 6.4's qHash(QString, seed) also
    // mixes in a seed drawn per process, and under some of those (2 processes in 40 here) a million
    // addresses had 231 fingerprints in common, refusing a valid report. Each 8 bytes of the key go
    // into the state through SplitMix64's finaliser, a bijection: two keys of one length that
    // differ in one place never share a fingerprint; otherwise the odds are those of 64 random bits.
    static quint64 fingerprintOf(QStringView key)
    {
        const auto mix = [](quint64 x) {
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
            return x ^ (x >> 31);
        };
        quint64 state = mix(quint64(key.size()) + 0x9E3779B97F4A7C15ULL);
        for (qsizetype i = 0; i < key.size(); i += 4) {
            quint64 word = 0;
            for (qsizetype j = i; j < std::min(i + 4, key.size()); ++j) {
                word = (word << 16) | key.at(j).unicode();
            }
            state = mix(state ^ word);
        }
        return state;
    }

private:
    static constexpr quint32 ActiveBit = 0x80000000U;

    size_t find(quint64 fingerprint) const
    {
        const size_t mask = m_fingerprints.size() - 1;
        size_t slot = size_t(fingerprint) & mask;
        while (m_fingerprints[slot] != 0 && m_fingerprints[slot] != fingerprint) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    void grow()
    {
        std::vector<quint64> fingerprints(std::max<size_t>(1024, m_fingerprints.size() * 2), 0);
        std::vector<quint32> values(fingerprints.size(), 0);
        fingerprints.swap(m_fingerprints);
        values.swap(m_values);
        for (size_t i = 0; i < fingerprints.size(); ++i) {
            if (fingerprints[i] != 0) {
                const size_t slot = find(fingerprints[i]);
                m_fingerprints[slot] = fingerprints[i];
                m_values[slot] = values[i];
            }
        }
    }

    std::vector<quint64> m_fingerprints;
    std::vector<quint32> m_values;
    size_t m_count = 0;
};

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

// What is wrong with one row after the header, or an empty string; `user` is set when it is
// a user to store (not a blank line). A user listed again with the same status is handed on
// again: the store keeps one.
QString rowProblem(const CsvRow& row, int line, const UserReport& report, Columns columns, SeenUsers* seen,
    std::optional<ListedUser>* user)
{
    user->reset();
    if (isBlank(row)) {
        return {}; // a blank line, or Excel's ",,,," for one
    }
    if (row.size() != report.headers.size()) {
        return QCoreApplication::translate(
            "rmsam::UserReport", "Line %1 has %2 fields but the header has %3.")
            .arg(line)
            .arg(row.size())
            .arg(report.headers.size());
    }
    const QString address = row.text(columns.email).trimmed();
    const QString status = row.text(columns.status);
    const QString value = key(status);
    const bool active = activeValues().contains(value);
    if (address.isEmpty() || !address.contains(QLatin1Char('@')) || address.contains(QLatin1Char(' '))) {
        return QCoreApplication::translate("rmsam::UserReport", "Line %1: \"%2\" is not an email address.")
            .arg(line)
            .arg(excerpt(address));
    }
    if (!active && !inactiveValues().contains(value)) {
        return QCoreApplication::translate(
            "rmsam::UserReport", "Line %1: the status \"%2\" is neither active nor inactive.")
            .arg(line)
            .arg(excerpt(status.trimmed()));
    }
    QString folded = key(address);
    // A conflict keeps the line first seen; a repeat with the same status moves it on.
    const SeenUsers::Seen before = seen->see(folded, line, active);
    if (before.found && before.active != active) {
        seen->see(folded, before.line, before.active);
        return QCoreApplication::translate(
            "rmsam::UserReport", "Line %1: %2 is listed again with another status (first on line %3).")
            .arg(line)
            .arg(excerpt(address))
            .arg(before.line);
    }
    user->emplace(ListedUser { address, std::move(folded), active, before.found });
    return {};
}

// Hands the users of the rows after the header to eachUser, counting them in `report`; returns
// what is wrong with the rows, stopping after MaxProblems, then the reader's error if any.
// After the first problem no more users are handed on: the report will be refused.
QStringList readUsers(CsvReader* reader, Columns columns, UserReport* report, const ListedUserSink& eachUser,
    std::optional<Error>* sinkError)
{
    QStringList problems;
    SeenUsers seen;
    CsvRow row;
    std::optional<ListedUser> user;
    while (reader->readRow(&row)) {
        const int line = reader->lineNumber();
        if (QString problem = rowProblem(row, line, *report, columns, &seen, &user); !problem.isEmpty()) {
            problems.append(std::move(problem));
            if (problems.size() >= MaxProblems) {
                break;
            }
        } else if (user) {
            // Counted once, as they are stored: the profile page shows the stored count.
            report->users += !user->listedBefore;
            report->activeCount += user->active && !user->listedBefore;
            if (problems.isEmpty()) {
                if (auto taken = eachUser(*user); !taken) {
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

ParsedUserReport readUserReport(
    QIODevice* device, const UserReportOptions& options, const ListedUserSink& eachUser)
{
    ParsedUserReport parsed;
    // The known header names tell a comma from a semicolon or a tab: the delimiter is the one that
    // splits the first line into a header with both columns.
    CsvReader reader(device, {}, [&options](const QStringList& header) {
        return HeaderColumns::find(header, options.emailColumn, emailHeaders()) >= 0
            && HeaderColumns::find(header, options.statusColumn, statusHeaders()) >= 0;
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
    const Columns columns { HeaderColumns::find(header, options.emailColumn, emailHeaders()),
        HeaderColumns::find(header, options.statusColumn, statusHeaders()) };
    if (auto error = headerError(header, columns, reader, &parsed.columnsNotFound)) {
        parsed.error = std::move(error);
        CsvRow row;
        while (parsed.columnsNotFound && parsed.sampleRows.size() < ParsedUserReport::SampleRowCount
            && reader.readRow(&row)) {
            if (!isBlank(row)) {
                parsed.sampleRows.append(row.texts());
            }
        }
        return parsed;
    }

    UserReport report;
    report.encoding = reader.encodingName();
    report.headers = header;
    const QStringList problems = readUsers(&reader, columns, &report, eachUser, &parsed.error);
    if (parsed.error) {
        return parsed; // eachUser's own
    }
    if (!problems.isEmpty()) {
        parsed.error = Error { ErrorCode::InvalidFile,
            QCoreApplication::translate(
                "rmsam::UserReport", "The User report was not attached; the previous one stays. %1")
                .arg(problems.join(QLatin1Char(' '))),
            problems.join(QLatin1Char('\n')) };
        return parsed;
    }
    if (report.users == 0) {
        parsed.error = Error { ErrorCode::InvalidFile,
            QCoreApplication::translate(
                "rmsam::UserReport", "The User report lists no users: it has a header only."),
            {} };
        return parsed;
    }
    parsed.report = std::move(report);
    return parsed;
}

ParsedUserReport readUserReport(QIODevice* device, const UserReportOptions& options)
{
    QList<QPair<QString, bool>> emailsActive;
    ParsedUserReport parsed = readUserReport(device, options, [&emailsActive](const ListedUser& user) {
        emailsActive.append({ user.email, user.active });
        return Result<void> {};
    });
    if (parsed.report) {
        parsed.report->emailsActive = std::move(emailsActive);
    }
    return parsed;
}

} // namespace rmsam
