#pragma once

#include <QSyntaxHighlighter>
#include <QTextLayout>

class QPlainTextEdit;
class QTimer;

namespace kanri::ui {

// How one line of a diff is coloured: runs applied in order (a later run wins where they
// overlap), and the language of the section the line belongs to (the state the next line
// starts from). `previousLanguage` is the language of the line before (-1 at the start).
struct DiffLineFormats
{
    QList<QTextLayout::FormatRange> runs;
    int language = 0;
};
DiffLineFormats diffLineFormats(const QString &text, int previousLanguage);

// Colours a diff: section headers, hunk headers, added and removed lines, and inside them the
// keys, strings and comments of the section's language — YAML for rendered resources, HCL for
// the accounts repository's Terraform files ("=== accounts · FILE" sections).
class DiffHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit DiffHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

// Colours a diff view as DiffHighlighter does, but only the lines in view and a screen around
// them, as they come into view: a megabyte diff costs the GUI thread a screenful of colouring
// when it is shown, scrolled or changed, never the whole document at once. A block's user state
// is its section's language once it is coloured, -1 before.
class DiffViewHighlighter : public QObject
{
    Q_OBJECT

public:
    explicit DiffViewHighlighter(QPlainTextEdit *view);

    // Colours the blocks in view (and around) that are not coloured yet.
    void highlightVisible();
    // Every block is coloured again when next in view (the theme changed).
    void invalidateAll();
    // Whether the block at `blockNumber` has been coloured.
    bool isHighlighted(int blockNumber) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void contentsChanged(int position, int removed, int added);
    int languageBefore(const QTextBlock &block) const;

    QPlainTextEdit *m_view;
    // The view's viewport, kept: its events still arrive while the view is being destroyed,
    // when m_view is no longer a QPlainTextEdit to ask.
    QWidget *m_viewport;
    QTimer *m_later;
    bool m_headerChanged = false;
};

} // namespace kanri::ui
