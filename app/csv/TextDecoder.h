#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QStringDecoder>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcCsv)

class QIODevice;

namespace rmsam {

// Validates UTF-8 (RFC 3629: no overlong forms, surrogates or code points past U+10FFFF) across
// chunk boundaries, so the first bad byte of a stream can be named exactly.
class Utf8Validator
{
public:
    // The offset in bytes of the first byte that cannot continue valid UTF-8, or -1.
    qsizetype feed(QByteArrayView bytes);
    // Whether the bytes so far end inside a character.
    bool midCharacter() const { return m_need > 0; }

private:
    int m_need = 0;
    uchar m_low = 0x80;
    uchar m_high = 0xBF;
};

// The bytes of a text file, decoded and handed on in pieces; memory stays bounded by a chunk.
//
// The encoding is decided from the whole input, never from a sample: a byte order mark names
// UTF-8 or UTF-16 LE/BE; without one the text is UTF-8 when all of it is valid UTF-8, otherwise
// Shift-JIS/CP932 (Excel on Japanese Windows) when all of it is valid CP932. A file is checked
// once before decoding (a second read, not a second copy). A pipe cannot be read twice, so it
// starts as UTF-8 and changes to CP932 at the first byte that is not UTF-8 as long as every byte
// before it was plain ASCII (the same text in both); otherwise it is an error naming the line.
// Nothing is ever replaced silently. At most maxBytes are read from any device, pipes included.
class TextDecoder
{
public:
    TextDecoder(QIODevice* device, qint64 maxBytes);
    Q_DISABLE_COPY_MOVE(TextDecoder)

    // Appends the next piece of text; false at the end of the input or on an error.
    bool decodeNext(QString* text);
    // Whether the input is UTF-8 for certain (a byte order mark, or a file checked whole), so a
    // caller may take its bytes through nextUtf8() instead of decodeNext(). A pipe without a byte
    // order mark is not: it may still turn out to be Shift-JIS.
    bool readsUtf8();
    // When readsUtf8(): appends the next piece of the input as bytes, checked as decodeNext()
    // checks them (valid UTF-8, no NUL, at most maxBytes), the byte order mark left out; a piece
    // may end inside a character. False at the end of the input or on an error.
    bool nextUtf8(QByteArray* bytes);
    const std::optional<Error>& error() const { return m_error; }
    QString encodingName() const;

private:
    enum class Encoding
    {
        Utf8,
        Utf16LE,
        Utf16BE,
        ShiftJis,
    };

    bool start();
    QByteArray readChunk();
    bool decideFromWholeFile(qint64 origin);
    bool rewind(qint64 origin);
    void useEncoding(Encoding encoding);
    bool decodeChunk(const QByteArray& bytes, QString* text);
    // The next chunk to decode, or an empty one at the end (cut-short checked) or on an error.
    QByteArray nextChunk();
    bool checkNoNul(const QByteArray& bytes);
    void countChunk(const QByteArray& bytes);
    void fail(const QString& message, const QString& detail);
    void failCutShort();
    void failInvalidBytes(qsizetype offsetInChunk, const QByteArray& bytes);

    QIODevice* m_device;
    qint64 m_maxBytes;
    Encoding m_encoding = Encoding::Utf8;
    bool m_streamGuess = false; // a pipe without a byte order mark: UTF-8 unless shown otherwise
    bool m_mayBecomeShiftJis = false; // ... and every byte so far was plain ASCII
    QStringDecoder m_decoder;
    Utf8Validator m_utf8;
    bool m_shiftJisLead = false; // the last byte decoded was a CP932 lead byte
    QByteArray m_pending; // the first chunk, read to look for a byte order mark
    qint64 m_bytesRead = 0; // from the device
    qint64 m_chunkOffset = 0; // of the chunk being decoded, from the start of the input
    int m_linesBefore = 0; // line breaks before that chunk
    bool m_started = false;
    bool m_atEnd = false;
    std::optional<Error> m_error;
};

} // namespace rmsam
