#pragma once

#include "core/result.h"
#include "yaml/yamlpath.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <yaml-cpp/node/node.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace kanri::yaml {

enum class YamlNodeKind {
    Missing, // the path does not exist
    Null,    // `key:` with nothing, `~`, `null`
    Scalar,
    Sequence,
    Mapping,
    Alias, // `*name`; reads follow it, edits through it are refused
};

// How setScalar writes the new value.
enum class ScalarStyle {
    // The existing scalar's style (plain, 'single', "double", | literal); a value that the old
    // style cannot hold is quoted. A string stays a string: a plain `image: nginx` set to "1.0"
    // becomes `image: "1.0"`, while `replicas: 2` set to "3" stays plain. On a new key: Auto.
    Keep,
    Auto,   // plain whenever the syntax allows, so "3" is the number 3 and "true" a boolean
    String, // plain if it reads back as a string, otherwise double-quoted ("yes", "1.0", "*x")
    SingleQuoted,
    DoubleQuoted,
    Literal, // block scalar `|` (block context only; flow context falls back to double quotes)
};

// One text replacement: at `offset`, the bytes `removed` were replaced by `inserted`. Every edit
// returns the splice it made; apply(splice.inverted()) undoes it byte for byte.
struct YamlSplice
{
    qsizetype offset = 0;
    QByteArray removed;
    QByteArray inserted;

    YamlSplice inverted() const { return {offset, inserted, removed}; }
    bool operator==(const YamlSplice &) const = default;
};

struct YamlLocation
{
    int line = 0;   // 1-based
    int column = 0; // 1-based, in bytes
    qsizetype offset = 0;
    qsizetype length = 0; // bytes of the node's text (0 for an empty value)
};

// A YAML file (one or more `---` documents) that keeps its exact bytes.
//
// yaml-cpp parses it (event by event, so aliases stay aliases); every edit is a text splice
// located from yaml-cpp's node marks, so comments, blank lines, quoting, key order, CRLF line
// ends and a missing final newline outside the edited node stay byte-identical, and changing
// `replicas` is a one-line diff. After each splice the text is parsed again and the edited path
// is checked; if either fails the edit returns an error and the text stays as it was. (A scalar
// replaced by a scalar, and its undo, parse only the new token in its context and shift the
// layout: about 1 ms for a 650 KB file instead of yaml-cpp's 35 ms; see replaceScalarInPlace.)
//
// Refused on parse: more than MaxBytes, nesting deeper than MaxDepth, aliases that would expand
// to more than MaxExpandedNodes nodes and ten times the nodes written (a "billion laughs" file).
//
// Copies are cheap (the text and the parsed tree are shared); not thread-safe for concurrent
// edits of the same object, but distinct copies may be used from different threads.
class YamlDocument
{
    Q_DECLARE_TR_FUNCTIONS(kanri::yaml::YamlDocument)

public:
    static constexpr qsizetype MaxBytes = 32 * 1024 * 1024;
    static constexpr int MaxDepth = 200;
    static constexpr qsizetype MaxExpandedNodes = 1'000'000;

    YamlDocument(); // an empty file: no documents
    ~YamlDocument();
    YamlDocument(const YamlDocument &);
    YamlDocument &operator=(const YamlDocument &);
    YamlDocument(YamlDocument &&) noexcept;
    YamlDocument &operator=(YamlDocument &&) noexcept;

    // `fileName` is only used in error messages ("file:line:col: error: ...").
    static Result<YamlDocument> parse(const QByteArray &text, const QString &fileName = {});
    static Result<YamlDocument> load(const QString &path);

    const QByteArray &text() const;
    const QString &fileName() const;
    int documentCount() const;

    // The document whose `kind` and `metadata.name` match (either may be empty to match any);
    // -1 when there is none.
    int findDocument(const QString &kind, const QString &name = {}) const;

