#include "yaml/yamlpath.h"

#include <algorithm>

namespace kanri::yaml {

YamlPath YamlPath::parent() const
{
    return isEmpty() ? YamlPath() : mid(0, size() - 1);
}

YamlPath YamlPath::mid(int from, int count) const
{
    const int begin = std::clamp(from, 0, size());
    const int end = count < 0 ? size() : std::clamp(begin + count, begin, size());
    return YamlPath(
        std::vector<YamlPathSegment>(m_segments.begin() + begin, m_segments.begin() + end));
}

YamlPath YamlPath::operator/(const YamlPathSegment &seg) const
{
    YamlPath p = *this;
    p.m_segments.push_back(seg);
    return p;
}

QString YamlPath::toString() const
{
    QString out;
    for (const YamlPathSegment &seg : m_segments) {
        if (seg.isIndex()) {
            out += QLatin1Char('[') + QString::number(seg.index()) + QLatin1Char(']');
        } else if (seg.key().contains(QLatin1Char('='))) {
            out += QLatin1Char('[') + seg.key() + QLatin1Char(']');
        } else {
            if (!out.isEmpty())
                out += QLatin1Char('.');
            out += seg.key();
        }
    }
    return out.isEmpty() ? QStringLiteral("(root)") : out;
}

} // namespace kanri::yaml
