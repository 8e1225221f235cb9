#include "yaml/yamldocument.h"

#include "core/fileio.h"
#include "yaml/yamleditformat.h"

#include <QCoreApplication>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <span>
#include <sstream>
#include <string_view>

namespace kanri::yaml {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kanri::yaml", text);
}

std::string toStd(const QString &s)
{
    return s.toStdString();
}

} // namespace

// The layout of every node: where its text starts and ends. Offsets are bytes into the text.
struct YamlDocument::Tree
{
    struct Node
    {
        YamlNodeKind kind = YamlNodeKind::Null;
        bool flow = false;     // a flow collection `[...]` / `{...}`
        bool inFlow = false;   // inside a flow collection
        bool implicit = false; // an empty value (`key:`): zero width at `start`
        char style = 0;        // scalars: '"', '\'', '|', '>' or 0 (plain)
        int parent = -1;
        int parentIndent = -1;     // column of the owning key or dash (block context)
        qsizetype start = 0;       // yaml-cpp's mark: before anchor and tag
        qsizetype content = 0;     // after anchor and tag
        qsizetype end = 0;         // exclusive
        qsizetype indicator = -1;  // the ':' before a mapping value, the '-' before an item
        qsizetype expanded = 1;    // nodes after alias expansion, saturating
        int line = 0, column = 0;  // yaml-cpp's mark, 0-based
        YAML::anchor_t anchor = 0; // the anchor defined here / the anchor an alias refers to
        std::string value;
        std::string tag;
        std::span<const int> children; // mappings: key, value, key, value, ... (in childPool)
    };
    struct Doc
    {
        int root = -1;
        qsizetype start = 0;
        std::map<YAML::anchor_t, int> anchors;
    };

    std::vector<Node> nodes;
    std::vector<Doc> docs;
    // Every node's children, which an in-place edit never changes: shared by the copies, so
    // copying the tree copies no lists.
    std::shared_ptr<const std::vector<int>> childPool;
    edit::Layout layout;
    bool unitFound = false;
    bool seqOffsetFound = false;
};

using Tree = YamlDocument::Tree;
using Node = Tree::Node;

namespace {

struct LimitError
{
    QString message;
    YAML::Mark mark;
};

// Builds the node arena from yaml-cpp's events, in document order, and enforces the limits.
class Builder : public YAML::EventHandler
{
    Q_DECLARE_TR_FUNCTIONS(kanri::yaml::Builder)

public:
    Builder(Tree &tree, qsizetype offset)
        : m_tree(tree)
        , m_offset(offset)
    {}

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        m_tree.docs.push_back({});
        m_tree.docs.back().start = mark.pos + m_offset;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        add(YamlNodeKind::Null, mark, {}, anchor);
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const int i = add(YamlNodeKind::Alias, mark, {}, 0);
        m_tree.nodes[size_t(i)].anchor = anchor;
        const auto &anchors = m_tree.docs.back().anchors;
        const auto it = anchors.find(anchor);
        if (it == anchors.end() || isOpen(it->second))
            throw LimitError{tr("recursive or unknown alias"), mark};
        m_tree.nodes[size_t(i)].expanded = m_tree.nodes[size_t(it->second)].expanded;
    }
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        const int i = add(YamlNodeKind::Scalar, mark, tag, anchor);
        m_tree.nodes[size_t(i)].value = value;
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        open(add(YamlNodeKind::Sequence, mark, tag, anchor), style, mark);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        open(add(YamlNodeKind::Mapping, mark, tag, anchor), style, mark);
    }
    void OnMapEnd() override { close(); }

private:
    int add(YamlNodeKind kind, const YAML::Mark &mark, const std::string &tag,
            YAML::anchor_t anchor)
    {
        if (m_tree.docs.empty())
            m_tree.docs.push_back({});
        const int i = int(m_tree.nodes.size());
        Node n;
        n.kind = kind;
        n.start = n.content = n.end = mark.pos + m_offset;
        n.line = mark.line;
        n.column = mark.column;
        n.tag = tag;
        if (anchor && kind != YamlNodeKind::Alias) {
            n.anchor = anchor;
            m_tree.docs.back().anchors[anchor] = i;
        }
        if (!m_stack.empty()) {
            n.parent = m_stack.back();
            n.inFlow = m_tree.nodes[size_t(n.parent)].flow || m_tree.nodes[size_t(n.parent)].inFlow;
            m_children[size_t(n.parent)].push_back(i);
        } else {
            m_tree.docs.back().root = i;
        }
        m_tree.nodes.push_back(std::move(n));
        m_children.emplace_back();
        return i;
    }
    void open(int i, YAML::EmitterStyle::value style, const YAML::Mark &mark)
    {
        m_tree.nodes[size_t(i)].flow = style == YAML::EmitterStyle::Flow;
        m_stack.push_back(i);
        if (int(m_stack.size()) > YamlDocument::MaxDepth)
            throw LimitError{tr("nesting deeper than %1 levels").arg(YamlDocument::MaxDepth), mark};
    }
    void close()
    {
        const int i = m_stack.back();
        m_stack.pop_back();
        Node &n = m_tree.nodes[size_t(i)];
        qsizetype total = 1;
        for (int c : m_children[size_t(i)])
            total = std::min(total + m_tree.nodes[size_t(c)].expanded,
                             YamlDocument::MaxExpandedNodes + 1);
        n.expanded = total;
        // Large files without aliases are fine: only expansion far beyond the text is refused.
        if (total > YamlDocument::MaxExpandedNodes && total > 10 * qsizetype(m_tree.nodes.size())) {
            YAML::Mark mark;
            mark.line = n.line;
            mark.column = n.column;
            throw LimitError{tr("aliases expand to more than %1 nodes (an alias bomb?)")
                                 .arg(YamlDocument::MaxExpandedNodes),
                             mark};
        }
    }
    bool isOpen(int i) const
    {
        return std::find(m_stack.begin(), m_stack.end(), i) != m_stack.end();
    }

    Tree &m_tree;
    qsizetype m_offset;
    std::vector<int> m_stack;
    std::vector<std::vector<int>> m_children; // while building: each node's children

public:
    // Moves the children lists into the tree's pool.
    void finish()
    {
        size_t total = 0;
        for (const auto &c : m_children)
            total += c.size();
        auto pool = std::make_shared<std::vector<int>>();
        pool->reserve(total);
        for (const auto &c : m_children)
            pool->insert(pool->end(), c.begin(), c.end());
        size_t at = 0;
        for (size_t i = 0; i < m_children.size(); ++i) {
            m_tree.nodes[i].children =
                std::span<const int>(pool->data() + at, m_children[i].size());
            at += m_children[i].size();
        }
        m_tree.childPool = std::move(pool);
        m_children.clear();
    }
};

// Computes where each node's text ends, from yaml-cpp's start marks and the text itself.
class Layouter
{
public:
    Layouter(Tree &tree, const QByteArray &text, qsizetype bom)
        : t(tree)
        , s(text.constData())
        , n(text.size())
        , bom(bom)
    {}

    void run()
    {
        for (const Tree::Doc &doc : t.docs) {
            if (doc.root < 0)
                continue;
            Node &root = node(doc.root);
            if (root.kind == YamlNodeKind::Null) {
                root.implicit = !isNullWord(root.start);
                root.end = root.implicit ? root.start : root.start + nullWordLength(root.start);
                continue;
            }
            extent(doc.root, -1);
        }
    }