    // Reading. Paths through aliases are followed.
    YamlNodeKind kind(const YamlPath &path, int document = 0) const;
    bool contains(const YamlPath &path, int document = 0) const
    {
        return kind(path, document) != YamlNodeKind::Missing;
    }
    // The scalar's value (an empty string for a null); fails when missing or not a scalar.
    Result<QString> scalar(const YamlPath &path, int document = 0) const;
    QStringList keys(const YamlPath &path, int document = 0) const; // mapping keys, in order
    int size(const YamlPath &path, int document = 0) const; // items/entries; -1 for non-collections
    Result<YamlLocation> location(const YamlPath &path, int document = 0) const;
    // The subtree as a yaml-cpp node (an alias shares its anchor's node).
    Result<YAML::Node> node(const YamlPath &path = {}, int document = 0) const;

    // Editing. Each returns the splice it applied; on error nothing changed.
    //
    // Sets a scalar. A missing key is inserted, creating missing intermediate mappings (block
    // style with the file's indentation, flow style inside a flow mapping); a missing sequence
    // item is not created. Replaces a null; refuses to replace a mapping or sequence.
    Result<YamlSplice> setScalar(const YamlPath &path, const QString &value,
                                 ScalarStyle style = ScalarStyle::Keep, int document = 0);
    // Sets any value (scalar, mapping, sequence), inserting the key like setScalar. A scalar
    // whose tag is "!" (what yaml-cpp gives quoted scalars) is written as a string
    // (ScalarStyle::String), any other scalar with ScalarStyle::Auto. An existing node of any
    // kind is replaced.
    Result<YamlSplice> setValue(const YamlPath &path, const YAML::Node &value, int document = 0);
    // Removes the mapping entry or sequence item the path names, with its lines (comment lines
    // above it stay). Removing the last entry of a block collection leaves `{}` / `[]`. Fails
    // when the entry defines an anchor that an alias elsewhere still uses.
    Result<YamlSplice> remove(const YamlPath &path, int document = 0);
    // Inserts `value` into the sequence at `sequencePath` before item `index` (-1: append), in
    // the sequence's style and indentation. A missing or null sequence is created.
    Result<YamlSplice> insertItem(const YamlPath &sequencePath, int index, const YAML::Node &value,
                                  int document = 0);

    // Applies a splice returned by an edit (or its inverse, for undo). Fails, changing nothing,
    // when the text at the offset is not `removed` or the result does not parse.
    Result<void> apply(const YamlSplice &splice);

    // True when the last edit or apply() on this object updated the layout in place instead of
    // parsing the whole text again (for tests and benchmarks).
    bool lastEditInPlace() const { return m_lastEditInPlace; }

    // For tests: every node's kind, offsets, line, column, style, tag and value, and the layout
    // conventions, one node a line. An edited document dumps as a fresh parse of its text does.
    QByteArray layoutDump() const;

    struct Tree; // the parsed layout; internal

private:
    // Applies the splice, checks the result and only then replaces this document's state.
    // `scalarNode`: the splice replaces exactly that scalar's text, which allows the fast path.
    Result<YamlSplice> commit(const YamlSplice &splice,
                              const std::function<bool(const YamlDocument &)> &check,
                              const QString &what, int scalarNode = -1,
                              bool documentsMayChange = false);
    bool replaceScalarInPlace(int scalarNode, const YamlSplice &splice);
    Result<YamlSplice> insertMissing(const YamlPath &path, int document, const YAML::Node &value,
                                     std::optional<ScalarStyle> style);

    QByteArray m_text;
    QString m_fileName;
    std::shared_ptr<const Tree> m_tree;
    bool m_lastEditInPlace = false;
};

// yaml-cpp nodes (with their marks) of every document of `text`, read within YamlDocument's limits
// (size, nesting depth, alias expansion): the one way Kanri reads YAML that it does not edit.
// Errors are "file:line:col" ones naming `fileName`.
Result<std::vector<YAML::Node>> loadAll(const QByteArray &text, const QString &fileName = {});
// The first document of `text` (a null node when there is none), read the same way.
Result<YAML::Node> load(const QByteArray &text, const QString &fileName = {});

} // namespace kanri::yaml
