#pragma once

#include <QStringList>
#include <QTextStream>

namespace rmsam {

// `roadmunk-sam sandbox [--port N] [--users N] [--seed S] [--page-cap N] [--latency-ms N]
//  [--token T] [--limited-token T]`: runs the sandbox server until the process is killed.
//
// `arguments` are the words after `sandbox` (neither the program name nor `sandbox` itself).
// Prints the endpoint, and the token only when it was generated rather than given. A
// QCoreApplication must exist. Returns QCoreApplication::exec()'s code, 0 after --help,
// 2 for bad options, 4 when the port cannot be bound.
int runSandboxCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace rmsam
