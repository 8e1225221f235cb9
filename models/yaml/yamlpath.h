#pragma once

#include <QString>

#include <initializer_list>
#include <vector>

namespace kanri::yaml {

// One step of a path into a YAML document.
//  - an int selects a sequence item by position;
//  - a string selects a mapping key; applied to a sequence of mappings, a string "key=value"
//    selects the item whose `key` is the scalar `value` (containers / name=app). A string
//    without '=' never matches a sequence.
class YamlPathSegment
{
public:
    YamlPathSegment(int index)
        : m_index(index)
        , m_isIndex(true)
    {}
    YamlPathSegment(const char *key)
        : m_key(QString::fromUtf8(key))
    {}
    YamlPathSegment(QString key)
        : m_key(std::move(key))
    {}

    bool isIndex() const { return m_isIndex; }
    int index() const { return m_index; }
    const QString &key() const { return m_key; }
    bool operator==(const YamlPathSegment &) const = default;

private:
    QString m_key;
    int m_index = -1;
    bool m_isIndex = false;
};

// A path from a document's root: {"spec", "template", "spec", "containers", "name=app",
// "resources", "requests", "cpu"}. The empty path is the root.
class YamlPath
{
public:
    YamlPath() = default;
    YamlPath(std::initializer_list<YamlPathSegment> segments)
        : m_segments(segments)
    {}
    explicit YamlPath(std::vector<YamlPathSegment> segments)
        : m_segments(std::move(segments))
    {}

    bool isEmpty() const { return m_segments.empty(); }
    int size() const { return int(m_segments.size()); }
    const YamlPathSegment &at(int i) const { return m_segments[size_t(i)]; }
    const YamlPathSegment &last() const { return m_segments.back(); }
    const std::vector<YamlPathSegment> &segments() const { return m_segments; }

    YamlPath parent() const;                              // empty path for the root
    YamlPath mid(int from, int count = -1) const;         // like QList::mid
    YamlPath operator/(const YamlPathSegment &seg) const; // appends one segment
    bool operator==(const YamlPath &) const = default;

    // "spec.containers[name=app].image", for messages only (not parsed back).
    QString toString() const;

private:
    std::vector<YamlPathSegment> m_segments;
};

} // namespace kanri::yaml
