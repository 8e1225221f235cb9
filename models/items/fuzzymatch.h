#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace kanri::items {

// How well a typed pattern matches a text, as a command palette ranks its entries.
//
// The pattern is split at white space into words; every word must occur in the text as a
// subsequence of its characters (case-insensitive), words in any order and each on its own:
// "pa prd" matches "payment-api ▸ prd" and "manifests/services/payment-api/overlays/prd/x.yaml".
// A word scores more where its characters start words of the text (after `/`, `-`, `_`, `.`,
// a space or a lower-to-upper case change), follow each other without gaps, and match the
// case typed; gaps cost. The score of the whole pattern is the sum of its words' best
// alignments, with a bonus when the words match one after the other in the order typed.
// An empty pattern matches everything with score 0.
struct FuzzyMatch
{
    int score = 0;
    QList<int> positions; // indices into the text of the matched characters, ascending, unique
};

std::optional<FuzzyMatch> fuzzyMatch(QStringView pattern, QStringView text);

// Orders two matched texts: higher score first, then the shorter text, then alphabetically.
bool fuzzyBefore(const FuzzyMatch &a, QStringView textA, const FuzzyMatch &b, QStringView textB);

} // namespace kanri::items
