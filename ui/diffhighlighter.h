#pragma once

#include <QSyntaxHighlighter>

namespace kanri::ui {

// Colours a rendered diff: resource headers, hunk headers, added and removed lines, and YAML
// keys inside them. The state is reset at every hunk header, so a block scalar left open in
// one hunk does not colour the next.
class DiffHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit DiffHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace kanri::ui
