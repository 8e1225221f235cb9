#include "yaml/yamlvalue.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>
#include <yaml.h>

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>

namespace kanri::yaml {

Value Value::string(std::string s)
{
    Value v;
    v.type = Type::String;
    v.text = std::move(s);
    return v;
}

Value Value::integer(long long n)
{
    Value v;
    v.type = Type::Int;
    v.text = std::to_string(n);
    return v;
}

Value Value::boolean(bool b)
{
    Value v;
    v.type = Type::Bool;
    v.text = b ? "true" : "false";
    return v;
}

Value Value::plain(std::string text)
{
    Value v;
    v.type = resolvePlain(text);
    v.text = std::move(text);
    return v;
}

const Value *Value::get(std::string_view key) const
{
    if (type != Type::Map)
        return nullptr;
    for (const MapEntry &e : entries)
        if (e.key == key)
            return &e.value;
    return nullptr;
}

Value *Value::get(std::string_view key)
{
    return const_cast<Value *>(static_cast<const Value *>(this)->get(key));
}

Value &Value::set(std::string_view key, Value v)
{
    if (type != Type::Map) {
        *this = map();
    }
    for (MapEntry &e : entries)
        if (e.key == key) {
            e.value = std::move(v);
            return e.value;
        }
    entries.push_back(MapEntry{std::string(key), std::move(v)});
    return entries.back().value;
}

Value &Value::getOrAddMap(std::string_view key)
{
    Value *v = get(key);
    if (v && v->isMap())
        return *v;
    return set(key, map());
}

bool Value::remove(std::string_view key)
{
    for (auto it = entries.begin(); it != entries.end(); ++it)
        if (it->key == key) {
            entries.erase(it);
            return true;
        }
    return false;
}

const Value *Value::at(std::initializer_list<std::string_view> path) const
{
    const Value *v = this;
    for (std::string_view k : path) {
        v = v->get(k);
        if (!v)
            return nullptr;
    }
    return v;
}

std::string Value::str(std::initializer_list<std::string_view> path) const
{
    const Value *v = at(path);
    if (!v || !v->isScalar() || v->isNull())
        return {};
    return v->text;
}

bool Value::operator==(const Value &o) const
{
    if (type != o.type)
        return false;
    if (isMap()) {
        if (entries.size() != o.entries.size())
            return false;
        for (size_t i = 0; i < entries.size(); ++i)
            if (entries[i].key != o.entries[i].key || !(entries[i].value == o.entries[i].value))
                return false;
        return true;
    }
    if (isSeq())
        return items == o.items;
    return text == o.text;
}

namespace {

bool isDigitIn(char c, int base)
{
    if (base == 16)
        return std::isxdigit(static_cast<unsigned char>(c));
    if (base == 2)
        return c == '0' || c == '1';
    if (base == 8)
        return c >= '0' && c <= '7';
    return c >= '0' && c <= '9';
}

// Go's strconv.ParseInt/ParseUint syntax with base 0 (after underscores were removed).
bool goIntSyntax(std::string_view s)
{
    if (!s.empty() && (s[0] == '+' || s[0] == '-'))
        s.remove_prefix(1);
    if (s.empty())
        return false;
    int base = 10;
    if (s.size() >= 2 && s[0] == '0') {
        char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
        if (p == 'x') {
            base = 16;
            s.remove_prefix(2);
        } else if (p == 'b') {
            base = 2;
            s.remove_prefix(2);
        } else if (p == 'o') {
            base = 8;
            s.remove_prefix(2);
        } else {
            base = 8;
            s.remove_prefix(1);
        }
        if (s.empty())
            return base == 8; // "0" handled below; "0x" fails
    }
    for (char c : s)
        if (!isDigitIn(c, base))
            return false;
    return true;
}

// strconv.ParseInt(s, 0, 64) or ParseUint(s, 0, 64) succeeds on s (of goIntSyntax): the value
// fits in 64 bits. A longer number is a float when it has float syntax, else a string.
bool goIntFits(std::string_view s)
{
    bool neg = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    int base = 10;
    if (s.size() >= 2 && s[0] == '0') {
        const char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
        base = p == 'x' ? 16 : p == 'b' ? 2 : 8;
        s.remove_prefix(p == 'x' || p == 'b' || p == 'o' ? 2 : 1);
    }
    std::uint64_t v = 0;
    for (char c : s) {
        const int d =
            c >= '0' && c <= '9' ? c - '0' : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
        if (__builtin_mul_overflow(v, std::uint64_t(base), &v) ||
            __builtin_add_overflow(v, std::uint64_t(d), &v))
            return false;
    }
    return !neg || v <= (std::uint64_t(1) << 63);
}

// strconv.ParseFloat(s, 64) succeeds: the value does not overflow a float64 (an underflow to
// zero is no error in Go). A number of 309 digits is therefore a string, printed as written.
bool goFloatFits(const std::string &s)
{
    return !std::isinf(std::strtod(s.c_str(), nullptr));
}

bool yamlStyleFloat(std::string_view s)
{
    // ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
    size_t i = 0;
    auto digits = [&] {
        size_t st = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        return i - st;
    };
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (digits() == 0)
            return false;
    } else {
        if (digits() == 0)
            return false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            digits();
        }
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == s.size();
}

bool isTimestamp(std::string_view s)
{
    // Go layouts 2006-1-2, 2006-1-2T15:4:5.999999999Z07:00 (t or T), 2006-1-2 15:4:5.999999999
    size_t i = 0;
    auto num = [&](size_t minD, size_t maxD) {
        size_t st = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - st < maxD)
            ++i;
        return i - st >= minD;
    };
    if (!num(4, 4) || i >= s.size() || s[i] != '-')
        return false;
    ++i;
    if (!num(1, 2) || i >= s.size() || s[i] != '-')
        return false;
    ++i;
    if (!num(1, 2))
        return false;
    if (i == s.size())
        return true;
    const char sep = s[i];
    if (sep != 'T' && sep != 't' && sep != ' ')
        return false;
    ++i;
    if (!num(1, 2) || i >= s.size() || s[i] != ':')
        return false;
    ++i;
    if (!num(1, 2) || i >= s.size() || s[i] != ':')
        return false;
    ++i;
    if (!num(1, 2))
        return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (!num(1, 9))
            return false;
    }
    if (i == s.size())
        return true;
    if (sep == ' ')
        return false;
    if (s[i] == 'Z')
        return i + 1 == s.size();
    if (s[i] == '+' || s[i] == '-') {
        ++i;
        if (!num(2, 2) || i >= s.size() || s[i] != ':')
            return false;
        ++i;
        return num(2, 2) && i == s.size();
    }
    return false;
}

} // namespace

