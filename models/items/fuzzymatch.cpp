#include "items/fuzzymatch.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace kanri::items {

namespace {

// Weights in the spirit of fzf's: a matched character is worth more than a few skipped ones,
// a character that starts a word of the text nearly doubles its worth.
constexpr int kMatch = 16;
constexpr int kBoundary = 10;   // after a separator or at the start of the text
constexpr int kCamel = 8;       // an upper-case letter after a lower-case one
constexpr int kConsecutive = 6; // right after the previous matched character
constexpr int kSameCase = 1;
constexpr int kGapStart = 3;
constexpr int kGapExtension = 1;
constexpr int kInOrder = 20; // per word after the first, when the words match in typed order
constexpr int kNone = std::numeric_limits<int>::min() / 4;

bool isSeparator(QChar c)
{
    return c.isSpace() || c == QLatin1Char('/') || c == QLatin1Char('-') || c == QLatin1Char('_') ||
           c == QLatin1Char('.') || c == QLatin1Char(':') || c == QLatin1Char('@') ||
           c == QLatin1Char('\\') || !c.isLetterOrNumber();
}

int boundaryBonus(QStringView text, qsizetype i)
{
    if (i == 0)
        return kBoundary;
    const QChar prev = text[i - 1];
    const QChar c = text[i];
    if (isSeparator(prev) && !isSeparator(c))
        return kBoundary;
    if (prev.isLower() && c.isUpper())
        return kCamel;
    if (!prev.isDigit() && c.isDigit())
        return kCamel;
    return 0;
}

// The best alignment of one word (no white space) in `text`: a Smith-Waterman-like table with
// linear gap costs, O(word × text).
std::optional<FuzzyMatch> matchWord(QStringView word, QStringView text)
{
    const qsizetype m = word.size();
    const qsizetype n = text.size();
    if (m > n)
        return std::nullopt;
    // Quick rejection: the word as a subsequence at all.
    {
        qsizetype j = 0;
        for (qsizetype i = 0; i < m; ++i) {
            const QChar w = word[i].toCaseFolded();
            while (j < n && text[j].toCaseFolded() != w)
                ++j;
            if (j == n)
                return std::nullopt;
            ++j;
        }
    }
    // score[i][j]: the best alignment of word[0..i] with word[i] matched at text[j];
    // from[i][j]: where word[i-1] was matched in it.
    std::vector<int> score(size_t(m * n), kNone);
    std::vector<int> from(size_t(m * n), -1);
    std::vector<int> run(size_t(m * n), 0); // the bonus of the run of consecutive matches
    std::vector<int> bonus(static_cast<size_t>(n), 0);
    for (qsizetype j = 0; j < n; ++j)
        bonus[size_t(j)] = boundaryBonus(text, j);
    auto at = [n](qsizetype i, qsizetype j) { return size_t(i * n + j); };
    for (qsizetype i = 0; i < m; ++i) {
        const QChar w = word[i];
        const QChar wf = w.toCaseFolded();
        // The best predecessor ending two or more characters back, with its gap already paid.
        int gapBest = kNone;
        int gapFrom = -1;
        for (qsizetype j = 0; j < n; ++j) {
            if (i > 0 && j >= 2) {
                const int extended = gapBest == kNone ? kNone : gapBest - kGapExtension;
                const int opened =
                    score[at(i - 1, j - 2)] == kNone ? kNone : score[at(i - 1, j - 2)] - kGapStart;
                if (opened >= extended && opened != kNone) {
                    gapBest = opened;
                    gapFrom = int(j - 2);
                } else {
                    gapBest = extended;
                }
            }
            if (text[j].toCaseFolded() != wf)
                continue;
            const int own = bonus[size_t(j)];
            const int base = kMatch + (text[j] == w ? kSameCase : 0);
            if (i == 0) {
                // The first character: a start at a word boundary counts double; skipped
                // characters before it cost a little (shorter prefixes rank higher).
                score[at(i, j)] = base + 2 * own - std::min<int>(int(j), 10) / 2;
                run[at(i, j)] = own;
                continue;
            }
            // A character right after the previous one keeps the bonus its run started with
            // (so "hpa" in "x/hpa.yaml" is worth as much as in "x/h-p-a.yaml", without gaps).
            int best = kNone;
            int bestFrom = -1;
            int bestRun = own;
            if (j >= 1 && score[at(i - 1, j - 1)] != kNone) {
                const int runBonus = std::max({own, run[at(i - 1, j - 1)], kConsecutive});
                best = score[at(i - 1, j - 1)] + runBonus;
                bestFrom = int(j - 1);
                bestRun = std::max(own, run[at(i - 1, j - 1)]);
            }
            if (gapBest != kNone && gapBest + own > best) {
                best = gapBest + own;
                bestFrom = gapFrom;
                bestRun = own;
            }
            if (best == kNone)
                continue;
            score[at(i, j)] = best + base;
            from[at(i, j)] = bestFrom;
            run[at(i, j)] = bestRun;
        }
    }
    int bestEnd = -1;
    for (qsizetype j = 0; j < n; ++j) {
        if (score[at(m - 1, j)] != kNone &&
            (bestEnd < 0 || score[at(m - 1, j)] > score[at(m - 1, bestEnd)]))
            bestEnd = int(j);
    }
    if (bestEnd < 0)
        return std::nullopt;
    FuzzyMatch match;
    match.score = score[at(m - 1, bestEnd)];
    match.positions.resize(m);
    int j = bestEnd;
    for (qsizetype i = m - 1; i >= 0; --i) {
        match.positions[i] = j;
        j = from[at(i, j)];
    }
    return match;
}

} // namespace

