#pragma once

#include "platform/livediff.h"

#include <QTextBlock>

#include <optional>

namespace kanri::ui {

// What a double-clicked (or Enter-ed) line of the diff panel shows: a line of one rendered
// object of an environment, or a line of an accounts file.
struct DiffLineActivation
{
    QString environment, overlay;               // empty for an accounts file
    std::optional<diff::ResourceText> resource; // the object as that side renders it
    QString accountsFile;                       // relative to the accounts repository
    int side = 1;                               // 0: HEAD, 1: the working buffers
    int line = 0;                               // 1-based in that side's text
};

// Which view of the diff panel the block is in: unified, or the left / right column.
enum class DiffColumn { Unified, Left, Right };

// Reads the panel's own text back: from the block up to its hunk header (`@@ -a,b +c,d @@`),
// counting the lines of each side, and up to the `=== env · object` (or `=== accounts · file`)
// header naming what the hunk belongs to. nullopt for header and filler lines.
std::optional<DiffLineActivation>
diffLineActivation(const QTextBlock &block, DiffColumn column,
                   const QList<platform::LiveDiff::EnvironmentDiff> &results);

} // namespace kanri::ui