Value::Type resolvePlain(std::string_view s)
{
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
        return Value::Type::Null;
    if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE")
        return Value::Type::Bool;
    const char c = s[0];
    if (c == '.' || c == '+' || c == '-') {
        static const char *const specials[] = {".inf",  ".Inf",  ".INF",  "+.inf", "+.Inf", "+.INF",
                                               "-.inf", "-.Inf", "-.INF", ".nan",  ".NaN",  ".NAN"};
        for (const char *sp : specials)
            if (s == sp)
                return Value::Type::Float;
    }
    if (c == '.') {
        if (yamlStyleFloat(s))
            return Value::Type::Float;
        return Value::Type::String;
    }
    if ((c >= '0' && c <= '9') || c == '+' || c == '-') {
        if (isTimestamp(s))
            return Value::Type::Timestamp;
        std::string plain;
        plain.reserve(s.size());
        for (char ch : s)
            if (ch != '_')
                plain += ch;
        if (goIntSyntax(plain) && goIntFits(plain))
            return Value::Type::Int;
        if (yamlStyleFloat(plain) && goFloatFits(plain))
            return Value::Type::Float;
    }
    return Value::Type::String;
}

Value::Type resolvePlain11(std::string_view s)
{
    static const char *const bools[] = {"y",  "Y",  "yes", "Yes", "YES", "n",   "N",   "no",
                                        "No", "NO", "on",  "On",  "ON",  "off", "Off", "OFF"};
    for (const char *b : bools)
        if (s == b)
            return Value::Type::Bool;
    const Value::Type t = resolvePlain(s);
    return t == Value::Type::Timestamp ? Value::Type::String : t;
}

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("kanri::yaml", s);
}

struct BadText
{
    QString message;
    qsizetype offset;
};

// libyaml's reader: the input must be UTF-8 (a BOM at the start is skipped) made of printable
// characters, tab, line feed and carriage return. Returns the offset of the first bad byte.
std::optional<BadText> checkText(std::string_view bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto n = qsizetype(bytes.size());
    qsizetype i = (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) ? 3 : 0;
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    while (i < n) {
        // Eight ASCII bytes at a time (most of a YAML file): none has its high bit set and none
        // is DEL; a word with a byte below 0x20 (a line feed, usually) checks those bytes.
        if (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            const std::uint64_t del = w ^ (ones * 0x7F);
            if (!(w & highs) && !((del - ones) & ~del & highs)) {
                if ((w - ones * 0x20) & ~w & highs)
                    for (int k = 0; k < 8; ++k) {
                        const unsigned char c = p[i + k];
                        if (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D)
                            return BadText{tr("control characters are not allowed"), i + k};
                    }
                i += 8;
                continue;
            }
        }
        const unsigned char c = p[i];
        if (c < 0x80) {
            if (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D)
                return BadText{tr("control characters are not allowed"), i};
            if (c == 0x7F)
                return BadText{tr("control characters are not allowed"), i};
            ++i;
            continue;
        }
        int width = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (width == 0)
            return BadText{tr("invalid leading UTF-8 octet"), i};
        if (i + width > n)
            return BadText{tr("incomplete UTF-8 octet sequence"), i};
        unsigned value = c & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07);
        for (int k = 1; k < width; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return BadText{tr("invalid trailing UTF-8 octet"), i + k};
            value = (value << 6) | (p[i + k] & 0x3F);
        }
        if (!((width == 2 && value >= 0x80) || (width == 3 && value >= 0x800) ||
              (width == 4 && value >= 0x10000)))
            return BadText{tr("invalid length of a UTF-8 sequence"), i};
        if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
            return BadText{tr("invalid Unicode character"), i};
        if (!(value == 0x85 || (value >= 0xA0 && value <= 0xD7FF) ||
              (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF)))
            return BadText{tr("control characters are not allowed"), i};
        i += width;
    }
    return std::nullopt;
}

struct TooBig
{
    QString message;
    YAML::Mark mark;
};

struct DuplicateKey
{
    QString message;
    YAML::Mark mark;
};

class Builder : public YAML::EventHandler
{
    Q_DECLARE_TR_FUNCTIONS(kanri::yaml::Builder)

public:
    // `lineOffset`: the 0-based line of the source's first byte in the file (a piece of a
    // stream cut by kyaml), added to the lines that messages quote.
    Builder(const ParseLimits &limits, std::string_view source, int lineOffset = 0)
        : m_limits(limits)
        , m_source(source)
        , m_lineOffset(lineOffset)
    {}

    std::vector<Value> docs;

