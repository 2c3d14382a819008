#pragma once

#include <QString>
#include <QStringList>

// Finding a CSV file's columns by their headers, shared by the User report and the HR roster.
namespace rmsam::HeaderColumns {

// A header or a value as compared: trimmed and case-folded.
QString key(const QString& text);
// The 0-based column `chosen` names (a header, whatever its case, or a 1-based number); when
// nothing is chosen, the first header that is one of `known` (keys). -1 when there is none.
int find(const QStringList& headers, const QString& chosen, const QStringList& known);

} // namespace rmsam::HeaderColumns
