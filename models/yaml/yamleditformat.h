#pragma once

// How YamlDocument writes new text: scalars in the right quoting, and yaml-cpp nodes in block or
// flow style at a given indentation. Internal to models/yaml.

#include "yaml/yamldocument.h"

#include <QByteArray>

#include <optional>
#include <string_view>

namespace YAML {
class Node;
}

namespace kanri::yaml::edit {

// The layout conventions of the file being edited.
struct Layout
{
    int unit = 2;      // spaces per nesting level of block mappings
    int seqOffset = 0; // extra indentation of a block sequence under a mapping key (0 or unit)
    QByteArray eol = "\n";
};

// True when a plain scalar with this text would not be read as a string by YAML 1.1 or 1.2
// (null, booleans including yes/no/on/off, ints in any base, floats, .inf/.nan, timestamps,
// merge `<<`). Those must be quoted to stay strings.
bool plainReadsAsNonString(std::string_view text);

// True when `text` can be written as a plain scalar at all (no leading indicator, no ": " or
// " #", no control characters, no flow indicators inside a flow collection).
bool plainSyntaxAllowed(std::string_view text, bool inFlow);

// The scalar text to write for `value`. `oldStyle` is the first character of the scalar being
// replaced ('"', '\'', '|', '>', or 0 for plain/none) and `oldNonString` whether the old plain
// scalar read as a non-string (so Keep may leave a number plain). A literal block's lines are
// indented by `blockIndent` spaces; `parentIndent` is the column of the owning key or dash.
QByteArray renderScalar(std::string_view value, ScalarStyle style, char oldStyle, bool oldNonString,
                        bool inFlow, int blockIndent, int parentIndent, const Layout &layout);

// A mapping key, quoted when needed.
QByteArray renderKey(std::string_view key, bool inFlow);

// Appends `node` as the value that follows "key:" (afterDash false) or "-" (afterDash true),
// whose indicator is at column `parentIndent`: " scalar", or nested block lines. `scalarStyle`,
// when set, overrides styleForNode() for every scalar value (not keys).
void emitBlockValue(const YAML::Node &node, int parentIndent, bool afterDash, const Layout &layout,
                    QByteArray &out, std::optional<ScalarStyle> scalarStyle = {});

// The node in flow style: `{a: 1, b: [x, y]}`.
QByteArray emitFlow(const YAML::Node &node, const Layout &layout,
                    std::optional<ScalarStyle> scalarStyle = {});

// The style a yaml-cpp scalar is written with: quoted scalars (tag "!") stay strings.
ScalarStyle styleForNode(const YAML::Node &node);

} // namespace kanri::yaml::edit
