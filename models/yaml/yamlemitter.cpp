#include "yaml/yamlemitter.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kanri::yaml {

namespace {

// ---- UTF-8 helpers -------------------------------------------------------------------------

int utf8Width(unsigned char c)
{
    if ((c & 0x80) == 0)
        return 1;
    if ((c & 0xE0) == 0xC0)
        return 2;
    if ((c & 0xF0) == 0xE0)
        return 3;
    if ((c & 0xF8) == 0xF0)
        return 4;
    return 1;
}

char32_t decodeAt(std::string_view s, size_t i, int w)
{
    const auto c = static_cast<unsigned char>(s[i]);
    if (w == 1 || i + size_t(w) > s.size())
        return c;
    char32_t v = w == 2 ? (c & 0x1F) : w == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < w; ++k)
        v = (v << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
    return v;
}

bool isPrintable(char32_t v)
{
    return v == 0x0A || (v >= 0x20 && v <= 0x7E) || v == 0x85 || (v >= 0xA0 && v <= 0xD7FF) ||
           (v >= 0xE000 && v <= 0xFFFD && v != 0xFEFF) || (v >= 0x10000 && v <= 0x10FFFF);
}

bool isBreak(char32_t v)
{
    return v == '\r' || v == '\n' || v == 0x85 || v == 0x2028 || v == 0x2029;
}

bool isLetter(char32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    // Good enough approximation of unicode.IsLetter for non-ASCII keys.
    return c >= 0xC0 && c != 0xD7 && c != 0xF7;
}

bool isDigit(char32_t c)
{
    return c >= '0' && c <= '9';
}

std::u32string toRunes(std::string_view s)
{
    std::u32string r;
    r.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const int w = utf8Width(static_cast<unsigned char>(s[i]));
        r.push_back(decodeAt(s, i, w));
        i += size_t(w);
    }
    return r;
}

// ---- go-yaml v2 resolve (encoding side): would this plain text read as a non-string? ------

bool goParseIntSyntax(std::string_view s)
{
    if (!s.empty() && (s[0] == '+' || s[0] == '-'))
        s.remove_prefix(1);
    if (s.empty())
        return false;
    int base = 10;
    if (s.size() >= 2 && s[0] == '0') {
        const char p = s[1];
        if (p == 'x' || p == 'X')
            base = 16, s.remove_prefix(2);
        else if (p == 'b' || p == 'B')
            base = 2, s.remove_prefix(2);
        else if (p == 'o' || p == 'O')
            base = 8, s.remove_prefix(2);
        else
            base = 8, s.remove_prefix(1);
        if (s.empty())
            return false;
    }
    for (char c : s) {
        const bool ok = base == 16  ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                        : base == 8 ? (c >= '0' && c <= '7')
                        : base == 2 ? (c == '0' || c == '1')
                                    : (c >= '0' && c <= '9');
        if (!ok)
            return false;
    }
    return true;
}

bool goParseFloatSyntax(std::string_view s)
{
    // strconv.ParseFloat accepts decimal with optional exponent, inf/infinity/nan, hex floats.
    std::string_view t = s;
    if (!t.empty() && (t[0] == '+' || t[0] == '-'))
        t.remove_prefix(1);
    std::string low(t);
    std::transform(low.begin(), low.end(), low.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (low == "inf" || low == "infinity" || low == "nan")
        return true;
    size_t i = 0;
    size_t mant = 0;
    while (i < t.size() && isDigit(char32_t(t[i])))
        ++i, ++mant;
    if (i < t.size() && t[i] == '.') {
        ++i;
        while (i < t.size() && isDigit(char32_t(t[i])))
            ++i, ++mant;
    }
    if (mant == 0)
        return false;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-'))
            ++i;
        size_t e = 0;
        while (i < t.size() && isDigit(char32_t(t[i])))
            ++i, ++e;
        if (e == 0)
            return false;
    }
    return i == t.size();
}

bool isBase60Float(std::string_view s)
{
    // ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    if (i >= s.size() || !isDigit(char32_t(s[i])))
        return false;
    ++i;
    while (i < s.size() && (isDigit(char32_t(s[i])) || s[i] == '_'))
        ++i;
    int groups = 0;
    while (i < s.size() && s[i] == ':') {
        ++i;
        if (i + 1 < s.size() && s[i] >= '0' && s[i] <= '5' && isDigit(char32_t(s[i + 1])))
            i += 2;
        else if (i < s.size() && isDigit(char32_t(s[i])))
            i += 1;
        else
            return false;
        ++groups;
    }
    if (groups == 0)
        return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && (isDigit(char32_t(s[i])) || s[i] == '_'))
            ++i;
    }
    return i == s.size();
}

