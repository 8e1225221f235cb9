#include "ui/diff/intralinehighlight.h"

#include "diff/linediff.h"
#include "ui/theme/theme.h"

#include <QPalette>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>

namespace kanri::ui {

namespace {

// The pair of a block: a `-` line on one side and a `+` line on the other, without the prefix.
std::optional<diff::IntraLineChange> changeAt(const QPlainTextEdit *left,
                                              const QPlainTextEdit *right, int blockNumber)
{
    const QTextBlock l = left->document()->findBlockByNumber(blockNumber);
    const QTextBlock r = right->document()->findBlockByNumber(blockNumber);
    if (!l.isValid() || !r.isValid() || !l.text().startsWith(QLatin1Char('-')) ||
        !r.text().startsWith(QLatin1Char('+')))
        return std::nullopt;
    const diff::IntraLineChange c = diff::intraLineDiff(l.text().mid(1), r.text().mid(1));
    if (c.isEmpty())
        return std::nullopt;
    return c;
}

} // namespace

void highlightChangedCharacters(QPlainTextEdit *left, QPlainTextEdit *right)
{
    // The theme's colours for the variant the views are painted in.
    const ThemeColours &colours = themeColours(isDarkPalette(left->palette()));
    const QColor strong[2] = {colours.removedCharBackground, colours.addedCharBackground};
    QList<QTextEdit::ExtraSelection> selections[2];
    const int blocks = std::min(left->blockCount(), right->blockCount());
    for (int b = 0; b < blocks; ++b) {
        const auto c = changeAt(left, right, b);
        if (!c)
            continue;
        QPlainTextEdit *views[2] = {left, right};
        for (int side = 0; side < 2; ++side) {
            if (c->end[side] == c->start)
                continue; // nothing on this side: an insertion shows on the other one
            const QTextBlock block = views[side]->document()->findBlockByNumber(b);
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(block);
            s.cursor.setPosition(block.position() + 1 + int(c->start));
            s.cursor.setPosition(block.position() + 1 + int(c->end[side]), QTextCursor::KeepAnchor);
            s.format.setBackground(strong[side]);
            s.format.setProperty(QTextFormat::UserProperty, true); // marks a changed run
            selections[side].append(s);
        }
    }
    left->setExtraSelections(selections[0]);
    right->setExtraSelections(selections[1]);
}

void revealChangedCharacters(QPlainTextEdit *left, QPlainTextEdit *right, int blockNumber)
{
    const auto c = changeAt(left, right, blockNumber);
    if (!c)
        return;
    for (QPlainTextEdit *view : {left, right}) {
        QTextCursor at(view->document()->findBlockByNumber(blockNumber));
        at.setPosition(at.block().position() + 1 + int(c->start));
        const QRect rect = view->cursorRect(at);
        const int margin = view->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 4;
        QScrollBar *bar = view->horizontalScrollBar();
        if (rect.left() < margin || rect.right() > view->viewport()->width() - margin)
            bar->setValue(bar->value() + rect.left() - margin);
    }
}

} // namespace kanri::ui
