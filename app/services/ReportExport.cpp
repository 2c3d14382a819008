// A profile's table as CSV, from the database to the writer. The Subscriptions table, the one
// that grows with the account, goes a row at a time as the query returns it: no record, no
// QVariant row and no QDateTime per row (issue 15: an export of 100,000 rows spent most of its
// time building the table and parsing and formatting dates). Its bytes are exactly those of
// writeCsv() over build()'s table; tst_services compares the two.

#include "core/Exclusion.h"
#include "csv/CsvWriter.h"
#include "services/Evaluation.h"
#include "services/Reports.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QIODevice>
#include <array>
#include <functional>

namespace rmsam::Reports {
namespace {

// A time as SqlColumns::timeOrNull() stores it ("2026-11-30T10:47:46.123Z") when it is one:
// csvValue() writes it without its milliseconds.
bool isStoredUtcTime(QStringView text)
{
    if (text.size() != 24) {
        return false;
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const char16_t separator = i == 4 || i == 7 ? u'-'
            : i == 10                               ? u'T'
            : i == 13 || i == 16                    ? u':'
            : i == 19                               ? u'.'
            : i == 23                               ? u'Z'
                                                    : 0;
        if (separator ? c != separator : (c < u'0' || c > u'9')) {
            return false;
        }
    }
    const auto number = [text](qsizetype from, qsizetype length) {
        int n = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            n = n * 10 + (text.at(i).unicode() - u'0');
        }
        return n;
    };
    return QDate::isValid(number(0, 4), number(5, 2), number(8, 2))
        && QTime::isValid(number(11, 2), number(14, 2), number(17, 2), number(20, 3));
}

// A stored time as csvValue(timeFrom(stored)) writes it, without a QDateTime for the usual form.
void addTime(CsvWriter& writer, const QVariant& stored)
{
    if (stored.isNull()) {
        writer.addField({});
        return;
    }
    const QString text = stored.toString();
    if (!isStoredUtcTime(text)) {
        writer.addField(csvValue(SqlColumns::timeFrom(stored)));
        return;
    }
    std::array<char16_t, 20> seconds {};
    std::copy_n(text.utf16(), 19, seconds.begin());
    seconds.back() = u'Z';
    writer.addField(QStringView(seconds.data(), qsizetype(seconds.size())));
}

// Display names by stored code: an export has a handful of distinct roles, seat types and sources.
class DisplayNames
{
public:
    explicit DisplayNames(std::function<QString(const QString&)> name)
        : m_name(std::move(name))
    { }
    QString operator()(const QString& code)
    {
        auto found = m_names.constFind(code);
        if (found == m_names.cend()) {
            found = m_names.insert(code, m_name(code));
        }
        return found.value();
    }

private:
    std::function<QString(const QString&)> m_name;
    QHash<QString, QString> m_names;
};

// The Subscriptions rows of build(), written as the query returns them.
Result<int> writeSubscriptions(Database& database, qint64 profileId, CsvWriter& writer)
{
    auto context = Reclamation::seatContext(database, profileId);
    if (!context) {
        return context.error();
    }
    const QString failure
        = QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot read the subscriptions.");
    // SubscriptionRepository::records()'s rows, in its order.
    auto query = database.run(
        QStringLiteral(
            "SELECT user_id, email, first_name, last_name, role, seat_type, invited, last_login, "
            "last_activity, activity_source FROM subscription WHERE profile_id = :p ORDER BY email"),
        { { QStringLiteral(":p"), profileId } }, failure);
    if (!query) {
        return query.error();
    }
    DisplayNames roles([](const QString& code) { return Roles::displayName(code); });
    DisplayNames seatTypes([](const QString& code) {
        const auto type = SeatTypes::fromCode(code);
        return type ? SeatTypes::displayName(*type)
                    : QCoreApplication::translate("rmsam::Reports", "Unrecognized");
    });
    DisplayNames sources([](const QString& code) {
        return ActivityRules::sourceDisplayName(ActivityRules::sourceFromCode(code));
    });
    SoftwareSubscription matched; // what the exclusion rules look at: the email and the role
    QSqlQuery& q = query.value();
    int rows = 0;
    while (q.next()) {
        const QString userId = q.value(0).toString();
        matched.email = q.value(1).toString();
        const auto status = Reclamation::seatStatus(
            userId, matched.email, context.value().report, context.value().deactivated);
        if (status != Reclamation::SeatStatus::Holding && status != Reclamation::SeatStatus::Reactivated) {
            continue;
        }
        matched.role = q.value(4).toString();
        writer.addField(userId);
        writer.addField(matched.email);
        writer.addField(q.value(2).toString());
        writer.addField(q.value(3).toString());
        writer.addField(roles(matched.role));
        writer.addField(seatTypes(q.value(5).toString()));
        writer.addField(q.value(6).toInt() != 0 ? u"true" : u"false");
        writer.addField(Exclusions::isExcluded(matched, context.value().exclusions) ? u"true" : u"false");
        addTime(writer, q.value(7));
        addTime(writer, q.value(8));
        writer.addField(sources(q.value(9).toString()));
        writer.endRow();
        ++rows;
    }
    if (q.lastError().isValid()) {
        return Database::storageError(failure, q.lastError(), database.filePath());
    }
    return rows;
}

} // namespace

Result<CsvExport> exportCsv(
    Database& database, qint64 profileId, ReportKind kind, QIODevice* device, bool translatedHeaders)
{
    CsvWriter writer(device);
    writer.writeRow(translatedHeaders ? Reports::translatedHeaders(kind) : headers(kind));
    if (kind == ReportKind::Subscriptions) {
        auto rows = writeSubscriptions(database, profileId, writer);
        if (!rows) {
            return rows.error();
        }
        return CsvExport { rows.value(), writer.finish() };
    }
    auto reports = build(database, profileId, { kind });
    if (!reports) {
        return reports.error();
    }
    const QList<QList<QVariant>> rows = reports.value().value(kind).rows;
    for (const QList<QVariant>& row : rows) {
        for (const QVariant& value : row) {
            writer.addField(csvValue(value));
        }
        writer.endRow();
    }
    return CsvExport { int(rows.size()), writer.finish() };
}

} // namespace rmsam::Reports