    qsizetype lineStart(qsizetype p) const
    {
        while (p > 0 && s[p - 1] != '\n')
            --p;
        return p;
    }
    int column(qsizetype p) const
    {
        const qsizetype ls = lineStart(p);
        return int(p - ls - (ls == 0 ? bom : 0));
    }

private:
    Node &node(int i) { return t.nodes[size_t(i)]; }
    bool at(qsizetype p, char c) const { return p < n && s[p] == c; }
    static bool isWs(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
    static bool isFlowInd(char c)
    {
        return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }
    bool isEnd(qsizetype p) const { return p >= n || isWs(s[p]); }

    qsizetype lineEnd(qsizetype p) const
    {
        while (p < n && s[p] != '\n' && s[p] != '\r')
            ++p;
        return p;
    }
    bool sameLine(qsizetype a, qsizetype b) const
    {
        for (qsizetype p = std::min(a, b); p < std::max(a, b); ++p) {
            if (s[p] == '\n')
                return false;
        }
        return true;
    }
    // Skips spaces, line breaks and comments.
    qsizetype skipSpace(qsizetype p) const
    {
        while (p < n) {
            if (isWs(s[p])) {
                ++p;
            } else if (s[p] == '#') {
                p = lineEnd(p);
            } else {
                break;
            }
        }
        return p;
    }
    qsizetype skipBlanks(qsizetype p) const
    {
        while (p < n && (s[p] == ' ' || s[p] == '\t'))
            ++p;
        return p;
    }
    qsizetype skipToken(qsizetype p) const
    {
        while (p < n && !isWs(s[p]) && !isFlowInd(s[p]))
            ++p;
        return p;
    }
    // After an anchor and tag; `acrossLines` for collections, whose content may start on the
    // next line.
    qsizetype skipProperties(qsizetype p, bool acrossLines) const
    {
        bool any = false;
        while (p < n && (s[p] == '&' || s[p] == '!')) {
            p = skipBlanks(skipToken(p));
            any = true;
        }
        return any && acrossLines ? skipSpace(p) : p;
    }
    qsizetype nullWordLength(qsizetype p) const
    {
        for (std::string_view w : {"~", "null", "Null", "NULL"}) {
            if (n - p >= qsizetype(w.size()) && std::string_view(s + p, w.size()) == w) {
                const qsizetype e = p + qsizetype(w.size());
                if (e >= n || isWs(s[e]) || isFlowInd(s[e]) || s[e] == '#')
                    return qsizetype(w.size());
            }
        }
        return 0;
    }
    bool isNullWord(qsizetype p) const { return nullWordLength(p) > 0; }

    qsizetype scanDouble(qsizetype p) const
    {
        for (qsizetype i = p + 1; i < n; ++i) {
            if (s[i] == '\\')
                ++i;
            else if (s[i] == '"')
                return i + 1;
        }
        return n;
    }
    qsizetype scanSingle(qsizetype p) const
    {
        for (qsizetype i = p + 1; i < n; ++i) {
            if (s[i] == '\'') {
                if (i + 1 < n && s[i + 1] == '\'')
                    ++i;
                else
                    return i + 1;
            }
        }
        return n;
    }
    qsizetype matchBracket(qsizetype p) const
    {
        int depth = 0;
        for (qsizetype i = p; i < n; ++i) {
            const char c = s[i];
            const char prev = i > p ? s[i - 1] : ' ';
            if (c == '[' || c == '{') {
                ++depth;
            } else if (c == ']' || c == '}') {
                if (--depth == 0)
                    return i + 1;
            } else if ((c == '"' || c == '\'') &&
                       (isWs(prev) || prev == '[' || prev == '{' || prev == ',' || prev == ':')) {
                i = (c == '"' ? scanDouble(i) : scanSingle(i)) - 1;
            } else if (c == '#' && isWs(prev)) {
                i = lineEnd(i) - 1;
            }
        }
        return n;
    }
    // End of a plain scalar's text on one line, trailing blanks excluded.
    qsizetype plainLineEnd(qsizetype q, bool inFlow) const
    {
        qsizetype r = q;
        while (r < n && s[r] != '\n' && s[r] != '\r') {
            const char c = s[r];
            if (c == '#' && r > q && (s[r - 1] == ' ' || s[r - 1] == '\t'))
                break;
            if (c == ':' && (r + 1 >= n || isWs(s[r + 1]) || (inFlow && isFlowInd(s[r + 1]))))
                break;
            if (inFlow && isFlowInd(c))
                break;
            ++r;
        }
        while (r > q && (s[r - 1] == ' ' || s[r - 1] == '\t'))
            --r;
        return r;
    }
    // A plain scalar may continue over several lines (folded into spaces); the parsed value
    // tells how many lines it took.
    qsizetype scanPlain(qsizetype p, const std::string &value, bool inFlow) const
    {
        const qsizetype first = plainLineEnd(p, inFlow);
        std::string folded(s + p, size_t(first - p));
        if (folded == value)
            return first;
        qsizetype cur = first;
        int breaks = 0;
        while (cur < n && folded.size() < value.size()) {
            const qsizetype le = lineEnd(cur);
            if (le >= n)
                break;
            qsizetype q = le + (s[le] == '\r' && le + 1 < n && s[le + 1] == '\n' ? 2 : 1);
            q = skipBlanks(q);
            if (q >= n)
                break;
            if (s[q] == '\n' || s[q] == '\r') {
                ++breaks;
                cur = q;
                continue;
            }
            if (s[q] == '#')
                break;
            const qsizetype e = plainLineEnd(q, inFlow);
            if (e == q)
                break;
            folded += breaks ? std::string(size_t(breaks), '\n') : std::string(" ");
            folded.append(s + q, size_t(e - q));
            breaks = 0;
            cur = e;
            if (folded == value)
                return e;
        }
        return first;
    }
    // A `|` or `>` block scalar: its header, then the lines indented deeper than its parent.
    qsizetype scanBlock(qsizetype p, int parentIndent) const
    {
        qsizetype i = p + 1;
        int explicitIndent = 0;
        while (i < n && (s[i] == '+' || s[i] == '-' || (s[i] >= '1' && s[i] <= '9'))) {
            if (s[i] >= '1' && s[i] <= '9')
                explicitIndent = s[i] - '0';
            ++i;
        }
        const qsizetype headerEnd = i;
        int indent = explicitIndent ? std::max(parentIndent, 0) + explicitIndent : -1;
        qsizetype last = headerEnd;
        qsizetype line = lineEnd(p);
        while (line < n) {
            line += (s[line] == '\r' && line + 1 < n && s[line + 1] == '\n') ? 2 : 1;
            if (line >= n)
                break;
            qsizetype q = line;
            while (q < n && s[q] == ' ')
                ++q;
            const int ind = int(q - line);
            const qsizetype le = lineEnd(q);
            const bool blank = le == q;
            if (blank && indent >= 0 && ind > indent) {
                last = le; // spaces beyond the indentation are content
            } else if (!blank) {
                if (indent < 0)
                    indent = ind > parentIndent ? ind : parentIndent + 1;
                if (ind < indent)
                    break;
                if (ind == 0 && (std::string_view(s + q, size_t(le - q)).starts_with("---") ||
                                 std::string_view(s + q, size_t(le - q)).starts_with("...")))
                    break;
                last = le;
            }
            line = le;
        }
        return last;
    }

    void scalarExtent(Node &x)
    {
        x.content = skipProperties(x.start, false);
        const char c = x.content < n ? s[x.content] : 0;
        switch (c) {
        case '"':
            x.style = c;
            x.end = scanDouble(x.content);
            break;
        case '\'':
            x.style = c;
            x.end = scanSingle(x.content);
            break;
        case '|':
        case '>':
            x.style = c;
            x.end = scanBlock(x.content, x.parentIndent);
            break;
        default:
            x.end = scanPlain(x.content, x.value, x.inFlow);
            break;
        }
    }

    // An empty value is reported at the next token's mark; give it zero width right after its
    // indicator instead. `~`/`null` and a bare anchor or tag are real text.
    void nullExtent(Node &x, qsizetype after)
    {
        const qsizetype p = skipSpace(after);
        const bool explicitNull =
            p == x.start && p < n && (isNullWord(p) || s[p] == '&' || s[p] == '!') &&
            (sameLine(after, p) || (!x.inFlow && column(p) > x.parentIndent)) &&
            !(s[p] == '-' && isEnd(p + 1));
        if (explicitNull) {
            x.content = skipProperties(x.start, false);
            x.end = x.content + nullWordLength(x.content);
        } else {
            x.implicit = true;
            x.start = x.content = x.end = after;
        }
    }

    void child(int i, qsizetype after, int parentIndent)
    {
        Node &x = node(i);
        x.parentIndent = parentIndent;
        if (x.kind == YamlNodeKind::Null)
            nullExtent(x, after);
        else
            extent(i, parentIndent);
    }

    void extent(int i, int parentIndent)
    {
        Node &x = node(i);
        x.parentIndent = parentIndent;
        switch (x.kind) {
        case YamlNodeKind::Missing:
        case YamlNodeKind::Null:
            x.end = x.start;
            return;
        case YamlNodeKind::Scalar:
            scalarExtent(x);
            return;
        case YamlNodeKind::Alias:
            x.content = x.start;
            x.end = skipToken(x.start + 1);
            return;
        case YamlNodeKind::Mapping:
            mappingExtent(i);
            return;
        case YamlNodeKind::Sequence:
            sequenceExtent(i);
            return;
        }
    }

    void mappingExtent(int i)
    {
        const bool flow = node(i).flow;
        node(i).content = skipProperties(node(i).start, true);
        const int indent = flow ? node(i).parentIndent : column(node(i).content);
        const std::span<const int> children = node(i).children;
        qsizetype end = node(i).content + (flow ? 1 : 0);
        for (size_t k = 0; k + 1 < children.size(); k += 2) {
            const int key = children[k];
            const int value = children[k + 1];
            if (node(key).kind == YamlNodeKind::Null)
                child(key, end, indent);
            else
                extent(key, indent);
            qsizetype after = node(key).end;
            const qsizetype colon = skipSpace(after);
            if (at(colon, ':')) {
                node(value).indicator = colon;
                after = colon + 1;
            }
            child(value, after, indent);
            end = node(value).end;
            if (!flow && !node(value).flow && node(value).kind == YamlNodeKind::Mapping &&
                !node(value).implicit) {
                noteUnit(column(node(value).content) - indent);
            }
            if (!flow && !node(value).flow && node(value).kind == YamlNodeKind::Sequence &&
                !t.seqOffsetFound) {
                t.seqOffsetFound = true;
                t.layout.seqOffset = std::max(0, column(node(value).content) - indent);
            }
        }
        node(i).end = flow ? matchBracket(node(i).content) : end;
    }

    void sequenceExtent(int i)
    {
        const bool flow = node(i).flow;
        node(i).content = skipProperties(node(i).start, true);
        const int indent = flow ? node(i).parentIndent : column(node(i).content);
        const std::span<const int> children = node(i).children;
        qsizetype end = node(i).content;
        for (int item : children) {
            if (flow) {
                child(item, skipSpace(end + 1), indent);
            } else {
                const qsizetype dash = skipSpace(end);
                node(item).indicator = dash;
                child(item, dash + 1, indent);
            }
            end = node(item).end;
        }
        node(i).end = flow ? matchBracket(node(i).content) : end;
    }

    void noteUnit(int unit)
    {
        if (unit > 0 && (!t.unitFound || unit < t.layout.unit)) {
            t.layout.unit = unit;
            t.unitFound = true;
        }
    }

    Tree &t;
    const char *s;
    qsizetype n;
    qsizetype bom;
};

} // namespace

