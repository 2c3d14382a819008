#include "csv/CsvReader.h"

#include <QCoreApplication>
#include <QIODevice>

namespace rmsam {
namespace {

constexpr qint64 ChunkBytes = 256 * 1024;

bool validUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // A multi-byte sequence cut by the end of the sample is not an error: trim it.
    qsizetype end = bytes.size();
    for (qsizetype back = 1; back <= 3 && back <= end; ++back) {
        const uchar c = uchar(bytes.at(end - back));
        if ((c & 0xC0) == 0xC0) { // a lead byte: is its sequence complete?
            const int length = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
            if (length > back) {
                end -= back;
            }
            break;
        }
        if ((c & 0x80) == 0) {
            break;
        }
    }
    const QString decoded = decoder(QByteArrayView(bytes).first(end)); // decoding happens on conversion
    Q_UNUSED(decoded)
    return !decoder.hasError();
}

} // namespace

CsvReader::CsvReader(QIODevice* device, qint64 maxBytes)
    : m_device(device)
    , m_maxBytes(maxBytes)
{ }

void CsvReader::fail(const QString& message, int line)
{
    if (!m_error) {
        m_error = Error { ErrorCode::InvalidFile, message, QStringLiteral("line %1").arg(line) };
    }
}

bool CsvReader::start()
{
    m_started = true;
    if (!m_device->isSequential() && m_device->size() > m_maxBytes) {
        fail(QCoreApplication::translate("rmsam::CsvReader",
                 "The file is %1 MB; the largest file read is %2 MB. Check that this is the Roadmunk User "
                 "report.")
                 .arg(m_device->size() / (1024 * 1024))
                 .arg(m_maxBytes / (1024 * 1024)),
            0);
        return false;
    }
    const QByteArray head = m_device->peek(64 * 1024);
    if (head.isEmpty()) {
        fail(QCoreApplication::translate("rmsam::CsvReader",
                 "The file is empty. Download the User report from Roadmunk again (Account Settings › "
                 "Reports)."),
            0);
        return false;
    }
    int bomLength = 0;
    if (head.startsWith("\xEF\xBB\xBF")) {
        m_decoder = QStringDecoder(QStringDecoder::Utf8);
        m_encodingName = QStringLiteral("UTF-8");
        bomLength = 3;
    } else if (head.startsWith("\xFF\xFE")) {
        m_decoder = QStringDecoder(QStringDecoder::Utf16LE);
        m_encodingName = QStringLiteral("UTF-16LE");
        bomLength = 2;
    } else if (head.startsWith("\xFE\xFF")) {
        m_decoder = QStringDecoder(QStringDecoder::Utf16BE);
        m_encodingName = QStringLiteral("UTF-16BE");
        bomLength = 2;
    } else if (head.contains('\0')) {
        fail(QCoreApplication::translate("rmsam::CsvReader",
                 "The file is not text (it contains NUL bytes). Attach the User report as CSV, not a "
                 "spreadsheet or "
                 "archive."),
            0);
        return false;
    } else if (validUtf8(head)) {
        m_decoder = QStringDecoder(QStringDecoder::Utf8);
        m_encodingName = QStringLiteral("UTF-8");
    } else {
        // Excel on Japanese Windows saves CSV as CP932 (Shift-JIS with Microsoft's extensions).
        QStringDecoder probe("windows-31j", QStringDecoder::Flag::Stateless);
        if (probe.isValid()) {
            const QString decoded = probe(head);
            Q_UNUSED(decoded)
        }
        if (!probe.isValid() || probe.hasError()) {
            fail(QCoreApplication::translate("rmsam::CsvReader",
                     "The file's encoding is not one Roadmunk SAM reads (UTF-8, UTF-16 with a byte order "
                     "mark, or "
                     "Shift-JIS). Save it again as \"CSV UTF-8\"."),
                0);
            return false;
        }
        m_decoder = QStringDecoder("windows-31j");
        m_encodingName = QStringLiteral("Shift_JIS");
    }
    m_device->skip(bomLength);
    return true;
}

bool CsvReader::fill()
{
    if (m_eof) {
        return false;
    }
    const QByteArray bytes = m_device->read(ChunkBytes);
    if (bytes.isEmpty()) {
        m_eof = true;
        return false;
    }
    if (m_encodingName != QLatin1String("UTF-16LE") && m_encodingName != QLatin1String("UTF-16BE")
        && bytes.contains('\0')) {
        fail(QCoreApplication::translate("rmsam::CsvReader",
                 "Line %1 contains a NUL byte: the file is not text. Attach the User report as CSV.")
                 .arg(m_line),
            m_line);
        return false;
    }
    m_text.remove(0, m_pos);
    m_pos = 0;
    const int pendingLines = int(m_text.count(QLatin1Char('\n')));
    m_text += m_decoder(bytes);
    if (m_decoder.hasError()) {
        // Name the line: find where the bad bytes start, and count the lines before them.
        const QByteArray name = m_encodingName.toLatin1();
        auto prefixValid = [&](qsizetype length) {
            QStringDecoder probe(name.constData(), QStringDecoder::Flag::Stateless);
            const QString decoded = probe(QByteArrayView(bytes).first(length));
            Q_UNUSED(decoded)
            return !probe.hasError();
        };
        qsizetype low = 0;
        qsizetype high = bytes.size();
        while (high - low > 1) {
            const qsizetype mid = (low + high) / 2;
            (prefixValid(mid) ? low : high) = mid;
        }
        const int line = m_line + pendingLines + int(bytes.first(low).count('\n'));
        fail(QCoreApplication::translate("rmsam::CsvReader",
                 "Line %1 has bytes that are not valid %2. Save the file again as \"CSV UTF-8\"; nothing was "
                 "attached.")
                 .arg(line)
                 .arg(m_encodingName),
            line);
        return false;
    }
    return true;
}

bool CsvReader::readRow(QStringList* fields)
{
    fields->clear();
    if (m_error || (!m_started && !start())) {
        return false;
    }
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    bool any = false;
    m_rowLine = m_line;
    for (;;) {
        if (m_pos >= m_text.size()) {
            if (!fill()) {
                if (m_error) {
                    return false;
                }
                if (quoted) {
                    fail(
                        QCoreApplication::translate("rmsam::CsvReader",
                            "The quoted field that starts on line %1 is never closed. Check the file was not "
                            "cut "
                            "short.")
                            .arg(m_rowLine),
                        m_rowLine);
                    return false;
                }
                if (!any && field.isEmpty()) {
                    return false; // clean end
                }
                fields->append(field);
                return true;
            }
        }
        const QChar c = m_text.at(m_pos++);
        any = true;
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (m_pos >= m_text.size()) {
                    fill();
                }
                if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('"')) {
                    field += c;
                    ++m_pos;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n')) {
                    ++m_line;
                }
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (!field.isEmpty() || wasQuoted) {
                fail(QCoreApplication::translate(
                         "rmsam::CsvReader", "Line %1 has a quote inside a field that is not quoted.")
                         .arg(m_line),
                    m_line);
                return false;
            }
            quoted = true;
            wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            fields->append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r')) {
                if (m_pos >= m_text.size()) {
                    fill();
                }
                if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('\n')) {
                    ++m_pos;
                }
            }
            ++m_line;
            fields->append(field);
            return true;
        } else if (wasQuoted) {
            fail(QCoreApplication::translate(
                     "rmsam::CsvReader", "Line %1 has text after the closing quote of a field.")
                     .arg(m_line),
                m_line);
            return false;
        } else {
            field += c;
        }
    }
}

} // namespace rmsam