    void OnDocumentStart(const YAML::Mark &) override { m_stack.clear(); }
    void OnDocumentEnd() override
    {
        if (!m_haveRoot)
            docs.emplace_back();
        m_haveRoot = false;
    }
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        // yaml-cpp reports `~`, `null` and an empty value alike; kyaml keeps the difference
        // (a strategic merge drops an empty value but keeps a written null), so the text is
        // taken from the source: the mark is on the null's token when there is one.
        Value v;
        if (mark.pos >= 0 && size_t(mark.pos) < m_source.size()) {
            const std::string_view at = m_source.substr(size_t(mark.pos));
            for (std::string_view word : {"~", "null", "Null", "NULL"}) {
                if (!at.starts_with(word))
                    continue;
                const char next = at.size() > word.size() ? at[word.size()] : ' ';
                if (std::string_view(" \t\r\n,]}#").find(next) != std::string_view::npos)
                    v.text = std::string(word);
                break;
            }
        }
        add(std::move(v), anchor, mark);
    }
    // A null whose text is known (libyaml gives the scalar's value: "", "~", "null"...).
    void addNull(const YAML::Mark &mark, YAML::anchor_t anchor, std::string text)
    {
        Value v;
        v.text = std::move(text);
        add(std::move(v), anchor, mark);
    }
    // libyaml refuses an unclosed quote itself; its marks count characters, not bytes.
    bool checkQuotes = true;

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        irregular = true;
        // An alias inside the collection its anchor names: go-yaml refuses it ("anchor value
        // contains itself"; kyaml recurses until its stack overflows). The one exception is a
        // mapping merging itself (`a: &a {<<: *a}`), which adds nothing.
        for (size_t i = 0; i < m_stack.size(); ++i) {
            if (m_stack[i].anchor != anchor)
                continue;
            const Frame &top = m_stack.back();
            if (i + 1 == m_stack.size() && top.value.isMap() && top.haveKey && top.key == "<<") {
                countNode(mark);
                m_stack.back().haveKey = false;
                return;
            }
            throw TooBig{tr("an alias refers to the collection that contains it"), mark};
        }
        auto it = m_anchors.find(anchor);
        // Counted before the copy: an alias bomb is refused before it costs time and memory.
        m_nodes += it == m_anchors.end() ? 1 : it->second.second;
        if (m_nodes > m_limits.maxNodes)
            throw TooBig{tr("document expands to too many nodes (alias bomb?)"), mark};
        Value v = it == m_anchors.end() ? Value() : it->second.first;
        add(std::move(v), 0, mark);
    }
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        scalar(mark, tag, anchor, value);
    }
    // OnScalar taking the value's text, which becomes the node's (libyaml's events give it
    // in a string that is not needed afterwards).
    void scalar(const YAML::Mark &mark, std::string_view tag, YAML::anchor_t anchor,
                std::string value)
    {
        if (tag == "!" && checkQuotes)
            checkQuoteClosed(mark);
        Value v;
        if (tag == "?" || tag.empty()) {
            v.type = m_limits.yaml11 ? resolvePlain11(value) : resolvePlain(value);
            v.text = std::move(value);
        } else if (tag == "!" || tag == "tag:yaml.org,2002:str") {
            v = Value::string(std::move(value));
        } else if (tag == "tag:yaml.org,2002:int") {
            v.type = Value::Type::Int;
            v.text = std::move(value);
        } else if (tag == "tag:yaml.org,2002:float") {
            v.type = Value::Type::Float;
            v.text = std::move(value);
        } else if (tag == "tag:yaml.org,2002:bool") {
            v = Value::plain(std::move(value));
        } else if (tag == "tag:yaml.org,2002:null") {
            v = Value();
        } else {
            v = Value::string(std::move(value));
        }
        m_quoted = tag == "!";
        add(std::move(v), anchor, mark);
        m_quoted = false;
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        push(Value::seq(), anchor, mark);
    }
    void OnSequenceEnd() override { pop(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        push(Value::map(), anchor, mark);
    }
    void OnMapEnd() override { pop(); }

    // ParseIndex recording (libyaml only): where nodes go, and whether what was recorded holds
    // (no alias, merge or repeated key since recording started).
    ParseIndex *index = nullptr;
    size_t docBase = 0; // documents before this piece
    bool irregular = false;
    // The collection and place of the next scalar when it is a value (an item, or the value of
    // a key that is not a merge key).
    bool valueSlot(std::uint32_t &parent, std::uint32_t &at) const
    {
        if (m_stack.empty())
            return false;
        const Frame &top = m_stack.back();
        if (top.node == ParseIndex::root)
            return false;
        if (top.value.isMap() && (!top.haveKey || (top.key == "<<" && !top.keyQuoted)))
            return false;
        parent = top.node;
        at = childIndex(top);
        return true;
    }

private:
    // yaml-cpp 0.7 accepts a quoted scalar that the end of the stream cuts off; go-yaml reports
    // "found unexpected end of stream". The scalar's token starts at `mark`.
    void checkQuoteClosed(const YAML::Mark &mark) const
    {
        if (mark.pos < 0 || size_t(mark.pos) >= m_source.size())
            return;
        const char quote = m_source[size_t(mark.pos)];
        if (quote != '\'' && quote != '"')
            return;
        for (size_t i = size_t(mark.pos) + 1; i < m_source.size(); ++i) {
            const char c = m_source[i];
            if (quote == '"' && c == '\\') {
                ++i;
                continue;
            }
            if (c != quote)
                continue;
            if (quote == '\'' && i + 1 < m_source.size() && m_source[i + 1] == '\'') {
                ++i; // '' is a quote inside a single-quoted scalar
                continue;
            }
            return;
        }
        throw TooBig{tr("found unexpected end of stream (a quoted scalar is not closed)"), mark};
    }

    struct Frame
    {
        Value value;
        YAML::anchor_t anchor = 0;
        qsizetype startNodes = 0;
        bool haveKey = false;
        bool keyQuoted = false; // a quoted "<<" is a plain key, not a merge
        std::string key;
        YAML::Mark keyMark;
        std::vector<int> keyLines; // 1-based line of each entry's key (duplicate messages)
        YAML::Mark mark;           // where the collection starts
        std::unordered_map<std::string, size_t> index = {}; // key -> entry, in large mappings
        std::uint32_t node = ParseIndex::root;              // its ParseIndex::Node
    };

    void push(Value v, YAML::anchor_t anchor, const YAML::Mark &mark)
    {
        if (static_cast<int>(m_stack.size()) >= m_limits.maxDepth)
            throw TooBig{
                tr("document is nested too deeply (more than %1 levels)").arg(m_limits.maxDepth),
                mark};
        countNode(mark);
        std::uint32_t node = ParseIndex::root;
        if (index) {
            // Its place: the entry or item it becomes (a repeated key makes the place wrong,
            // and `irregular` then drops what was recorded).
            node = std::uint32_t(index->nodes.size());
            if (m_stack.empty())
                index->nodes.push_back({ParseIndex::root, std::uint32_t(docBase + docs.size())});
            else
                index->nodes.push_back({m_stack.back().node, childIndex(m_stack.back())});
        }
        // The frames of a depth are reused, with the capacity of their vectors: a collection's
        // children gather there and move into a vector of the exact size when it ends, so that
        // a parsed tree is built without the reallocations of growing vectors.
        Frame &f = m_stack.push();
        f.value.type = v.type;
        f.value.entries.clear();
        f.value.items.clear();
        f.anchor = anchor;
        f.startNodes = m_nodes;
        f.haveKey = false;
        f.keyQuoted = false;
        f.key.clear();
        f.keyMark = {};
        f.keyLines.clear();
        f.mark = mark;
        if (!f.index.empty())
            f.index.clear();
        f.node = node;
    }
    static std::uint32_t childIndex(const Frame &f)
    {
        return std::uint32_t(f.value.isSeq() ? f.value.items.size() : f.value.entries.size());
    }
    void pop()
    {
        Frame &f = m_stack.back();
        Value v;
        v.type = f.value.type;
        if (f.value.isMap()) {
            v.entries.assign(std::make_move_iterator(f.value.entries.begin()),
                             std::make_move_iterator(f.value.entries.end()));
            f.value.entries.clear();
        } else {
            v.items.assign(std::make_move_iterator(f.value.items.begin()),
                           std::make_move_iterator(f.value.items.end()));
            f.value.items.clear();
        }
        const YAML::anchor_t anchor = f.anchor;
        const qsizetype startNodes = f.startNodes;
        const YAML::Mark mark = f.mark;
        m_stack.pop();
        if (anchor)
            m_anchors[anchor] = {v, m_nodes - startNodes + 1};
        attach(std::move(v), mark);
    }
    void countNode(const YAML::Mark &mark)
    {
        if (++m_nodes > m_limits.maxNodes)
            throw TooBig{tr("document has too many nodes"), mark};
    }
    void add(Value v, YAML::anchor_t anchor, const YAML::Mark &mark)
    {
        countNode(mark);
        if (anchor)
            m_anchors[anchor] = {v, 1};
        attach(std::move(v), mark);
    }
    void attach(Value v, const YAML::Mark &mark)
    {
        if (m_stack.empty()) {
            docs.push_back(std::move(v));
            m_haveRoot = true;
            return;
        }
        Frame &top = m_stack.back();
        if (top.value.isSeq()) {
            top.value.items.push_back(std::move(v));
        } else if (!top.haveKey) {
            if (m_limits.yaml11 && v.type == Value::Type::Bool) {
                // sigs.k8s.io/yaml writes a boolean key (yes, on, y) as "true" or "false".
                const char c = char(std::tolower(static_cast<unsigned char>(v.text[0])));
                top.key =
                    (c == 't' || c == 'y' || v.text == "on" || v.text == "On" || v.text == "ON")
                        ? "true"
                        : "false";
            } else if (v.isScalar()) {
                top.key = std::move(v.text);
            } else {
                top.key.clear();
            }
            top.keyMark = mark;
            top.keyQuoted = m_quoted;
            top.haveKey = true;
        } else {
            top.haveKey = false;
            if (top.key == "<<" && !top.keyQuoted) {
                const bool maps =
                    v.isMap() ||
                    (v.isSeq() && std::all_of(v.items.begin(), v.items.end(),
                                              [](const Value &m) { return m.isMap(); }));
                if (!maps)
                    throw TooBig{tr("map merge requires map or sequence of maps as the value"),
                                 mark};
                // YAML merge key: keys not already present are added.
                auto mergeOne = [&](const Value &m) {
                    for (const MapEntry &e : m.entries)
                        if (!top.value.get(e.key)) {
                            top.value.entries.push_back(e);
                            top.keyLines.push_back(0); // merged: a key written later wins
                        }
                };
                irregular = true;
                if (v.isMap())
                    mergeOne(v);
                else
                    for (const Value &m : v.items)
                        if (m.isMap())
                            mergeOne(m);
                return;
            }
            bool replaced = false;
            // A large mapping (a CRD's properties) finds a key again through an index, kept
            // beside its entries (which hold each key once).
            size_t from = 0, to = top.value.entries.size();
            if (to >= 16) {
                if (top.index.size() != to) {
                    top.index.clear();
                    for (size_t i = 0; i < to; ++i)
                        top.index.emplace(top.value.entries[i].key, i);
                }
                const auto it = top.index.find(top.key);
                from = it == top.index.end() ? to : it->second;
                to = it == top.index.end() ? to : it->second + 1;
            }
            for (size_t i = from; i < to; ++i) {
                MapEntry &e = top.value.entries[i];
                if (e.key != top.key)
                    continue;
                const bool merged = i >= top.keyLines.size() || top.keyLines[i] == 0;
                if (m_limits.duplicateKeys == ParseLimits::DuplicateKeys::Refuse && !merged)
                    throw DuplicateKey{tr("mapping key \"%1\" already defined at line %2")
                                           .arg(QString::fromStdString(top.key))
                                           .arg(top.keyLines[i]),
                                       top.keyMark};
                if (merged || m_limits.duplicateKeys == ParseLimits::DuplicateKeys::KeepLast) {
                    e.value = std::move(v);
                    if (merged && i < top.keyLines.size())
                        top.keyLines[i] = m_lineOffset + top.keyMark.line + 1;
                }
                replaced = true;
                irregular = true;
                break;
            }
            if (!replaced) {
                if (!top.index.empty())
                    top.index.emplace(top.key, top.value.entries.size());
                top.value.entries.push_back(MapEntry{std::move(top.key), std::move(v)});
                top.keyLines.push_back(m_lineOffset + top.keyMark.line + 1);
            }
        }
    }

    const ParseLimits &m_limits;
    std::string_view m_source;
    int m_lineOffset = 0;
    // The open collections, innermost last; frames past the depth keep their capacity.
    class FrameStack
    {
    public:
        size_t size() const { return m_depth; }
        bool empty() const { return m_depth == 0; }
        Frame &back() { return m_frames[m_depth - 1]; }
        const Frame &back() const { return m_frames[m_depth - 1]; }
        Frame &operator[](size_t i) { return m_frames[i]; }
        void clear() { m_depth = 0; }
        Frame &push()
        {
            if (m_depth == m_frames.size())
                m_frames.emplace_back();
            return m_frames[m_depth++];
        }
        void pop() { --m_depth; }

    private:
        std::vector<Frame> m_frames;
        size_t m_depth = 0;
    };
    FrameStack m_stack;
    std::map<YAML::anchor_t, std::pair<Value, qsizetype>> m_anchors;
    qsizetype m_nodes = 0;
    bool m_haveRoot = false;
    bool m_quoted = false; // the scalar being added was quoted
};

} // namespace

