#pragma once

#include <QString>

namespace rmsam {

// Input quoted in a message, cut to a readable length: a file's header row or a pasted value can
// be megabytes long, and a message quoting it whole is unreadable (and as large). Line breaks
// and other control characters become spaces or U+FFFD so the quote cannot rewrite a terminal.
inline QString excerpt(const QString& text, qsizetype maxChars = 200)
{
    qsizetype end = text.size();
    bool cut = false;
    if (end > maxChars) {
        end = maxChars;
        if (text.at(end - 1).isHighSurrogate()) {
            --end; // never split a pair
        }
        cut = true;
    }
    QString quoted;
    quoted.reserve(end + 1);
    for (qsizetype i = 0; i < end; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t')) {
            quoted += QLatin1Char(' ');
        } else if (c.category() == QChar::Other_Control) {
            quoted += QChar(QChar::ReplacementCharacter);
        } else {
            quoted += c;
        }
    }
    if (cut) {
        quoted += QChar(0x2026); // …
    }
    return quoted;
}

} // namespace rmsam