YamlDocument::YamlDocument()
    : m_tree(std::make_shared<Tree>())
{}
YamlDocument::~YamlDocument() = default;
YamlDocument::YamlDocument(const YamlDocument &) = default;
YamlDocument &YamlDocument::operator=(const YamlDocument &) = default;
YamlDocument::YamlDocument(YamlDocument &&) noexcept = default;
YamlDocument &YamlDocument::operator=(YamlDocument &&) noexcept = default;

namespace {

// yaml-cpp's events into a node arena, within the limits (size, depth, alias expansion); no
// layout yet.
// yaml-cpp accepts a quoted scalar that the end of the text cuts off (`a: "abc`); libyaml does
// not. True when the quoted scalar starting at `pos` has its closing quote.
bool quoteClosed(const QByteArray &text, qsizetype pos)
{
    if (pos < 0 || pos >= text.size() || (text[pos] != '"' && text[pos] != '\''))
        return true;
    const char quote = text[pos];
    for (qsizetype i = pos + 1; i < text.size(); ++i) {
        const char c = text[i];
        if (quote == '"' && c == '\\') {
            ++i;
        } else if (c == quote) {
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i; // '' is a quote inside a single-quoted scalar
                continue;
            }
            return true;
        }
    }
    return false;
}

Result<std::shared_ptr<Tree>> buildTree(const QByteArray &text, const QString &fileName)
{
    if (text.size() > YamlDocument::MaxBytes) {
        return failAt(Error::Code::Unsupported,
                      QCoreApplication::translate("kanri::yaml::YamlDocument",
                                                  "the file is larger than %1 MiB")
                          .arg(YamlDocument::MaxBytes / (1024 * 1024)),
                      fileName);
    }
    auto tree = std::make_shared<Tree>();
    const qsizetype bom = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    try {
        std::istringstream in(std::string(text.constData(), size_t(text.size())));
        YAML::Parser parser(in);
        Builder builder(*tree, bom);
        while (parser.HandleNextDocument(builder)) {
        }
        builder.finish();
    } catch (const YAML::Exception &e) {
        return failAt(Error::Code::Syntax, QString::fromStdString(e.msg), fileName,
                      e.mark.is_null() ? 0 : e.mark.line + 1,
                      e.mark.is_null() ? 0 : e.mark.column + 1);
    } catch (const LimitError &e) {
        return failAt(Error::Code::Unsupported, e.message, fileName, e.mark.line + 1,
                      e.mark.column + 1);
    } catch (const std::exception &e) {
        return failAt(Error::Code::Syntax, QString::fromLocal8Bit(e.what()), fileName);
    }
    for (const Node &n : tree->nodes) {
        if (n.kind == YamlNodeKind::Scalar && n.tag == "!" && !quoteClosed(text, n.start))
            return failAt(Error::Code::Syntax,
                          tr("found unexpected end of stream (a quoted scalar is not closed)"),
                          fileName, n.line + 1, n.column + 1);
    }
    return tree;
}

} // namespace

Result<YamlDocument> YamlDocument::parse(const QByteArray &text, const QString &fileName)
{
    auto tree = buildTree(text, fileName);
    if (!tree)
        return std::unexpected(tree.error());
    const qsizetype firstBreak = text.indexOf('\n');
    if (firstBreak > 0 && text.at(firstBreak - 1) == '\r')
        (*tree)->layout.eol = "\r\n";
    const qsizetype bom = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    Layouter(**tree, text, bom).run();

    YamlDocument doc;
    doc.m_text = text;
    doc.m_fileName = fileName;
    doc.m_tree = std::move(*tree);
    return doc;
}

Result<std::vector<YAML::Node>> loadAll(const QByteArray &text, const QString &fileName)
{
    if (auto checked = buildTree(text, fileName); !checked)
        return std::unexpected(checked.error());
    try {
        return YAML::LoadAll(std::string(text.constData(), size_t(text.size())));
    } catch (const YAML::Exception &e) {
        return failAt(Error::Code::Syntax, QString::fromStdString(e.msg), fileName,
                      e.mark.is_null() ? 0 : e.mark.line + 1,
                      e.mark.is_null() ? 0 : e.mark.column + 1);
    }
}

Result<YAML::Node> load(const QByteArray &text, const QString &fileName)
{
    auto docs = loadAll(text, fileName);
    if (!docs)
        return std::unexpected(docs.error());
    return docs->empty() ? YAML::Node() : docs->front();
}