bool v2Timestamp(std::string_view s)
{
    size_t i = 0;
    while (i < s.size() && isDigit(char32_t(s[i])))
        ++i;
    if (i != 4 || i == s.size() || s[i] != '-')
        return false;
    return resolvePlain(s) == Value::Type::Timestamp;
}

bool v2ResolvesNonString(std::string_view s)
{
    static constexpr std::string_view mapped[] = {
        "",      "~",    "null", "Null",  "NULL",  "y",     "Y",     "yes",   "Yes",   "YES",
        "n",     "N",    "no",   "No",    "NO",    "true",  "True",  "TRUE",  "false", "False",
        "FALSE", "on",   "On",   "ON",    "off",   "Off",   "OFF",   ".nan",  ".NaN",  ".NAN",
        ".inf",  ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<"};
    // The longest of them has five characters, and each starts with one of these.
    if (s.size() <= 5 &&
        (s.empty() || std::string_view("~nNyYtTfFoO.+-<").find(s[0]) != std::string_view::npos))
        for (const std::string_view m : mapped)
            if (s == m)
                return true;
    const char c = s[0];
    if (c == '.')
        return goParseFloatSyntax(s);
    if (isDigit(char32_t(c)) || c == '+' || c == '-') {
        if (v2Timestamp(s))
            return true;
        std::string plain;
        for (char ch : s)
            if (ch != '_')
                plain += ch;
        // ParseInt/ParseUint, then yamlStyleFloat and ParseFloat: all within range.
        if (goParseIntSyntax(plain) && resolvePlain(plain) == Value::Type::Int)
            return true;
        if (resolvePlain(plain) == Value::Type::Float)
            return true;
        if (plain.starts_with("0b") || plain.starts_with("-0b")) {
            const size_t st = plain[0] == '-' ? 3 : 2;
            if (st < plain.size() && std::all_of(plain.begin() + long(st), plain.end(),
                                                 [](char d) { return d == '0' || d == '1'; }))
                return true;
        }
    }
    return false;
}

// ---- JSON normalisation of scalars ---------------------------------------------------------

std::string stripUnderscores(std::string_view s)
{
    std::string r;
    r.reserve(s.size());
    for (char c : s)
        if (c != '_')
            r += c;
    return r;
}

// Parses Go base-0 integer syntax; returns false on overflow of both int64 and uint64.
bool parseGoInt(std::string_view s, std::string &out)
{
    bool neg = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    int base = 10;
    if (s.size() >= 2 && s[0] == '0') {
        const char p = s[1];
        if (p == 'x' || p == 'X')
            base = 16, s.remove_prefix(2);
        else if (p == 'b' || p == 'B')
            base = 2, s.remove_prefix(2);
        else if (p == 'o' || p == 'O')
            base = 8, s.remove_prefix(2);
        else
            base = 8, s.remove_prefix(1);
    }
    std::uint64_t v = 0;
    for (char c : s) {
        const int d = std::isdigit(static_cast<unsigned char>(c))
                          ? c - '0'
                          : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
        if (__builtin_mul_overflow(v, std::uint64_t(base), &v) ||
            __builtin_add_overflow(v, std::uint64_t(d), &v))
            return false;
    }
    if (neg) {
        if (v > (std::uint64_t(1) << 63))
            return false;
        out = v == 0 ? "0" : "-" + std::to_string(v);
        return true;
    }
    out = std::to_string(v);
    return true;
}

// Shortest digits and decimal exponent of a double (value = 0.d1d2... * 10^dp).
void shortestDigits(double f, std::string &digits, int &dp)
{
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
    std::string s(buf, res.ptr);
    // form: d[.ddd]e[+-]XX
    const size_t e = s.find('e');
    std::string mant = s.substr(0, e);
    const int exp = std::atoi(s.c_str() + e + 1);
    digits.clear();
    for (char c : mant)
        if (c != '.')
            digits += c;
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    dp = exp + 1;
}

std::string fmtE(const std::string &digits, int dp)
{
    std::string r;
    r += digits[0];
    if (digits.size() > 1) {
        r += '.';
        r += digits.substr(1);
    }
    r += 'e';
    int exp = dp - 1;
    if (exp < 0) {
        r += '-';
        exp = -exp;
    } else {
        r += '+';
    }
    if (exp < 10)
        r += '0';
    r += std::to_string(exp);
    return r;
}

std::string fmtF(const std::string &digits, int dp)
{
    std::string r;
    if (dp <= 0) {
        r = "0.";
        r.append(size_t(-dp), '0');
        r += digits;
        return r;
    }
    if (size_t(dp) >= digits.size()) {
        r = digits;
        r.append(size_t(dp) - digits.size(), '0');
        return r;
    }
    r = digits.substr(0, size_t(dp)) + "." + digits.substr(size_t(dp));
    return r;
}

// A float64 through encoding/json and back through go-yaml v2.
std::string floatText(double f)
{
    if (std::isnan(f))
        return ".nan";
    if (std::isinf(f))
        return f > 0 ? ".inf" : "-.inf";
    if (f == 0)
        return std::signbit(f) ? "-0" : "0";
    const bool neg = f < 0;
    const double a = std::fabs(f);
    std::string digits;
    int dp = 0;
    shortestDigits(a, digits, dp);
    const std::string json = (a < 1e-6 || a >= 1e21) ? fmtE(digits, dp) : fmtF(digits, dp);
    if (json.find_first_of(".e") == std::string::npos) {
        // An integral float: go-yaml reads the JSON text back as an integer when it fits.
        std::string out;
        if (parseGoInt((neg ? "-" : "") + json, out))
            return out;
    }
    // go-yaml v2 prints floats with strconv 'g', shortest (exponent form from 1e6 up).
    const int exp = dp - 1;
    return (neg ? "-" : "") + ((exp < -4 || exp >= 6) ? fmtE(digits, dp) : fmtF(digits, dp));
}

std::string two(int v)
{
    // Built by appending: GCC 12 at -O3 warns (-Wrestrict) on `"0" + std::string`.
    std::string text(v < 10 ? 1 : 0, '0');
    text += std::to_string(v);
    return text;
}

std::string timestampText(std::string_view s)
{
    // Inputs already validated by resolvePlain. Output: Go time.Time MarshalJSON (RFC 3339 nano).
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    std::string frac, zone = "Z";
    size_t i = 0;
    auto num = [&]() {
        int v = 0;
        while (i < s.size() && isDigit(char32_t(s[i])))
            v = v * 10 + (s[i++] - '0');
        return v;
    };
    y = num();
    ++i;
    mo = num();
    ++i;
    d = num();
    if (i < s.size()) {
        ++i;
        h = num();
        ++i;
        mi = num();
        ++i;
        se = num();
        if (i < s.size() && s[i] == '.') {
            ++i;
            while (i < s.size() && isDigit(char32_t(s[i])))
                frac += s[i++];
            while (!frac.empty() && frac.back() == '0')
                frac.pop_back();
        }
        if (i < s.size() && s[i] != 'Z') {
            std::string z(s.substr(i));
            if (z != "+00:00" && z != "-00:00")
                zone = z;
        }
    }
    std::string r = std::to_string(y) + "-" + two(mo) + "-" + two(d) + "T" + two(h) + ":" +
                    two(mi) + ":" + two(se);
    if (!frac.empty())
        r += "." + frac;
    return r + zone;
}

// ---- the emitter -----------------------------------------------------------------------------

enum class Style { Plain, Single, Double, Literal };

struct Analysis
{
    bool multiline = false;
    bool blockPlainAllowed = true;
    bool singleQuotedAllowed = true;
    bool blockAllowed = true;
};

// `Ascii`: every byte of `value` is below 0x80, so each is a character of its own.
template<bool Ascii> Analysis analyzeText(std::string_view value)
{
    Analysis a;
    if (value.empty()) {
        a.blockPlainAllowed = true;
        a.blockAllowed = false;
        return a;
    }
    bool blockIndicators = false, lineBreaks = false, special = false;
    bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false,
         breakSpace = false, spaceBreak = false;
    bool precededByWs = true, previousSpace = false, previousBreak = false;
    if (value.size() >= 3 && (value.starts_with("---") || value.starts_with("...")))
        blockIndicators = true;
    for (size_t i = 0; i < value.size();) {
        int w = 1;
        char32_t c = static_cast<unsigned char>(value[i]);
        if constexpr (!Ascii) {
            w = utf8Width(static_cast<unsigned char>(value[i]));
            c = decodeAt(value, i, w);
        }
        const size_t next = i + size_t(w);
        bool followedByWs = next >= value.size();
        if (!followedByWs) {
            const char n = value[next];
            followedByWs = n == ' ' || n == '\t' || n == '\r' || n == '\n';
            if constexpr (!Ascii)
                followedByWs = followedByWs ||
                               (static_cast<unsigned char>(n) == 0xC2 && next + 1 < value.size() &&
                                static_cast<unsigned char>(value[next + 1]) == 0x85) ||
                               (static_cast<unsigned char>(n) == 0xE2 && next + 2 < value.size() &&
                                static_cast<unsigned char>(value[next + 1]) == 0x80 &&
                                (static_cast<unsigned char>(value[next + 2]) == 0xA8 ||
                                 static_cast<unsigned char>(value[next + 2]) == 0xA9));
        }
        if (i == 0) {
            switch (c) {
            case '#':
            case ',':
            case '[':
            case ']':
            case '{':
            case '}':
            case '&':
            case '*':
            case '!':
            case '|':
            case '>':
            case '\'':
            case '"':
            case '%':
            case '@':
            case '`':
                blockIndicators = true;
                break;
            case '?':
            case ':':
                if (followedByWs)
                    blockIndicators = true;
                break;
            case '-':
                if (followedByWs)
                    blockIndicators = true;
                break;
            default:
                break;
            }
        } else {
            if (c == ':' && followedByWs)
                blockIndicators = true;
            if (c == '#' && precededByWs)
                blockIndicators = true;
        }
        // In ASCII text only a line feed or carriage return breaks, and only 0x20-0x7E and
        // the line feed print.
        const bool brk = Ascii ? c == '\r' || c == '\n' : isBreak(c);
        if (Ascii ? c != 0x0A && (c < 0x20 || c > 0x7E) : !isPrintable(c))
            special = true;
        if (c == ' ') {
            if (i == 0)
                leadingSpace = true;
            if (next == value.size())
                trailingSpace = true;
            if (previousBreak)
                breakSpace = true;
            previousSpace = true;
            previousBreak = false;
        } else if (brk) {
            lineBreaks = true;
            if (i == 0)
                leadingBreak = true;
            if (next == value.size())
                trailingBreak = true;
            if (previousSpace)
                spaceBreak = true;
            previousSpace = false;
            previousBreak = true;
        } else {
            previousSpace = false;
            previousBreak = false;
        }
        precededByWs = c == ' ' || c == '\t' || brk;
        i = next;
    }
    a.multiline = lineBreaks;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
        a.blockPlainAllowed = false;
    if (trailingSpace)
        a.blockAllowed = false;
    if (breakSpace) {
        a.blockPlainAllowed = false;
        a.singleQuotedAllowed = false;
    }
    if (spaceBreak || special) {
        a.blockPlainAllowed = false;
        a.singleQuotedAllowed = false;
        a.blockAllowed = false;
    }
    if (lineBreaks)
        a.blockPlainAllowed = false;
    if (blockIndicators)
        a.blockPlainAllowed = false;
    return a;
}

Analysis analyze(std::string_view value)
{
    // Most strings (keys, names, prose, URLs) are ASCII text that starts with a letter or
    // digit, does not end with a space and holds no control character, no ':' before a space
    // or at the end and no '#' after a space: nothing in them can be an indicator, a break or
    // a special character, so analyzeText would allow every style. The rest is analysed
    // character by character.
    const auto alnum = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    bool ascii = true, plain = !value.empty() && alnum(value.front()) && value.back() != ' ';
    const size_t n = value.size();
    for (size_t i = 0; i < n; ++i) {
        const auto u = static_cast<unsigned char>(value[i]);
        ascii = ascii && u < 0x80;
        if (u < 0x20 || u >= 0x7F)
            plain = false;
        else if (u == ':')
            plain = plain && i + 1 < n && value[i + 1] != ' ';
        else if (u == '#')
            plain = plain && i > 0 && value[i - 1] != ' ';
    }
    if (plain)
        return Analysis{};
    return ascii ? analyzeText<true>(value) : analyzeText<false>(value);
}

// Structural hashes of the large sub-trees of a value (EmitMemo).
struct SubtreeHashes
{
    static constexpr size_t minNodes = 24; // smaller sub-trees are printed again, not memoised
    std::unordered_map<const Value *, EmitMemo::Key> keys;

    static void mix(EmitMemo::Key &k, std::uint64_t v)
    {
        k.a = (k.a ^ v) * 0x100000001B3ULL + 0x9E3779B97F4A7C15ULL;
        k.a ^= k.a >> 29;
        k.b = (k.b + v) * 0xC2B2AE3D27D4EB4FULL;
        k.b ^= k.b >> 31;
        k.b += k.a;
    }
    // Returns the node count of `v`'s sub-tree; `k` receives its hash.
    size_t hash(const Value &v, EmitMemo::Key &k)
    {
        mix(k, std::uint64_t(v.type) + 0x51);
        size_t nodes = 1;
        switch (v.type) {
        case Value::Type::Map:
        case Value::Type::Seq: {
            EmitMemo::Key own;
            mix(own, std::uint64_t(v.type) + 0x51);
            mix(own, v.isMap() ? v.entries.size() : v.items.size());
            if (v.isMap()) {
                for (const MapEntry &e : v.entries) {
                    mix(own, std::hash<std::string_view>{}(e.key));
                    mix(own, e.key.size());
                    EmitMemo::Key child;
                    nodes += hash(e.value, child);
                    mix(own, child.a);
                    mix(own, child.b);
                }
            } else {
                for (const Value &i : v.items) {
                    EmitMemo::Key child;
                    nodes += hash(i, child);
                    mix(own, child.a);
                    mix(own, child.b);
                }
            }
            k = own;
            if (nodes >= minNodes)
                keys.emplace(&v, own);
            break;
        }
        default:
            mix(k, std::hash<std::string_view>{}(v.text));
            mix(k, v.text.size());
            break;
        }
        return nodes;
    }
};

class Emitter
{
public:
    std::string out;
    const EmitMemo *previous = nullptr;
    EmitMemo *record = nullptr;
    SubtreeHashes hashes;

    // A sub-tree printed before at the same place: its text is copied. `where` tells the place
    // (indentation, first key inline, printed as a map or a sequence).
    bool fromMemo(const Value &v, int where, EmitMemo::Key &key, size_t &start)
    {
        if (!previous && !record)
            return false;
        auto it = hashes.keys.find(&v);
        if (it == hashes.keys.end())
            return false;
        key = it->second;
        SubtreeHashes::mix(key, std::uint64_t(where));
        if (previous) {
            auto p = previous->texts.find(key);
            if (p != previous->texts.end()) {
                out += p->second;
                column = 0; // a printed map or sequence ends with its line
                if (record && record->texts.emplace(key, p->second).second)
                    record->bytes += p->second.size();
                return true;
            }
        }
        start = out.size();
        return false;
    }
    void toMemo(const EmitMemo::Key &key, size_t start)
    {
        if (record && start != std::string::npos) {
            auto [it, added] = record->texts.emplace(key, out.substr(start));
            if (added)
                record->bytes += it->second.size();
        }
    }

    void emitTop(const Value &v)
    {
        if (v.isMap() && !v.entries.empty()) {
            emitMap(v, 0, false);
        } else if (v.isSeq() && !v.items.empty()) {
            emitSeq(v, 0, false);
        } else {
            column = 0;
            emitValueInline(v, 0);
            out += '\n';
        }
    }

private:
    int column = 0;

    void put(std::string_view s)
    {
        out += s;
        // One column per character: count the bytes that do not continue a UTF-8 sequence
        // (10xxxxxx), eight at a time.
        size_t i = 0;
        column += int(s.size());
        for (; i + 8 <= s.size(); i += 8) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            column -= std::popcount(w & ~(w << 1) & 0x8080808080808080ULL);
        }
        for (; i < s.size(); ++i)
            column -= (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
    }
    void newline(int indent)
    {
        out += '\n';
        out.append(size_t(indent), ' ');
        column = indent;
    }

    // The entries of the maps being printed, each map's in go-yaml key order (a stack: a map's
    // entries are pushed above its parent's and dropped when it is printed).
    std::vector<const MapEntry *> m_keys;

    // Pushes `m`'s entries in go-yaml order and returns where they start.
    size_t pushSorted(const Value &m)
    {
        const size_t base = m_keys.size();
        for (const MapEntry &e : m.entries)
            m_keys.push_back(&e);
        const auto first = m_keys.begin() + std::ptrdiff_t(base);
        const auto less = [](const MapEntry *a, const MapEntry *b) {
            return goYamlKeyLess(a->key, b->key);
        };
        if (m.entries.size() <= 32) {
            // Stable insertion sort: maps are small, and often written in order already.
            for (auto it = first + 1; it < m_keys.end(); ++it) {
                const MapEntry *e = *it;
                auto at = it;
                while (at != first && less(e, *(at - 1))) {
                    *at = *(at - 1);
                    --at;
                }
                *at = e;
            }
        } else {
            std::stable_sort(first, m_keys.end(), less);
        }
        // JSON objects cannot hold duplicate keys: the last one wins.
        size_t kept = base;
        for (size_t i = base; i < m_keys.size(); ++i) {
            if (i + 1 < m_keys.size() && m_keys[i + 1]->key == m_keys[i]->key)
                continue;
            m_keys[kept++] = m_keys[i];
        }
        m_keys.resize(kept);
        return base;
    }

    // `inlineFirst`: the first key goes on the current line (after "- ").
    void emitMap(const Value &m, int indent, bool inlineFirst)
    {
        EmitMemo::Key key;
        size_t start = std::string::npos;
        if (fromMemo(m, indent * 4 + (inlineFirst ? 1 : 0), key, start))
            return;
        emitMapEntries(m, indent, inlineFirst);
        toMemo(key, start);
    }
    void emitMapEntries(const Value &m, int indent, bool inlineFirst)
    {
        bool first = true;
        const size_t base = pushSorted(m), end = m_keys.size();
        for (size_t k = base; k < end; ++k) {
            const MapEntry *e = m_keys[k]; // by index: printing a value pushes above `end`
            if (!(first && inlineFirst)) {
                if (!out.empty() && out.back() != '\n')
                    out += '\n';
                out.append(size_t(indent), ' ');
                column = indent;
            }
            first = false;
            emitString(e->key, indent + 2, true);
            put(":");
            const Value &v = e->value;
            if (v.isMap() && !v.entries.empty()) {
                out += '\n';
                column = 0;
                emitMap(v, indent + 2, false);
            } else if (v.isSeq() && !v.items.empty()) {
                out += '\n';
                column = 0;
                emitSeq(v, indent, false);
            } else {
                put(" ");
                emitValueInline(v, indent + 2);
                out += '\n';
                column = 0;
            }
        }
        m_keys.resize(base);
    }

    void emitSeq(const Value &s, int indent, bool inlineFirst)
    {
        EmitMemo::Key key;
        size_t start = std::string::npos;
        if (fromMemo(s, indent * 4 + 2 + (inlineFirst ? 1 : 0), key, start))
            return;
        emitSeqItems(s, indent, inlineFirst);
        toMemo(key, start);
    }
    void emitSeqItems(const Value &s, int indent, bool inlineFirst)
    {
        bool first = true;
        for (const Value &v : s.items) {
            if (!(first && inlineFirst)) {
                if (!out.empty() && out.back() != '\n')
                    out += '\n';
                out.append(size_t(indent), ' ');
                column = indent;
            }
            first = false;
            put("- ");
            if (v.isMap() && !v.entries.empty()) {
                emitMap(v, indent + 2, true);
            } else if (v.isSeq() && !v.items.empty()) {
                emitSeq(v, indent + 2, true);
            } else {
                emitValueInline(v, indent + 2);
                out += '\n';
                column = 0;
            }
        }
    }

    void emitValueInline(const Value &v, int indent)
    {
        switch (v.type) {
        case Value::Type::Map:
            put("{}");
            return;
        case Value::Type::Seq:
            put("[]");
            return;
        case Value::Type::Null:
            put("null");
            return;
        case Value::Type::String:
            emitString(v.text, indent, false);
            return;
        case Value::Type::Timestamp:
            emitString(timestampText(v.text), indent, false);
            return;
        case Value::Type::Bool:
        case Value::Type::Int:
        case Value::Type::Float:
            put(jsonScalarText(v));
            return;
        }
    }

    void emitString(std::string_view s, int indent, bool simpleKey)
    {
        if (!simpleKey && s.find('\n') != std::string_view::npos) {
            // A multi-line value (a CRD's description) prints literally unless analyze would
            // forbid the block styles: a trailing space, a space before a break, or a
            // character that does not print (in ASCII: a control character other than the
            // line feed, a carriage return or tab included). ASCII text is decided here in
            // one pass; other text is analysed below.
            bool ascii = true, literal = s.back() != ' ';
            for (size_t i = 0; i < s.size() && ascii; ++i) {
                const auto u = static_cast<unsigned char>(s[i]);
                if (u >= 0x80)
                    ascii = false;
                else if ((u < 0x20 && u != '\n') || u == 0x7F)
                    literal = false;
                else if (u == '\n' && i > 0 && s[i - 1] == ' ')
                    literal = false;
            }
            if (ascii) {
                if (literal)
                    writeLiteral(s, indent);
                else
                    writeDouble(s, indent, true);
                return;
            }
        }
        Style style;
        if (s.find('\n') != std::string_view::npos)
            style = Style::Literal;
        else if (v2ResolvesNonString(s) || isBase60Float(s))
            style = Style::Double;
        else
            style = Style::Plain;
        const Analysis a = analyze(s);
        if (style == Style::Plain) {
            if (!a.blockPlainAllowed)
                style = Style::Single;
            if (s.empty() && simpleKey)
                style = Style::Single;
        }
        if (style == Style::Single && !a.singleQuotedAllowed)
            style = Style::Double;
        if (style == Style::Literal && (!a.blockAllowed || simpleKey))
            style = Style::Double;
        if (simpleKey && a.multiline)
            style = Style::Double;
        const bool allowBreaks = !simpleKey;
        switch (style) {
        case Style::Plain:
            writePlain(s, indent, allowBreaks);
            break;
        case Style::Single:
            writeSingle(s, indent, allowBreaks);
            break;
        case Style::Double:
            writeDouble(s, indent, allowBreaks);
            break;
        case Style::Literal:
            writeLiteral(s, indent);
            break;
        }
    }

    static bool spaceAt(std::string_view s, size_t i) { return i < s.size() && s[i] == ' '; }

    void writePlain(std::string_view s, int indent, bool allowBreaks)
    {
        bool spaces = false;
        for (size_t i = 0; i < s.size();) {
            if (s[i] == ' ') {
                if (allowBreaks && !spaces && column > 80 && !spaceAt(s, i + 1)) {
                    newline(indent);
                } else {
                    put(" ");
                }
                spaces = true;
                ++i;
            } else {
                // A run of non-spaces is written at once (a break is only ever at a space).
                size_t e = s.find(' ', i);
                if (e == std::string_view::npos)
                    e = s.size();
                put(s.substr(i, e - i));
                spaces = false;
                i = e;
            }
        }
    }

    void writeSingle(std::string_view s, int indent, bool allowBreaks)
    {
        put("'");
        bool spaces = false;
        for (size_t i = 0; i < s.size();) {
            const int w = utf8Width(static_cast<unsigned char>(s[i]));
            if (s[i] == ' ') {
                if (allowBreaks && !spaces && column > 80 && i != 0 && i != s.size() - 1 &&
                    !spaceAt(s, i + 1)) {
                    newline(indent);
                } else {
                    put(" ");
                }
                spaces = true;
            } else {
                if (s[i] == '\'')
                    put("'");
                put(s.substr(i, size_t(w)));
                spaces = false;
            }
            i += size_t(w);
        }
        put("'");
    }

    void writeDouble(std::string_view s, int indent, bool allowBreaks)
    {
        static const char hex[] = "0123456789ABCDEF";
        put("\"");
        bool spaces = false;
        for (size_t i = 0; i < s.size();) {
            const int w = utf8Width(static_cast<unsigned char>(s[i]));
            const char32_t c = decodeAt(s, i, w);
            if (!isPrintable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\') {
                std::string esc = "\\";
                switch (c) {
                case 0x00:
                    esc += '0';
                    break;
                case 0x07:
                    esc += 'a';
                    break;
                case 0x08:
                    esc += 'b';
                    break;
                case 0x09:
                    esc += 't';
                    break;
                case 0x0A:
                    esc += 'n';
                    break;
                case 0x0B:
                    esc += 'v';
                    break;
                case 0x0C:
                    esc += 'f';
                    break;
                case 0x0D:
                    esc += 'r';
                    break;
                case 0x1B:
                    esc += 'e';
                    break;
                case 0x22:
                    esc += '"';
                    break;
                case 0x5C:
                    esc += '\\';
                    break;
                case 0x85:
                    esc += 'N';
                    break;
                case 0xA0:
                    esc += '_';
                    break;
                case 0x2028:
                    esc += 'L';
                    break;
                case 0x2029:
                    esc += 'P';
                    break;
                default: {
                    int n;
                    if (c <= 0xFF)
                        esc += 'x', n = 2;
                    else if (c <= 0xFFFF)
                        esc += 'u', n = 4;
                    else
                        esc += 'U', n = 8;
                    for (int k = (n - 1) * 4; k >= 0; k -= 4)
                        esc += hex[(c >> k) & 0xF];
                }
                }
                put(esc);
                spaces = false;
            } else if (c == ' ') {
                if (allowBreaks && !spaces && column > 80 && i != 0 && i != s.size() - 1) {
                    newline(indent);
                    if (spaceAt(s, i + 1))
                        put("\\");
                } else {
                    put(" ");
                }
                spaces = true;
            } else {
                put(s.substr(i, size_t(w)));
                spaces = false;
            }
            i += size_t(w);
        }
        put("\"");
    }

    void writeLiteral(std::string_view s, int indent)
    {
        put("|");
        if (!s.empty() && (s[0] == ' ' || s[0] == '\n'))
            put("2");
        if (s.empty() || s.back() != '\n')
            put("-");
        else if (s.size() == 1 || s[s.size() - 2] == '\n')
            put("+");
        // Lines; empty lines get no indentation.
        size_t i = 0;
        bool breaks = true;
        out += '\n';
        column = 0;
        while (i < s.size()) {
            if (s[i] == '\n') {
                if (!breaks) {
                    // end of a content line
                }
                out += '\n';
                column = 0;
                breaks = true;
                ++i;
            } else {
                if (breaks) {
                    out.append(size_t(indent), ' ');
                    column = indent;
                }
                const size_t e = s.find('\n', i);
                const size_t end = e == std::string_view::npos ? s.size() : e;
                put(s.substr(i, end - i));
                i = end;
                breaks = false;
            }
        }
        // The caller writes the final newline; drop ours if the text ended with a break.
        if (!out.empty() && out.back() == '\n' && !s.empty() && s.back() == '\n')
            out.pop_back();
    }
};

} // namespace