namespace {

bool isBlankOrEnd(std::string_view s, size_t i)
{
    return i >= s.size() || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
}

struct StartError
{
    QString message;
    int line = 0; // 0-based, within the text
};

// What libyaml (go-yaml v2 and v3) refuses at the start of a stream and yaml-cpp lets pass: a
// document end marker "..." before the first document ("did not find expected node content":
// only later documents may be preceded by extra "..."), and directives not followed by a
// document start marker "---".
std::optional<StartError> checkStreamStart(std::string_view s)
{
    size_t i = s.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    int line = 0;
    bool directives = false;
    while (i < s.size()) {
        size_t e = s.find('\n', i);
        if (e == std::string_view::npos)
            e = s.size();
        size_t k = i;
        while (k < e && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
            ++k;
        const bool blank = k == e || s[k] == '#';
        if (!blank) {
            if (s[i] == '%') {
                directives = true;
            } else if (directives) {
                if (s.substr(i).starts_with("---") && isBlankOrEnd(s, i + 3))
                    return std::nullopt;
                return StartError{
                    QCoreApplication::translate("kanri::yaml::Builder",
                                                "did not find expected <document start>"),
                    line};
            } else if (s.substr(i).starts_with("...") && isBlankOrEnd(s, i + 3)) {
                return StartError{QCoreApplication::translate("kanri::yaml::Builder",
                                                              "did not find expected node content"),
                                  line};
            } else {
                return std::nullopt;
            }
        }
        i = e + 1;
        ++line;
    }
    if (directives) // the stream ends after its directives
        return StartError{QCoreApplication::translate("kanri::yaml::Builder",
                                                      "did not find expected <document start>"),
                          line};
    return std::nullopt;
}

// libyaml (the C parser go-yaml is a port of) feeding the same Builder as yaml-cpp, 6-7x faster
// than yaml-cpp on large CRDs. Returns false, leaving `docs` as it was, on any error or limit:
// the caller then parses with yaml-cpp, whose verdicts and messages are the reference.
// The value a single-line scalar token (quotes included) of `style` has, when it is certain:
// no escape, no line folding. Used to check what parseWithLibyaml records in a ParseIndex and
// to read the new token in reparseEdited.
// A plain token may span lines (libyaml's scan_plain_scalar folds them): a line break between
// two runs of text is a space, n > 1 breaks are n - 1 newlines, blanks around breaks go.
std::optional<std::string> plainValue(std::string_view t)
{
    std::string v;
    v.reserve(t.size());
    size_t i = 0;
    while (i < t.size()) {
        size_t j = i;
        while (j < t.size() && t[j] != ' ' && t[j] != '\t' && t[j] != '\n')
            ++j;
        v.append(t.substr(i, j - i));
        if (j == t.size())
            break;
        size_t k = j;
        size_t breaks = 0;
        while (k < t.size() && (t[k] == ' ' || t[k] == '\t' || t[k] == '\n'))
            breaks += t[k++] == '\n';
        if (k == t.size())
            return std::nullopt; // a token ends with text
        if (breaks == 0)
            v.append(t.substr(j, k - j));
        else if (breaks == 1)
            v += ' ';
        else
            v.append(breaks - 1, '\n');
        i = k;
    }
    return v;
}

std::optional<std::string> tokenValue(std::string_view token, int style)
{
    if (token.empty() || token.find('\r') != std::string_view::npos)
        return std::nullopt;
    if (style == YAML_PLAIN_SCALAR_STYLE)
        return plainValue(token);
    if (token.find('\n') != std::string_view::npos)
        return std::nullopt;
    const char q = style == YAML_SINGLE_QUOTED_SCALAR_STYLE ? '\'' : '"';
    if (token.size() < 2 || token.front() != q || token.back() != q)
        return std::nullopt;
    const std::string_view body = token.substr(1, token.size() - 2);
    if (q == '"') {
        if (body.find_first_of("\\\"") != std::string_view::npos)
            return std::nullopt;
        return std::string(body);
    }
    std::string v;
    v.reserve(body.size());
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i] == '\'') {
            if (i + 1 >= body.size() || body[i + 1] != '\'')
                return std::nullopt; // the quote ends the scalar before the token's end
            ++i;
        }
        v += body[i];
    }
    return v;
}

