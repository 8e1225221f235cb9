#include "diffhighlighter.h"

#include <QApplication>
#include <QPalette>
#include <QRegularExpression>

namespace kanri::ui {

DiffHighlighter::DiffHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{}

void DiffHighlighter::highlightBlock(const QString &text)
{
    // Colours that read on light and dark palettes alike.
    const bool dark = QApplication::palette().color(QPalette::Base).lightness() < 128;
    const QColor added = dark ? QColor(0x2e, 0x5e, 0x34) : QColor(0xdd, 0xf4, 0xdd);
    const QColor removed = dark ? QColor(0x6e, 0x2b, 0x2b) : QColor(0xfb, 0xe0, 0xe0);
    const QColor key = dark ? QColor(0x8c, 0xb4, 0xff) : QColor(0x1a, 0x4f, 0xa8);

    QTextCharFormat format;
    if (text.startsWith(QLatin1String("==="))) {
        format.setFontWeight(QFont::Bold);
        setFormat(0, int(text.size()), format);
        setCurrentBlockState(0);
        return;
    }
    if (text.startsWith(QLatin1String("@@"))) {
        format.setForeground(QColor(0x88, 0x88, 0xcc));
        setFormat(0, int(text.size()), format);
        setCurrentBlockState(0); // a new hunk starts clean
        return;
    }
    if (text.startsWith(QLatin1Char('+')))
        format.setBackground(added);
    else if (text.startsWith(QLatin1Char('-')))
        format.setBackground(removed);
    setFormat(0, int(text.size()), format);

    static const QRegularExpression keyRx(
        QStringLiteral("^[ +-]\\s*(?:- )?([A-Za-z0-9_.\\-/\"']+):"));
    const auto m = keyRx.match(text);
    if (m.hasMatch()) {
        QTextCharFormat k = format;
        k.setForeground(key);
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), k);
    }
}

} // namespace kanri::ui
