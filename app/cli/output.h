#pragma once

#include <QByteArray>
#include <QString>

// What every command writes, one way: results to stdout as they are, flushed (so that they keep
// their order with stderr in a terminal and in CI logs), and messages to stderr as whole UTF-8
// lines ("file:line:col: error: message") in which control characters other than line breaks and
// tabs are escaped (escapeControls in core/result.h), since they often quote a repository.
namespace kanri::cli {

void writeOut(const QByteArray &bytes);
void writeOut(const QString &text);
void writeErr(const QString &line);

} // namespace kanri::cli