bool parseWithLibyaml(std::string_view text, const ParseLimits &limits, int lineOffset,
                      bool firstOnly, std::vector<Value> &docs, ParseIndex *index = nullptr,
                      size_t byteBase = 0)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return false;
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char *>(text.data()),
                                 text.size());
    Builder builder(limits, text, lineOffset);
    builder.checkQuotes = false;
    builder.index = index;
    builder.docBase = docs.size();
    const size_t nodesBefore = index ? index->nodes.size() : 0;
    const size_t scalarsBefore = index ? index->scalars.size() : 0;
    // libyaml's marks count characters: the byte offset of a mark, walking forwards.
    size_t markChars = 0, markBytes = 0;
    const bool ascii = !index || std::all_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x80;
    });
    auto byteOf = [&](size_t chars) {
        if (ascii)
            return std::min(chars, text.size());
        if (chars < markChars)
            markChars = markBytes = 0;
        for (; markChars < chars && markBytes < text.size(); ++markChars) {
            const auto c = static_cast<unsigned char>(text[markBytes]);
            markBytes += c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        }
        return std::min(markBytes, text.size());
    };
    int flowDepth = 0; // scalars inside flow collections are not recorded
    std::vector<bool> flowStack;
    std::unordered_map<std::string, YAML::anchor_t> anchors;
    YAML::anchor_t nextAnchor = 0;
    auto mark = [](const yaml_mark_t &m) {
        YAML::Mark y;
        y.pos = int(m.index);
        y.line = int(m.line);
        y.column = int(m.column);
        return y;
    };
    auto defineAnchor = [&](const yaml_char_t *name) -> YAML::anchor_t {
        if (!name)
            return 0;
        const YAML::anchor_t id = ++nextAnchor; // a name defined again is a new anchor
        anchors[reinterpret_cast<const char *>(name)] = id;
        return id;
    };
    bool ok = true;
    try {
        bool done = false;
        while (!done) {
            struct Event
            {
                yaml_event_t ev;
                bool held = false;
                ~Event()
                {
                    if (held)
                        yaml_event_delete(&ev);
                }
            } held;
            if (!yaml_parser_parse(&parser, &held.ev)) {
                ok = false;
                break;
            }
            held.held = true;
            const yaml_event_t &ev = held.ev;
            const YAML::Mark m = mark(ev.start_mark);
            switch (ev.type) {
            case YAML_STREAM_END_EVENT:
                done = true;
                break;
            case YAML_DOCUMENT_START_EVENT:
                builder.OnDocumentStart(m);
                break;
            case YAML_DOCUMENT_END_EVENT:
                builder.OnDocumentEnd();
                done = firstOnly;
                break;
            case YAML_ALIAS_EVENT: {
                auto it = anchors.find(reinterpret_cast<const char *>(ev.data.alias.anchor));
                if (it == anchors.end())
                    ok = false; // yaml-cpp says what is wrong
                else
                    builder.OnAlias(m, it->second);
                break;
            }
            case YAML_SCALAR_EVENT: {
                const auto &sc = ev.data.scalar;
                std::uint32_t parent = 0, at = 0;
                if (index && !sc.anchor && !sc.tag && flowDepth == 0 &&
                    (sc.style == YAML_PLAIN_SCALAR_STYLE ||
                     sc.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                     sc.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) &&
                    builder.valueSlot(parent, at)) {
                    const size_t b = byteOf(ev.start_mark.index);
                    const size_t e = byteOf(ev.end_mark.index);
                    const std::string_view token = text.substr(b, e - b);
                    const std::string_view value(reinterpret_cast<const char *>(sc.value),
                                                 sc.length);
                    // The token's value is the one libyaml gave (a one-line plain token is
                    // its own value; others are decoded).
                    const bool same =
                        sc.style == YAML_PLAIN_SCALAR_STYLE &&
                                token.find_first_of("\n\r\t") == std::string_view::npos
                            ? !token.empty() && token == value
                            : tokenValue(token, sc.style) == value;
                    if (same)
                        index->scalars.push_back({std::uint32_t(byteBase + b),
                                                  std::uint32_t(byteBase + e), parent, at,
                                                  std::uint8_t(sc.style)});
                }
                const YAML::anchor_t anchor = defineAnchor(sc.anchor);
                std::string value(reinterpret_cast<const char *>(sc.value), sc.length);
                if (!sc.tag) {
                    if (sc.style == YAML_PLAIN_SCALAR_STYLE) {
                        // yaml-cpp's IsNullString: these plain scalars are nulls.
                        if (value.empty() || value == "~" || value == "null" || value == "Null" ||
                            value == "NULL")
                            builder.addNull(m, anchor, std::move(value));
                        else
                            builder.scalar(m, "?", anchor, std::move(value));
                    } else {
                        builder.scalar(m, "!", anchor, std::move(value));
                    }
                } else {
                    builder.scalar(m, reinterpret_cast<const char *>(sc.tag), anchor,
                                   std::move(value));
                }
                break;
            }
            case YAML_SEQUENCE_START_EVENT:
                flowStack.push_back(ev.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
                flowDepth += flowStack.back();
                builder.OnSequenceStart(m, {}, defineAnchor(ev.data.sequence_start.anchor),
                                        YAML::EmitterStyle::Default);
                break;
            case YAML_SEQUENCE_END_EVENT:
                if (!flowStack.empty()) {
                    flowDepth -= flowStack.back();
                    flowStack.pop_back();
                }
                builder.OnSequenceEnd();
                break;
            case YAML_MAPPING_START_EVENT:
                flowStack.push_back(ev.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
                flowDepth += flowStack.back();
                builder.OnMapStart(m, {}, defineAnchor(ev.data.mapping_start.anchor),
                                   YAML::EmitterStyle::Default);
                break;
            case YAML_MAPPING_END_EVENT:
                if (!flowStack.empty()) {
                    flowDepth -= flowStack.back();
                    flowStack.pop_back();
                }
                builder.OnMapEnd();
                break;
            default:
                break;
            }
            if (!ok)
                break;
        }
    } catch (...) {
        ok = false;
    }
    yaml_parser_delete(&parser);
    if (index && (!ok || builder.irregular || index->nodes.size() >= ParseIndex::root ||
                  byteBase + text.size() >= ParseIndex::root)) {
        index->nodes.resize(nodesBefore);
        index->scalars.resize(scalarsBefore);
    }
    if (!ok)
        return false;
    for (Value &v : builder.docs)
        docs.push_back(std::move(v));
    return true;
}

// Parses `text` (a whole stream, or one piece of it whose first byte is on 0-based line
// `lineOffset` of the file) into `docs`: every document, or only the first.
Result<void> parseStream(std::string_view text, const QString &file, const ParseLimits &limits,
                         int lineOffset, bool firstOnly, std::vector<Value> &docs,
                         ParseIndex *index, size_t byteBase)
{
    if (const auto bad = checkStreamStart(text))
        return failAt(Error::Code::Syntax, bad->message, file, lineOffset + bad->line + 1, 1);
    if (parseWithLibyaml(text, limits, lineOffset, firstOnly, docs, index, byteBase))
        return {};
    // libyaml refused the text (or a limit was hit): yaml-cpp parses it again, so that what is
    // refused and the message that says why stay what they have always been.
    std::istringstream in{std::string(text)};
    Builder builder(limits, text, lineOffset);
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder) && !firstOnly) {
        }
    } catch (const TooBig &e) {
        return failAt(Error::Code::Syntax, e.message, file, lineOffset + e.mark.line + 1,
                      e.mark.column + 1);
    } catch (const DuplicateKey &e) {
        return failAt(Error::Code::Syntax, e.message, file, lineOffset + e.mark.line + 1,
                      e.mark.column + 1);
    } catch (const YAML::DeepRecursion &e) {
        return failAt(Error::Code::Syntax, Builder::tr("document is nested too deeply"), file,
                      lineOffset + e.mark.line + 1, e.mark.column + 1);
    } catch (const YAML::Exception &e) {
        return failAt(Error::Code::Syntax, QString::fromStdString(e.msg), file,
                      lineOffset + e.mark.line + 1, e.mark.column + 1);
    } catch (const std::exception &e) {
        return failAt(Error::Code::Syntax, QString::fromUtf8(e.what()), file);
    }
    for (Value &v : builder.docs)
        docs.push_back(std::move(v));
    return {};
}

} // namespace

