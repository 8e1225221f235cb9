#pragma once

#include <QSyntaxHighlighter>

namespace kanri::ui {

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

} // namespace kanri::ui
