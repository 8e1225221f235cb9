#pragma once

#include "yaml/yamlvalue.h"

#include <string>

namespace kanri::yaml {

// Prints a value exactly as kustomize v5.5.0 prints a resource: the node goes through JSON
// (numbers normalised, timestamps become RFC 3339 strings) and then through go-yaml v2
// (`sigs.k8s.io/yaml`): keys sorted in go-yaml's natural order, two-space indentation,
// indentless sequences, YAML 1.1 look-alikes double-quoted, indicators single-quoted,
// multi-line strings as literal blocks, long strings folded at 80 columns.
// The result ends with a newline.
std::string emitKustomizeYaml(const Value &value);

// go-yaml v2's map key order (letters by code point, non-letters first, digit runs as numbers).
bool goYamlKeyLess(std::string_view a, std::string_view b);

// The JSON form of a scalar as kustomize prints it (`1.0` → `1`, `0x1F` → `31`), and whether it
// is a string. Exposed for replacements/vars, which copy scalars as text.
std::string jsonScalarText(const Value &scalar);

} // namespace kanri::yaml