Result<std::vector<Value>> parseDocuments(const QByteArray &bytes, const QString &file,
                                          const ParseLimits &limits, ParseIndex *index)
{
    if (index)
        *index = ParseIndex();
    if (bytes.size() > limits.maxBytes)
        return failAt(
            Error::Code::Syntax,
            tr("document is too large (%1 bytes, limit %2)").arg(bytes.size()).arg(limits.maxBytes),
            file);
    if (const auto bad = checkText(std::string_view(bytes.constData(), size_t(bytes.size())))) {
        int line = 1, column = 1;
        for (qsizetype i = 0; i < bad->offset; ++i) {
            if (bytes[i] == '\n') {
                ++line;
                column = 1;
            } else if ((uchar(bytes[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        return failAt(Error::Code::Syntax, bad->message, file, line, column);
    }
    // A lone CR ends a line in YAML (libyaml), not in yaml-cpp: make it a LF, which keeps every
    // offset (a line break in a scalar reads as LF either way).
    std::string_view text(bytes.constData(), size_t(bytes.size()));
    std::string converted; // the text with its lone CRs made LFs, when it has any
    for (size_t i = text.find('\r'); i != std::string_view::npos; i = text.find('\r', i + 1)) {
        if (i + 1 < text.size() && text[i + 1] == '\n')
            continue;
        if (converted.empty()) {
            converted.assign(text);
            text = converted;
        }
        converted[i] = '\n';
    }
    std::vector<Value> docs;
    if (!limits.kioSplit) {
        if (auto r = parseStream(text, file, limits, 0, false, docs, index, 0); !r)
            return std::unexpected(r.error());
        return docs;
    }

    // kyaml's kio.ByteReader: the stream is cut at every match of the regular expression
    // `\n---.*\n` (after CRLF became LF; a lone CR is no line end for it), a separator holding
    // anything but a comment after its "---" is refused, and the first document of each piece
    // (every piece but the last gets its line end back) is decoded on its own.
    const std::string_view raw(bytes.constData(), size_t(bytes.size()));
    auto lineOf = [&, counted = size_t(0), line = 0](size_t offset) mutable {
        for (; counted < offset; ++counted)
            line += text[counted] == '\n';
        return line;
    };
    size_t prev = 0, pos = 0;
    while (true) {
        size_t nl = raw.find('\n', pos);
        size_t end = std::string_view::npos;
        while (nl != std::string_view::npos) {
            if (raw.substr(nl + 1).starts_with("---")) {
                end = raw.find('\n', nl + 4);
                break;
            }
            nl = raw.find('\n', nl + 1);
        }
        if (nl == std::string_view::npos || end == std::string_view::npos)
            break;
        const std::string_view after = raw.substr(nl + 4, end - nl - 4);
        const QString rest = QString::fromUtf8(after.data(), qsizetype(after.size())).trimmed();
        if (!rest.isEmpty() && rest[0] != QLatin1Char('#'))
            return failAt(
                Error::Code::Syntax,
                tr("invalid document separator: %1")
                    .arg(QString::fromUtf8(raw.data() + nl + 1, qsizetype(end - nl - 1)).trimmed()),
                file, lineOf(nl + 1) + 1, 1);
        // The piece with its line end back: text[nl] is that '\n'.
        const std::string_view piece = text.substr(prev, nl + 1 - prev);
        if (auto r = parseStream(piece, file, limits, lineOf(prev), true, docs, index, prev); !r)
            return std::unexpected(r.error());
        prev = pos = end + 1;
    }
    if (auto r =
            parseStream(text.substr(prev), file, limits, lineOf(prev), true, docs, index, prev);
        !r)
        return std::unexpected(r.error());
    return docs;
}

bool reparseEdited(const QByteArray &oldBytes, const QByteArray &newBytes,
                   const ParseLimits &limits, std::vector<Value> &docs, ParseIndex &index)
{
    if (newBytes.size() > limits.maxBytes || newBytes.size() >= qsizetype(ParseIndex::root) ||
        index.scalars.empty())
        return false;
    const std::string_view o(oldBytes.constData(), size_t(oldBytes.size()));
    const std::string_view n(newBytes.constData(), size_t(newBytes.size()));
    // The changed bytes: o[prefix, o.size() - suffix) became n[prefix, n.size() - suffix).
    const size_t most = std::min(o.size(), n.size());
    size_t prefix = 0;
    while (prefix < most && o[prefix] == n[prefix])
        ++prefix;
    if (prefix == o.size() && prefix == n.size())
        return true; // the same text
    size_t suffix = 0;
    while (suffix < most - prefix && o[o.size() - 1 - suffix] == n[n.size() - 1 - suffix])
        ++suffix;
    // The scalar whose token holds the change (touching its ends included: the token is read
    // again whole).
    auto it = std::upper_bound(
        index.scalars.begin(), index.scalars.end(), prefix,
        [](size_t at, const ParseIndex::Scalar &sc) { return at < size_t(sc.start); });
    if (it == index.scalars.begin())
        return false;
    --it;
    ParseIndex::Scalar &sc = *it;
    if (o.size() - suffix > size_t(sc.end) || size_t(sc.end) > o.size())
        return false;
    // Not on a line of its own at column 0 (a document marker's place).
    if (sc.start == 0 || o[sc.start - 1] == '\n' || o[sc.start - 1] == '\r')
        return false;
    const std::ptrdiff_t delta = std::ptrdiff_t(n.size()) - std::ptrdiff_t(o.size());
    const std::string_view token =
        n.substr(sc.start, size_t(std::ptrdiff_t(sc.end) + delta) - size_t(sc.start));
    if (token.empty() || checkText(token))
        return false;
    // No line break but LF (CR, NEL, LS, PS), no tab or byte order mark.
    if (token.find_first_of("\r\t") != std::string_view::npos ||
        token.find("\xC2\x85") != std::string_view::npos ||
        token.find("\xE2\x80\xA8") != std::string_view::npos ||
        token.find("\xE2\x80\xA9") != std::string_view::npos ||
        token.find("\xEF\xBB\xBF") != std::string_view::npos)
        return false;
    if (sc.style == YAML_PLAIN_SCALAR_STYLE) {
        // Still one plain scalar, ending where it ended: no indicator first, no blank at either
        // end, no ": " (a key) or " #" (a comment) inside, no ':' last.
        if (std::string_view("-?:,[]{}#&*!|>'\"%@` ").find(token.front()) !=
                std::string_view::npos ||
            token.back() == ' ' || token.back() == ':' ||
            token.find(": ") != std::string_view::npos ||
            token.find(":\n") != std::string_view::npos ||
            token.find(" #") != std::string_view::npos ||
            token.find("\n#") != std::string_view::npos)
            return false;
        // Over several lines: the same lines, each indented as before and as empty as before,
        // so that every line still continues the scalar (libyaml compares its indentation).
        const std::string_view was(o.data() + sc.start, sc.end - sc.start);
        size_t a = 0, b = 0;
        while (true) {
            const size_t ae = was.find('\n', a), be = token.find('\n', b);
            if ((ae == std::string_view::npos) != (be == std::string_view::npos))
                return false;
            if (ae == std::string_view::npos)
                break;
            a = ae + 1;
            b = be + 1;
            const size_t ai = was.find_first_not_of(' ', a), bi = token.find_first_not_of(' ', b);
            if (ai - a != bi - b || (was[ai] == '\n') != (token[bi] == '\n'))
                return false;
        }
    } else if (token.find('\n') != std::string_view::npos) {
        return false;
    }
    const auto value = tokenValue(token, sc.style);
    if (!value)
        return false;
    // The value's place in the documents.
    std::vector<std::uint32_t> path{sc.index};
    std::uint32_t node = sc.parent;
    while (node != ParseIndex::root) {
        if (node >= index.nodes.size() || path.size() > size_t(limits.maxDepth) + 1)
            return false;
        path.push_back(index.nodes[node].index);
        node = index.nodes[node].parent;
    }
    if (path.back() >= docs.size())
        return false;
    Value *at = &docs[path.back()];
    for (size_t i = path.size() - 1; i-- > 0;) {
        const std::uint32_t k = path[i];
        if (at->isMap() && k < at->entries.size())
            at = &at->entries[k].value;
        else if (at->isSeq() && k < at->items.size())
            at = &at->items[k];
        else
            return false;
    }
    // What was parsed there is the old token's value (a check of the index).
    const auto was = tokenValue(o.substr(sc.start, sc.end - sc.start), sc.style);
    if (!was || !at->isScalar() || at->text != *was)
        return false;
    if (sc.style == YAML_PLAIN_SCALAR_STYLE) {
        *at = Value::plain(*value);
        if (limits.yaml11)
            at->type = resolvePlain11(*value);
    } else {
        *at = Value::string(*value);
    }
    sc.end = std::uint32_t(std::ptrdiff_t(sc.end) + delta);
    for (auto later = it + 1; later != index.scalars.end(); ++later) {
        later->start = std::uint32_t(std::ptrdiff_t(later->start) + delta);
        later->end = std::uint32_t(std::ptrdiff_t(later->end) + delta);
    }
    return true;
}

} // namespace kanri::yaml
