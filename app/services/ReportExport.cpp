// A profile's table as CSV, from the database to the writer. The Subscriptions table, the one
// that grows with the account, goes a row at a time as the query returns it: no record, no
// QVariant row and no QDateTime per row, and where the database's own library can be reached
// (NativeRows) the values go from its UTF-8 to the CSV without a QString (issue 15: an export of
// 100,000 rows spent most of its time building the table, parsing and formatting dates, and
// then making a QString of every value). Its bytes are exactly those of writeCsv() over build()'s
// table, read either way; tst_services compares them.

#include "core/Exclusion.h"
#include "csv/CsvWriter.h"
#include "services/Evaluation.h"
#include "services/Reports.h"
#include "storage/Database.h"
#include "storage/NativeRows.h"

#include <QCoreApplication>
#include <QIODevice>
#include <algorithm>
#include <array>
#include <functional>
#include <type_traits>
#include <vector>

namespace rmsam::Reports {
namespace {

// A stored time (a null view for NULL) as csvValue(timeFrom(stored)) writes it, without a
// QDateTime for the usual form.
template<typename View> void addTime(CsvWriter& writer, View stored)
{
    if (stored.isNull()) {
        writer.addEncodedField({});
        return;
    }
    if (!SqlColumns::isStoredTime(stored)) {
        writer.addField(csvValue(SqlColumns::timeFrom(stored.toString())));
        return;
    }
    std::array<char, 20> seconds {}; // digits and separators: a field needs no quotes or guard
    for (qsizetype i = 0; i < 19; ++i) { // ASCII, as isStoredTime() found
        if constexpr (std::is_same_v<View, QUtf8StringView>) {
            seconds[i] = stored[i];
        } else {
            seconds[i] = char(stored[i].unicode());
        }
    }
    seconds.back() = 'Z';
    writer.addEncodedField(QByteArrayView(seconds.data(), qsizetype(seconds.size())));
}

// Display names by stored code, each encoded for the CSV once: an export has a handful of
// distinct roles, seat types and sources.
class DisplayNames
{
public:
    explicit DisplayNames(std::function<QString(const QString&)> name)
        : m_name(std::move(name))
    { }
    // View: QStringView or QUtf8StringView.
    template<typename View> QByteArray operator()(View code)
    {
        for (const Known& known : m_known) {
            if (known.is(code)) {
                return known.field;
            }
        }
        const QString text = code.toString();
        m_known.push_back({ text, text.toUtf8(), CsvWriter::encodeField(m_name(text)) });
        return m_known.back().field;
    }

private:
    struct Known
    {
        QString code;
        QByteArray utf8;
        QByteArray field; // the display name as CsvWriter::encodeField() writes it
        bool is(QStringView other) const { return code == other; }
        bool is(QUtf8StringView other) const { return QUtf8StringView(utf8) == other; }
    };

    std::function<QString(const QString&)> m_name;
    std::vector<Known> m_known;
};

// The query of the rows of build()'s Subscriptions table: SubscriptionRepository::records()'s
// rows, in its order.
constexpr auto SubscriptionsQuery
    = "SELECT user_id, email, first_name, last_name, role, seat_type, invited, last_login, "
      "last_activity, activity_source FROM subscription WHERE profile_id = ? ORDER BY email";

// A row of that query read through QSqlQuery, each value a QString.
class QueryRow
{
public:
    explicit QueryRow(const QSqlQuery& query)
    {
        for (int column = 0; column < int(m_values.size()); ++column) {
            m_values[column] = query.value(column).toString();
        }
    }
    QStringView text(int column) const { return m_values.at(column); } // null for NULL
    qint64 integer(int column) const { return m_values.at(column).toLongLong(); }

private:
    std::array<QString, 10> m_values;
};

// What each row is written with.
class SubscriptionsWriter
{
public:
    SubscriptionsWriter(const Reclamation::SeatContext& context, CsvWriter& writer)
        : m_context(context)
        , m_writer(writer)
        , m_anyNotHolding(context.report || !context.deactivated.isEmpty())
        , m_anyExclusion(std::any_of(context.exclusions.cbegin(), context.exclusions.cend(),
              [](const ExclusionRule& rule) { return rule.active; }))
    { }

    // Writes the row when its user holds a seat; whether it did. Row: QueryRow or NativeRows.
    // Its values become QStrings only for a User report, a deactivated user or an exclusion
    // rule to look at: most exports have none, and a row of text copied as it is costs less.
    template<typename Row> bool write(const Row& row)
    {
        if (m_anyNotHolding) {
            const auto status = Reclamation::seatStatus(
                row.text(0).toString(), row.text(1).toString(), m_context.report, m_context.deactivated);
            if (status != Reclamation::SeatStatus::Holding
                && status != Reclamation::SeatStatus::Reactivated) {
                return false;
            }
        }
        bool excluded = false;
        if (m_anyExclusion) {
            m_matched.email = row.text(1).toString();
            m_matched.role = row.text(4).toString();
            excluded = Exclusions::isExcluded(m_matched, m_context.exclusions);
        }
        for (int column : { 0, 1, 2, 3 }) {
            m_writer.addField(row.text(column));
        }
        m_writer.addEncodedField(m_roles(row.text(4)));
        m_writer.addEncodedField(m_seatTypes(row.text(5)));
        m_writer.addEncodedField(row.integer(6) != 0 ? "true" : "false");
        m_writer.addEncodedField(excluded ? "true" : "false");
        addTime(m_writer, row.text(7));
        addTime(m_writer, row.text(8));
        m_writer.addEncodedField(m_sources(row.text(9)));
        m_writer.endRow();
        return true;
    }

private:
    const Reclamation::SeatContext& m_context;
    CsvWriter& m_writer;
    const bool m_anyNotHolding;
    const bool m_anyExclusion;
    DisplayNames m_roles { [](const QString& code) { return Roles::displayName(code); } };
    DisplayNames m_seatTypes { [](const QString& code) {
        const auto type = SeatTypes::fromCode(code);
        return type ? SeatTypes::displayName(*type)
                    : QCoreApplication::translate("rmsam::Reports", "Unrecognized");
    } };
    DisplayNames m_sources { [](const QString& code) {
        return ActivityRules::sourceDisplayName(ActivityRules::sourceFromCode(code));
    } };
    SoftwareSubscription m_matched; // what the exclusion rules look at: the email and the role
};

// The Subscriptions rows of build(), written as the query returns them: as the UTF-8 the
// database's library holds (NativeRows) where it can, else through QSqlQuery.
Result<int> writeSubscriptions(Database& database, qint64 profileId, CsvWriter& writer)
{
    auto context = Reclamation::seatContext(database, profileId);
    if (!context) {
        return context.error();
    }
    const QString failure
        = QCoreApplication::translate("rmsam::SubscriptionRepository", "Cannot read the subscriptions.");
    const QString sql = QString::fromLatin1(SubscriptionsQuery);
    SubscriptionsWriter rowWriter(context.value(), writer);
    int rows = 0;
    auto native = NativeRows::run(database, sql, { profileId }, failure);
    if (!native) {
        return native.error();
    }
    if (std::optional<NativeRows>& direct = native.value()) {
        while (direct->next()) {
            rows += rowWriter.write(*direct) ? 1 : 0;
        }
        if (direct->error()) {
            return *direct->error();
        }
        return rows;
    }
    auto query = database.run(sql, { profileId }, failure);
    if (!query) {
        return query.error();
    }
    QSqlQuery& q = query.value();
    while (q.next()) {
        rows += rowWriter.write(QueryRow(q)) ? 1 : 0;
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
