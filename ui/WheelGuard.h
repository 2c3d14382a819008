#pragma once

#include <QObject>

class QWidget;

namespace rmsam {

// Keeps the mouse wheel from changing a field the admin is only scrolling past: spin boxes, date
// and time edits and combo boxes take the wheel only while they have the focus (and the wheel
// does not give it to them); otherwise the wheel scrolls what holds them. Without it, scrolling
// a long form turned a 02:00 run time into 00:00.
class WheelGuard : public QObject
{
    Q_OBJECT

public:
    // Guards every spin box, date/time edit and combo box inside `root` now.
    static void protect(QWidget* root);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    using QObject::QObject;
};

} // namespace rmsam
