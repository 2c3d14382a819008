#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QStringDecoder>
#include <QStringList>
#include <optional>

class QIODevice;

namespace rmsam {

// Reads RFC 4180 CSV from a device, streaming, strictly: quoted fields may hold commas, quotes
// and line breaks; rows end in CRLF or LF. The encoding is found from the byte order mark
// (UTF-8, UTF-16 LE/BE) or, without one, from the bytes: UTF-8 when they are valid UTF-8,
// otherwise Shift-JIS/CP932 as Excel saves it on Japanese Windows. Bytes invalid in that
// encoding are an error naming the line; nothing is ever replaced silently.
class CsvReader
{
public:
    static constexpr qint64 DefaultMaxBytes = 200LL * 1024 * 1024;

    explicit CsvReader(QIODevice* device, qint64 maxBytes = DefaultMaxBytes);

    // The next row; false at the end or on an error (see error()).
    bool readRow(QStringList* fields);
    const std::optional<Error>& error() const { return m_error; }
    // The physical line on which the last row read started (1-based).
    int lineNumber() const { return m_rowLine; }
    QString encodingName() const { return m_encodingName; }

private:
    bool start();
    bool fill();
    void fail(const QString& message, int line);

    QIODevice* m_device;
    qint64 m_maxBytes;
    QStringDecoder m_decoder;
    QString m_encodingName;
    QString m_text; // decoded, not yet parsed
    qsizetype m_pos = 0;
    bool m_started = false;
    bool m_eof = false;
    int m_line = 1;
    int m_rowLine = 0;
    std::optional<Error> m_error;
};

} // namespace rmsam
