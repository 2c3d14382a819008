#pragma once

#include "core/Result.h"
#include "csv/TextDecoder.h"

#include <QStringList>
#include <functional>
#include <optional>

class QIODevice;

namespace rmsam {

// How much of an input CsvReader reads at most (a field and a row in characters).
struct CsvLimits
{
    qint64 maxBytes = 200LL * 1024 * 1024;
    qsizetype maxFieldChars = 64 * 1024;
    qsizetype maxRowChars = 1024 * 1024;
    qsizetype maxFields = 16384; // Excel's widest sheet: it writes a delimiter per used column
};

// One row as UTF-8 bytes, its fields unquoted; decoded only where a caller asks.
class CsvRow
{
public:
    qsizetype size() const { return m_ends.size(); }
    QByteArrayView field(qsizetype i) const
    {
        const qsizetype start = i == 0 ? 0 : m_ends.at(i - 1);
        return QByteArrayView(m_bytes).sliced(start, m_ends.at(i) - start);
    }
    QString text(qsizetype i) const { return QString::fromUtf8(field(i)); }
    QStringList texts() const;
    void clear()
    {
        m_bytes.clear();
        m_ends.clear();
    }
    void append(QByteArrayView field)
    {
        m_bytes.append(field);
        m_ends.append(m_bytes.size());
    }
    // A field in pieces: its bytes, then its end.
    void appendPiece(QByteArrayView piece) { m_bytes.append(piece); }
    void endField() { m_ends.append(m_bytes.size()); }
    qsizetype byteCount() const { return m_bytes.size(); }

private:
    QByteArray m_bytes;
    QList<qsizetype> m_ends;
};

// Reads RFC 4180 CSV from a device, streaming, strictly: quoted fields may hold delimiters,
// quotes and line breaks; rows end in CRLF or LF. The text comes from TextDecoder (encoding
// decided from the whole input, nothing replaced silently). The delimiter is a comma, a
// semicolon (Excel where the decimal sign is a comma) or a tab (Excel's "Unicode Text"), found
// from the first line: the one that splits it into a header the caller recognizes, otherwise
// the one it holds most of.
//
// Input that is UTF-8 for certain (TextDecoder::readsUtf8) is read as bytes: a row is found in
// the bytes and only its finished fields are decoded, which is most of the speed of reading a
// million rows. A row that is anything but plain (a limit near, a quote out of place, the end
// inside a quoted field) is read again through the text path, so every message and limit is the
// same whichever way the input is read.
//
// Every input is bounded, pipes included: its size, a field, a row and the number of fields;
// past a limit reading stops with an error, so a hostile file costs memory in proportion to
// the limits, not to itself.
class CsvReader
{
public:
    static constexpr qint64 DefaultMaxBytes = CsvLimits {}.maxBytes;
    // Whether the fields of the first line, split by one candidate delimiter, are the header the
    // caller expects.
    using HeaderCheck = std::function<bool(const QStringList& fields)>;

    explicit CsvReader(QIODevice* device, CsvLimits limits = {}, HeaderCheck isHeader = {});
    Q_DISABLE_COPY_MOVE(CsvReader)

    // The next row; false at the end or on an error (see error()).
    bool readRow(QStringList* fields);
    bool readRow(CsvRow* row);
    const std::optional<Error>& error() const { return m_error; }
    // The physical line on which the last row read started (1-based).
    int lineNumber() const { return m_rowLine; }
    QString encodingName() const { return m_decoder.encodingName(); }
    // ',', ';' or '\t'; known once the first row is read.
    QChar delimiter() const { return m_delimiter; }

private:
    // How scanRow() ended: a row, the bytes ran out before its end, or a row for the text path.
    enum class Scan
    {
        Row,
        NeedMore,
        Slow,
    };
    bool readTextRow(QStringList* fields);
    bool readSlowRow(CsvRow* row);
    Scan scanRow(CsvRow* row);
    void decideMode();
    bool moreBytes(); // reads the next piece of the input into m_bytes
    bool fill();
    bool detectDelimiter();
    void fail(const QString& message, int line);
    // The pieces of readRow(); false after fail(). A row's text is counted in `rowChars`.
    // readQuoted() reads a quoted field after its opening quote, through the closing one.
    bool readQuoted(QString* field, qsizetype* rowChars);
    bool skip(QChar c); // consumes the next character if it is `c`, reading more input if needed
    bool endField(QStringList* fields, QString* field);
    // These two run for every character: defined here to be inlined, with the message apart.
    bool countRowChar(qsizetype* rowChars) { return ++*rowChars <= m_limits.maxRowChars || rowTooLong(); }
    bool append(QString* field, QChar c)
    {
        *field += c;
        return field->size() <= m_limits.maxFieldChars || fieldTooLong(*field);
    }
    // fail() with the message of a limit; false.
    bool rowTooLong();
    bool fieldTooLong(const QString& field);
    bool tooManyFields();

    TextDecoder m_decoder;
    CsvLimits m_limits;
    HeaderCheck m_isHeader;
    QChar m_delimiter;
    QString m_text; // decoded, not yet parsed
    bool m_bytesMode = false; // UTF-8 read as bytes: decided with the first row
    bool m_modeKnown = false;
    QByteArray m_bytes; // in bytes mode: read, not yet parsed (from m_bytePos), nor decoded
    qsizetype m_bytePos = 0;
    bool m_bytesEnd = false; // the decoder has handed over its last bytes
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_rowLine = 0;
    std::optional<Error> m_error;
};

} // namespace rmsam
