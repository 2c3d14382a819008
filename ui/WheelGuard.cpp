#include "WheelGuard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>

namespace rmsam {

void WheelGuard::protect(QWidget* root)
{
    auto* guard = new WheelGuard(root);
    const auto guardField = [guard](QWidget* field) {
        field->setFocusPolicy(Qt::StrongFocus); // not Qt::WheelFocus: scrolling past gives no focus
        field->installEventFilter(guard);
    };
    for (QAbstractSpinBox* spin : root->findChildren<QAbstractSpinBox*>()) {
        guardField(spin);
    }
    for (QComboBox* combo : root->findChildren<QComboBox*>()) {
        guardField(combo);
    }
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Wheel) {
        if (auto* field = qobject_cast<QWidget*>(watched); field && !field->hasFocus()) {
            // Ignored and filtered: the field never sees it, and QApplication hands a spontaneous
            // wheel event on to the parents, up to the scroll area.
            event->ignore();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace rmsam
