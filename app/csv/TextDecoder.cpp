#include "csv/TextDecoder.h"

#include <QCoreApplication>
#include <QIODevice>
#include <cstring>
#include <utility>

Q_LOGGING_CATEGORY(lcCsv, "rmsam.csv", QtInfoMsg)

namespace rmsam {
namespace {

constexpr qint64 ChunkBytes = 256 * 1024;
const char* const ShiftJisCodec = "windows-31j"; // CP932: Shift-JIS with Microsoft's extensions

// Bytes that decode to the same text in UTF-8 and CP932. ICU's CP932 swaps three control codes
// (0x1A, 0x1C, 0x7F); everything else below 0x80 is ASCII in both.
bool readsAlikeInShiftJis(QByteArrayView bytes)
{
    for (const char b : bytes) {
        const uchar c = uchar(b);
        if (c >= 0x7F || c == 0x1A || c == 0x1C) {
            return false;
        }
    }
    return true;
}

// Whether a CP932 lead byte still waits for its trail byte after these bytes.
bool shiftJisLeadPending(QByteArrayView bytes, bool pending)
{
    for (const char b : bytes) {
        const uchar c = uchar(b);
        pending = !pending && ((c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC));
    }
    return pending;
}

// Where in bytes CP932 decoding first fails (approximately, to name the line).
qsizetype firstInvalidShiftJis(const QByteArray& bytes, bool leadPendingBefore)
{
    const qsizetype start = leadPendingBefore ? 1 : 0;
    auto prefixValid = [&](qsizetype length) {
        QStringDecoder probe(ShiftJisCodec, QStringDecoder::Flag::Stateless);
        const QString decoded = probe(QByteArrayView(bytes).sliced(start, length));
        Q_UNUSED(decoded)
        return !probe.hasError();
    };
    qsizetype low = 0;
    qsizetype high = bytes.size() - start;
    while (high - low > 1) {
        const qsizetype mid = (low + high) / 2;
        (prefixValid(mid) ? low : high) = mid;
    }
    return start + low;
}

// ASCII text in UTF-16 without a byte order mark: a NUL beside every character, on the same side.
bool looksLikeUtf16WithoutBom(const QByteArray& head)
{
    const qsizetype units = qMin<qsizetype>(head.size() / 2, 16);
    auto printable = [](char c) { return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\r' || c == '\n'; };
    bool littleEndian = units >= 2;
    bool bigEndian = units >= 2;
    for (qsizetype i = 0; i < units; ++i) {
        const char first = head.at(2 * i);
        const char second = head.at(2 * i + 1);
        littleEndian = littleEndian && printable(first) && second == '\0';
        bigEndian = bigEndian && first == '\0' && printable(second);
    }
    return littleEndian || bigEndian;
}

QString megabytes(qint64 bytes)
{
    return QString::number(bytes / (1024 * 1024));
}

} // namespace

qsizetype Utf8Validator::feed(QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        // Plain ASCII, most of a report, eight bytes at a time.
        while (m_need == 0 && i + 8 <= bytes.size()) {
            quint64 word;
            memcpy(&word, bytes.data() + i, sizeof word);
            if (word & 0x8080808080808080ULL) {
                break;
            }
            i += 8;
        }
        if (i >= bytes.size()) {
            break;
        }
        const uchar c = uchar(bytes[i]);
        if (m_need > 0) {
            if (c < m_low || c > m_high) {
                return i;
            }
            m_low = 0x80;
            m_high = 0xBF;
            --m_need;
        } else if (c < 0x80) {
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            m_need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            m_need = 2;
            m_low = c == 0xE0 ? 0xA0 : 0x80; // no overlong forms
            m_high = c == 0xED ? 0x9F : 0xBF; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            m_need = 3;
            m_low = c == 0xF0 ? 0x90 : 0x80;
            m_high = c == 0xF4 ? 0x8F : 0xBF; // nothing past U+10FFFF
        } else {
            return i;
        }
    }
    return -1;
}

TextDecoder::TextDecoder(QIODevice* device, qint64 maxBytes)
    : m_device(device)
    , m_maxBytes(maxBytes)
{ }

QString TextDecoder::encodingName() const
{
    switch (m_encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case Encoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case Encoding::ShiftJis:
        return QStringLiteral("Shift_JIS");
    }
    return {};
}

void TextDecoder::fail(const QString& message, const QString& detail)
{
    if (!m_error) {
        m_error = Error { ErrorCode::InvalidFile, message, detail };
    }
}

void TextDecoder::useEncoding(Encoding encoding)
{
    m_encoding = encoding;
    switch (encoding) {
    case Encoding::Utf8:
        m_decoder = QStringDecoder(QStringDecoder::Utf8);
        break;
    case Encoding::Utf16LE:
        m_decoder = QStringDecoder(QStringDecoder::Utf16LE);
        break;
    case Encoding::Utf16BE:
        m_decoder = QStringDecoder(QStringDecoder::Utf16BE);
        break;
    case Encoding::ShiftJis:
        m_decoder = QStringDecoder(ShiftJisCodec);
        break;
    }
}

QByteArray TextDecoder::readChunk()
{
    // One byte past the limit tells a file of exactly the limit from a longer one.
    const qint64 wanted = qMin(ChunkBytes, m_maxBytes - m_bytesRead + 1);
    QByteArray bytes = m_device->read(wanted);
    m_bytesRead += bytes.size();
    if (m_bytesRead > m_maxBytes) {
        fail(QCoreApplication::translate("rmsam::CsvReader",
                 "Stopped reading after %1 MB, the most Roadmunk SAM reads: the input is longer. Check "
                 "that this is the Roadmunk User report; nothing was attached.")
                 .arg(megabytes(m_maxBytes)),
            QStringLiteral("more than %1 bytes").arg(m_maxBytes));
        return {};
    }
    return bytes;
}

bool TextDecoder::start()
{
    m_started = true;
    const bool sequential = m_device->isSequential();
    if (!sequential && m_device->size() > m_maxBytes) {
        fail(QCoreApplication::translate("rmsam::CsvReader",
                 "The file is %1 MB; the largest file read is %2 MB. Check that this is the Roadmunk User "
                 "report.")
                 .arg(megabytes(m_device->size()), megabytes(m_maxBytes)),
            QStringLiteral("%1 bytes").arg(m_device->size()));
        return false;
    }
    const qint64 origin = sequential ? 0 : m_device->pos();
    // A pipe may hand over the first bytes a few at a time; a byte order mark needs up to three.
    QByteArray head = readChunk();
    while (!m_error && !head.isEmpty() && head.size() < 3) {
        const QByteArray more = readChunk();
        if (more.isEmpty()) {
            break;
        }
        head += more;
    }
    if (m_error) {
        return false;
    }
    if (head.isEmpty()) {
        fail(QCoreApplication::translate("rmsam::CsvReader",
                 "The file is empty. Download the User report from Roadmunk again (Account Settings › "
                 "Reports)."),
            QStringLiteral("0 bytes"));
        return false;
    }
    qsizetype bomLength = 0;
    if (head.startsWith("\xEF\xBB\xBF")) {
        useEncoding(Encoding::Utf8);
        bomLength = 3;
    } else if (head.startsWith("\xFF\xFE")) {
        useEncoding(Encoding::Utf16LE);
        bomLength = 2;
    } else if (head.startsWith("\xFE\xFF")) {
        useEncoding(Encoding::Utf16BE);
        bomLength = 2;
    } else if (head.contains('\0')) {
        fail(looksLikeUtf16WithoutBom(head)
                ? QCoreApplication::translate("rmsam::CsvReader",
                    "The file looks like UTF-16 text without a byte order mark, which cannot be "
                    "told apart from binary data. Save it again from Excel as \"CSV UTF-8 (Comma "
                    "delimited)\" or as \"Unicode Text\".")
                : QCoreApplication::translate("rmsam::CsvReader",
                    "The file is not text (it contains NUL bytes). Attach the User report as CSV, "
                    "not a spreadsheet or archive."),
            QStringLiteral("NUL byte at offset %1").arg(head.indexOf('\0')));
        return false;
    }
    m_chunkOffset = bomLength;
    if (bomLength > 0) {
        m_pending = head.sliced(bomLength);
    } else if (sequential) {
        useEncoding(Encoding::Utf8);
        m_streamGuess = true;
        m_mayBecomeShiftJis = true;
        m_pending = head;
    } else {
        if (!decideFromWholeFile(origin)) {
            return false;
        }
    }
    qCDebug(lcCsv) << "reading" << (sequential ? "a stream" : "a file") << "as" << encodingName();
    return true;
}

bool TextDecoder::rewind(qint64 origin)
{
    m_bytesRead = 0;
    if (m_device->seek(origin)) {
        return true;
    }
    fail(QCoreApplication::translate("rmsam::CsvReader",
             "The file cannot be read a second time (%1), which deciding its encoding needs. Copy it to a "
             "local folder and attach the copy.")
             .arg(m_device->errorString()),
        QStringLiteral("seek to %1 failed").arg(origin));
    return false;
}

bool TextDecoder::decideFromWholeFile(qint64 origin)
{
    // UTF-8 when every byte of the file is.
    Utf8Validator utf8;
    qint64 offset = 0;
    int lines = 0;
    qint64 badOffset = -1;
    int badLine = 0;
    if (!rewind(origin)) {
        return false;
    }
    for (;;) {
        const QByteArray bytes = readChunk();
        if (m_error) {
            return false;
        }
        if (bytes.isEmpty()) {
            break;
        }
        if (const qsizetype bad = utf8.feed(bytes); bad >= 0) {
            badOffset = offset + bad;
            badLine = lines + int(bytes.first(bad).count('\n')) + 1;
            break;
        }
        lines += int(bytes.count('\n'));
        offset += bytes.size();
    }
    const bool cutShort = badOffset < 0 && utf8.midCharacter();
    if (cutShort) {
        badOffset = offset;
        badLine = lines + 1;
    }
    if (badOffset < 0) {
        useEncoding(Encoding::Utf8);
        return rewind(origin);
    }

    // Otherwise CP932 when every byte of the file is.
    QStringDecoder shiftJis(ShiftJisCodec);
    bool valid = shiftJis.isValid();
    bool leadPending = false;
    if (!rewind(origin)) {
        return false;
    }
    while (valid) {
        const QByteArray bytes = readChunk();
        if (m_error) {
            return false;
        }
        if (bytes.isEmpty()) {
            break;
        }
        const QString decoded = shiftJis(bytes); // decoding happens on conversion
        Q_UNUSED(decoded)
        leadPending = shiftJisLeadPending(bytes, leadPending);
        valid = !shiftJis.hasError();
    }
    if (valid && !leadPending) {
        qCInfo(lcCsv) << "not UTF-8 at byte" << badOffset << "but all of it is CP932: reading as Shift_JIS";
        useEncoding(Encoding::ShiftJis);
        return rewind(origin);
    }
    if (cutShort) {
        failCutShort();
        return false;
    }
    fail(QCoreApplication::translate("rmsam::CsvReader",
             "Line %1 has bytes that are not valid UTF-8 (at byte offset %2), and the file is not valid "
             "Shift-JIS either: its encoding is not one Roadmunk SAM reads (UTF-8, UTF-16 with a byte "
             "order mark, or Shift-JIS). Save it again as \"CSV UTF-8\"; nothing was attached.")
             .arg(badLine)
             .arg(badOffset),
        QStringLiteral("line %1, byte offset %2: neither UTF-8 nor CP932").arg(badLine).arg(badOffset));
    return false;
}

void TextDecoder::failCutShort()
{
    fail(QCoreApplication::translate("rmsam::CsvReader",
             "The file ends in the middle of a %1 character: it was cut short. Download the User report "
             "again; nothing was attached.")
             .arg(encodingName()),
        QStringLiteral("last character incomplete"));
}

void TextDecoder::failInvalidBytes(qsizetype offsetInChunk, const QByteArray& bytes)
{
    const int line = m_linesBefore + int(bytes.first(offsetInChunk).count('\n')) + 1;
    const qint64 offset = m_chunkOffset + offsetInChunk;
    const QString detail
        = QStringLiteral("line %1, byte offset %2: not %3").arg(line).arg(offset).arg(encodingName());
    if (m_streamGuess && m_encoding == Encoding::Utf8) {
        fail(QCoreApplication::translate("rmsam::CsvReader",
                 "Line %1 has bytes that are not valid UTF-8 (at byte offset %2), but the lines before it "
                 "have text that is. Read from a pipe, the encoding cannot be decided again from the "
                 "start: attach the file itself, or save it again as \"CSV UTF-8\"; nothing was attached.")
                 .arg(line)
                 .arg(offset),
            detail);
        return;
    }
    fail(QCoreApplication::translate("rmsam::CsvReader",
             "Line %1 has bytes that are not valid %2 (at byte offset %3). Save the file again as \"CSV "
             "UTF-8\"; nothing was attached.")
             .arg(line)
             .arg(encodingName())
             .arg(offset),
        detail);
}

bool TextDecoder::checkNoNul(const QByteArray& bytes)
{
    const bool utf16 = m_encoding == Encoding::Utf16LE || m_encoding == Encoding::Utf16BE;
    if (const qsizetype nul = utf16 ? -1 : bytes.indexOf('\0'); nul >= 0) {
        const int line = m_linesBefore + int(bytes.first(nul).count('\n')) + 1;
        fail(QCoreApplication::translate("rmsam::CsvReader",
                 "Line %1 contains a NUL byte: the file is not text. Attach the User report as CSV.")
                 .arg(line),
            QStringLiteral("NUL byte at offset %1").arg(m_chunkOffset + nul));
        return false;
    }
    return true;
}

bool TextDecoder::decodeChunk(const QByteArray& bytes, QString* text)
{
    if (!checkNoNul(bytes)) {
        return false;
    }
    if (m_encoding == Encoding::Utf8) {
        const qsizetype bad = m_utf8.feed(bytes);
        if (bad < 0) {
            m_mayBecomeShiftJis = m_mayBecomeShiftJis && readsAlikeInShiftJis(bytes);
            *text += m_decoder(bytes);
            if (m_decoder.hasError()) { // the validator and Qt disagree: never pass on replaced text
                failInvalidBytes(0, bytes);
                return false;
            }
            return true;
        }
        if (!m_mayBecomeShiftJis || !readsAlikeInShiftJis(bytes.first(bad))) {
            failInvalidBytes(bad, bytes);
            return false;
        }
        // Everything before this byte reads the same in CP932, and was passed on as such.
        qCInfo(lcCsv) << "stream not UTF-8 at byte" << m_chunkOffset + bad
                      << "after plain ASCII only: reading as Shift_JIS";
        useEncoding(Encoding::ShiftJis);
        if (!m_decoder.isValid()) {
            failInvalidBytes(bad, bytes);
            return false;
        }
    }
    if (m_encoding == Encoding::ShiftJis) {
        const QString decoded = m_decoder(bytes);
        if (m_decoder.hasError()) {
            failInvalidBytes(firstInvalidShiftJis(bytes, m_shiftJisLead), bytes);
            return false;
        }
        m_shiftJisLead = shiftJisLeadPending(bytes, m_shiftJisLead);
        *text += decoded;
        return true;
    }
    *text += m_decoder(bytes);
    return true;
}

QByteArray TextDecoder::nextChunk()
{
    if (m_error || m_atEnd || (!m_started && !start())) {
        return {};
    }
    QByteArray bytes = m_pending.isEmpty() ? readChunk() : std::exchange(m_pending, QByteArray());
    if (m_error) {
        return {};
    }
    if (bytes.isEmpty()) {
        m_atEnd = true;
        const bool cut = m_encoding == Encoding::Utf8 ? m_utf8.midCharacter()
            : m_encoding == Encoding::ShiftJis        ? m_shiftJisLead
                                                      : m_chunkOffset % 2 != 0;
        if (cut) {
            failCutShort();
        }
    }
    return bytes;
}

void TextDecoder::countChunk(const QByteArray& bytes)
{
    if (m_encoding != Encoding::Utf16LE && m_encoding != Encoding::Utf16BE) {
        m_linesBefore += int(bytes.count('\n'));
    }
    m_chunkOffset += bytes.size();
}

bool TextDecoder::decodeNext(QString* text)
{
    const QByteArray bytes = nextChunk();
    if (bytes.isEmpty()) {
        return false;
    }
    const bool decoded = decodeChunk(bytes, text);
    countChunk(bytes);
    return decoded;
}

bool TextDecoder::readsUtf8()
{
    if (!m_started) {
        start();
    }
    return !m_error && m_encoding == Encoding::Utf8 && !m_streamGuess;
}

bool TextDecoder::nextUtf8(QByteArray* bytes)
{
    Q_ASSERT(m_encoding == Encoding::Utf8 && !m_streamGuess);
    const QByteArray chunk = nextChunk();
    if (chunk.isEmpty() || !checkNoNul(chunk)) {
        return false;
    }
    if (const qsizetype bad = m_utf8.feed(chunk); bad >= 0) {
        failInvalidBytes(bad, chunk);
        return false;
    }
    countChunk(chunk);
    bytes->append(chunk);
    return true;
}

} // namespace rmsam
