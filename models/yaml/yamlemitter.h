#pragma once

#include "yaml/yamlvalue.h"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace kanri::yaml {

// Prints a value exactly as kustomize v5.5.0 prints a resource: the node goes through JSON
// (numbers normalised, timestamps become RFC 3339 strings) and then through go-yaml v2
// (`sigs.k8s.io/yaml`): keys sorted in go-yaml's natural order, two-space indentation,
// indentless sequences, YAML 1.1 look-alikes double-quoted, indicators single-quoted,
// multi-line strings as literal blocks, long strings folded at 80 columns.
// The result ends with a newline.
std::string emitKustomizeYaml(const Value &value);

// The printed text of the large sub-trees (maps and sequences) of one emission, keyed by a
// structural hash of the sub-tree and where it was printed. Re-printing an object after a small
// edit copies every unchanged large sub-tree from the memo of the previous emission, so only the
// path from the root to the edit is printed again.
struct EmitMemo
{
    struct Key
    {
        std::uint64_t a = 0, b = 0;
        bool operator==(const Key &) const = default;
    };
    struct KeyHash
    {
        size_t operator()(const Key &k) const
        {
            return size_t(k.a ^ (k.b * 0x9E3779B97F4A7C15ULL));
        }
    };
    std::unordered_map<Key, std::string, KeyHash> texts;
    size_t bytes = 0; // the text held
};

// emitKustomizeYaml, taking large unchanged sub-trees from `previous` (optional) and recording
// the large sub-trees of this emission in `record` (optional). The text is the same as without.
std::string emitKustomizeYaml(const Value &value, const EmitMemo *previous, EmitMemo *record);
// The same text as a QByteArray (what the renderer keeps), without a copy through std::string.
QByteArray emitKustomizeYamlBytes(const Value &value, const EmitMemo *previous = nullptr,
                                  EmitMemo *record = nullptr);

// go-yaml v2's map key order (letters by code point, non-letters first, digit runs as numbers).
bool goYamlKeyLess(std::string_view a, std::string_view b);

// The JSON form of a scalar as kustomize prints it (`1.0` → `1`, `0x1F` → `31`), and whether it
// is a string. Exposed for replacements/vars, which copy scalars as text.
std::string jsonScalarText(const Value &scalar);

} // namespace kanri::yaml
