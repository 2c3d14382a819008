#pragma once

class QAction;
class QLineEdit;

namespace rmsam {

// Masks a token field and adds a show/hide toggle at its end (keyboard: the action's shortcut).
QAction* makeTokenField(QLineEdit* edit);

} // namespace rmsam
