#pragma once

#include <QByteArray>
#include <QStringList>

class QIODevice;

namespace rmsam {

// Writes RFC 4180 CSV: CRLF row ends, fields quoted only when they must be, UTF-8 with a BOM by
// default (so Excel reads Japanese text correctly), and formula-safe: a cell starting with
// =, +, -, @, TAB or CR gets a leading ' so a spreadsheet shows it instead of running it
// (OWASP, CSV injection).
class CsvWriter
{
public:
    struct Options
    {
        bool byteOrderMark = true;
        bool formulaGuard = true;
    };

    CsvWriter(QIODevice* device, Options options);
    explicit CsvWriter(QIODevice* device)
        : CsvWriter(device, Options {})
    { }
    ~CsvWriter();
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    void writeRow(const QStringList& fields);
    // The same row a field at a time, for callers that stream rows without building a list:
    // writeRow({ a, b }) writes the same bytes as addField(a); addField(b); endRow().
    void addField(QStringView field);
    void endRow();
    // Flushes the buffer; false when the device refused to write.
    bool finish();

    // One field as it will be written (guarded and quoted as needed); for tests and callers
    // that build rows themselves.
    static QByteArray encodeField(const QString& field, bool formulaGuard = true);
    // Undoes the guard on a value read back from our own export.
    static QString unguard(const QString& field);

private:
    void flush();
    void start();
    // addField() of a field of ASCII characters only, encoded here without a QString or
    // QByteArray of its own: the bulk of an export. special: it holds a comma, quote or line end.
    void appendAscii(QStringView field, bool special);

    QIODevice* m_device;
    Options m_options;
    QByteArray m_buffer;
    bool m_started = false;
    bool m_failed = false;
    bool m_rowEmpty = true; // no field added to the current row yet
};

} // namespace rmsam
