#include "app/cli/output.h"

#include "core/result.h"

#include <cstdio>

namespace kanri::cli {

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void writeOut(const QString &text)
{
    writeOut(text.toUtf8());
}

void writeErr(const QString &line)
{
    // Keep the line breaks and tabs of a deliberate multi-line message (a diff), escape every
    // other control character: a file name or key from a repository cannot drive the terminal.
    const QString safe = escapeControls(line, u"\n\t");
    const QByteArray bytes = safe.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

} // namespace kanri::cli
