#pragma once

#include <QByteArray>
#include <QStringList>
#include <QUtf8StringView>

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
    // A field given as UTF-8 (read so from the database): the same bytes as addField(QStringView)
    // of its text.
    void addField(QUtf8StringView field);
    // A field as encodeField() gave it: for values written many times (names, "true").
    void addEncodedField(QByteArrayView encoded);
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
    // Starts the next field of the row: the separator after the first.
    void beginField();
    // Whether a field of ASCII characters, its first and last given, is written as it is: no
    // quotes and no guard (special: it holds a comma, quote or line end).
    bool asItIs(char16_t first, char16_t last, bool special) const;
    // A field as addField() writes it, after its separator.
    void appendField(QStringView field);
    // appendField() of a field of ASCII characters only, encoded here without a QString or
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
