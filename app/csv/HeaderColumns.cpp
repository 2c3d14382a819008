#include "csv/HeaderColumns.h"

namespace rmsam::HeaderColumns {

QString key(const QString& text)
{
    return text.trimmed().toCaseFolded();
}

int find(const QStringList& headers, const QString& chosen, const QStringList& known)
{
    if (!chosen.isEmpty()) {
        bool isNumber = false;
        const int number = chosen.toInt(&isNumber);
        if (isNumber) {
            return number >= 1 && number <= headers.size() ? number - 1 : -1;
        }
        for (int i = 0; i < headers.size(); ++i) {
            if (key(headers.at(i)) == key(chosen)) {
                return i;
            }
        }
        return -1;
    }
    for (int i = 0; i < headers.size(); ++i) {
        if (known.contains(key(headers.at(i)))) {
            return i;
        }
    }
    return -1;
}

} // namespace rmsam::HeaderColumns