std::optional<FuzzyMatch> fuzzyMatch(QStringView pattern, QStringView text)
{
    QList<QStringView> words;
    for (QStringView word : pattern.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        word = word.trimmed();
        if (!word.isEmpty())
            words.append(word);
    }
    // Each word on its own, anywhere: whether the pattern matches at all.
    FuzzyMatch total;
    for (QStringView word : std::as_const(words)) {
        const auto one = matchWord(word, text);
        if (!one)
            return std::nullopt;
        total.score += one->score;
        total.positions += one->positions;
    }
    // The words in the order typed, each after the one before (each word's best alignment in
    // what is left): people type a path's pieces in its order, so "pa prd" is payment-api's
    // prd overlay rather than a prd overlay's hpa-patch.yaml.
    if (words.size() > 1) {
        FuzzyMatch ordered;
        qsizetype from = 0;
        for (QStringView word : std::as_const(words)) {
            const auto one = matchWord(word, text.mid(from));
            if (!one) {
                ordered.score = kNone;
                break;
            }
            ordered.score += one->score;
            for (int p : one->positions)
                ordered.positions.append(int(from) + p);
            from += one->positions.last() + 1;
        }
        if (ordered.score != kNone) {
            ordered.score += kInOrder * int(words.size() - 1);
            if (ordered.score >= total.score)
                total = std::move(ordered);
        }
    }
    std::sort(total.positions.begin(), total.positions.end());
    total.positions.erase(std::unique(total.positions.begin(), total.positions.end()),
                          total.positions.end());
    return total;
}

bool fuzzyBefore(const FuzzyMatch &a, QStringView textA, const FuzzyMatch &b, QStringView textB)
{
    if (a.score != b.score)
        return a.score > b.score;
    // Equally good: a match that begins a path's file name ("deploy" in .../deployment.yaml)
    // before one inside a longer name ("argocd/duplicate-deployment").
    const auto beginsFileName = [](const FuzzyMatch &m, QStringView text) {
        const qsizetype slash = text.lastIndexOf(QLatin1Char('/'));
        return slash >= 0 && !m.positions.empty() && m.positions.front() == slash + 1;
    };
    if (const bool fa = beginsFileName(a, textA), fb = beginsFileName(b, textB); fa != fb)
        return fa;
    if (textA.size() != textB.size())
        return textA.size() < textB.size();
    return textA.compare(textB, Qt::CaseInsensitive) < 0;
}

} // namespace kanri::items
