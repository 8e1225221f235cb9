#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace kanri::ui {

// Colours YAML as it is typed: keys, scalars by type (strings, numbers, booleans and null),
// comments, anchors, aliases and tags, document markers, and block scalars (`|`, `>`) over the
// lines that belong to them. Line-based and forgiving: a broken line is coloured as far as it
// reads, and the next line starts fresh unless it continues a block scalar.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit YamlHighlighter(QTextDocument *document);

    // Picks colours that read on the current palette (light or dark) and re-highlights.
    void updateColors(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    // Colours a scalar value starting at `from` (up to a comment).
    void highlightValue(const QString &text, int from);

    QTextCharFormat m_key, m_string, m_number, m_keyword, m_comment, m_special;
};

} // namespace kanri::ui
