#include "ui/git/gitfilediffview.h"

#include "ui/diff/diffhighlighter.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace kanri::ui {

GitFileDiffView::GitFileDiffView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_note(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_highlighter(new DiffHighlighter(m_text->document()))
{
    setObjectName(QStringLiteral("gitFileDiffView"));
    m_title->setObjectName(QStringLiteral("gitFileDiffTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_note->setObjectName(QStringLiteral("gitFileDiffNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    m_text->setObjectName(QStringLiteral("gitFileDiffText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_note);
    layout->addWidget(m_text, 1);
    clearDiff();
}

QString GitFileDiffView::heading(GitDiffPart::Side side)
{
    switch (side) {
    case GitDiffPart::Side::Staged:
        return tr("staged (HEAD → index)");
    case GitDiffPart::Side::Unstaged:
        return tr("not staged (index → working tree)");
    case GitDiffPart::Side::Unsaved:
        return tr("unsaved edits (disk → editor, not saved yet)");
    }
    return {};
}

void GitFileDiffView::setDiff(const GitFileDiff &diff)
{
    m_diff = diff;
    m_title->setText(diff.path);
    m_title->setToolTip(diff.repository);
    QStringList notes;
    QString text;
    if (!diff.error.isEmpty()) {
        notes << diff.error;
    } else if (diff.parts.isEmpty()) {
        notes << tr("No changes: the file is the same in HEAD, the index and the working tree.");
    }
    for (const GitDiffPart &part : diff.parts) {
        // "=== <repository> · <file>" headings: the highlighter reads Terraform (HCL) in the
        // accounts repository's sections and YAML elsewhere.
        text += QStringLiteral("=== %1 · %2 — %3\n")
                    .arg(diff.repository, diff.path, heading(part.side));
        if (!part.note.isEmpty())
            text += part.note + QLatin1Char('\n');
        text += part.text;
        if (!text.endsWith(QLatin1Char('\n')))
            text += QLatin1Char('\n');
        if (!part.note.isEmpty())
            notes << heading(part.side) + QStringLiteral(": ") + part.note;
    }
    if (diff.unsaved)
        notes << tr("The editor holds unsaved edits of this file: the last part shows what "
                    "saving would change; git sees only what is on disk.");
    m_note->setText(notes.join(QLatin1Char('\n')));
    m_note->setVisible(!notes.isEmpty());
    m_text->setPlainText(text);
}

void GitFileDiffView::clearDiff(const QString &hint)
{
    m_diff = {};
    m_title->setText(hint.isEmpty() ? tr("Select a file to see its changes.") : hint);
    m_title->setToolTip({});
    m_note->hide();
    m_text->clear();
}

void GitFileDiffView::showLoading(const QString &path)
{
    if (m_diff.path == path)
        return; // keep the previous diff of the same file until the new one arrives
    m_diff = {};
    m_title->setText(tr("%1 — comparing…").arg(path));
    m_note->hide();
    m_text->clear();
}

QString GitFileDiffView::text() const
{
    return m_text->toPlainText();
}

} // namespace kanri::ui