namespace {

// go-yaml's keyList.Less over two sequences of runes (`ar`, `br`: a u32string, or a string_view
// of ASCII text, whose bytes are its runes).
template<typename Runes> bool keyLess(const Runes &ar, const Runes &br)
{
    for (size_t i = 0; i < ar.size() && i < br.size(); ++i) {
        if (ar[i] == br[i])
            continue;
        const bool al = isLetter(ar[i]), bl = isLetter(br[i]);
        if (al && bl)
            return ar[i] < br[i];
        if (al || bl)
            return bl;
        long long an = 0, bn = 0;
        size_t ai, bi;
        if (ar[i] == '0' || br[i] == '0') {
            for (long j = long(i) - 1; j >= 0 && isDigit(ar[size_t(j)]); --j) {
                if (ar[size_t(j)] != '0') {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        for (ai = i; ai < ar.size() && isDigit(ar[ai]); ++ai)
            an = an * 10 + (ar[ai] - '0');
        for (bi = i; bi < br.size() && isDigit(br[bi]); ++bi)
            bn = bn * 10 + (br[bi] - '0');
        if (an != bn)
            return an < bn;
        if (ai != bi)
            return ai < bi;
        return char32_t(ar[i]) < char32_t(br[i]);
    }
    return ar.size() < br.size();
}

bool isAscii(std::string_view s)
{
    for (const char c : s)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

} // namespace

bool goYamlKeyLess(std::string_view as, std::string_view bs)
{
    if (isAscii(as) && isAscii(bs))
        return keyLess(as, bs);
    return keyLess(toRunes(as), toRunes(bs));
}

std::string jsonScalarText(const Value &v)
{
    switch (v.type) {
    case Value::Type::Null:
        return "null";
    case Value::Type::Bool: {
        // YAML 1.2 true, or a YAML 1.1 yes/on/y (documents read as go-yaml v2 reads them).
        static const char *const truths[] = {"true", "True", "TRUE", "y",  "Y", "yes",
                                             "Yes",  "YES",  "on",   "On", "ON"};
        for (const char *t : truths)
            if (v.text == t)
                return "true";
        return "false";
    }
    case Value::Type::Int: {
        std::string out;
        if (parseGoInt(stripUnderscores(v.text), out))
            return out;
        [[fallthrough]];
    }
    case Value::Type::Float: {
        const std::string t = stripUnderscores(v.text);
        std::string low = t;
        std::transform(low.begin(), low.end(), low.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        if (low.ends_with(".inf"))
            return low[0] == '-' ? "-.inf" : ".inf";
        if (low == ".nan")
            return ".nan";
        double d = 0;
        const char *b = t.c_str();
        if (*b == '+')
            ++b;
        std::from_chars(b, t.c_str() + t.size(), d);
        return floatText(d);
    }
    case Value::Type::Timestamp:
        return timestampText(v.text);
    case Value::Type::String:
    case Value::Type::Map:
    case Value::Type::Seq:
        return v.text;
    }
    return v.text;
}

namespace {

// Prints into a buffer of the thread's that keeps its capacity from one resource to the next,
// so that the text is copied once, at its final size, instead of growing with each line.
template<typename Text> Text emitAs(const Value &value, const EmitMemo *previous, EmitMemo *record)
{
    thread_local std::string buffer;
    Emitter e;
    e.out = std::move(buffer);
    e.out.clear();
    e.previous = previous;
    e.record = record;
    if (previous || record) {
        EmitMemo::Key root;
        e.hashes.hash(value, root);
    }
    e.emitTop(value);
    Text text(e.out.data(), decltype(text.size())(e.out.size()));
    buffer = std::move(e.out);
    if (buffer.capacity() > (16u << 20)) // one huge resource does not stay on a thread
        buffer = std::string();
    return text;
}

} // namespace

std::string emitKustomizeYaml(const Value &value)
{
    return emitAs<std::string>(value, nullptr, nullptr);
}

std::string emitKustomizeYaml(const Value &value, const EmitMemo *previous, EmitMemo *record)
{
    return emitAs<std::string>(value, previous, record);
}

QByteArray emitKustomizeYamlBytes(const Value &value, const EmitMemo *previous, EmitMemo *record)
{
    return emitAs<QByteArray>(value, previous, record);
}

} // namespace kanri::yaml
