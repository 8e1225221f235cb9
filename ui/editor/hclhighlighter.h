#pragma once

#include <QStringList>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace kanri::ui {

// Colours HCL (Terraform .tf, .tfvars) as it is typed: block types and labels, attribute
// names, strings with their `${...}` interpolations, heredocs, numbers, keywords, function
// calls and the three comment forms. Multi-line comments and heredocs carry over lines through
// the block state (a heredoc's closing marker is remembered by index).
class HclHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit HclHighlighter(QTextDocument *document);

    void updateColors(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum State { Normal = -1, InComment = 1, HeredocBase = 2 };
    // Colours a quoted string from the opening quote at `from`; returns the index after it.
    int highlightString(const QString &text, int from);

    QTextCharFormat m_key, m_string, m_number, m_keyword, m_comment, m_block, m_function,
        m_interpolation;
    QStringList m_heredocTags; // state HeredocBase + i: inside a heredoc ending with tag i
};

} // namespace kanri::ui
