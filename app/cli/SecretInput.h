#pragma once

#include <QString>

class QIODevice;

namespace rmsam::SecretInput {

// Reads a secret: everything up to end of input, or one line with echo off when the input is
// a terminal. Surrounding whitespace is left for the caller's rules to trim.
QString read(QIODevice& in, bool isTerminal);

} // namespace rmsam::SecretInput
