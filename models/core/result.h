#pragma once

#include <QString>

#include <expected>
#include <utility>

namespace kanri {

// What went wrong, as a value that can cross threads. Libraries return Result<T>; they never
// throw across their boundary and never exit.
struct Error
{
    enum class Code {
        Generic,
        Usage,     // bad command-line or API usage
        NotFound,  // a path, key or ref that does not exist
        Syntax,    // a file that does not parse; file/line/column say where
        Io,        // reading or writing a file failed
        Network,   // the connection failed, timed out or dropped
        Auth,      // credentials were refused
        Rejected,  // the other side refused (non-fast-forward push, 422, ...)
        Conflict,  // a merge or rebase stopped on conflicts
        Cancelled, // the user cancelled
        Stale,     // the file changed on disk since it was read; nothing was written
        Unsupported,
    };

    QString message;
    QString file; // empty when the error is not about a file
    int line = 0; // 1-based; 0 when unknown
    int column = 0;
    Code code = Code::Generic;

    // "file:line:col: error: message", dropping the parts that are unknown. File and message
    // may come from a repository, so control characters in them are escaped (escapeControls),
    // all but the line breaks of the message: a message of several lines (a list of problems,
    // kustomize's "Failed to read kustomization file under DIR:\nCAUSE") is one on purpose.
    QString toString() const;
};

// Text from a repository made safe to print on a terminal or in a log: C0 controls (tab and
// newline too), DEL, C1 controls and the bidirectional overrides and isolates (U+202A-U+202E,
// U+2066-U+2069) become "\x1b" / "\u202e" escapes, so a file name or a YAML key cannot move
// the cursor, recolour the terminal or reorder what the reader sees. A backslash stays as it is.
// Characters in `keep` (e.g. u"\n") are left as they are.
QString escapeControls(QStringView text, QStringView keep = {});

template<typename T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(Error::Code code, QString message)
{
    return std::unexpected(Error{std::move(message), {}, 0, 0, code});
}

inline std::unexpected<Error> failAt(Error::Code code, QString message, QString file, int line = 0,
                                     int column = 0)
{
    return std::unexpected(Error{std::move(message), std::move(file), line, column, code});
}

} // namespace kanri
