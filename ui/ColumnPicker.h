#pragma once

#include <QDialog>
#include <QList>
#include <QStringList>

class QComboBox;

namespace rmsam {

// Asks which columns of a User report hold the email and the status when its header is not
// recognised. Each column is offered with the first values the file holds in it
// ("Mail — a@x.com, b@y.com"), so the admin chooses by content, not by a header name alone.
class ColumnPicker : public QDialog
{
    Q_OBJECT

public:
    ColumnPicker(const QStringList& headers, const QList<QStringList>& sampleRows, QWidget* parent = nullptr);
    // For an HR roster: the status and end-date columns are optional ("none" chosen first).
    static ColumnPicker* forRoster(
        const QStringList& headers, const QList<QStringList>& sampleRows, QWidget* parent = nullptr);

    // The header and the first non-empty values of its column in sampleRows.
    static QString columnLabel(const QStringList& headers, const QList<QStringList>& sampleRows, int column);

    // The chosen columns as UserReportOptions take them: a 1-based column number (two columns
    // may share a header name).
    QString emailColumn() const;
    QString statusColumn() const; // empty: none (a roster's)
    QString endDateColumn() const; // a roster's; empty: none

private:
    QComboBox* m_email;
    QComboBox* m_status;
    QComboBox* m_endDate = nullptr;
};

} // namespace rmsam
