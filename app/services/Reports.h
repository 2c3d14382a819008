#pragma once

#include "core/EnumTable.h"
#include "core/Exclusion.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QVariant>
#include <optional>

class QIODevice;

namespace rmsam {

class Database;
struct ProfileSnapshot;

// The tables of a profile, as the GUI shows them and as they are exported.
enum class ReportKind
{
    Subscriptions,
    Activity,
    InactivePerReport,
    Unrecognized,
    Exclusions,
    ScheduledJobs,
    JobResults,
    SoftwareModels,
    Candidates,
    License,
    Audit,
    Changes, // who joined, left or changed role at the latest subscriptions sync
    Roster, // seat holders missing from the HR roster or listed there as gone
};

// Rows of raw values (text, numbers, booleans, UTC date-times) under stable English headers.
struct Report
{
    ReportKind kind = ReportKind::Subscriptions;
    QStringList headers;
    QList<QList<QVariant>> rows;
};

namespace Reports {

const EnumTable<ReportKind>& table(); // in the order of the GUI's tabs
QList<ReportKind> all();
// "subscriptions", "activity", "changes", "inactive", "unrecognized", "exclusions", "scheduled",
// "jobs", "models", "candidates", "license", "audit", "roster"
QString code(ReportKind kind);
std::optional<ReportKind> fromCode(const QString& code);
QString title(ReportKind kind); // translated tab title
QStringList headers(ReportKind kind); // stable English
QStringList translatedHeaders(ReportKind kind);
// The Exclusions table's "Excluded By" of a rule (translated).
QString exclusionKindText(ExclusionRule::Kind kind);

// Every table of the profile, reading the snapshot once. With a User report attached, users it
// does not list as active move from Subscriptions and Activity to InactivePerReport.
Result<QHash<ReportKind, Report>> build(Database& database, qint64 profileId);
// Only these tables (an export needs one): the same rows, less work.
Result<QHash<ReportKind, Report>> build(Database& database, qint64 profileId, const QList<ReportKind>& kinds);
// The same from a snapshot already read (the window reads it once for its tables and dashboard).
Result<QHash<ReportKind, Report>> build(
    Database& database, qint64 profileId, const QList<ReportKind>& kinds, const ProfileSnapshot& snapshot);

// What exportCsv() wrote: its rows, and whether the device took every byte (when not, its
// errorString() says why).
struct CsvExport
{
    int rows = 0;
    bool written = false;
};
// One table of the profile as CSV, the same bytes as writeCsv() of build()'s table, read and
// written by the export (command line and GUI) in one go: the Subscriptions as the query returns
// them, a row at a time, never the whole table in memory; the other tables built first. A table
// that cannot be read is an error, and what was written of it is not the table.
Result<CsvExport> exportCsv(
    Database& database, qint64 profileId, ReportKind kind, QIODevice* device, bool translatedHeaders);

// RFC 4180, UTF-8 with BOM, formula-safe, dates as ISO-8601 UTC.
bool writeCsv(const Report& report, QIODevice* device, bool translatedHeaders);
// The same for any table of raw values (the dashboard's charts export through it).
bool writeCsv(const QStringList& headers, const QList<QList<QVariant>>& rows, QIODevice* device);
// A raw value as a CSV cell: dates ISO-8601 UTC, booleans true/false.
QString csvValue(const QVariant& value);
// The cells of some columns are texts the database keeps as written, often in English (the
// change log's summaries, the candidates' justifications): build() and the exports keep them so,
// a screen shows them through this, in the user's language. Null for the other columns.
using CellText = QString (*)(const QString& value);
CellText displayOfStoredText(ReportKind kind, const QString& header);
// Header texts from a table definition: as written (stable English) or translated in context.
QStringList headerTexts(const QList<const char*>& headers, const char* context, bool translated);

} // namespace Reports
} // namespace rmsam
