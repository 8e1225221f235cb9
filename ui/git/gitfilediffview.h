#pragma once

#include <QList>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace kanri::ui {

class DiffHighlighter;

// One side of a file's changes, as `git diff` shows it.
struct GitDiffPart
{
    enum class Side {
        Staged,   // HEAD → index (git diff --cached)
        Unstaged, // index → working tree (git diff)
        Unsaved,  // file on disk → the editor's unsaved content
    };
    Side side = Side::Unstaged;
    QString text; // unified diff, may be empty when `note` says why
    QString note; // "binary file differs", "too large to show", "cut at …"
};

struct GitFileDiff
{
    QString repository; // its name
    QString path;       // relative to the repository
    QList<GitDiffPart> parts;
    QString error;
    bool unsaved = false; // the editor holds unsaved edits of the file
};

// The diff of the file selected in the Changes panel: the staged part, then the unstaged
// part, then (when the editor holds unsaved edits) what saving would change, each under a
// "===" heading, highlighted like the main diff.
class GitFileDiffView : public QWidget
{
    Q_OBJECT

public:
    explicit GitFileDiffView(QWidget *parent = nullptr);

    void setDiff(const GitFileDiff &diff);
    // No file: a hint instead of a diff.
    void clearDiff(const QString &hint = {});
    // The diff of `path` is being computed.
    void showLoading(const QString &path);

    const GitFileDiff &diff() const { return m_diff; }
    QString text() const;
    QLabel *titleLabel() const { return m_title; }
    QLabel *noteLabel() const { return m_note; }
    QPlainTextEdit *textEdit() const { return m_text; }

    static QString heading(GitDiffPart::Side side);

private:
    GitFileDiff m_diff;
    QLabel *m_title;
    QLabel *m_note;
    QPlainTextEdit *m_text;
    DiffHighlighter *m_highlighter;
};

} // namespace kanri::ui
