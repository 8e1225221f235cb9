#pragma once

#include "core/result.h"

#include <QPlainTextEdit>
#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QSyntaxHighlighter;
class QToolButton;

namespace kanri::platform {
class Session;
}

namespace kanri::ui {

// The text area of the source editor: a plain text editor with a line-number gutter. The
// document keeps no undo history of its own: undo and redo keys go to the session's undo stack
// (requested through signals), so that an edit typed here and one made in a table undo in the
// order they were made. Ctrl+F and Ctrl+L are taken before the window's shortcuts see them.
class SourceTextEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit SourceTextEdit(QWidget *parent = nullptr);

    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

Q_SIGNALS:
    void undoRequested();
    void redoRequested();
    void findRequested();
    void goToLineRequested();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateGutter(const QRect &rect, int dy);

    QWidget *m_gutter;
};

// An editor pane for one file of either repository (YAML or HCL), bound to the session's edit
// buffers: what is typed becomes the buffer's content at once (undoable edits that merge while
// the user keeps typing), so the live rendered diff follows every keystroke; a change made
// elsewhere (a table, undo) replaces the text without moving the cursor. The text is
// parse-checked with the YAML or HCL engine shortly after typing stops, and a syntax error is
// shown where it is: a wavy underline at its line and column, with the message in a bar under
// the text and as the underline's tooltip.
class SourceEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SourceEditor(QWidget *parent = nullptr);
    ~SourceEditor() override;

    // The session must outlive the editor or be replaced (nullptr first) before it goes.
    void setSession(platform::Session *session);

    // Shows `file` (absolute) through the session's buffers and puts the cursor at
    // line:column (1-based; 0 leaves it at the start). False when it cannot be read.
    bool openFile(const QString &file, int line = 0, int column = 0);
    void closeFile();
    QString currentFile() const { return m_file; }

    void goToLine(int line, int column = 1);
    // Selects the next (or previous) occurrence of `text`, wrapping around; false if none.
    enum class Direction { Forward, Backward };
    bool find(const QString &text, Direction direction = Direction::Forward);

    // The syntax error shown, if any. checkNow() runs the debounced check at once.
    std::optional<Error> parseError() const { return m_error; }
    void checkNow();
    void setCheckDelay(int milliseconds) { m_checkTimer.setInterval(milliseconds); }

    SourceTextEdit *textEdit() const { return m_edit; }
    QLabel *errorBar() const { return m_errorBar; }
    QLabel *headerLabel() const { return m_header; } // the open file, "(unsaved)", its owners
    QLineEdit *findBox() const { return m_findBox; }
    QLineEdit *lineBox() const { return m_lineBox; }

Q_SIGNALS:
    void fileOpened(const QString &file);
    // A syntax error appeared, moved or went away (nullopt).
    void parseErrorChanged(const std::optional<kanri::Error> &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum class Syntax { Plain, Yaml, Hcl };

    void typed();
    void bufferChanged(const QString &path);
    void applyExternal(const QString &text);
    void check();
    void updateSelections();
    void updateHeader();
    void showFindBar();
    void showLineBar();
    void hideBars();
    QString displayName(const QString &file) const;

    platform::Session *m_session = nullptr;
    QString m_file;
    Syntax m_syntax = Syntax::Plain;
    bool m_crlf = false;     // the file uses CRLF line ends: typed text is written so
    bool m_applying = false; // the text is being set from the buffer, not typed
    int m_typingRun = 0;     // edits in one run merge into one undo step
    qint64 m_lastTyped = 0;  // msecs since epoch of the last keystroke
    std::optional<Error> m_error;

    QLabel *m_header;
    SourceTextEdit *m_edit;
    QSyntaxHighlighter *m_highlighter = nullptr;
    QLabel *m_errorBar;
    QWidget *m_findBar;
    QLineEdit *m_findBox;
    QWidget *m_lineBar;
    QLineEdit *m_lineBox;
    QTimer m_checkTimer;
};

} // namespace kanri::ui
