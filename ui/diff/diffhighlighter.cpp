#include "ui/diff/diffhighlighter.h"

#include "ui/theme/theme.h"

#include <QApplication>
#include <QPalette>
#include <QRegularExpression>

namespace kanri::ui {

DiffHighlighter::DiffHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{}

void DiffHighlighter::highlightBlock(const QString &text)
{
    // The theme's colours (ui/theme), which read on its light and dark palettes alike.
    const ThemeColours &colours = currentThemeColours();
    const QColor &added = colours.addedBackground;
    const QColor &removed = colours.removedBackground;
    const QColor &key = colours.key;
    const QColor &string = colours.string;
    const QColor &comment = colours.comment;

    // The block state is the language of the section a line belongs to: a "=== accounts · "
    // header starts Terraform (HCL), any other header rendered YAML.
    enum Language { Yaml = 0, Hcl = 1 };
    QTextCharFormat format;
    if (text.startsWith(QLatin1String("==="))) {
        format.setFontWeight(QFont::Bold);
        setFormat(0, int(text.size()), format);
        setCurrentBlockState(text.startsWith(QLatin1String("=== accounts ·")) ? Hcl : Yaml);
        return;
    }
    const int language = std::max(previousBlockState(), 0);
    setCurrentBlockState(language);
    if (text.startsWith(QLatin1String("@@"))) {
        format.setForeground(colours.hunkHeader);
        setFormat(0, int(text.size()), format);
        return;
    }
    if (text.startsWith(QLatin1Char('+')))
        format.setBackground(added);
    else if (text.startsWith(QLatin1Char('-')))
        format.setBackground(removed);
    setFormat(0, int(text.size()), format);

    auto paint = [&](qsizetype start, qsizetype length, const QColor &colour) {
        QTextCharFormat f = format;
        f.setForeground(colour);
        setFormat(int(start), int(length), f);
    };
    if (language == Hcl) {
        // key = / key: inside objects, "strings", and # or // comments.
        static const QRegularExpression keyRx(
            QStringLiteral("^[ +-]\\s*([A-Za-z_][A-Za-z0-9_\\-]*|\"[^\"]*\")\\s*[=:]"));
        static const QRegularExpression stringRx(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\""));
        static const QRegularExpression commentRx(QStringLiteral("(?:#|//).*$"));
        for (auto it = stringRx.globalMatch(text, 1); it.hasNext();) {
            const auto m = it.next();
            paint(m.capturedStart(), m.capturedLength(), string);
        }
        if (const auto m = keyRx.match(text); m.hasMatch())
            paint(m.capturedStart(1), m.capturedLength(1), key);
        if (const auto m = commentRx.match(text, 1); m.hasMatch()) {
            // Not inside a string: count the quotes before it.
            if (text.left(m.capturedStart()).count(QLatin1Char('"')) % 2 == 0)
                paint(m.capturedStart(), m.capturedLength(), comment);
        }
        return;
    }
    static const QRegularExpression keyRx(
        QStringLiteral("^[ +-]\\s*(?:- )?([A-Za-z0-9_.\\-/\"']+):"));
    if (const auto m = keyRx.match(text); m.hasMatch())
        paint(m.capturedStart(1), m.capturedLength(1), key);
    static const QRegularExpression commentRx(QStringLiteral("^[ +-]\\s*#.*$"));
    if (const auto m = commentRx.match(text); m.hasMatch())
        paint(1, m.capturedLength() - 1, comment);
}

} // namespace kanri::ui
