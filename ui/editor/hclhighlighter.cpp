#include "ui/editor/hclhighlighter.h"

#include "ui/theme/theme.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

namespace kanri::ui {

namespace {

QTextCharFormat colored(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-');
}

} // namespace

HclHighlighter::HclHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    updateColors(QGuiApplication::palette());
}

void HclHighlighter::updateColors(const QPalette &palette)
{
    const ThemeColours &c = themeColours(isDarkPalette(palette));
    m_key = colored(c.key);
    m_string = colored(c.string);
    m_number = colored(c.number);
    m_keyword = colored(c.keyword, true);
    m_comment = colored(c.comment, false, true);
    m_block = colored(c.block, true);
    m_function = colored(c.function);
    m_interpolation = colored(c.interpolation);
    rehighlight();
}

int HclHighlighter::highlightString(const QString &text, int from)
{
    int i = from + 1;
    int depth = 0; // inside ${ ... }
    int interpStart = -1;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (depth == 0 && c == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if ((c == QLatin1Char('$') || c == QLatin1Char('%')) && i + 1 < text.size() &&
            text.at(i + 1) == QLatin1Char('{')) {
            if (depth == 0)
                interpStart = i;
            ++depth;
            ++i;
            continue;
        }
        if (depth > 0 && c == QLatin1Char('{')) {
            ++depth;
            continue;
        }
        if (depth > 0 && c == QLatin1Char('}')) {
            if (--depth == 0) {
                setFormat(interpStart, i + 1 - interpStart, m_interpolation);
                interpStart = -1;
            }
            continue;
        }
        if (depth == 0 && c == QLatin1Char('"'))
            break;
    }
    const int end = std::min(int(text.size()), i + 1);
    // The string's own characters, leaving interpolations as coloured above.
    for (int j = from; j < end; ++j) {
        if (format(j) != m_interpolation)
            setFormat(j, 1, m_string);
    }
    if (interpStart >= 0)
        setFormat(interpStart, end - interpStart, m_interpolation);
    return end;
}

void HclHighlighter::highlightBlock(const QString &text)
{
    const int previous = previousBlockState();
    int i = 0;
    setCurrentBlockState(Normal);

    if (previous >= HeredocBase && previous - HeredocBase < m_heredocTags.size()) {
        if (text.trimmed() == m_heredocTags.at(previous - HeredocBase)) {
            setFormat(0, int(text.size()), m_keyword);
        } else {
            setFormat(0, int(text.size()), m_string);
            setCurrentBlockState(previous);
        }
        return;
    }
    if (previous == InComment) {
        const int close = int(text.indexOf(QLatin1String("*/")));
        if (close < 0) {
            setFormat(0, int(text.size()), m_comment);
            setCurrentBlockState(InComment);
            return;
        }
        setFormat(0, close + 2, m_comment);
        i = close + 2;
    }

    static const QRegularExpression heredoc(QStringLiteral(R"(<<-?([A-Za-z_][A-Za-z0-9_]*)\s*$)"));
    static const QRegularExpression number(QStringLiteral(R"(\G\d+(\.\d+)?([eE][-+]?\d+)?)"));
    static const QStringList keywords = {
        QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("null"),
        QStringLiteral("for"),  QStringLiteral("in"),    QStringLiteral("if"),
        QStringLiteral("else"), QStringLiteral("endif"), QStringLiteral("endfor")};

    bool lineStart = true; // only blanks so far on this line
    for (; i < text.size();) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('#') || text.mid(i, 2) == QLatin1String("//")) {
            setFormat(i, int(text.size()) - i, m_comment);
            return;
        }
        if (text.mid(i, 2) == QLatin1String("/*")) {
            const int close = int(text.indexOf(QLatin1String("*/"), i + 2));
            if (close < 0) {
                setFormat(i, int(text.size()) - i, m_comment);
                setCurrentBlockState(InComment);
                return;
            }
            setFormat(i, close + 2 - i, m_comment);
            i = close + 2;
            continue;
        }
        if (c == QLatin1Char('"')) {
            i = highlightString(text, i);
            lineStart = false;
            continue;
        }
        if (c == QLatin1Char('<') && text.mid(i, 2) == QLatin1String("<<")) {
            const auto m = heredoc.match(text, i);
            if (m.hasMatch() && m.capturedStart(0) == i) {
                setFormat(i, int(m.capturedLength(0)), m_keyword);
                qsizetype tag = m_heredocTags.indexOf(m.captured(1));
                if (tag < 0) {
                    m_heredocTags.append(m.captured(1));
                    tag = m_heredocTags.size() - 1;
                }
                setCurrentBlockState(HeredocBase + int(tag));
                return;
            }
        }
        if (c.isDigit()) {
            const auto m = number.match(text, i);
            const int len = m.hasMatch() ? int(m.capturedLength(0)) : 1;
            setFormat(i, len, m_number);
            i += len;
            lineStart = false;
            continue;
        }
        if (isIdentifierStart(c)) {
            int j = i + 1;
            while (j < text.size() && isIdentifierChar(text.at(j)))
                ++j;
            const QString word = text.mid(i, j - i);
            int k = j;
            while (k < text.size() && text.at(k) == QLatin1Char(' '))
                ++k;
            const QChar next = k < text.size() ? text.at(k) : QChar();
            if (keywords.contains(word)) {
                setFormat(i, j - i, m_keyword);
            } else if ((next == QLatin1Char('=') &&
                        (k + 1 >= text.size() || text.at(k + 1) != QLatin1Char('='))) ||
                       next == QLatin1Char(':')) {
                setFormat(i, j - i, m_key); // an attribute or an object key
            } else if (next == QLatin1Char('(')) {
                setFormat(i, j - i, m_function);
            } else if (lineStart && (next == QLatin1Char('{') || next == QLatin1Char('"') ||
                                     isIdentifierStart(next))) {
                setFormat(i, j - i, m_block); // resource "x" "y" {, locals {
            }
            i = j;
            lineStart = false;
            continue;
        }
        lineStart = false;
        ++i;
    }
}

} // namespace kanri::ui