Result<YamlDocument> YamlDocument::load(const QString &path)
{
    auto bytes = readFile(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    return parse(*bytes, path);
}

const QByteArray &YamlDocument::text() const
{
    return m_text;
}

const QString &YamlDocument::fileName() const
{
    return m_fileName;
}

int YamlDocument::documentCount() const
{
    return int(m_tree->docs.size());
}

// ---- lookup -------------------------------------------------------------------------------

namespace {

struct Walk
{
    int node = -1;                         // the deepest node reached
    int consumed = 0;                      // how many segments matched
    bool viaAlias = false;                 // an alias was followed on the way
    std::vector<YamlPathSegment> concrete; // the matched segments, selectors as indexes
};

int resolveAlias(const Tree &t, int doc, int i, bool *viaAlias)
{
    for (int guard = 0; i >= 0 && t.nodes[size_t(i)].kind == YamlNodeKind::Alias && guard < 64;
         ++guard) {
        const auto &anchors = t.docs[size_t(doc)].anchors;
        const auto it = anchors.find(t.nodes[size_t(i)].anchor);
        i = it == anchors.end() ? -1 : it->second;
        if (viaAlias)
            *viaAlias = true;
    }
    return i;
}

// The mapping value for `key`, or -1.
int mappingValue(const Tree &t, int doc, int map, std::string_view key)
{
    const Node &m = t.nodes[size_t(map)];
    for (size_t k = 0; k + 1 < m.children.size(); k += 2) {
        const int keyNode = resolveAlias(t, doc, m.children[k], nullptr);
        if (keyNode >= 0 && t.nodes[size_t(keyNode)].kind == YamlNodeKind::Scalar &&
            t.nodes[size_t(keyNode)].value == key)
            return m.children[k + 1];
    }
    return -1;
}

// The child of `parent` that `seg` names and its position among the items, or -1.
int childFor(const Tree &t, int doc, int parent, const YamlPathSegment &seg, int *position)
{
    const Node &p = t.nodes[size_t(parent)];
    if (p.kind == YamlNodeKind::Mapping && !seg.isIndex())
        return mappingValue(t, doc, parent, toStd(seg.key()));
    if (p.kind != YamlNodeKind::Sequence)
        return -1;
    if (seg.isIndex()) {
        if (seg.index() < 0 || seg.index() >= int(p.children.size()))
            return -1;
        *position = seg.index();
        return p.children[size_t(seg.index())];
    }
    const qsizetype eq = seg.key().indexOf(QLatin1Char('='));
    if (eq < 0)
        return -1;
    const std::string k = toStd(seg.key().left(eq));
    const std::string v = toStd(seg.key().mid(eq + 1));
    for (size_t idx = 0; idx < p.children.size(); ++idx) {
        const int item = resolveAlias(t, doc, p.children[idx], nullptr);
        if (item < 0 || t.nodes[size_t(item)].kind != YamlNodeKind::Mapping)
            continue;
        const int value = resolveAlias(t, doc, mappingValue(t, doc, item, k), nullptr);
        if (value >= 0 && t.nodes[size_t(value)].kind == YamlNodeKind::Scalar &&
            t.nodes[size_t(value)].value == v) {
            *position = int(idx);
            return p.children[idx];
        }
    }
    return -1;
}

Walk walk(const Tree &t, const YamlPath &path, int doc)
{
    Walk w;
    if (doc < 0 || doc >= int(t.docs.size()))
        return w;
    w.node = t.docs[size_t(doc)].root;
    if (w.node < 0)
        return w;
    for (const YamlPathSegment &seg : path.segments()) {
        const int here = resolveAlias(t, doc, w.node, &w.viaAlias);
        if (here < 0)
            break;
        w.node = here;
        int position = -1;
        const int next = childFor(t, doc, here, seg, &position);
        if (next < 0)
            break;
        w.concrete.push_back(position >= 0 ? YamlPathSegment(position) : seg);
        w.node = next;
        ++w.consumed;
    }
    return w;
}

} // namespace

int YamlDocument::findDocument(const QString &kind, const QString &name) const
{
    for (int d = 0; d < documentCount(); ++d) {
        if (!kind.isEmpty() && scalar({"kind"}, d).value_or(QString()) != kind)
            continue;
        if (!name.isEmpty() && scalar({"metadata", "name"}, d).value_or(QString()) != name)
            continue;
        return d;
    }
    return -1;
}

YamlNodeKind YamlDocument::kind(const YamlPath &path, int document) const
{
    const Walk w = walk(*m_tree, path, document);
    if (w.node < 0 || w.consumed < path.size())
        return YamlNodeKind::Missing;
    return m_tree->nodes[size_t(w.node)].kind;
}

Result<QString> YamlDocument::scalar(const YamlPath &path, int document) const
{
    const Walk w = walk(*m_tree, path, document);
    if (w.node < 0 || w.consumed < path.size())
        return failAt(Error::Code::NotFound, tr("%1 not found").arg(path.toString()), m_fileName);
    const int i = resolveAlias(*m_tree, document, w.node, nullptr);
    const Node &x = m_tree->nodes[size_t(i)];
    if (x.kind == YamlNodeKind::Null)
        return QString();
    if (x.kind != YamlNodeKind::Scalar)
        return failAt(Error::Code::Generic, tr("%1 is not a scalar").arg(path.toString()),
                      m_fileName, x.line + 1, x.column + 1);
    return QString::fromStdString(x.value);
}

QStringList YamlDocument::keys(const YamlPath &path, int document) const
{
    const Walk w = walk(*m_tree, path, document);
    QStringList out;
    if (w.node < 0 || w.consumed < path.size())
        return out;
    const int i = resolveAlias(*m_tree, document, w.node, nullptr);
    const Node &x = m_tree->nodes[size_t(i)];
    if (x.kind != YamlNodeKind::Mapping)
        return out;
    for (size_t k = 0; k + 1 < x.children.size(); k += 2) {
        const int key = resolveAlias(*m_tree, document, x.children[k], nullptr);
        out << QString::fromStdString(key >= 0 ? m_tree->nodes[size_t(key)].value : std::string());
    }
    return out;
}

int YamlDocument::size(const YamlPath &path, int document) const
{
    const Walk w = walk(*m_tree, path, document);
    if (w.node < 0 || w.consumed < path.size())
        return -1;
    const Node &x = m_tree->nodes[size_t(resolveAlias(*m_tree, document, w.node, nullptr))];
    if (x.kind == YamlNodeKind::Mapping)
        return int(x.children.size() / 2);
    if (x.kind == YamlNodeKind::Sequence)
        return int(x.children.size());
    return -1;
}

Result<YamlLocation> YamlDocument::location(const YamlPath &path, int document) const
{
    const Walk w = walk(*m_tree, path, document);
    if (w.node < 0 || w.consumed < path.size())
        return failAt(Error::Code::NotFound, tr("%1 not found").arg(path.toString()), m_fileName);
    const Node &x = m_tree->nodes[size_t(w.node)];
    YamlLocation loc;
    loc.offset = x.start;
    loc.length = x.end - x.start;
    // yaml-cpp's mark knows the line, except for an empty value, placed after its indicator.
    loc.line = x.implicit ? int(m_text.left(x.start).count('\n')) + 1 : x.line + 1;
    const qsizetype ls = m_text.lastIndexOf('\n', x.start - 1);
    loc.column = int(x.start - (ls + 1)) + 1;
    return loc;
}

namespace {

YAML::Node toYaml(const Tree &t, int doc, int i, std::map<int, YAML::Node> &shared)
{
    const int r = resolveAlias(t, doc, i, nullptr);
    if (r < 0)
        return YAML::Node(YAML::NodeType::Null);
    if (const auto it = shared.find(r); it != shared.end())
        return it->second;
    const Node &x = t.nodes[size_t(r)];
    YAML::Node out;
    switch (x.kind) {
    case YamlNodeKind::Missing:
    case YamlNodeKind::Alias:
    case YamlNodeKind::Null:
        out = YAML::Node(YAML::NodeType::Null);
        break;
    case YamlNodeKind::Scalar:
        out = YAML::Node(x.value);
        break;
    case YamlNodeKind::Sequence:
        out = YAML::Node(YAML::NodeType::Sequence);
        for (int c : x.children)
            out.push_back(toYaml(t, doc, c, shared));
        break;
    case YamlNodeKind::Mapping:
        out = YAML::Node(YAML::NodeType::Map);
        for (size_t k = 0; k + 1 < x.children.size(); k += 2)
            out[toYaml(t, doc, x.children[k], shared)] = toYaml(t, doc, x.children[k + 1], shared);
        break;
    }
    if (!x.tag.empty())
        out.SetTag(x.tag);
    if (x.anchor)
        shared[r] = out;
    return out;
}

} // namespace

Result<YAML::Node> YamlDocument::node(const YamlPath &path, int document) const
{
    const Walk w = walk(*m_tree, path, document);
    if (w.node < 0 || w.consumed < path.size())
        return failAt(Error::Code::NotFound, tr("%1 not found").arg(path.toString()), m_fileName);
    std::map<int, YAML::Node> shared;
    try {
        return toYaml(*m_tree, document, w.node, shared);
    } catch (const YAML::Exception &e) {
        return failAt(Error::Code::Generic, QString::fromStdString(e.msg), m_fileName);
    }
}

// ---- editing ------------------------------------------------------------------------------

namespace {

qsizetype lineStartOf(const QByteArray &s, qsizetype p)
{
    while (p > 0 && s[p - 1] != '\n')
        --p;
    return p;
}

qsizetype lineEndOf(const QByteArray &s, qsizetype p)
{
    while (p < s.size() && s[p] != '\n' && s[p] != '\r')
        ++p;
    return p;
}

// The start of the line after the line break at `le` (as returned by lineEndOf).
qsizetype nextLineStart(const QByteArray &s, qsizetype le)
{
    if (le < s.size() && s[le] == '\r' && le + 1 < s.size() && s[le + 1] == '\n')
        return le + 2;
    return std::min(le + 1, s.size());
}

int columnOf(const QByteArray &s, qsizetype p)
{
    const qsizetype ls = lineStartOf(s, p);
    const qsizetype bom = ls == 0 && s.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    return int(p - ls - bom);
}

bool onlyBlanks(const QByteArray &s, qsizetype from, qsizetype to)
{
    for (qsizetype p = from; p < to; ++p) {
        if (s[p] != ' ' && s[p] != '\t')
            return false;
    }
    return true;
}

QByteArray spaces(int n)
{
    return QByteArray(std::max(n, 0), ' ');
}

bool isNullText(const std::string &v)
{
    return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

bool sameValue(const Tree &t, int doc, int i, const YAML::Node &v)
{
    const int r = resolveAlias(t, doc, i, nullptr);
    if (r < 0)
        return false;
    const Node &x = t.nodes[size_t(r)];
    switch (v.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return x.kind == YamlNodeKind::Null;
    case YAML::NodeType::Scalar:
        return (x.kind == YamlNodeKind::Scalar && x.value == v.Scalar()) ||
               (x.kind == YamlNodeKind::Null && isNullText(v.Scalar()));
    case YAML::NodeType::Sequence: {
        if (x.kind != YamlNodeKind::Sequence || x.children.size() != v.size())
            return false;
        for (size_t k = 0; k < v.size(); ++k) {
            if (!sameValue(t, doc, x.children[k], v[k]))
                return false;
        }
        return true;
    }
    case YAML::NodeType::Map: {
        if (x.kind != YamlNodeKind::Mapping || x.children.size() != 2 * v.size())
            return false;
        size_t k = 0;
        for (auto it = v.begin(); it != v.end(); ++it, k += 2) {
            if (!sameValue(t, doc, x.children[k], it->first) ||
                !sameValue(t, doc, x.children[k + 1], it->second))
                return false;
        }
        return true;
    }
    }
    return false;
}

YamlSplice makeSplice(const QByteArray &text, qsizetype from, qsizetype to, QByteArray inserted)
{
    return {from, text.mid(from, to - from), std::move(inserted)};
}

const char *kindName(YamlNodeKind kind)
{
    switch (kind) {
    case YamlNodeKind::Missing:
        return QT_TRANSLATE_NOOP("kanri::yaml::YamlDocument", "missing");
    case YamlNodeKind::Null:
        return QT_TRANSLATE_NOOP("kanri::yaml::YamlDocument", "null");
    case YamlNodeKind::Scalar:
        return QT_TRANSLATE_NOOP("kanri::yaml::YamlDocument", "a scalar");
    case YamlNodeKind::Sequence:
        return QT_TRANSLATE_NOOP("kanri::yaml::YamlDocument", "a sequence");
    case YamlNodeKind::Mapping:
        return QT_TRANSLATE_NOOP("kanri::yaml::YamlDocument", "a mapping");
    case YamlNodeKind::Alias:
        return QT_TRANSLATE_NOOP("kanri::yaml::YamlDocument", "an alias");
    }
    return "";
}

} // namespace

Result<YamlSplice> YamlDocument::commit(const YamlSplice &splice,
                                        const std::function<bool(const YamlDocument &)> &check,
                                        const QString &what, int scalarNode,
                                        bool documentsMayChange)
{
    if (scalarNode >= 0) {
        YamlDocument candidate = *this;
        if (candidate.replaceScalarInPlace(scalarNode, splice) && check(candidate)) {
            *this = std::move(candidate);
            m_lastEditInPlace = true;
            return splice;
        }
    }
    QByteArray text = m_text;
    text.replace(splice.offset, splice.removed.size(), splice.inserted);
    auto parsed = YamlDocument::parse(text, m_fileName);
    if (!parsed) {
        Error e = parsed.error();
        e.message =
            tr("editing %1 would break the file (%2); nothing was changed").arg(what, e.message);
        return std::unexpected(e);
    }
    if ((!documentsMayChange && parsed->documentCount() != documentCount()) || !check(*parsed)) {
        return failAt(
            Error::Code::Generic,
            tr("editing %1 did not give the expected result; nothing was changed").arg(what),
            m_fileName);
    }
    *this = std::move(*parsed);
    m_lastEditInPlace = false;
    return splice;
}

// The fast path for the most frequent edit, one scalar replaced by another: instead of parsing
// the whole file again (yaml-cpp needs ~35 ms for a 650 KB CRD), only the new token is parsed, in
// a small document that reproduces its context, and the layout of the following nodes is
// shifted. It applies where that is provably equivalent:
// - block context (a mapping value or sequence item of a block collection): the new token, with
//   the text between its indicator and it (properties, line breaks) and the blank and comment
//   lines after it, is parsed under a key or dash at the same columns, so the indentation that
//   bounds plain and block scalars is the same; the token must parse as one scalar (or null)
//   that ends exactly where the token ends. Multi-line plain, quoted and block scalars qualify.
// - flow context: single-line plain or quoted tokens only, parsed inside `[...]`, the separators
//   around them unchanged.
bool YamlDocument::replaceScalarInPlace(int scalarNode, const YamlSplice &splice)
{
    const Tree &old = *m_tree;
    if (scalarNode < 0 || scalarNode >= int(old.nodes.size()))
        return false;
    const Node &x = old.nodes[size_t(scalarNode)];
    if ((x.kind != YamlNodeKind::Scalar && x.kind != YamlNodeKind::Null) || x.implicit ||
        x.parent < 0 || x.indicator < 0)
        return false;
    if (splice.offset != x.content || splice.offset + splice.removed.size() != x.end ||
        x.end <= x.content)
        return false;
    const QByteArray &ins = splice.inserted;
    if (ins.isEmpty())
        return false;
    // A lone carriage return would be a line break that the line count below does not see.
    auto loneCr = [](const QByteArray &b) {
        for (qsizetype i = 0; i < b.size(); ++i) {
            if (b[i] == '\r' && (i + 1 >= b.size() || b[i + 1] != '\n'))
                return true;
        }
        return false;
    };
    if (loneCr(ins) || loneCr(splice.removed))
        return false;

    Node parsed; // kind, style, tag and value of the new token
    if (x.inFlow) {
        if ((x.style != 0 && x.style != '"' && x.style != '\'') || ins.contains('\n') ||
            ins.contains('\r') || splice.removed.contains('\n') || splice.removed.contains('\r'))
            return false;
        // What surrounds the token must separate it the same way for any scalar.
        const char before = m_text[x.content - 1];
        if (before != ' ' && before != '\t' && before != '[' && before != '{' && before != ',')
            return false;
        if (x.end < m_text.size()) {
            const char after = m_text[x.end];
            if (after != ' ' && after != '\t' && after != '\n' && after != '\r' && after != ',' &&
                after != ']' && after != '}')
                return false;
        }
        const char first = ins.front();
        std::string_view token(ins.constData(), size_t(ins.size()));
        if (first == '"' || first == '\'') {
            // The closing quote must be the last character.
            qsizetype i = 1;
            for (; i < ins.size(); ++i) {
                if (first == '"' && ins[i] == '\\') {
                    ++i;
                } else if (ins[i] == first) {
                    if (first == '\'' && i + 1 < ins.size() && ins[i + 1] == '\'')
                        ++i;
                    else
                        break;
                }
            }
            if (i != ins.size() - 1)
                return false;
        } else if (!edit::plainSyntaxAllowed(token, true)) {
            return false;
        }
        YAML::Node value;
        try {
            value = YAML::Load("[" + std::string(token) + "]");
            if (!value.IsSequence() || value.size() != 1)
                return false;
            value.reset(value[0]);
        } catch (const YAML::Exception &) {
            return false;
        }
        if (!value.IsScalar() && !value.IsNull())
            return false;
        // A specific tag (`!!str`) would read the token differently than it reads alone.
        if (x.tag != "?" && x.tag != "!" && !x.tag.empty())
            return false;
        parsed.style = (first == '"' || first == '\'') ? first : 0;
        // Non-specific tags follow the quoting; yaml-cpp gives a null no tag.
        parsed.tag = value.IsNull() ? "" : parsed.style ? "!" : "?";
        parsed.kind = value.IsNull() ? YamlNodeKind::Null : YamlNodeKind::Scalar;
        parsed.value = value.IsNull() ? std::string() : value.Scalar();
    } else {
        const Node &p = old.nodes[size_t(x.parent)];
        if (p.flow || (p.kind != YamlNodeKind::Mapping && p.kind != YamlNodeKind::Sequence))
            return false;
        const int indent = x.parentIndent;
        const char indicator = m_text[x.indicator];
        const int indicatorColumn = columnOf(m_text, x.indicator);
        if (indent < 0 || (indicator == ':' && indicatorColumn <= indent) ||
            (indicator == '-' && indicatorColumn != indent) ||
            (indicator != ':' && indicator != '-'))
            return false;
        // The lines after the token up to the next one with content: its comment and blank lines.
        const qsizetype n = m_text.size();
        qsizetype tailEnd = lineEndOf(m_text, x.end);
        while (tailEnd < n) {
            const qsizetype next = nextLineStart(m_text, tailEnd);
            qsizetype q = next;
            while (q < n && (m_text[q] == ' ' || m_text[q] == '\t'))
                ++q;
            if (q < n && m_text[q] != '#' && m_text[q] != '\n' && m_text[q] != '\r') {
                // The next content must belong to a parent or sibling, not continue the value.
                if (columnOf(m_text, q) > indent || m_text[q] == '\t')
                    return false;
                tailEnd = next;
                break;
            }
            tailEnd = q >= n ? n : lineEndOf(m_text, q);
            if (tailEnd >= n)
                break;
        }
        QByteArray context = spaces(indent);
        // An indentless sequence (`key:` then `- item` at the key's column) stays one.
        const bool indentless = indicator == '-' && p.parent >= 0 &&
                                old.nodes[size_t(p.parent)].kind == YamlNodeKind::Mapping &&
                                !old.nodes[size_t(p.parent)].flow &&
                                columnOf(m_text, old.nodes[size_t(p.parent)].content) == indent;
        if (indentless)
            context += "k:\n" + spaces(indent);
        if (indicator == ':')
            context += 'k' + spaces(indicatorColumn - indent - 1);
        context += indicator;
        const qsizetype base = context.size(); // the original's x.indicator + 1
        context += QByteArrayView(m_text).sliced(x.indicator + 1, x.content - x.indicator - 1);
        context += ins;
        context += QByteArrayView(m_text).sliced(x.end, tailEnd - x.end);
        auto tree = buildTree(context, {});
        if (!tree)
            return false;
        Tree &t = **tree;
        Layouter(t, context, 0).run();
        if (t.docs.size() != 1 || t.docs[0].root < 0)
            return false;
        int owner = t.docs[0].root;
        if (indentless) {
            const Node &m = t.nodes[size_t(owner)];
            if (m.kind != YamlNodeKind::Mapping || m.children.size() != 2)
                return false;
            owner = m.children[1];
        }
        const Node &o = t.nodes[size_t(owner)];
        const size_t count = indicator == ':' ? 2 : 1;
        if (o.kind != (indicator == ':' ? YamlNodeKind::Mapping : YamlNodeKind::Sequence) ||
            o.flow || o.children.size() != count)
            return false;
        const Node &v = t.nodes[size_t(o.children.back())];
        const qsizetype shift = x.indicator + 1 - base; // context offset to text offset
        if ((v.kind != YamlNodeKind::Scalar && v.kind != YamlNodeKind::Null) || v.implicit ||
            v.indicator + shift != x.indicator || v.start + shift != x.start ||
            v.content + shift != x.content || v.end + shift != x.content + ins.size() ||
            v.parentIndent != indent || (v.anchor != 0) != (x.anchor != 0))
            return false;
        parsed.kind = v.kind;
        parsed.style = v.style;
        parsed.tag = v.tag;
        parsed.value = v.value;
    }

    auto tree = std::make_shared<Tree>(old);
    const qsizetype delta = ins.size() - splice.removed.size();
    const qsizetype oldEnd = x.end;
    const qsizetype newEnd = x.content + ins.size();
    const int lines = int(ins.count('\n') - splice.removed.count('\n'));
    const int oldEndLine =
        x.line + int(QByteArrayView(m_text).sliced(x.start, oldEnd - x.start).count('\n'));
    QByteArray text = m_text;
    text.replace(splice.offset, splice.removed.size(), ins);
    // Nodes after the token on its last line move by the change of its end column.
    const int columns = columnOf(text, newEnd) - columnOf(m_text, oldEnd);
    auto move = [&](qsizetype &offset) {
        if (offset >= oldEnd)
            offset += delta;
    };
    for (Node &n : tree->nodes) {
        if (n.start >= oldEnd) {
            if (n.line == oldEndLine)
                n.column += columns;
            n.line += lines;
        }
        move(n.start);
        move(n.content);
        move(n.end);
        move(n.indicator);
    }
    for (Tree::Doc &d : tree->docs)
        move(d.start);
    Node &y = tree->nodes[size_t(scalarNode)];
    y.end = newEnd;
    y.kind = parsed.kind;
    y.style = parsed.style;
    y.tag = std::move(parsed.tag);
    y.value = std::move(parsed.value);
    // The line break style is the first line's: an edit there may change it.
    const qsizetype firstBreak = text.indexOf('\n');
    tree->layout.eol = firstBreak > 0 && text.at(firstBreak - 1) == '\r' ? "\r\n" : "\n";
    m_text = std::move(text);
    m_tree = std::move(tree);
    return true;
}

namespace {

Result<void> checkDocument(const Tree &t, int document, const QString &file)
{
    if (document == 0 && t.docs.empty())
        return {}; // an empty file: keys may be added to it
    if (document < 0 || document >= int(t.docs.size()) || t.docs[size_t(document)].root < 0)
        return failAt(Error::Code::NotFound, tr("there is no document %1").arg(document), file);
    return {};
}

YamlPath concretePath(const Walk &w, const YamlPath &path)
{
    std::vector<YamlPathSegment> segs = w.concrete;
    for (int i = w.consumed; i < path.size(); ++i)
        segs.push_back(path.at(i));
    return YamlPath(std::move(segs));
}

std::unexpected<Error> aliasRefused(const Tree &t, const Walk &w, const YamlPath &path,
                                    const QString &file)
{
    const Node &x = t.nodes[size_t(std::max(w.node, 0))];
    return failAt(
        Error::Code::Unsupported,
        tr("%1 goes through an alias; edit the anchored node instead").arg(path.toString()), file,
        x.line + 1, x.column + 1);
}

} // namespace

Result<YamlSplice> YamlDocument::setScalar(const YamlPath &path, const QString &value,
                                           ScalarStyle style, int document)
{
    if (auto ok = checkDocument(*m_tree, document, m_fileName); !ok)
        return std::unexpected(ok.error());
    const Walk w = walk(*m_tree, path, document);
    if (w.node < 0 && path.isEmpty())
        return failAt(Error::Code::Unsupported, tr("the document is empty"), m_fileName);
    if (w.viaAlias)
        return aliasRefused(*m_tree, w, path, m_fileName);
    const std::string v = toStd(value);
    if (w.consumed < path.size()) {
        YAML::Node scalarNode(v);
        return insertMissing(path, document, scalarNode,
                             style == ScalarStyle::Keep ? ScalarStyle::Auto : style);
    }
    const Node &x = m_tree->nodes[size_t(w.node)];
    if (x.kind == YamlNodeKind::Alias)
        return aliasRefused(*m_tree, w, path, m_fileName);
    if (x.kind == YamlNodeKind::Mapping || x.kind == YamlNodeKind::Sequence) {
        return failAt(Error::Code::Unsupported,
                      tr("%1 is %2, not a scalar").arg(path.toString(), tr(kindName(x.kind))),
                      m_fileName, x.line + 1, x.column + 1);
    }
    const edit::Layout &layout = m_tree->layout;
    const bool oldNonString =
        x.kind == YamlNodeKind::Null || (x.style == 0 && edit::plainReadsAsNonString(x.value));
    const bool afterDash = x.indicator >= 0 && m_text[x.indicator] == '-';
    int blockIndent = x.parentIndent + (afterDash ? 2 : layout.unit);
    if (x.parentIndent < 0)
        blockIndent = layout.unit;
    if (x.style == '|' || x.style == '>') {
        // keep the existing content indentation
        const qsizetype le = lineEndOf(m_text, x.content);
        qsizetype p = nextLineStart(m_text, le);
        while (p < m_text.size()) {
            qsizetype q = p;
            while (q < m_text.size() && m_text[q] == ' ')
                ++q;
            if (q < m_text.size() && m_text[q] != '\n' && m_text[q] != '\r') {
                if (columnOf(m_text, q) > x.parentIndent)
                    blockIndent = columnOf(m_text, q);
                break;
            }
            p = nextLineStart(m_text, lineEndOf(m_text, q));
            if (q >= m_text.size())
                break;
        }
    }
    QByteArray rendered = edit::renderScalar(v, style, x.style, oldNonString, x.inFlow, blockIndent,
                                             x.parentIndent, layout);
    if (x.content == x.end &&
        (x.content == 0 || (m_text[x.content - 1] != ' ' && m_text[x.content - 1] != '\t')))
        rendered.prepend(' ');
    qsizetype spliceEnd = x.end;
    if (!rendered.isEmpty() && (rendered.front() == '|' || rendered.front() == '>')) {
        // Nothing may follow a block scalar's last line: trailing blanks would become content,
        // so they go, and a trailing comment moves up to the header line.
        const qsizetype le = lineEndOf(m_text, x.end);
        const QByteArray rest = m_text.mid(x.end, le - x.end).trimmed();
        if (!rest.isEmpty() && x.style != '|' && x.style != '>') {
            if (!rest.startsWith('#'))
                return failAt(Error::Code::Unsupported,
                              tr("cannot write a block scalar at %1").arg(path.toString()),
                              m_fileName, x.line + 1, x.column + 1);
            const qsizetype headerEnd = rendered.indexOf(layout.eol);
            rendered.insert(headerEnd < 0 ? rendered.size() : headerEnd, " " + rest);
        }
        if (x.style != '|' && x.style != '>')
            spliceEnd = le;
        // A final line break needs a line break after the block at the end of the file.
        if (spliceEnd == m_text.size() && v.ends_with('\n'))
            rendered += layout.eol;
    }
    const YamlSplice splice = makeSplice(m_text, x.content, spliceEnd, rendered);
    const YamlPath concrete = concretePath(w, path);
    YAML::Node expected(v);
    return commit(
        splice,
        [&](const YamlDocument &d) {
            const Walk nw = walk(*d.m_tree, concrete, document);
            return nw.consumed == concrete.size() &&
                   sameValue(*d.m_tree, document, nw.node, expected);
        },
        path.toString(), w.node);
}

Result<YamlSplice> YamlDocument::insertMissing(const YamlPath &path, int document,
                                               const YAML::Node &value,
                                               std::optional<ScalarStyle> style)
{
    const Walk w = walk(*m_tree, path, document);
    if (w.viaAlias || (w.node >= 0 && m_tree->nodes[size_t(w.node)].kind == YamlNodeKind::Alias))
        return aliasRefused(*m_tree, w, path, m_fileName);
    // An empty file, or one whose only document is empty (comments, `---`): the new key
    // becomes the root mapping, appended at the end.
    const bool emptyFile =
        w.node < 0 ? document == 0 && m_tree->docs.empty()
                   : m_tree->nodes[size_t(w.node)].parent < 0 &&
                         m_tree->nodes[size_t(w.node)].kind == YamlNodeKind::Null &&
                         m_tree->nodes[size_t(w.node)].implicit && m_tree->docs.size() == 1;
    if (w.node < 0 && !emptyFile)
        return failAt(Error::Code::NotFound, tr("there is no document %1").arg(document),
                      m_fileName);
    for (int i = w.consumed; i < path.size(); ++i) {
        const YamlPathSegment &seg = path.at(i);
        if (seg.isIndex() || seg.key().contains(QLatin1Char('='))) {
            return failAt(Error::Code::NotFound,
                          tr("%1 not found (only missing mapping keys are created)")
                              .arg(path.mid(0, i + 1).toString()),
                          m_fileName);
        }
    }
    // The value nested under the keys that do not exist yet, outermost first.
    YAML::Node nested = value;
    for (int i = path.size() - 1; i > w.consumed; --i) {
        YAML::Node map(YAML::NodeType::Map);
        map[toStd(path.at(i).key())] = nested;
        nested.reset(map); // operator= would assign through the reference
    }
    const std::string firstKey = toStd(path.at(w.consumed).key());
    const edit::Layout &layout = m_tree->layout;
    const qsizetype n = m_text.size();
    YamlSplice splice;
    if (emptyFile) {
        QByteArray entry = edit::renderKey(firstKey, false) + ':';
        edit::emitBlockValue(nested, 0, false, layout, entry, style);
        const QByteArray before = n > 0 && !m_text.endsWith('\n') ? layout.eol : QByteArray();
        splice = makeSplice(m_text, n, n, before + entry + layout.eol);
        const YamlPath concrete = concretePath(w, path);
        return commit(
            splice,
            [&](const YamlDocument &d) {
                const Walk nw = walk(*d.m_tree, concrete, document);
                return nw.consumed == concrete.size() &&
                       sameValue(*d.m_tree, document, nw.node, value);
            },
            path.toString(), -1, true);
    }
    const Node &e = m_tree->nodes[size_t(w.node)];
    if (e.kind == YamlNodeKind::Mapping && e.flow) {
        const QByteArray entry =
            edit::renderKey(firstKey, true) + ": " + edit::emitFlow(nested, layout, style);
        if (e.children.empty()) {
            splice = makeSplice(m_text, e.content + 1, e.content + 1, entry);
        } else {
            const qsizetype end = m_tree->nodes[size_t(e.children.back())].end;
            splice = makeSplice(m_text, end, end, ", " + entry);
        }
    } else if (e.kind == YamlNodeKind::Mapping) {
        const int indent = columnOf(m_text, e.content);
        QByteArray entry = edit::renderKey(firstKey, false) + ':';
        edit::emitBlockValue(nested, indent, false, layout, entry, style);
        const qsizetype le = lineEndOf(m_text, m_tree->nodes[size_t(e.children.back())].end);
        if (le < n) {
            const qsizetype at = nextLineStart(m_text, le);
            splice = makeSplice(m_text, at, at, spaces(indent) + entry + layout.eol);
        } else {
            splice = makeSplice(m_text, n, n, layout.eol + spaces(indent) + entry);
        }
    } else if (e.kind == YamlNodeKind::Null && e.parent >= 0) {
        YAML::Node map(YAML::NodeType::Map);
        map[firstKey] = nested;
        const bool zeroWidth = e.content == e.end;
        const bool blankBefore =
            e.content > 0 && (m_text[e.content - 1] == ' ' || m_text[e.content - 1] == '\t');
        if (e.inFlow) {
            QByteArray flow = edit::emitFlow(map, layout, style);
            if (zeroWidth && !blankBefore)
                flow.prepend(' ');
            splice = makeSplice(m_text, e.content, e.end, flow);
        } else if (e.indicator >= 0 && m_text[e.indicator] == '-') {
            QByteArray out;
            edit::emitBlockValue(map, e.parentIndent, true, layout, out, style);
            if (blankBefore)
                out.remove(0, 1);
            splice = makeSplice(m_text, e.content, e.end, out);
        } else {
            QByteArray out;
            edit::emitBlockValue(map, e.parentIndent, false, layout, out, style);
            const qsizetype le = lineEndOf(m_text, e.end);
            if (zeroWidth) {
                splice = makeSplice(m_text, le, le, out);
            } else {
                qsizetype from = e.content;
                while (from > e.indicator + 1 &&
                       (m_text[from - 1] == ' ' || m_text[from - 1] == '\t'))
                    --from;
                splice = makeSplice(m_text, from, le, m_text.mid(e.end, le - e.end) + out);
            }
        }
    } else {
        return failAt(
            Error::Code::Unsupported,
            tr("cannot add %1: %2 is %3")
                .arg(path.toString(), path.mid(0, w.consumed).toString(), tr(kindName(e.kind))),
            m_fileName, e.line + 1, e.column + 1);
    }
    const YamlPath concrete = concretePath(w, path);
    return commit(
        splice,
        [&](const YamlDocument &d) {
            const Walk nw = walk(*d.m_tree, concrete, document);
            return nw.consumed == concrete.size() && sameValue(*d.m_tree, document, nw.node, value);
        },
        path.toString());
}

Result<YamlSplice> YamlDocument::setValue(const YamlPath &path, const YAML::Node &value,
                                          int document)
{
    if (auto ok = checkDocument(*m_tree, document, m_fileName); !ok)
        return std::unexpected(ok.error());
    const Walk w = walk(*m_tree, path, document);
    if (w.node < 0 && path.isEmpty())
        return failAt(Error::Code::Unsupported, tr("the document is empty"), m_fileName);
    if (w.viaAlias)
        return aliasRefused(*m_tree, w, path, m_fileName);
    if (w.consumed < path.size())
        return insertMissing(path, document, value, std::nullopt);
    const Node &x = m_tree->nodes[size_t(w.node)];
    if (x.kind == YamlNodeKind::Alias)
        return aliasRefused(*m_tree, w, path, m_fileName);
    if (value.IsScalar() && (x.kind == YamlNodeKind::Scalar || x.kind == YamlNodeKind::Null))
        return setScalar(path, QString::fromStdString(value.Scalar()), edit::styleForNode(value),
                         document);
    const edit::Layout &layout = m_tree->layout;
    YamlSplice splice;
    // Flow inside a flow collection, and in place of a flow collection (`labels: {}`).
    if (x.inFlow || (x.flow && !value.IsScalar())) {
        QByteArray flow = edit::emitFlow(value, layout);
        if (x.content == x.end)
            flow.prepend(' ');
        splice = makeSplice(m_text, x.content, x.end, flow);
    } else {
        if (x.indicator < 0) {
            return failAt(Error::Code::Unsupported,
                          tr("replacing the root of a document is not supported"), m_fileName);
        }
        const bool afterDash = m_text[x.indicator] == '-';
        QByteArray out;
        edit::emitBlockValue(value, x.parentIndent, afterDash, layout, out);
        if (x.start == x.content)
            splice = makeSplice(m_text, x.indicator + 1, x.end, out);
        else
            splice = makeSplice(m_text, x.content, x.end, out);
    }
    const YamlPath concrete = concretePath(w, path);
    return commit(
        splice,
        [&](const YamlDocument &d) {
            const Walk nw = walk(*d.m_tree, concrete, document);
            return nw.consumed == concrete.size() && sameValue(*d.m_tree, document, nw.node, value);
        },
        path.toString());
}

Result<YamlSplice> YamlDocument::remove(const YamlPath &path, int document)
{
    if (auto ok = checkDocument(*m_tree, document, m_fileName); !ok)
        return std::unexpected(ok.error());
    const Walk w = walk(*m_tree, path, document);
    if (w.consumed < path.size())
        return failAt(Error::Code::NotFound, tr("%1 not found").arg(path.toString()), m_fileName);
    if (w.viaAlias)
        return aliasRefused(*m_tree, w, path, m_fileName);
    if (path.isEmpty())
        return failAt(Error::Code::Unsupported, tr("cannot remove the root of a document"),
                      m_fileName);
    const Tree &t = *m_tree;
    const Node &x = t.nodes[size_t(w.node)];
    const int parent = x.parent;
    const Node &p = t.nodes[size_t(parent)];
    const bool isMap = p.kind == YamlNodeKind::Mapping;

    struct Entry
    {
        qsizetype start, end;
    };
    std::vector<Entry> entries;
    size_t index = 0;
    const size_t stride = isMap ? 2 : 1;
    for (size_t k = 0; k + stride - 1 < p.children.size(); k += stride) {
        const Node &first = t.nodes[size_t(p.children[k])];
        const Node &last = t.nodes[size_t(p.children[k + stride - 1])];
        if (p.children[k + stride - 1] == w.node)
            index = entries.size();
        const qsizetype start = (!isMap && !p.flow) ? first.indicator : first.start;
        entries.push_back({start, last.end});
    }
    const size_t count = entries.size();
    const qsizetype n = m_text.size();
    YamlSplice splice;
    if (p.flow) {
        if (count == 1)
            splice = makeSplice(m_text, entries[0].start, entries[0].end, {});
        else if (index + 1 < count)
            splice = makeSplice(m_text, entries[index].start, entries[index + 1].start, {});
        else
            splice = makeSplice(m_text, entries[index - 1].end, entries[index].end, {});
    } else if (count == 1) {
        const QByteArray empty = isMap ? "{}" : "[]";
        if (p.indicator >= 0 && p.start == p.content)
            splice = makeSplice(m_text, p.indicator + 1, p.end, ' ' + empty);
        else
            splice = makeSplice(m_text, p.content, p.end, empty);
    } else {
        const qsizetype st = entries[index].start;
        const qsizetype ls = lineStartOf(m_text, st);
        if (onlyBlanks(m_text, ls, st)) {
            const qsizetype le = lineEndOf(m_text, entries[index].end);
            if (le < n) {
                splice = makeSplice(m_text, ls, nextLineStart(m_text, le), {});
            } else {
                // The last line has no line break: drop the one before it instead, so the file
                // still ends without one.
                qsizetype from = ls;
                if (from > 0 && m_text[from - 1] == '\n')
                    --from;
                if (from > 0 && m_text[from - 1] == '\r')
                    --from;
                splice = makeSplice(m_text, from, n, {});
            }
        } else if (index + 1 < count) {
            // The first entry shares its line with a `- `: pull the next entry up.
            splice = makeSplice(m_text, st, entries[index + 1].start, {});
        } else {
            return failAt(Error::Code::Unsupported,
                          tr("cannot remove %1: unusual layout").arg(path.toString()), m_fileName,
                          x.line + 1, x.column + 1);
        }
    }
    const YamlPath concrete = concretePath(w, path);
    const YamlPath parentPath = concrete.parent();
    const int before = int(count);
    return commit(
        splice, [&](const YamlDocument &d) { return d.size(parentPath, document) == before - 1; },
        path.toString());
}

Result<YamlSplice> YamlDocument::insertItem(const YamlPath &sequencePath, int index,
                                            const YAML::Node &value, int document)
{
    if (auto ok = checkDocument(*m_tree, document, m_fileName); !ok)
        return std::unexpected(ok.error());
    const Walk w = walk(*m_tree, sequencePath, document);
    if (w.node < 0 && sequencePath.isEmpty())
        return failAt(Error::Code::Unsupported, tr("the document is empty"), m_fileName);
    if (w.viaAlias)
        return aliasRefused(*m_tree, w, sequencePath, m_fileName);
    if (w.consumed < sequencePath.size() ||
        m_tree->nodes[size_t(w.node)].kind == YamlNodeKind::Null) {
        if (index > 0)
            return failAt(Error::Code::NotFound, tr("%1 not found").arg(sequencePath.toString()),
                          m_fileName);
        YAML::Node seq(YAML::NodeType::Sequence);
        seq.push_back(value);
        return setValue(sequencePath, seq, document);
    }
    const Node &s = m_tree->nodes[size_t(w.node)];
    if (s.kind != YamlNodeKind::Sequence) {
        return failAt(
            Error::Code::Unsupported,
            tr("%1 is %2, not a sequence").arg(sequencePath.toString(), tr(kindName(s.kind))),
            m_fileName, s.line + 1, s.column + 1);
    }
    const int count = int(s.children.size());
    if (index > count)
        return failAt(Error::Code::NotFound,
                      tr("%1 has only %2 items").arg(sequencePath.toString()).arg(count),
                      m_fileName, s.line + 1, s.column + 1);
    const int at = index < 0 ? count : index;
    const edit::Layout &layout = m_tree->layout;
    const qsizetype n = m_text.size();
    YamlSplice splice;
    if (s.flow) {
        const QByteArray item = edit::emitFlow(value, layout);
        if (count == 0) {
            splice = makeSplice(m_text, s.content + 1, s.content + 1, item);
        } else if (at < count) {
            const qsizetype pos = m_tree->nodes[size_t(s.children[size_t(at)])].start;
            splice = makeSplice(m_text, pos, pos, item + ", ");
        } else {
            const qsizetype pos = m_tree->nodes[size_t(s.children.back())].end;
            splice = makeSplice(m_text, pos, pos, ", " + item);
        }
    } else {
        const int dash = columnOf(m_text, s.content);
        QByteArray item = "-";
        edit::emitBlockValue(value, dash, true, layout, item);
        if (at < count) {
            const qsizetype pos = m_tree->nodes[size_t(s.children[size_t(at)])].indicator;
            splice = makeSplice(m_text, pos, pos, item + layout.eol + spaces(dash));
        } else {
            const qsizetype le = lineEndOf(m_text, m_tree->nodes[size_t(s.children.back())].end);
            if (le < n) {
                const qsizetype pos = nextLineStart(m_text, le);
                splice = makeSplice(m_text, pos, pos, spaces(dash) + item + layout.eol);
            } else {
                splice = makeSplice(m_text, n, n, layout.eol + spaces(dash) + item);
            }
        }
    }
    const YamlPath concrete = concretePath(w, sequencePath);
    return commit(
        splice,
        [&](const YamlDocument &d) {
            const Walk nw = walk(*d.m_tree, concrete / at, document);
            return d.size(concrete, document) == count + 1 && nw.consumed == concrete.size() + 1 &&
                   sameValue(*d.m_tree, document, nw.node, value);
        },
        sequencePath.toString());
}

QByteArray YamlDocument::layoutDump() const
{
    const Tree &t = *m_tree;
    QByteArray out = "unit " + QByteArray::number(t.layout.unit) + " seqOffset " +
                     QByteArray::number(t.layout.seqOffset) + " eol " +
                     QByteArray::number(t.layout.eol.size()) + '\n';
    for (size_t d = 0; d < t.docs.size(); ++d) {
        out += "doc " + QByteArray::number(t.docs[d].root) + " at " +
               QByteArray::number(t.docs[d].start) + " anchors";
        for (const auto &[anchor, node] : t.docs[d].anchors)
            out += ' ' + QByteArray::number(node);
        out += '\n';
    }
    for (size_t i = 0; i < t.nodes.size(); ++i) {
        const Node &x = t.nodes[i];
        out += QByteArray::number(qulonglong(i)) + ": kind " + QByteArray::number(int(x.kind)) +
               (x.flow ? " flow" : "") + (x.inFlow ? " inFlow" : "") +
               (x.implicit ? " implicit" : "") + " style " + QByteArray::number(int(x.style)) +
               " parent " + QByteArray::number(x.parent) + " indent " +
               QByteArray::number(x.parentIndent) + " at " + QByteArray::number(x.start) + '/' +
               QByteArray::number(x.content) + '-' + QByteArray::number(x.end) + " indicator " +
               QByteArray::number(x.indicator) + " expanded " + QByteArray::number(x.expanded) +
               " line " + QByteArray::number(x.line) + ':' + QByteArray::number(x.column) +
               " anchor " + (x.anchor ? "yes" : "no") + " tag " + QByteArray::fromStdString(x.tag) +
               " children";
        for (int c : x.children)
            out += ' ' + QByteArray::number(c);
        out += " value " + QByteArray::fromStdString(x.value).toPercentEncoding() + '\n';
    }
    return out;
}

Result<void> YamlDocument::apply(const YamlSplice &splice)
{
    if (splice.offset < 0 || splice.offset + splice.removed.size() > m_text.size() ||
        m_text.mid(splice.offset, splice.removed.size()) != splice.removed) {
        return failAt(Error::Code::Conflict,
                      tr("the text changed since this edit; it cannot be applied"), m_fileName);
    }
    // An undo or redo of a scalar edit takes the fast path when the splice covers one scalar.
    int scalarNode = -1;
    const qsizetype spliceEnd = splice.offset + splice.removed.size();
    for (size_t i = 0; i < m_tree->nodes.size(); ++i) {
        const Node &x = m_tree->nodes[i];
        if (x.content == splice.offset && x.end == spliceEnd && !x.implicit &&
            (x.kind == YamlNodeKind::Scalar || x.kind == YamlNodeKind::Null)) {
            scalarNode = int(i);
            break;
        }
    }
    auto done = commit(
        splice, [](const YamlDocument &) { return true; }, tr("the file"), scalarNode, true);
    if (!done)
        return std::unexpected(done.error());
    return {};
}

} // namespace kanri::yaml
