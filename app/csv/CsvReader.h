#pragma once

#include "core/Result.h"
#include "csv/TextDecoder.h"

#include <QStringList>
#include <optional>

class QIODevice;

namespace rmsam {

// How much of an input CsvReader reads at most (a field and a row in characters).
struct CsvLimits
{
    qint64 maxBytes = 200LL * 1024 * 1024;
    qsizetype maxFieldChars = 64 * 1024;
    qsizetype maxRowChars = 1024 * 1024;
    qsizetype maxFields = 16384; // Excel's widest sheet: it writes a comma per used column
};

// Reads RFC 4180 CSV from a device, streaming, strictly: quoted fields may hold commas, quotes
// and line breaks; rows end in CRLF or LF. The text comes from TextDecoder (encoding decided
// from the whole input, nothing replaced silently).
//
// Every input is bounded, pipes included: its size, a field, a row and the number of fields;
// past a limit reading stops with an error, so a hostile file costs memory in proportion to
// the limits, not to itself.
class CsvReader
{
public:
    static constexpr qint64 DefaultMaxBytes = CsvLimits {}.maxBytes;
    explicit CsvReader(QIODevice* device, CsvLimits limits = {});
    Q_DISABLE_COPY_MOVE(CsvReader)

    // The next row; false at the end or on an error (see error()).
    bool readRow(QStringList* fields);
    const std::optional<Error>& error() const { return m_error; }
    // The physical line on which the last row read started (1-based).
    int lineNumber() const { return m_rowLine; }
    QString encodingName() const { return m_decoder.encodingName(); }

private:
    bool fill();
    void fail(const QString& message, int line);

    TextDecoder m_decoder;
    CsvLimits m_limits;
    QString m_text; // decoded, not yet parsed
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_rowLine = 0;
    std::optional<Error> m_error;
};

} // namespace rmsam
