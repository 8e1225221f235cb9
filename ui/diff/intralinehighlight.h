#pragma once

class QPlainTextEdit;

namespace kanri::ui {

// Side by side, a removed line on the left and the added line beside it (the same block number
// on the right) are the two versions of one line: their changed characters
// (diff::intraLineDiff) are marked with a stronger background than the line's.
void highlightChangedCharacters(QPlainTextEdit *left, QPlainTextEdit *right);

// Scrolls both views horizontally so that the first changed character of line `blockNumber` is
// in view; nothing for a line without a changed partner.
void revealChangedCharacters(QPlainTextEdit *left, QPlainTextEdit *right, int blockNumber);

} // namespace kanri::ui
