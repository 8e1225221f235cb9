#include "hcl/hcldocument.h"

#include "hcl/hclformatter.h"
#include "hcl/hcljsonsyntax.h"
#include "hcl/hclparser.h"
#include "hcl/hclvalue.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>

namespace kanri::hcl {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("kanri::hcl", s);
}

std::unexpected<Error> notFound(const QString &message)
{
    return fail(Error::Code::NotFound, message);
}

bool isIdentifier(const QString &s)
{
    if (s.isEmpty())
        return false;
    const QChar c0 = s.front();
    if (!(c0.isLetter() || c0 == u'_'))
        return false;
    for (QChar c : s) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-'))
            return false;
    }
    return true;
}

bool isKeyword(const QString &s)
{
    return s == u"true" || s == u"false" || s == u"null" || s == u"for" || s == u"in" || s == u"if";
}

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
bool isPrint(char32_t c)
{
    if (c == ' ')
        return true;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

// A string as a quoted HCL literal, escaped as hclwrite escapes it.
QByteArray quoteHcl(const QString &s)
{
    QByteArray out;
    out.reserve(s.size() + 2);
    out += '"';
    const QList<uint> cps = s.toUcs4();
    for (qsizetype i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '$':
        case '%':
            out += char(c);
            if (i + 1 < cps.size() && cps[i + 1] == '{')
                out += char(c);
            break;
        default:
            if (!isPrint(c)) {
                out += c < 0x10000 ? "\\u" + QByteArray::number(uint(c), 16).rightJustified(4, '0')
                                   : "\\U" + QByteArray::number(uint(c), 16).rightJustified(8, '0');
            } else {
                appendUtf8(out, c);
            }
        }
    }
    out += '"';
    return out;
}

QByteArray renderKey(const QString &key, bool quoted)
{
    if (!quoted && isIdentifier(key) && !isKeyword(key))
        return key.toUtf8();
    return quoteHcl(key);
}

QByteArray renderInline(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null:
        return "null";
    case Value::Type::Bool:
        return v.toBool() ? "true" : "false";
    case Value::Type::Number:
        return v.numberText();
    case Value::Type::String:
        return quoteHcl(v.str());
    case Value::Type::Expression:
        return v.source().toUtf8();
    case Value::Type::List: {
        QByteArray out = "[";
        bool first = true;
        for (const Value &item : v.items()) {
            if (!first)
                out += ", ";
            first = false;
            out += renderInline(item);
        }
        return out + "]";
    }
    case Value::Type::Object: {
        if (v.members().empty())
            return "{}";
        QByteArray out = "{ ";
        bool first = true;
        for (const Value::Member &m : v.members()) {
            if (!first)
                out += ", ";
            first = false;
            out += renderKey(m.first, false) + " = " + renderInline(m.second);
        }
        return out + " }";
    }
    }
    return "null";
}

// Whether a rendered value holds source text given by the user (checked as a whole file
// before an edit is kept: a heredoc in it could swallow what follows it on its line).
bool holdsExpression(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Expression:
        return true;
    case Value::Type::List:
        return std::any_of(v.items().begin(), v.items().end(), holdsExpression);
    case Value::Type::Object:
        return std::any_of(v.members().begin(), v.members().end(),
                           [](const Value::Member &m) { return holdsExpression(m.second); });
    default:
        return false;
    }
}

ValueKind kindOf(const Expr &e)
{
    switch (e.kind) {
    case ExprKind::Object:
        return ValueKind::Object;
    case ExprKind::Tuple:
        return ValueKind::List;
    case ExprKind::String:
        return ValueKind::String;
    case ExprKind::Template:
        return ValueKind::Template;
    case ExprKind::Number:
        return ValueKind::Number;
    case ExprKind::Bool:
        return ValueKind::Bool;
    case ExprKind::Null:
        return ValueKind::Null;
    case ExprKind::Call:
    case ExprKind::Other:
        break;
    }
    return ValueKind::Expression;
}

ValueKind jsonKindOf(const JsonNode &n)
{
    switch (n.type) {
    case JsonNode::Type::Object:
        return ValueKind::Object;
    case JsonNode::Type::Array:
        return ValueKind::List;
    case JsonNode::Type::String:
        return ValueKind::String;
    case JsonNode::Type::Number:
        return ValueKind::Number;
    case JsonNode::Type::Bool:
        return ValueKind::Bool;
    case JsonNode::Type::Null:
        return ValueKind::Null;
    }
    return ValueKind::Expression;
}

struct Splice
{
    int start;
    int end;
    QByteArray with;
};

QByteArray applySplices(const QByteArray &text, std::vector<Splice> splices)
{
    std::sort(splices.begin(), splices.end(),
              [](const Splice &a, const Splice &b) { return a.start < b.start; });
    qsizetype size = text.size();
    for (const Splice &s : splices)
        size += s.with.size() - (s.end - s.start);
    QByteArray out;
    out.reserve(size);
    int pos = 0;
    for (const Splice &s : splices) {
        out.append(text.constData() + pos, s.start - pos);
        out.append(s.with);
        pos = s.end;
    }
    out.append(text.constData() + pos, text.size() - pos);
    return out;
}

int lineStartOf(const QByteArray &text, int off)
{
    const int i = off > 0 ? int(text.lastIndexOf('\n', off - 1)) : -1;
    return i + 1;
}

bool onlySpaces(const QByteArray &text, int a, int b)
{
    for (int i = a; i < b; ++i) {
        if (text[i] != ' ' && text[i] != '\t')
            return false;
    }
    return true;
}

QByteArray indentAt(const QByteArray &text, int lineStart)
{
    int e = lineStart;
    while (e < text.size() && (text[e] == ' ' || text[e] == '\t'))
        ++e;
    return text.mid(lineStart, e - lineStart);
}

QByteArray eolOf(const QByteArray &text)
{
    const int i = int(text.indexOf('\n'));
    return (i > 0 && text[i - 1] == '\r') ? QByteArray("\r\n") : QByteArray("\n");
}

// Where a map was found in a native document.
struct NativeMap
{
    QString name;
    QString source;
    const Attribute *attr = nullptr;
    const Block *variable = nullptr; // variable block, for its type
};

struct JsonMap
{
    QString name;
    QString source;
    const JsonMember *member = nullptr;
};

std::optional<QList<FieldSchema>> schemaFromType(const SyntaxTree &tree, const Expr &type)
{
    if (type.kind != ExprKind::Call || type.children.size() != 1)
        return std::nullopt;
    const QByteArray coll = tree.tokenText(type.callName);
    if (coll != "map" && coll != "list" && coll != "set")
        return std::nullopt;
    const Expr &obj = type.children.front();
    if (obj.kind != ExprKind::Call || tree.tokenText(obj.callName) != "object" ||
        obj.children.size() != 1 || obj.children.front().kind != ExprKind::Object)
        return std::nullopt;
    QList<FieldSchema> schema;
    for (const ObjectItem &item : obj.children.front().items) {
        FieldSchema f;
        f.name = keyText(tree, item.key);
        const Expr &v = item.value;
        if (v.kind == ExprKind::Call && tree.tokenText(v.callName) == "optional" &&
            !v.children.empty()) {
            f.optional = true;
            f.type = QString::fromUtf8(tree.source(v.children[0]));
            if (v.children.size() > 1)
                f.defaultValue = exprToJson(tree, v.children[1]);
        } else {
            f.type = QString::fromUtf8(tree.source(v));
        }
        schema.append(f);
    }
    return schema;
}

} // namespace

Value MapEntry::field(const QString &name) const
{
    const QJsonValue v = fields.value(name);
    if (expressions.contains(name))
        return Value::expression(v.toString());
    return Value::fromJson(v);
}

QString valueKindName(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Object:
        return QStringLiteral("object");
    case ValueKind::List:
        return QStringLiteral("list");
    case ValueKind::String:
        return QStringLiteral("string");
    case ValueKind::Template:
        return QStringLiteral("template");
    case ValueKind::Number:
        return QStringLiteral("number");
    case ValueKind::Bool:
        return QStringLiteral("bool");
    case ValueKind::Null:
        return QStringLiteral("null");
    case ValueKind::Expression:
        break;
    }
    return QStringLiteral("expression");
}

class DocumentData
{
    Q_DECLARE_TR_FUNCTIONS(kanri::hcl::DocumentData)

public:
    QByteArray text;
    QString fileName;
    Syntax syntax = Syntax::Native;
    QHash<QString, QList<FieldSchema>> attached;

    // Parse results of `text`. An edit inside one entry of an object map updates them in place
    // (updateEntry); any other edit drops them and the next read parses the file again.
    mutable std::shared_ptr<SyntaxTree> tree;
    mutable std::shared_ptr<const JsonNode> json;
    mutable std::vector<int> lineStarts;
    // maps(), and per map the entry index where each field of its union is first seen. Copies
    // of the document share it until one of them changes (ownCache, invalidate), so maps()
    // asked of a copy fills it for the others.
    struct MapCache
    {
        std::optional<QList<MapInfo>> infos;
        QList<QHash<QString, int>> firstSeen; // per map; empty until an edit needs it
        QList<QHash<QString, int>> keyIndex;  // per object map: key → item, -1 when written twice
    };
    mutable std::shared_ptr<MapCache> cache = std::make_shared<MapCache>();

    MapCache &ownCache()
    {
        if (cache.use_count() > 1)
            cache = std::make_shared<MapCache>(*cache);
        return *cache;
    }
    // Whether formatHcl(text) == text; computed at the first edit, kept by edits.
    std::optional<bool> fmtClean;

    Result<void> ensureParsed() const
    {
        if (syntax == Syntax::Native && tree)
            return {};
        if (syntax == Syntax::Json && json)
            return {};
        lineStarts.clear();
        lineStarts.push_back(0);
        const char *d = text.constData();
        for (qsizetype i = 0, n = text.size(); i < n; ++i) {
            const void *p = std::memchr(d + i, '\n', std::size_t(n - i));
            if (!p)
                break;
            i = static_cast<const char *>(p) - d;
            lineStarts.push_back(int(i + 1));
        }
        if (syntax == Syntax::Native) {
            auto t = parseHcl(text, fileName);
            if (!t)
                return std::unexpected(t.error());
            tree = std::move(*t);
        } else {
            auto j = parseJsonSyntax(text, fileName);
            if (!j)
                return std::unexpected(j.error());
            json = std::make_shared<JsonNode>(std::move(*j));
        }
        return {};
    }

    void invalidate()
    {
        tree.reset();
        json.reset();
        cache = std::make_shared<MapCache>();
    }

    int lineOf(int offset) const
    {
        auto it = std::upper_bound(lineStarts.begin(), lineStarts.end(), offset);
        return int(it - lineStarts.begin());
    }

    // ---- native discovery

    std::vector<NativeMap> nativeMaps() const
    {
        std::vector<NativeMap> out;
        const SyntaxTree &t = *tree;
        auto consider = [&](const QString &name, const char *source, const Attribute &a,
                            const Block *variable) {
            const Expr &v = a.value;
            bool ok = v.kind == ExprKind::Object;
            if (v.kind == ExprKind::Tuple)
                ok = std::any_of(v.children.begin(), v.children.end(),
                                 [](const Expr &c) { return c.kind == ExprKind::Object; });
            if (ok)
                out.push_back(NativeMap{name, QString::fromLatin1(source), &a, variable});
        };
        for (const BodyItem &item : t.body.items) {
            if (item.attribute) {
                consider(QString::fromUtf8(t.tokenText(item.attribute->name)), "tfvars",
                         *item.attribute, nullptr);
                continue;
            }
            const Block &b = *item.block;
            const QByteArray type = t.tokenText(b.type);
            if (type == "locals" && b.labels.empty()) {
                for (const BodyItem &i : b.body.items) {
                    if (i.attribute)
                        consider(QString::fromUtf8(t.tokenText(i.attribute->name)), "locals",
                                 *i.attribute, nullptr);
                }
            } else if (type == "variable" && b.labels.size() == 1) {
                for (const BodyItem &i : b.body.items) {
                    if (i.attribute && t.tokenText(i.attribute->name) == "default")
                        consider(keyText(t, b.labels[0]), "variable.default", *i.attribute, &b);
                }
            } else if (type == "module" && b.labels.size() == 1) {
                const QString label = keyText(t, b.labels[0]);
                for (const BodyItem &i : b.body.items) {
                    if (i.attribute)
                        consider(QStringLiteral("module.%1.%2")
                                     .arg(label, QString::fromUtf8(t.tokenText(i.attribute->name))),
                                 "module.argument", *i.attribute, nullptr);
                }
            }
        }
        return out;
    }

    std::optional<QList<FieldSchema>> variableSchemaNative(const Block &b) const
    {
        for (const BodyItem &i : b.body.items) {
            if (i.attribute && tree->tokenText(i.attribute->name) == "type")
                return schemaFromType(*tree, i.attribute->value);
        }
        return std::nullopt;
    }

    QList<FieldSchema> schemaFor(const QString &name, const Block *variable) const
    {
        if (auto it = attached.find(name); it != attached.end())
            return *it;
        if (variable) {
            if (auto s = variableSchemaNative(*variable))
                return *s;
        }
        return {};
    }

    MapEntry entryOf(const Expr &value, QString key, int keyStart) const
    {
        MapEntry e;
        e.key = std::move(key);
        e.line = lineOf(keyStart);
        e.kind = kindOf(value);
        e.expression = !isLiteralExpr(*tree, value);
        if (value.kind == ExprKind::Object) {
            e.fields = objectToJson(*tree, value, &e.expressions);
            e.value = e.fields;
        } else {
            e.value = exprToJson(*tree, value);
        }
        return e;
    }

    // The union of the object entries' keys, in first-seen order; with the entry index each
    // was first seen in.
    QStringList fieldsOf(const Expr &v, QHash<QString, int> *firstSeen = nullptr) const
    {
        const SyntaxTree &t = *tree;
        // Field names seen so far, as written (identifiers and quoted keys without escapes):
        // entries usually repeat the same few fields, so this avoids a QString per field.
        QSet<QByteArrayView> seenRaw;
        QSet<QString> seen;
        QStringList fields;
        int index = 0;
        if (firstSeen)
            firstSeen->clear();
        auto collect = [&](const Expr &value) {
            const int entry = index++;
            if (value.kind != ExprKind::Object)
                return;
            for (const ObjectItem &f : value.items) {
                QByteArrayView raw;
                if (t.isIdent(f.key))
                    raw = t.tokenView(f.key.first);
                else if (f.key.kind == ExprKind::String && f.key.last - f.key.first == 2 &&
                         !t.tokenView(f.key.first + 1).contains('\\'))
                    raw = t.tokenView(f.key.first + 1);
                if (!raw.isNull() && seenRaw.contains(raw))
                    continue;
                const QString k = keyText(t, f.key);
                if (!raw.isNull())
                    seenRaw.insert(raw);
                if (!seen.contains(k)) {
                    seen.insert(k);
                    fields.append(k);
                    if (firstSeen)
                        firstSeen->insert(k, entry);
                }
            }
        };
        if (v.kind == ExprKind::Tuple)
            for (const Expr &c : v.children)
                collect(c);
        else
            for (const ObjectItem &item : v.items)
                collect(item.value);
        return fields;
    }

    static QList<ValueKind> kindsOf(const QList<MapEntry> &entries)
    {
        QList<ValueKind> kinds;
        for (const MapEntry &e : entries)
            if (!kinds.contains(e.kind))
                kinds.append(e.kind);
        return kinds;
    }

    MapInfo infoNative(const NativeMap &m) const
    {
        const SyntaxTree &t = *tree;
        MapInfo info;
        info.name = m.name;
        info.source = m.source;
        info.line = lineOf(t.tokens[std::size_t(m.attr->name)].start);
        const Expr &v = m.attr->value;
        info.isList = v.kind == ExprKind::Tuple;
        if (info.isList) {
            int index = 0;
            for (const Expr &c : v.children)
                info.entries.append(entryOf(c, QString::number(index++), t.startOf(c)));
        } else {
            info.entries.reserve(qsizetype(v.items.size()));
            for (const ObjectItem &item : v.items)
                info.entries.append(entryOf(item.value, keyText(t, item.key), t.startOf(item.key)));
        }
        info.fields = fieldsOf(v);
        info.valueKinds = kindsOf(info.entries);
        info.schema = schemaFor(m.name, m.variable);
        return info;
    }

    // ---- JSON discovery

    std::vector<JsonMap> jsonMaps() const
    {
        std::vector<JsonMap> out;
        if (json->type != JsonNode::Type::Object)
            return out;
        auto qualifies = [](const JsonNode &v) {
            if (v.type == JsonNode::Type::Object)
                return true;
            if (v.type == JsonNode::Type::Array)
                return std::any_of(v.elements.begin(), v.elements.end(), [](const JsonNode &e) {
                    return e.type == JsonNode::Type::Object;
                });
            return false;
        };
        // A block may be written as an object or as an array of objects.
        auto objects = [](const JsonNode &v) {
            std::vector<const JsonNode *> r;
            if (v.type == JsonNode::Type::Object)
                r.push_back(&v);
            else if (v.type == JsonNode::Type::Array)
                for (const JsonNode &e : v.elements)
                    if (e.type == JsonNode::Type::Object)
                        r.push_back(&e);
            return r;
        };
        const bool tfvars = fileName.endsWith(QLatin1String(".tfvars.json"));
        for (const JsonMember &top : json->members) {
            if (tfvars) {
                if (qualifies(top.value))
                    out.push_back(JsonMap{top.key, QStringLiteral("tfvars"), &top});
                continue;
            }
            if (top.key == u"locals") {
                for (const JsonNode *o : objects(top.value))
                    for (const JsonMember &m : o->members)
                        if (qualifies(m.value))
                            out.push_back(JsonMap{m.key, QStringLiteral("locals"), &m});
            } else if (top.key == u"variable") {
                for (const JsonNode *o : objects(top.value))
                    for (const JsonMember &var : o->members)
                        for (const JsonNode *body : objects(var.value))
                            for (const JsonMember &m : body->members)
                                if (m.key == u"default" && qualifies(m.value))
                                    out.push_back(
                                        JsonMap{var.key, QStringLiteral("variable.default"), &m});
            } else if (top.key == u"module") {
                for (const JsonNode *o : objects(top.value))
                    for (const JsonMember &mod : o->members)
                        for (const JsonNode *body : objects(mod.value))
                            for (const JsonMember &m : body->members)
                                if (qualifies(m.value))
                                    out.push_back(
                                        JsonMap{QStringLiteral("module.%1.%2").arg(mod.key, m.key),
                                                QStringLiteral("module.argument"), &m});
            }
        }
        return out;
    }

    int jsonNameLine(const JsonMap &m) const
    {
        // For variables, the line of the property naming the variable.
        if (m.source == u"variable.default") {
            const QByteArray key = QJsonDocument(QJsonArray{m.name}).toJson(QJsonDocument::Compact);
            const QByteArray quoted = key.mid(1, key.size() - 2);
            const int at = int(text.lastIndexOf(quoted, m.member->keyStart));
            if (at >= 0)
                return lineOf(at);
        }
        return lineOf(m.member->keyStart);
    }

    MapInfo infoJson(const JsonMap &m) const
    {
        MapInfo info;
        info.name = m.name;
        info.source = m.source;
        info.line = jsonNameLine(m);
        const JsonNode &v = m.member->value;
        info.isList = v.type == JsonNode::Type::Array;
        QSet<QString> seen;
        auto add = [&](MapEntry &&e, const JsonNode &value) {
            if (!info.valueKinds.contains(e.kind))
                info.valueKinds.append(e.kind);
            if (value.type == JsonNode::Type::Object) {
                for (const JsonMember &f : value.members) {
                    if (!seen.contains(f.key)) {
                        seen.insert(f.key);
                        info.fields.append(f.key);
                    }
                }
            }
            info.entries.append(std::move(e));
        };
        if (info.isList) {
            int index = 0;
            for (const JsonNode &c : v.elements) {
                MapEntry e;
                e.key = QString::number(index++);
                e.line = lineOf(c.start);
                e.kind = jsonKindOf(c);
                e.value = jsonNodeToValue(text, c);
                if (c.type == JsonNode::Type::Object)
                    e.fields = e.value.toObject();
                add(std::move(e), c);
            }
        } else {
            for (const JsonMember &item : v.members) {
                MapEntry e;
                e.key = item.key;
                e.line = lineOf(item.keyStart);
                e.kind = jsonKindOf(item.value);
                e.value = jsonNodeToValue(text, item.value);
                if (item.value.type == JsonNode::Type::Object)
                    e.fields = e.value.toObject();
                add(std::move(e), item.value);
            }
        }
        info.schema = attached.value(m.name);
        return info;
    }

    // ---- editing, native syntax

    struct NativeTarget
    {
        const Expr *map = nullptr;        // the map's object or tuple
        const ObjectItem *item = nullptr; // entry item (object maps)
        const Expr *entry = nullptr;      // entry value
        int index = -1;                   // entry position
        int mapIndex = -1;                // in nativeMaps() order
        QList<FieldSchema> schema;
        QStringList fieldOrder;
    };

    Result<NativeTarget> findNative(const QString &map, const QString &key, bool needEntry) const
    {
        NativeTarget r;
        const std::vector<NativeMap> maps = nativeMaps();
        for (std::size_t i = 0; i < maps.size(); ++i) {
            if (maps[i].name != map)
                continue;
            r.map = &maps[i].attr->value;
            r.mapIndex = int(i);
            r.schema = schemaFor(maps[i].name, maps[i].variable);
        }
        if (!r.map)
            return notFound(tr("no map named %1").arg(map));
        if (!needEntry)
            return r;
        if (r.map->kind == ExprKind::Tuple) {
            bool ok = false;
            const int i = key.toInt(&ok);
            if (!ok || i < 0 || i >= int(r.map->children.size()))
                return notFound(tr("%1 has no element %2").arg(map, key));
            r.index = i;
            r.entry = &r.map->children[std::size_t(i)];
            return r;
        }
        if (r.map->kind == ExprKind::Object && !r.map->items.empty()) {
            // Looked up by key: the linear search below only reports a key written twice.
            if (cache->keyIndex.size() <= r.mapIndex)
                cache->keyIndex.resize(r.mapIndex + 1);
            QHash<QString, int> &index = cache->keyIndex[r.mapIndex];
            if (index.isEmpty()) {
                index.reserve(qsizetype(r.map->items.size()));
                for (std::size_t i = 0; i < r.map->items.size(); ++i) {
                    const QString k = keyText(*tree, r.map->items[i].key);
                    if (index.contains(k))
                        index[k] = -1;
                    else
                        index.insert(k, int(i));
                }
            }
            const int i = index.value(key, -2);
            if (i == -2)
                return notFound(tr("%1 has no entry %2").arg(map, key));
            if (i >= 0) {
                r.index = i;
                r.item = &r.map->items[std::size_t(i)];
                r.entry = &r.item->value;
                return r;
            }
        }
        const QByteArray wanted = key.toUtf8();
        auto matches = [&](const Expr &k) {
            // fast path for identifiers and quoted keys without escapes
            if (tree->isIdent(k))
                return tree->tokenView(k.first) == wanted;
            if (k.kind == ExprKind::String && k.last - k.first == 2 &&
                !tree->tokenView(k.first + 1).contains('\\') &&
                !tree->tokenView(k.first + 1).contains('{'))
                return tree->tokenView(k.first + 1) == wanted;
            return keyText(*tree, k) == key;
        };
        for (std::size_t i = 0; i < r.map->items.size(); ++i) {
            if (!matches(r.map->items[i].key))
                continue;
            if (r.item) // ambiguous: which one would the user mean?
                return fail(Error::Code::Usage,
                            tr("%1 has the entry %2 twice (lines %3 and %4); remove one first")
                                .arg(map, key)
                                .arg(lineOf(tree->startOf(r.item->key)))
                                .arg(lineOf(tree->startOf(r.map->items[i].key))));
            r.item = &r.map->items[i];
            r.entry = &r.item->value;
            r.index = int(i);
        }
        if (!r.entry)
            return notFound(tr("%1 has no entry %2").arg(map, key));
        return r;
    }

    // The expression at a path: the map, an entry, or a field of an object entry.
    Result<const Expr *> nativeAt(const QStringList &path) const
    {
        auto t = findNative(path[0], path.size() > 1 ? path[1] : QString(), path.size() > 1);
        if (!t)
            return std::unexpected(t.error());
        if (path.size() == 1)
            return t->map;
        if (path.size() == 2)
            return t->entry;
        const ObjectItem *found = nullptr;
        if (t->entry->kind == ExprKind::Object) {
            for (const ObjectItem &f : t->entry->items) {
                if (keyText(*tree, f.key) != path[2])
                    continue;
                if (found)
                    return fieldTwice(path, *found, f);
                found = &f;
            }
        }
        if (!found)
            return notFound(tr("%1 does not exist").arg(path.join(u'.')));
        return &found->value;
    }

    std::unexpected<Error> fieldTwice(const QStringList &path, const ObjectItem &a,
                                      const ObjectItem &b) const
    {
        return fail(Error::Code::Usage, tr("%1 is written twice (lines %2 and %3); remove one "
                                           "first")
                                            .arg(path.join(u'.'))
                                            .arg(lineOf(tree->startOf(a.key)))
                                            .arg(lineOf(tree->startOf(b.key))));
    }

    Result<const JsonNode *> jsonAt(const QStringList &path) const
    {
        const JsonNode *node = nullptr;
        for (const JsonMap &m : jsonMaps())
            if (m.name == path[0])
                node = &m.member->value;
        if (!node)
            return notFound(tr("no map named %1").arg(path[0]));
        for (qsizetype i = 1; i < path.size(); ++i) {
            const JsonNode *next = nullptr;
            if (node->type == JsonNode::Type::Array) {
                bool ok = false;
                const int index = path[i].toInt(&ok);
                if (ok && index >= 0 && index < int(node->elements.size()))
                    next = &node->elements[std::size_t(index)];
            } else if (node->type == JsonNode::Type::Object) {
                for (const JsonMember &m : node->members)
                    if (m.key == path[i])
                        next = &m.value;
            }
            if (!next)
                return notFound(tr("%1 does not exist").arg(path.mid(0, i + 1).join(u'.')));
            node = next;
        }
        return node;
    }

    // `value` written as the heredoc `target` is written (same marker, same indentation), or
    // nullopt when the heredoc form cannot hold it exactly: a value not ending with a line
    // break, a line that would close the heredoc early, a lone CR, or for <<- a value whose
    // lines all start with white space (the common indentation would be removed from it).
    std::optional<QByteArray> heredocFor(const Expr &target, const QString &value) const
    {
        const SyntaxTree &t = *tree;
        if (t.tokens[std::size_t(target.first)].type != Tok::OHeredoc || !value.endsWith(u'\n'))
            return std::nullopt;
        const QByteArray opener = t.tokenText(target.first);
        const bool flush = opener.startsWith("<<-");
        const QByteArray marker = opener.mid(flush ? 3 : 2).trimmed();
        auto isSpace = [](char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
        };
        auto trimmed = [](const QByteArray &l) { return utf8ToString(l).trimmed(); };
        QByteArray indent;
        if (flush) {
            bool first = true;
            for (int i = target.first + 1; i < target.last; ++i) {
                const QByteArray l = t.tokenText(i);
                if (trimmed(l).isEmpty() ||
                    (i > target.first + 1 && !t.tokenView(i - 1).endsWith('\n')))
                    continue;
                qsizetype n = 0;
                while (n < l.size() && (l[n] == ' ' || l[n] == '\t'))
                    ++n;
                if (first) {
                    indent = l.left(n);
                    first = false;
                } else {
                    qsizetype k = 0;
                    while (k < indent.size() && k < n && indent[k] == l[k])
                        ++k;
                    indent.truncate(k);
                }
            }
            if (first) { // no body line: indent like the closing marker
                const QByteArray close = t.tokenText(target.last);
                qsizetype n = 0;
                while (n < close.size() && (close[n] == ' ' || close[n] == '\t'))
                    ++n;
                indent = close.left(n);
            }
        }
        const QByteArray v = value.toUtf8();
        QByteArray body;
        bool unindented = false;
        for (qsizetype pos = 0; pos < v.size();) {
            const qsizetype nl = v.indexOf('\n', pos);
            QByteArray line = v.mid(pos, nl + 1 - pos);
            pos = nl + 1;
            const qsizetype cr = line.indexOf('\r');
            if (cr >= 0 && cr != line.size() - 2)
                return std::nullopt;
            if (trimmed(line).isEmpty()) {
                body += line; // a blank line is kept as it is (not unindented by <<-)
                continue;
            }
            unindented = unindented || !isSpace(line[0]);
            line.replace("${", "$${").replace("%{", "%%{");
            if (trimmed(line) == QString::fromUtf8(marker))
                return std::nullopt;
            body += (flush ? indent : QByteArray()) + line;
        }
        if (flush && !unindented)
            return std::nullopt;
        QByteArray heredoc = opener + body + t.tokenText(target.last);
        // The rules above are ASCII; HCL's white space is Unicode's. Read it back to be sure.
        auto check = parseHcl("x = " + heredoc + "\n", QString());
        if (!check || (*check)->body.items.size() != 1 || !(*check)->body.items.front().attribute ||
            !(exprToValue(**check, (*check)->body.items.front().attribute->value) ==
              Value::string(value)))
            return std::nullopt;
        return heredoc;
    }

    QStringList fieldOrderOf(const Expr &map, const QList<FieldSchema> &schema) const
    {
        QStringList order;
        for (const FieldSchema &f : schema)
            order.append(f.name);
        auto collect = [&](const Expr &v) {
            if (v.kind != ExprKind::Object)
                return;
            for (const ObjectItem &f : v.items) {
                const QString k = keyText(*tree, f.key);
                if (!order.contains(k))
                    order.append(k);
            }
        };
        if (map.kind == ExprKind::Tuple)
            for (const Expr &c : map.children)
                collect(c);
        else
            for (const ObjectItem &i : map.items)
                collect(i.value);
        return order;
    }

    bool multiLine(const Expr &e) const
    {
        return text.mid(tree->startOf(e), tree->endOf(e) - tree->startOf(e)).contains('\n');
    }

    int itemEnd(const ObjectItem &item) const
    {
        return item.comma >= 0 ? tree->tokens[std::size_t(item.comma)].end
                               : tree->endOf(item.value);
    }

    // Comma token following a tuple element, or -1.
    int elementComma(const Expr &e) const
    {
        int i = e.last + 1;
        while (tree->tokens[std::size_t(i)].type == Tok::Newline ||
               tree->tokens[std::size_t(i)].type == Tok::Comment ||
               tree->tokens[std::size_t(i)].type == Tok::BlockComment)
            ++i;
        return tree->tokens[std::size_t(i)].type == Tok::Comma ? i : -1;
    }

    // Whether text[from, newline) holds only spaces, tabs and a CR.
    bool blankLine(int from, int newline) const
    {
        for (int i = from; i < newline; ++i)
            if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
                return false;
        return true;
    }

    // An entry occupying whole lines: [start of its first line, after its last line break).
    std::optional<std::pair<int, int>> wholeLines(int start, int lastTok) const
    {
        const auto &toks = tree->tokens;
        const int ls = lineStartOf(text, start);
        if (!onlySpaces(text, ls, start))
            return std::nullopt;
        int k = lastTok + 1;
        if (toks[std::size_t(k)].type == Tok::Comment)
            ++k;
        if (toks[std::size_t(k)].type != Tok::Newline)
            return std::nullopt;
        return std::make_pair(ls, toks[std::size_t(k)].end);
    }

    struct Style
    {
        bool multiline = false;
        QByteArray indent;      // indentation of the line the value starts on
        QByteArray innerIndent; // indentation of the value's items
        bool commas = false;    // items end with ','
        bool quotedKeys = false;
        QByteArray sep = " = ";
    };

    QByteArray unitFor(const QByteArray &indent) const
    {
        return indent.contains('\t') ? QByteArray("\t") : QByteArray("  ");
    }

    // Style of an existing object or tuple expression.
    Style styleOf(const Expr &e) const
    {
        Style s;
        const int start = tree->startOf(e);
        s.indent = indentAt(text, lineStartOf(text, start));
        s.multiline = multiLine(e);
        s.innerIndent = s.indent + unitFor(s.indent);
        if (e.kind == ExprKind::Object && !e.items.empty()) {
            const ObjectItem &first = e.items.front();
            const int ks = tree->startOf(first.key);
            const int ls = lineStartOf(text, ks);
            if (s.multiline && ls > start && onlySpaces(text, ls, ks))
                s.innerIndent = text.mid(ls, ks - ls);
            s.commas = first.comma >= 0;
            s.quotedKeys = first.key.kind == ExprKind::String;
            if (tree->tokens[std::size_t(first.sep)].type == Tok::Colon) {
                const int a = tree->endOf(first.key);
                const int b = tree->startOf(first.value);
                s.sep = text.mid(a, b - a);
            }
        } else if (e.kind == ExprKind::Tuple && !e.children.empty()) {
            const int es = tree->startOf(e.children.front());
            const int ls = lineStartOf(text, es);
            if (s.multiline && ls > start && onlySpaces(text, ls, es))
                s.innerIndent = text.mid(ls, es - ls);
            s.commas = elementComma(e.children.back()) >= 0;
        }
        return s;
    }

    // The object's members, those named in `order` first (in that order), then the others.
    static std::vector<const Value::Member *> ordered(const Value &o, const QStringList &order)
    {
        std::vector<const Value::Member *> out;
        for (const QString &k : order)
            for (const Value::Member &m : o.members())
                if (m.first == k)
                    out.push_back(&m);
        for (const Value::Member &m : o.members())
            if (!order.contains(m.first))
                out.push_back(&m);
        return out;
    }

    // Renders value; multi-line objects/tuples follow `style` (the value starts on a line
    // indented by style.indent).
    QByteArray render(const Value &v, const Style &style, const QStringList &order,
                      const QByteArray &eol) const
    {
        if (!style.multiline)
            return renderObjectInline(v, order);
        if (v.type() == Value::Type::List) {
            const std::vector<Value> &a = v.items();
            if (a.empty())
                return "[]";
            QByteArray out = "[" + eol;
            for (std::size_t i = 0; i < a.size(); ++i) {
                out += style.innerIndent + renderInline(a[i]);
                if (i + 1 < a.size() || style.commas)
                    out += ',';
                out += eol;
            }
            return out + style.indent + "]";
        }
        if (v.type() == Value::Type::Object) {
            if (v.members().empty())
                return "{}";
            const std::vector<const Value::Member *> members = ordered(v, order);
            QList<QByteArray> rendered;
            int width = 0;
            for (const Value::Member *m : members) {
                rendered.append(renderKey(m->first, style.quotedKeys));
                width =
                    std::max(width, textColumns(rendered.back(), 0, int(rendered.back().size())));
            }
            const bool colon = style.sep.contains(':');
            QByteArray out = "{" + eol;
            for (std::size_t i = 0; i < members.size(); ++i) {
                const QByteArray &key = rendered[qsizetype(i)];
                out += style.innerIndent + key;
                if (!colon)
                    out += QByteArray(width - textColumns(key, 0, int(key.size())), ' ');
                out += style.sep + renderInline(members[i]->second);
                if (style.commas)
                    out += ',';
                out += eol;
            }
            return out + style.indent + "}";
        }
        return renderInline(v);
    }

    QByteArray renderObjectInline(const Value &v, const QStringList &order) const
    {
        if (v.type() != Value::Type::Object || order.isEmpty())
            return renderInline(v);
        if (v.members().empty())
            return "{}";
        QByteArray out = "{ ";
        bool first = true;
        for (const Value::Member *m : ordered(v, order)) {
            if (!first)
                out += ", ";
            first = false;
            out += renderKey(m->first, false) + " = " + renderInline(m->second);
        }
        return out + " }";
    }

    // Splices inserting `itemText` (one item, possibly spanning lines already indented for
    // `innerIndent`) as the last item of the object or tuple `e`.
    std::vector<Splice> insertLast(const Expr &e, const QByteArray &itemText, bool isTuple,
                                   const QByteArray &eol, bool expandEmpty) const
    {
        const auto &toks = tree->tokens;
        const Style s = styleOf(e);
        const int open = toks[std::size_t(e.first)].end;
        const int close = toks[std::size_t(e.last)].start;
        const bool empty = isTuple ? e.children.empty() : e.items.empty();
        if (empty) {
            if (s.multiline || expandEmpty) {
                const int ls = lineStartOf(text, close);
                const QByteArray closeIndent =
                    onlySpaces(text, ls, close) ? text.mid(ls, close - ls) : s.indent;
                const QByteArray inner = closeIndent + unitFor(closeIndent);
                if (s.multiline && onlySpaces(text, ls, close))
                    return {Splice{ls, ls, inner + itemText + eol}};
                return {Splice{open, close, eol + inner + itemText + eol + closeIndent}};
            }
            return {Splice{open, close, " " + itemText + " "}};
        }
        const int lastEnd =
            isTuple ? tree->endOf(e.children.back()) : tree->endOf(e.items.back().value);
        const int lastComma = isTuple ? elementComma(e.children.back()) : e.items.back().comma;
        if (!s.multiline) {
            if (lastComma >= 0)
                return {Splice{toks[std::size_t(lastComma)].end, toks[std::size_t(lastComma)].end,
                               " " + itemText + ","}};
            return {Splice{lastEnd, lastEnd, ", " + itemText}};
        }
        std::vector<Splice> out;
        QByteArray line = s.innerIndent + itemText;
        if (isTuple) {
            if (lastComma >= 0)
                line += ',';
            else
                out.push_back(Splice{lastEnd, lastEnd, ","});
        } else if (lastComma >= 0) {
            line += ',';
        }
        const int ls = lineStartOf(text, close);
        if (onlySpaces(text, ls, close)) {
            out.push_back(Splice{ls, ls, line + eol});
        } else {
            const int after = lastComma >= 0 ? toks[std::size_t(lastComma)].end : lastEnd;
            out.push_back(Splice{after, after, eol + line});
        }
        return out;
    }

    // Splices removing item `index` of object/tuple `e`.
    std::vector<Splice> removeAt(const Expr &e, int index, bool isTuple) const
    {
        const auto &toks = tree->tokens;
        const int count = isTuple ? int(e.children.size()) : int(e.items.size());
        auto startOfItem = [&](int i) {
            return isTuple ? tree->startOf(e.children[std::size_t(i)])
                           : tree->startOf(e.items[std::size_t(i)].key);
        };
        auto valueEnd = [&](int i) {
            return isTuple ? tree->endOf(e.children[std::size_t(i)])
                           : tree->endOf(e.items[std::size_t(i)].value);
        };
        auto lastTok = [&](int i) {
            const int comma =
                isTuple ? elementComma(e.children[std::size_t(i)]) : e.items[std::size_t(i)].comma;
            if (comma >= 0)
                return comma;
            return isTuple ? e.children[std::size_t(i)].last : e.items[std::size_t(i)].value.last;
        };
        const int start = startOfItem(index);
        const int lt = lastTok(index);
        std::vector<Splice> out;
        // Removing the last element of a tuple written without a trailing comma also removes
        // the comma that separated it from the previous one.
        if (isTuple && index > 0 && index + 1 == count &&
            toks[std::size_t(lt)].type != Tok::Comma) {
            const int prevComma = elementComma(e.children[std::size_t(index - 1)]);
            if (prevComma >= 0)
                out.push_back(Splice{
                    toks[std::size_t(prevComma)].start, toks[std::size_t(prevComma)].end, {}});
        }
        if (auto whole = wholeLines(start, lt)) {
            // An entry between two blank lines takes one of them along: no double blank line.
            int end = whole->second;
            if (whole->first > 0 && end < text.size()) {
                const int prev = lineStartOf(text, whole->first - 1);
                const int nl = int(text.indexOf('\n', end));
                if (nl >= 0 && blankLine(prev, whole->first - 1) && blankLine(end, nl))
                    end = nl + 1;
            }
            out.push_back(Splice{whole->first, end, {}});
            return out;
        }
        if (count == 1)
            return {Splice{toks[std::size_t(e.first)].end, toks[std::size_t(e.last)].start, {}}};
        const int end = toks[std::size_t(lt)].end;
        if (index + 1 < count) {
            const int next = startOfItem(index + 1);
            if (!text.mid(end, next - end).contains('\n'))
                return {Splice{start, next, {}}};
        }
        if (index > 0) {
            int prevEnd = valueEnd(index - 1);
            // With its own comma, the item goes from after the previous item's comma; without
            // one, the previous item's comma goes with it ({a = 1, b = 2} -> {a = 1}).
            const int prevComma = isTuple ? elementComma(e.children[std::size_t(index - 1)])
                                          : e.items[std::size_t(index - 1)].comma;
            if (toks[std::size_t(lt)].type == Tok::Comma && prevComma >= 0)
                prevEnd = toks[std::size_t(prevComma)].end;
            if (!text.mid(prevEnd, start - prevEnd).contains('\n'))
                return {Splice{prevEnd, end, {}}};
            // The last item starts a line but something follows it on its last line (the
            // closing bracket): take the line break before it too, unless a line comment ends
            // the line before (joining would comment out what follows).
            const int firstTok = isTuple ? e.children[std::size_t(index)].first
                                         : e.items[std::size_t(index)].key.first;
            const int nl = firstTok - 1;
            if (index + 1 == count && onlySpaces(text, lineStartOf(text, start), start) &&
                toks[std::size_t(nl)].type == Tok::Newline &&
                toks[std::size_t(nl - 1)].type != Tok::Comment) {
                out.push_back(Splice{toks[std::size_t(nl)].start, end, {}});
                return out;
            }
        }
        out.push_back(Splice{start, end, {}});
        return out;
    }

    // Appends the splices that align the '=' (or trailing-comment) run containing the line
    // starting at token `lineFirst`. `eqDelta` (comment runs): width changes from '=' fixes.
    void realignRun(const QByteArray &t, const std::vector<Token> &toks, int lineFirst,
                    bool comment, std::vector<Splice> &fixes, const QHash<int, int> *eqDelta) const
    {
        auto cellOf = [&](const FmtLine &l) { return comment ? l.comment : l.assign; };
        FmtLine l = fmtLineFrom(toks, lineFirst);
        if (cellOf(l) < 0)
            return;
        std::vector<FmtLine> run{l};
        int first = lineFirst;
        while (first > 0) {
            const int p = fmtLineStart(toks, first - 1);
            FmtLine pl = fmtLineFrom(toks, p);
            if (cellOf(pl) < 0)
                break;
            run.insert(run.begin(), pl);
            first = p;
        }
        while (run.back().newline >= 0) {
            FmtLine nl = fmtLineFrom(toks, run.back().newline + 1);
            if (cellOf(nl) < 0)
                break;
            run.push_back(nl);
        }
        std::vector<int> widths;
        int maxWidth = 0;
        for (const FmtLine &rl : run) {
            const int ls = lineStartOf(t, toks[std::size_t(rl.first)].start);
            const int cell = cellOf(rl);
            int w = textColumns(t, ls, toks[std::size_t(cell - 1)].end);
            if (eqDelta)
                w += eqDelta->value(ls, 0);
            widths.push_back(w);
            maxWidth = std::max(maxWidth, w);
        }
        for (std::size_t i = 0; i < run.size(); ++i) {
            const int cell = cellOf(run[i]);
            const int a = toks[std::size_t(cell - 1)].end;
            const int b = toks[std::size_t(cell)].start;
            const int want = maxWidth - widths[i] + 1;
            if (b - a == want && onlySpaces(t, a, b) && !t.mid(a, b - a).contains('\t'))
                continue;
            fixes.push_back(Splice{a, b, QByteArray(want, ' ')});
        }
    }

    // Applies an edit's splices, then re-pads the alignment runs around the edited region if
    // they were aligned before. With Check::WholeFile (source text given by the user went in)
    // the edited file is parsed as a whole, and when it does not parse the edit is undone and
    // refused.
    enum class Check { Entry, WholeFile };
    Result<void> commitNative(std::vector<Splice> splices, const NativeTarget *entry = nullptr,
                              Check check = Check::Entry)
    {
        if (check == Check::Entry)
            return commitUnchecked(std::move(splices), entry);
        // Holding the tree keeps the incremental path (which edits it in place) off.
        const QByteArray oldText = text;
        const std::shared_ptr<SyntaxTree> oldTree = tree;
        const std::shared_ptr<MapCache> oldCache = cache;
        const std::vector<int> oldLines = lineStarts;
        const std::optional<bool> oldClean = fmtClean;
        if (auto r = commitUnchecked(std::move(splices), nullptr); !r)
            return r;
        invalidate();
        if (auto r = ensureParsed(); !r) {
            text = oldText;
            tree = oldTree;
            cache = oldCache;
            lineStarts = oldLines;
            fmtClean = oldClean;
            return fail(Error::Code::Usage,
                        tr("the value would leave a file that does not parse (%1)")
                            .arg(r.error().toString()));
        }
        return {};
    }

    Result<void> commitUnchecked(std::vector<Splice> splices, const NativeTarget *entry)
    {
        if (splices.empty())
            return {};
        std::sort(splices.begin(), splices.end(),
                  [](const Splice &a, const Splice &b) { return a.start < b.start; });
        const auto &toks0 = tree->tokens;
        const int regionStart = splices.front().start;
        const int regionEnd = splices.back().end;
        int delta = 0;
        for (const Splice &s : splices)
            delta += int(s.with.size()) - (s.end - s.start);

        QByteArray t1 = applySplices(text, splices);
        // Known not to be format-clean: lines outside the edited entry stay byte-identical, so
        // nothing is re-padded.
        if (fmtClean && !*fmtClean) {
            finishEdit(std::move(t1), splices, {}, entry);
            return {};
        }
        // Re-lex only a window: from the first line before the edit that has no alignment cell
        // to the first such line after it. Runs cannot cross those lines.
        auto hasCell = [](const FmtLine &l) { return l.assign >= 0 || l.comment >= 0; };
        int winFirst = fmtLineStart(toks0, tokenAtOffset(toks0, regionStart));
        if (winFirst > 0) {
            winFirst = fmtLineStart(toks0, winFirst - 1);
            while (winFirst > 0 && hasCell(fmtLineFrom(toks0, winFirst)))
                winFirst = fmtLineStart(toks0, winFirst - 1);
        }
        FmtLine winLast = fmtLineFrom(
            toks0, fmtLineStart(toks0, tokenAtOffset(toks0, std::max(regionStart, regionEnd - 1))));
        if (winLast.newline >= 0) {
            winLast = fmtLineFrom(toks0, winLast.newline + 1);
            while (winLast.newline >= 0 && hasCell(winLast))
                winLast = fmtLineFrom(toks0, winLast.newline + 1);
        }
        const int winStart = winFirst > 0 ? toks0[std::size_t(winFirst - 1)].end : 0;
        const int winEnd =
            winLast.newline >= 0 ? toks0[std::size_t(winLast.newline)].end : int(text.size());
        std::vector<Splice> padding; // applied after `splices`, offsets into t1
        auto toks1 = lexHclRange(t1, fileName, std::min(winStart, regionStart),
                                 std::max(winEnd + delta, regionStart));
        if (!toks1)
            return fail(Error::Code::Generic,
                        tr("internal error: the edit would produce invalid syntax (%1)")
                            .arg(toks1.error().toString()));
        {
            const auto &tk = *toks1;
            std::vector<int> anchors;
            const int prevStart = lineStartOf(t1, lineStartOf(t1, regionStart) - 1);
            const int newEnd = std::max(regionStart, regionEnd + delta);
            for (int off : {prevStart, regionStart, std::max(regionStart, newEnd - 1), newEnd}) {
                if (off > t1.size())
                    continue;
                anchors.push_back(fmtLineStart(tk, tokenAtOffset(tk, off)));
            }
            // lines inside an inserted region belong to the edited entry; align them too
            for (int off = regionStart; off < newEnd;) {
                const int nl = int(t1.indexOf('\n', off));
                if (nl < 0 || nl >= newEnd)
                    break;
                anchors.push_back(fmtLineStart(tk, tokenAtOffset(tk, nl + 1)));
                off = nl + 1;
            }
            std::sort(anchors.begin(), anchors.end());
            anchors.erase(std::unique(anchors.begin(), anchors.end()), anchors.end());
            std::vector<Splice> eqFixes;
            for (int a : anchors)
                realignRun(t1, tk, a, false, eqFixes, nullptr);
            dedupe(eqFixes);
            QHash<int, int> eqDelta;
            for (const Splice &s : eqFixes)
                eqDelta[lineStartOf(t1, s.start)] += int(s.with.size()) - (s.end - s.start);
            std::vector<Splice> commentFixes;
            for (int a : anchors)
                realignRun(t1, tk, a, true, commentFixes, &eqDelta);
            dedupe(commentFixes);
            eqFixes.insert(eqFixes.end(), commentFixes.begin(), commentFixes.end());
            // Only a file that terraform fmt leaves unchanged gets its alignment runs
            // re-padded; in any other file, lines outside the edited entry stay byte-identical.
            // The whole-file check runs once per document, and only when some padding would
            // change (a value edit that keeps the key and has no trailing comment never needs
            // it).
            if (!eqFixes.empty()) {
                if (!fmtClean)
                    fmtClean = isFormatted(text, toks0);
                if (*fmtClean) {
                    t1 = applySplices(t1, eqFixes);
                    padding = std::move(eqFixes);
                }
            }
        }
        finishEdit(std::move(t1), splices, std::move(padding), entry);
        return {};
    }

    // `newText` is `text` with `content` applied, then `padding` (whitespace between tokens,
    // offsets after `content`).
    void finishEdit(QByteArray newText, const std::vector<Splice> &content,
                    std::vector<Splice> padding, const NativeTarget *entry)
    {
        std::sort(padding.begin(), padding.end(),
                  [](const Splice &a, const Splice &b) { return a.start < b.start; });
        if (!entry || !updateEntry(newText, content, padding, *entry))
            invalidate();
        text = std::move(newText);
    }

    // Shifts every token index after `after` by `by` (skipping subtrees that end before it).
    static void shiftIndex(int &i, int after, int by)
    {
        if (i > after)
            i += by;
    }
    static void shiftTokens(Expr &e, int after, int by)
    {
        if (e.last <= after)
            return;
        shiftIndex(e.first, after, by);
        shiftIndex(e.last, after, by);
        shiftIndex(e.callName, after, by);
        for (ObjectItem &item : e.items)
            shiftTokens(item, after, by);
        for (Expr &c : e.children)
            shiftTokens(c, after, by);
    }
    static void shiftTokens(ObjectItem &item, int after, int by)
    {
        shiftTokens(item.key, after, by);
        shiftIndex(item.sep, after, by);
        shiftTokens(item.value, after, by);
        shiftIndex(item.comma, after, by);
    }
    static void shiftTokens(Body &body, int after, int by)
    {
        for (BodyItem &item : body.items) {
            if (Attribute *a = item.attribute.get()) {
                shiftIndex(a->name, after, by);
                shiftIndex(a->equal, after, by);
                shiftTokens(a->value, after, by);
            } else if (Block *b = item.block.get()) {
                if (b->close <= after)
                    continue;
                shiftIndex(b->type, after, by);
                for (Expr &l : b->labels)
                    shiftTokens(l, after, by);
                shiftIndex(b->open, after, by);
                shiftIndex(b->close, after, by);
                shiftTokens(b->body, after, by);
            }
        }
    }

    // The incremental path for an edit inside one entry of an object map (every content splice
    // within the entry's key..comma): only that entry is lexed and parsed again, the tokens
    // after it move by the size change, lines are counted again only inside it, and the cached
    // map infos change that entry (and lines, the field union and value kinds when those
    // changed). Returns false, changing nothing, when the edit does not qualify.
    bool updateEntry(const QByteArray &t2, const std::vector<Splice> &content,
                     const std::vector<Splice> &padding, const NativeTarget &target)
    {
        // Another copy of the document shares the tree: leave it alone.
        if (!tree || tree.use_count() != 1 || !target.item || !target.map ||
            target.map->kind != ExprKind::Object || target.index < 0)
            return false;
        SyntaxTree &t = *tree;
        std::vector<Token> &toks = t.tokens;
        const ObjectItem &old = *target.item;
        const int ta = old.key.first;
        const int tb = old.comma >= 0 ? old.comma : old.value.last;
        const int a = toks[std::size_t(ta)].start;
        const int b = toks[std::size_t(tb)].end;
        int delta = 0;
        for (const Splice &c : content) {
            if (c.start < a || c.end > b)
                return false;
            delta += int(c.with.size()) - (c.end - c.start);
        }
        const int b1 = b + delta; // the entry's end after `content`
        int before = 0;           // padding change before the entry
        int inside = 0;           // padding change inside it
        for (const Splice &p : padding) {
            const int d = int(p.with.size()) - (p.end - p.start);
            if (p.end <= a)
                before += d;
            else if (p.start >= a && p.end <= b1)
                inside += d;
            else if (p.start < b1)
                return false; // straddles the entry's edge (cannot happen for whitespace)
        }
        const int a2 = a + before;
        const int b2 = b1 + before + inside;

        auto lexed = lexHclRange(t2, fileName, a2, b2);
        if (!lexed)
            return false;
        SyntaxTree sub;
        sub.text = t2;
        sub.tokens = std::move(*lexed);
        const int n = int(sub.tokens.size()) - 1; // without Eof
        if (n < 1 || sub.tokens[0].start != a2 || sub.tokens[std::size_t(n - 1)].end != b2)
            return false;
        auto parsed = parseObjectItem(sub, fileName);
        if (!parsed)
            return false;
        ObjectItem item = std::move(*parsed);
        if (item.comma >= 0 && item.comma != n - 1)
            return false;

        // From here on nothing fails.
        const QString oldKey = keyText(t, old.key);
        // Whether the map's field union changes: it is the fields in first-seen order, so it
        // stays when the fields this entry is the first to write (those no earlier entry has)
        // are the same, in the same order, before and after.
        bool fieldsChange = false;
        if (cache->infos) {
            auto fieldOrder = [](const SyntaxTree &tr, const Expr &v) {
                QStringList keys;
                for (const ObjectItem &f : v.items)
                    keys << keyText(tr, f.key);
                return keys;
            };
            const QStringList oldFields = fieldOrder(t, old.value);
            const QStringList newFields = fieldOrder(sub, item.value);
            if (oldFields != newFields) {
                MapCache &c = ownCache();
                if (c.firstSeen.size() != c.infos->size())
                    c.firstSeen.resize(c.infos->size());
                QHash<QString, int> &seen = c.firstSeen[target.mapIndex];
                if (seen.isEmpty())
                    fieldsOf(*target.map, &seen);
                auto firstHere = [&](const QStringList &fields) {
                    QStringList out;
                    for (const QString &f : fields)
                        if (seen.value(f, INT_MAX) >= target.index)
                            out << f;
                    return out;
                };
                fieldsChange = firstHere(oldFields) != firstHere(newFields);
            }
        }

        // Byte offsets: tokens before the entry move by the padding before them, tokens after
        // it by the content change and all padding before them.
        auto mover = [&padding](int extra) {
            return [&padding, extra, p = std::size_t(0), acc = 0](int pos) mutable {
                while (p < padding.size() && padding[p].start < pos + extra) {
                    acc += int(padding[p].with.size()) - (padding[p].end - padding[p].start);
                    ++p;
                }
                return pos + extra + acc;
            };
        };
        if (!padding.empty() && padding.front().start < a) {
            auto move = mover(0);
            for (int i = tokenAtOffset(toks, padding.front().start); i < ta; ++i) {
                Token &tok = toks[std::size_t(i)];
                const int len = tok.end - tok.start; // padding is between tokens
                tok.start = move(tok.start);
                tok.end = tok.start + len;
            }
        }
        // Past the last padding splice every token moves by the same amount.
        const int lastPadding = padding.empty() ? 0 : padding.back().start;
        int total = delta;
        for (const Splice &p : padding)
            total += int(p.with.size()) - (p.end - p.start);
        {
            auto move = mover(delta);
            std::size_t i = std::size_t(tb) + 1;
            for (; i < toks.size() && toks[i].start + delta <= lastPadding; ++i) {
                Token &tok = toks[i];
                const int len = tok.end - tok.start;
                tok.start = move(tok.start);
                tok.end = tok.start + len;
            }
            if (total != 0)
                for (; i < toks.size(); ++i) {
                    toks[i].start += total;
                    toks[i].end += total;
                }
        }
        // Line starts, the same way; inside the entry they are counted again.
        int lineDelta = 0;
        {
            auto &ls = lineStarts;
            const auto i0 = std::size_t(std::upper_bound(ls.begin(), ls.end(), a) - ls.begin());
            const auto i1 = std::size_t(std::upper_bound(ls.begin(), ls.end(), b) - ls.begin());
            if (!padding.empty() && padding.front().start < a) {
                auto move = mover(0);
                for (std::size_t i =
                         std::size_t(std::upper_bound(ls.begin(), ls.end(), padding.front().start) -
                                     ls.begin());
                     i < i0; ++i)
                    ls[i] = move(ls[i]);
            }
            auto move = mover(delta);
            std::size_t i = i1;
            for (; i < ls.size() && ls[i] + delta <= lastPadding; ++i)
                ls[i] = move(ls[i]);
            if (total != 0)
                for (; i < ls.size(); ++i)
                    ls[i] += total;
            std::vector<int> inside;
            for (int off = a2;;) {
                const qsizetype nl = t2.indexOf('\n', off);
                if (nl < 0 || nl >= b2)
                    break;
                inside.push_back(int(nl) + 1);
                off = int(nl) + 1;
            }
            lineDelta = int(inside.size()) - int(i1 - i0);
            if (lineDelta > 0)
                ls.insert(ls.begin() + std::ptrdiff_t(i1), std::size_t(lineDelta), 0);
            else if (lineDelta < 0)
                ls.erase(ls.begin() + std::ptrdiff_t(i1) + lineDelta,
                         ls.begin() + std::ptrdiff_t(i1));
            std::copy(inside.begin(), inside.end(), ls.begin() + std::ptrdiff_t(i0));
        }

        // Token indices: the rest of the tree first (the old entry ends at tb, so it stays),
        // then the new entry goes in at ta.
        const int countDelta = n - (tb - ta + 1);
        if (countDelta != 0)
            shiftTokens(t.body, tb, countDelta);
        if (countDelta > 0)
            toks.insert(toks.begin() + tb + 1, std::size_t(countDelta), Token{});
        else if (countDelta < 0)
            toks.erase(toks.begin() + tb + 1 + countDelta, toks.begin() + tb + 1);
        std::copy(sub.tokens.begin(), sub.tokens.begin() + n, toks.begin() + ta);
        shiftTokens(item, -1, ta);
        Expr &map = const_cast<Expr &>(*target.map);
        ObjectItem &slot = map.items[std::size_t(target.index)];
        slot = std::move(item);
        t.text = t2;
        if (const QString newKey = keyText(t, slot.key); newKey != oldKey) {
            MapCache &c = ownCache();
            if (target.mapIndex < c.keyIndex.size())
                c.keyIndex[target.mapIndex].clear();
        }

        if (!cache->infos)
            return true;
        // text is still the old bytes here; the tree already reads the new ones.
        MapCache &c = ownCache();
        QList<MapInfo> &infos = *c.infos;
        MapInfo &info = infos[target.mapIndex];
        MapEntry &e = info.entries[target.index];
        const ValueKind oldKind = e.kind;
        e = entryOf(slot.value, keyText(t, slot.key), t.startOf(slot.key));
        if (fieldsChange) {
            if (c.firstSeen.size() != infos.size())
                c.firstSeen.resize(infos.size());
            info.fields = fieldsOf(map, &c.firstSeen[target.mapIndex]);
        }
        if (e.kind != oldKind)
            info.valueKinds = kindsOf(info.entries);
        // Everything after the entry moves by the lines it gained or lost; the maps after it
        // start after it (maps do not nest).
        if (lineDelta != 0) {
            for (qsizetype j = target.index + 1; j < info.entries.size(); ++j)
                info.entries[j].line += lineDelta;
            const std::vector<NativeMap> maps = nativeMaps();
            for (std::size_t m = 0; m < maps.size(); ++m) {
                if (t.tokens[std::size_t(maps[m].attr->name)].start < b2)
                    continue;
                MapInfo &later = infos[qsizetype(m)];
                later.line += lineDelta;
                for (MapEntry &le : later.entries)
                    le.line += lineDelta;
            }
        }
        return true;
    }

    static void dedupe(std::vector<Splice> &s)
    {
        std::sort(s.begin(), s.end(),
                  [](const Splice &a, const Splice &b) { return a.start < b.start; });
        s.erase(std::unique(s.begin(), s.end(),
                            [](const Splice &a, const Splice &b) { return a.start == b.start; }),
                s.end());
    }
};

// ---- Document

Document::Document()
    : d(std::make_unique<DocumentData>())
{}
Document::~Document() = default;
Document::Document(const Document &o)
    : d(std::make_unique<DocumentData>(*o.d))
{}
Document &Document::operator=(const Document &o)
{
    if (this != &o)
        d = std::make_unique<DocumentData>(*o.d);
    return *this;
}
Document::Document(Document &&o) noexcept = default;
Document &Document::operator=(Document &&o) noexcept = default;

Result<Document> Document::parse(QByteArray bytes, QString fileName)
{
    Document doc;
    doc.d->text = std::move(bytes);
    doc.d->syntax = fileName.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? Syntax::Json
                                                                                   : Syntax::Native;
    doc.d->fileName = std::move(fileName);
    if (auto r = doc.d->ensureParsed(); !r)
        return std::unexpected(r.error());
    return doc;
}

QByteArray Document::text() const
{
    return d->text;
}
QString Document::fileName() const
{
    return d->fileName;
}
Syntax Document::syntax() const
{
    return d->syntax;
}

QList<MapInfo> Document::maps() const
{
    if (!d->ensureParsed())
        return {};
    if (d->cache->infos)
        return *d->cache->infos;
    QList<MapInfo> out;
    if (d->syntax == Syntax::Native) {
        for (const NativeMap &m : d->nativeMaps())
            out.append(d->infoNative(m));
    } else {
        for (const JsonMap &m : d->jsonMaps())
            out.append(d->infoJson(m));
    }
    d->cache->infos = out; // shared with unchanged copies: valid for them too
    return out;
}

std::optional<MapInfo> Document::map(const QString &name) const
{
    if (!d->ensureParsed())
        return std::nullopt;
    if (d->cache->infos) {
        for (const MapInfo &m : std::as_const(*d->cache->infos))
            if (m.name == name)
                return m;
        return std::nullopt;
    }
    if (d->syntax == Syntax::Native) {
        for (const NativeMap &m : d->nativeMaps())
            if (m.name == name)
                return d->infoNative(m);
    } else {
        for (const JsonMap &m : d->jsonMaps())
            if (m.name == name)
                return d->infoJson(m);
    }
    return std::nullopt;
}

namespace {

bool sameSchema(const QList<FieldSchema> &a, const QList<FieldSchema> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const FieldSchema &x, const FieldSchema &y) {
                          return x.name == y.name && x.type == y.type && x.optional == y.optional &&
                                 x.defaultValue == y.defaultValue;
                      });
}

} // namespace

void Document::attachSchema(const QString &map, const QList<FieldSchema> &schema)
{
    if (auto it = d->attached.constFind(map);
        it != d->attached.constEnd() && sameSchema(*it, schema))
        return; // attached again before each edit: keep the cached maps
    d->attached.insert(map, schema);
    if (d->cache->infos) {
        for (MapInfo &m : *d->ownCache().infos)
            if (m.name == map)
                m.schema = schema;
    }
}

namespace {

// The value of a node of the JSON syntax, numbers digit for digit.
Value jsonNodeValue(const QByteArray &text, const JsonNode &n)
{
    switch (n.type) {
    case JsonNode::Type::Object: {
        std::vector<Value::Member> members;
        for (const JsonMember &m : n.members)
            members.emplace_back(m.key, jsonNodeValue(text, m.value));
        return Value::object(std::move(members));
    }
    case JsonNode::Type::Array: {
        std::vector<Value> items;
        for (const JsonNode &e : n.elements)
            items.push_back(jsonNodeValue(text, e));
        return Value::list(std::move(items));
    }
    case JsonNode::Type::String:
        return Value::string(jsonNodeToValue(text, n).toString());
    case JsonNode::Type::Number:
        return Value::number(text.mid(n.start, n.end - n.start));
    case JsonNode::Type::Bool:
        return Value::boolean(text.mid(n.start, n.end - n.start) == "true");
    case JsonNode::Type::Null:
        break;
    }
    return Value();
}

std::unexpected<Error> badPath()
{
    return fail(Error::Code::Usage, QCoreApplication::translate(
                                        "kanri::hcl", "a path is MAP, MAP.KEY or MAP.KEY.FIELD"));
}

// A path names a map, then maybe a key, then maybe a field; keys and fields may be "" (valid
// HCL keys), the map's name may not. (setField's null field means the whole entry; the command
// line refuses empty path parts, so `map.key.""` is refused before it gets here.)
std::optional<std::unexpected<Error>> checkParts(const QStringList &parts)
{
    if (parts.value(0).isEmpty())
        return fail(Error::Code::Usage,
                    QCoreApplication::translate("kanri::hcl", "the map name in the path is empty"));
    return std::nullopt;
}

// Source text for an expression must be exactly one HCL expression, as it would stand after
// `name =`: no comment, nothing before or after it. Returns its kind.
Result<ExprKind> checkExpressionSource(const QString &source)
{
    const QByteArray src = source.toUtf8();
    const QByteArray text = "x = " + src + "\n";
    auto t = parseHcl(text, QString());
    if (!t)
        return fail(Error::Code::Usage,
                    QCoreApplication::translate("kanri::hcl", "not an HCL expression: %1 (%2)")
                        .arg(source, t.error().message));
    const Body &body = (*t)->body;
    if (body.items.size() != 1 || !body.items.front().attribute ||
        (*t)->startOf(body.items.front().attribute->value) != 4 ||
        (*t)->endOf(body.items.front().attribute->value) != 4 + src.size())
        return fail(Error::Code::Usage,
                    QCoreApplication::translate("kanri::hcl",
                                                "not one HCL expression (and nothing else): %1")
                        .arg(source));
    return body.items.front().attribute->value.kind;
}

Result<void> checkExpressions(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Expression:
        if (auto r = checkExpressionSource(v.source()); !r)
            return std::unexpected(r.error());
        return {};
    case Value::Type::List:
        for (const Value &i : v.items())
            if (auto r = checkExpressions(i); !r)
                return r;
        return {};
    case Value::Type::Object:
        for (const Value::Member &m : v.members())
            if (auto r = checkExpressions(m.second); !r)
                return r;
        return {};
    default:
        return {};
    }
}

} // namespace

Result<Value> Document::value(const QStringList &path) const
{
    if (auto r = d->ensureParsed(); !r)
        return std::unexpected(r.error());
    if (path.isEmpty() || path.size() > 3)
        return badPath();
    if (auto bad = checkParts(path))
        return *bad;
    if (d->syntax == Syntax::Json) {
        auto n = d->jsonAt(path);
        if (!n)
            return std::unexpected(n.error());
        return jsonNodeValue(d->text, **n);
    }
    auto e = d->nativeAt(path);
    if (!e)
        return std::unexpected(e.error());
    return exprToValue(*d->tree, **e);
}

Result<QJsonValue> Document::get(const QStringList &path) const
{
    if (auto r = d->ensureParsed(); !r)
        return std::unexpected(r.error());
    if (path.isEmpty() || path.size() > 3)
        return badPath();
    if (auto bad = checkParts(path))
        return *bad;
    if (d->syntax == Syntax::Json) {
        auto n = d->jsonAt(path);
        if (!n)
            return std::unexpected(n.error());
        return jsonNodeToValue(d->text, **n);
    }
    auto e = d->nativeAt(path);
    if (!e)
        return std::unexpected(e.error());
    if ((*e)->kind == ExprKind::Object)
        return objectToJson(*d->tree, **e, nullptr);
    return exprToJson(*d->tree, **e);
}

// ---- JSON-syntax edits (in a separate helper to keep DocumentData readable)

namespace {

QByteArray jsonQuote(const QString &s)
{
    return Value::string(s).toJsonText();
}

QByteArray jsonRender(const Value &v, const QByteArray &indent, const QByteArray &unit,
                      const QByteArray &eol, const QStringList &order)
{
    if (v.type() == Value::Type::Object) {
        if (v.members().empty())
            return "{}";
        std::vector<const Value::Member *> members;
        for (const QString &k : order)
            for (const Value::Member &m : v.members())
                if (m.first == k)
                    members.push_back(&m);
        for (const Value::Member &m : v.members())
            if (!order.contains(m.first))
                members.push_back(&m);
        QByteArray out = "{" + eol;
        for (std::size_t i = 0; i < members.size(); ++i) {
            out += indent + unit + jsonQuote(members[i]->first) + ": " +
                   jsonRender(members[i]->second, indent + unit, unit, eol, {});
            if (i + 1 < members.size())
                out += ',';
            out += eol;
        }
        return out + indent + "}";
    }
    if (v.type() == Value::Type::List) {
        if (v.items().empty())
            return "[]";
        QByteArray out = "[" + eol;
        for (std::size_t i = 0; i < v.items().size(); ++i) {
            out += indent + unit + jsonRender(v.items()[i], indent + unit, unit, eol, {});
            if (i + 1 < v.items().size())
                out += ',';
            out += eol;
        }
        return out + indent + "]";
    }
    return v.toJsonText();
}

std::unexpected<Error> noExpressionsInJson()
{
    return fail(Error::Code::Usage,
                QCoreApplication::translate("kanri::hcl",
                                            "a file in the JSON syntax holds only literal values"));
}

struct JsonEditor
{
    DocumentData &d;

    const JsonMember *findMap(const QString &name) const
    {
        for (const JsonMap &m : d.jsonMaps())
            if (m.name == name)
                return m.member;
        return nullptr;
    }

    QByteArray unitOf(const JsonNode &container) const
    {
        // indentation step: inner member indent minus container line indent
        const QByteArray outer = indentAt(d.text, lineStartOf(d.text, container.start));
        int inner = -1;
        if (!container.members.empty())
            inner = container.members.front().keyStart;
        else if (!container.elements.empty())
            inner = container.elements.front().start;
        if (inner >= 0) {
            const int ls = lineStartOf(d.text, inner);
            if (ls > container.start && onlySpaces(d.text, ls, inner) && inner - ls > outer.size())
                return d.text.mid(ls + outer.size(), inner - ls - outer.size());
        }
        return "  ";
    }

    // Inserts `member` (already rendered, without indentation) as the last member/element.
    std::vector<Splice> insertLast(const JsonNode &c, const QByteArray &item) const
    {
        const QByteArray eol = eolOf(d.text);
        const QByteArray outer = indentAt(d.text, lineStartOf(d.text, c.start));
        const bool multi = d.text.mid(c.start, c.end - c.start).contains('\n');
        const bool empty = c.members.empty() && c.elements.empty();
        const QByteArray unit = unitOf(c);
        if (empty)
            return {Splice{c.start + 1, c.end - 1, eol + outer + unit + item + eol + outer}};
        const int lastEnd = !c.members.empty() ? c.members.back().value.end : c.elements.back().end;
        if (!multi)
            return {Splice{lastEnd, lastEnd, ", " + item}};
        int first = !c.members.empty() ? c.members.front().keyStart : c.elements.front().start;
        const int ls = lineStartOf(d.text, first);
        const QByteArray inner =
            onlySpaces(d.text, ls, first) ? d.text.mid(ls, first - ls) : outer + unit;
        return {Splice{lastEnd, lastEnd, "," + eol + inner + item}};
    }

    std::vector<Splice> removeAt(const JsonNode &c, int index) const
    {
        const bool members = c.type == JsonNode::Type::Object;
        const int count = members ? int(c.members.size()) : int(c.elements.size());
        auto start = [&](int i) {
            return members ? c.members[std::size_t(i)].keyStart : c.elements[std::size_t(i)].start;
        };
        auto end = [&](int i) {
            return members ? c.members[std::size_t(i)].value.end : c.elements[std::size_t(i)].end;
        };
        if (count == 1)
            return {Splice{c.start + 1, c.end - 1, {}}};
        if (index > 0)
            return {Splice{end(index - 1), end(index), {}}};
        return {Splice{start(0), start(1), {}}};
    }
};

} // namespace

Result<void> Document::setField(const QString &map, const QString &key, const QString &field,
                                const QJsonValue &value)
{
    return setField(map, key, field, Value::fromJson(value));
}

Result<void> Document::setField(const QString &map, const QString &key, const QString &field,
                                const Value &value)
{
    if (auto r = d->ensureParsed(); !r)
        return r;
    if (auto bad = checkParts({map, key}))
        return *bad;
    if (auto r = checkExpressions(value); !r)
        return r;
    const QByteArray eol = eolOf(d->text);
    if (d->syntax == Syntax::Json) {
        if (!value.isLiteral())
            return noExpressionsInJson();
        JsonEditor ed{*d};
        const JsonMember *m = ed.findMap(map);
        if (!m)
            return notFound(tr("no map named %1").arg(map));
        const JsonNode *entry = nullptr;
        if (m->value.type == JsonNode::Type::Array) {
            bool ok = false;
            const int i = key.toInt(&ok);
            if (ok && i >= 0 && i < int(m->value.elements.size()))
                entry = &m->value.elements[std::size_t(i)];
        } else {
            for (const JsonMember &e : m->value.members)
                if (e.key == key)
                    entry = &e.value;
        }
        if (!entry)
            return notFound(tr("%1 has no entry %2").arg(map, key));
        const JsonNode *target = entry;
        if (!field.isNull()) {
            if (entry->type != JsonNode::Type::Object)
                return fail(Error::Code::Usage, tr("%1.%2 is not an object").arg(map, key));
            target = nullptr;
            for (const JsonMember &f : entry->members)
                if (f.key == field)
                    target = &f.value;
            if (!target) {
                const QByteArray indent = indentAt(d->text, lineStartOf(d->text, entry->start));
                const QByteArray item =
                    jsonQuote(field) + ": " +
                    jsonRender(value, indent + ed.unitOf(*entry), ed.unitOf(*entry), eol, {});
                d->text = applySplices(d->text, ed.insertLast(*entry, item));
                d->invalidate();
                return {};
            }
        }
        if (jsonNodeValue(d->text, *target) == value)
            return {};
        const QByteArray indent = indentAt(d->text, lineStartOf(d->text, target->start));
        d->text =
            applySplices(d->text, {Splice{target->start, target->end,
                                          jsonRender(value, indent, ed.unitOf(*entry), eol, {})}});
        d->invalidate();
        return {};
    }

    auto t = d->findNative(map, key, true);
    if (!t)
        return std::unexpected(t.error());
    const SyntaxTree &tree = *d->tree;
    const auto check =
        holdsExpression(value) ? DocumentData::Check::WholeFile : DocumentData::Check::Entry;
    const Expr *target = t->entry;
    if (!field.isNull()) {
        if (t->entry->kind != ExprKind::Object)
            return fail(
                Error::Code::Usage,
                tr("%1.%2 is not an object constructor; cannot set a field in it").arg(map, key));
        target = nullptr;
        const ObjectItem *item = nullptr;
        for (const ObjectItem &f : t->entry->items) {
            if (keyText(tree, f.key) != field)
                continue;
            if (item)
                return d->fieldTwice({map, key, field}, *item, f);
            item = &f;
            target = &f.value;
        }
        if (!target) {
            DocumentData::Style s = d->styleOf(*t->entry);
            QByteArray item = renderKey(field, s.quotedKeys) + s.sep;
            DocumentData::Style vs;
            item += d->render(value, vs, {}, eol);
            return d->commitNative(d->insertLast(*t->entry, item, false, eol, false), &*t, check);
        }
    }
    // Setting what is there already changes nothing: the same source text for an expression,
    // the same value for a literal (however it is written: 1.0 or 1, a heredoc or a quoted
    // string).
    // (Source text is compared as text: a comment inside an expression may hold bytes that are
    // not UTF-8, which no QString or JSON string carries back.)
    if (value.isExpression() ? utf8ToString(tree.source(*target)) == value.source()
                             : isLiteralExpr(tree, *target) && exprToValue(tree, *target) == value)
        return {};
    QByteArray rendered;
    if (value.type() == Value::Type::String)
        if (auto heredoc = d->heredocFor(*target, value.str()))
            rendered = *heredoc;
    if (rendered.isNull()) {
        DocumentData::Style vs;
        if ((target->kind == ExprKind::Tuple && value.type() == Value::Type::List) ||
            (target->kind == ExprKind::Object && value.type() == Value::Type::Object))
            vs = d->styleOf(*target);
        const QStringList order =
            field.isNull() ? d->fieldOrderOf(*t->map, t->schema) : QStringList{};
        rendered = d->render(value, vs, order, eol);
    }
    return d->commitNative({Splice{tree.startOf(*target), tree.endOf(*target), rendered}}, &*t,
                           check);
}

Result<void> Document::unsetField(const QString &map, const QString &key, const QString &field)
{
    if (auto r = d->ensureParsed(); !r)
        return r;
    if (auto bad = checkParts({map, key, field}))
        return *bad;
    if (d->syntax == Syntax::Json) {
        JsonEditor ed{*d};
        const JsonMember *m = ed.findMap(map);
        if (!m)
            return notFound(tr("no map named %1").arg(map));
        const JsonNode *entry = nullptr;
        if (m->value.type == JsonNode::Type::Array) {
            bool ok = false;
            const int i = key.toInt(&ok);
            if (ok && i >= 0 && i < int(m->value.elements.size()))
                entry = &m->value.elements[std::size_t(i)];
        } else {
            for (const JsonMember &e : m->value.members)
                if (e.key == key)
                    entry = &e.value;
        }
        if (!entry || entry->type != JsonNode::Type::Object)
            return notFound(tr("%1.%2 does not exist").arg(map, key));
        for (std::size_t i = 0; i < entry->members.size(); ++i) {
            if (entry->members[i].key == field) {
                d->text = applySplices(d->text, ed.removeAt(*entry, int(i)));
                d->invalidate();
                return {};
            }
        }
        return notFound(tr("%1.%2.%3 does not exist").arg(map, key, field));
    }
    auto t = d->findNative(map, key, true);
    if (!t)
        return std::unexpected(t.error());
    if (t->entry->kind != ExprKind::Object)
        return notFound(tr("%1.%2.%3 does not exist").arg(map, key, field));
    int index = -1;
    for (std::size_t i = 0; i < t->entry->items.size(); ++i)
        if (keyText(*d->tree, t->entry->items[i].key) == field)
            index = int(i);
    if (index < 0)
        return notFound(tr("%1.%2.%3 does not exist").arg(map, key, field));
    return d->commitNative(d->removeAt(*t->entry, index, false), &*t);
}

Result<void> Document::addEntry(const QString &map, const QString &key, const QJsonValue &value)
{
    return addEntry(map, key, Value::fromJson(value));
}

Result<void> Document::addEntry(const QString &map, const QString &key, const Value &value)
{
    if (auto r = d->ensureParsed(); !r)
        return r;
    if (auto bad = checkParts({map, key}))
        return *bad;
    if (auto r = checkExpressions(value); !r)
        return r;
    const QByteArray eol = eolOf(d->text);
    if (d->syntax == Syntax::Json) {
        if (!value.isLiteral())
            return noExpressionsInJson();
        JsonEditor ed{*d};
        const JsonMember *m = ed.findMap(map);
        if (!m)
            return notFound(tr("no map named %1").arg(map));
        const JsonNode &c = m->value;
        QStringList order;
        for (const FieldSchema &f : d->attached.value(map))
            order.append(f.name);
        auto collect = [&](const JsonNode &v) {
            for (const JsonMember &f : v.members)
                if (!order.contains(f.key))
                    order.append(f.key);
        };
        for (const JsonMember &e : c.members) {
            if (e.key == key)
                return fail(Error::Code::Usage, tr("%1 already has an entry %2").arg(map, key));
            collect(e.value);
        }
        for (const JsonNode &e : c.elements)
            collect(e);
        const QByteArray unit = ed.unitOf(c);
        const QByteArray outer = indentAt(d->text, lineStartOf(d->text, c.start));
        const QByteArray rendered = jsonRender(value, outer + unit, unit, eol, order);
        const QByteArray item =
            c.type == JsonNode::Type::Array ? rendered : jsonQuote(key) + ": " + rendered;
        d->text = applySplices(d->text, ed.insertLast(c, item));
        d->invalidate();
        return {};
    }
    auto t = d->findNative(map, key, false);
    if (!t)
        return std::unexpected(t.error());
    const SyntaxTree &tree = *d->tree;
    const Expr &m = *t->map;
    const bool isTuple = m.kind == ExprKind::Tuple;
    if (!isTuple)
        for (const ObjectItem &i : m.items)
            if (keyText(tree, i.key) == key)
                return fail(Error::Code::Usage, tr("%1 already has an entry %2").arg(map, key));
    const QStringList order = d->fieldOrderOf(m, t->schema);
    const DocumentData::Style ms = d->styleOf(m);
    // Entry style: copy the siblings (multi-line objects or one-line objects).
    const bool isObject = value.type() == Value::Type::Object;
    DocumentData::Style es;
    es.indent =
        m.children.empty() && m.items.empty() ? ms.indent + d->unitFor(ms.indent) : ms.innerIndent;
    es.innerIndent = es.indent + d->unitFor(es.indent);
    es.multiline = isObject && !value.members().empty();
    bool sawObject = false;
    auto look = [&](const Expr &v) {
        if (v.kind != ExprKind::Object || sawObject)
            return;
        sawObject = true;
        const DocumentData::Style s = d->styleOf(v);
        es.multiline = s.multiline && isObject;
        es.commas = s.commas;
        es.quotedKeys = s.quotedKeys;
        es.sep = s.sep;
        if (s.multiline)
            es.innerIndent = es.indent + s.innerIndent.mid(s.indent.size());
    };
    for (auto it = m.items.rbegin(); it != m.items.rend(); ++it)
        look(it->value);
    for (auto it = m.children.rbegin(); it != m.children.rend(); ++it)
        look(*it);
    QByteArray item;
    if (!isTuple) {
        QByteArray sep = " = ";
        if (!m.items.empty() && tree.tokens[std::size_t(m.items.back().sep)].type == Tok::Colon) {
            const ObjectItem &last = m.items.back();
            sep =
                d->text.mid(tree.endOf(last.key), tree.startOf(last.value) - tree.endOf(last.key));
        }
        item = renderKey(key, ms.quotedKeys) + sep;
    }
    item += d->render(value, es, order, eol);
    return d->commitNative(d->insertLast(m, item, isTuple, eol, true), nullptr,
                           holdsExpression(value) ? DocumentData::Check::WholeFile
                                                  : DocumentData::Check::Entry);
}

Result<void> Document::removeEntry(const QString &map, const QString &key)
{
    if (auto r = d->ensureParsed(); !r)
        return r;
    if (auto bad = checkParts({map, key}))
        return *bad;
    if (d->syntax == Syntax::Json) {
        JsonEditor ed{*d};
        const JsonMember *m = ed.findMap(map);
        if (!m)
            return notFound(tr("no map named %1").arg(map));
        const JsonNode &c = m->value;
        int index = -1;
        if (c.type == JsonNode::Type::Array) {
            bool ok = false;
            const int i = key.toInt(&ok);
            if (ok && i >= 0 && i < int(c.elements.size()))
                index = i;
        } else {
            for (std::size_t i = 0; i < c.members.size(); ++i)
                if (c.members[i].key == key)
                    index = int(i);
        }
        if (index < 0)
            return notFound(tr("%1 has no entry %2").arg(map, key));
        d->text = applySplices(d->text, ed.removeAt(c, index));
        d->invalidate();
        return {};
    }
    auto t = d->findNative(map, key, true);
    if (!t)
        return std::unexpected(t.error());
    return d->commitNative(d->removeAt(*t->map, t->index, t->map->kind == ExprKind::Tuple));
}

Result<void> Document::renameEntry(const QString &map, const QString &key, const QString &newKey)
{
    if (auto r = d->ensureParsed(); !r)
        return r;
    if (auto bad = checkParts({map, key}))
        return *bad;
    if (key == newKey) {
        if (auto e = get({map, key}); !e)
            return std::unexpected(e.error());
        return {};
    }
    if (d->syntax == Syntax::Json) {
        JsonEditor ed{*d};
        const JsonMember *m = ed.findMap(map);
        if (!m || m->value.type != JsonNode::Type::Object)
            return notFound(tr("no map named %1").arg(map));
        const JsonMember *found = nullptr;
        for (const JsonMember &e : m->value.members) {
            if (e.key == newKey)
                return fail(Error::Code::Usage, tr("%1 already has an entry %2").arg(map, newKey));
            if (e.key == key)
                found = &e;
        }
        if (!found)
            return notFound(tr("%1 has no entry %2").arg(map, key));
        d->text =
            applySplices(d->text, {Splice{found->keyStart, found->keyEnd, jsonQuote(newKey)}});
        d->invalidate();
        return {};
    }
    auto t = d->findNative(map, key, true);
    if (!t)
        return std::unexpected(t.error());
    if (!t->item)
        return fail(Error::Code::Usage, tr("%1 is a list; its entries have no keys").arg(map));
    for (const ObjectItem &i : t->map->items)
        if (keyText(*d->tree, i.key) == newKey)
            return fail(Error::Code::Usage, tr("%1 already has an entry %2").arg(map, newKey));
    const Expr &k = t->item->key;
    QByteArray written;
    if (k.kind == ExprKind::Template && k.sequences &&
        d->tree->tokens[std::size_t(k.first)].type == Tok::OQuote) {
        // A template key is listed as written between its quotes; the new key is read the
        // same way, so it may hold ${...} too.
        written = '"' + newKey.toUtf8() + '"';
        auto kind = checkExpressionSource(QString::fromUtf8(written));
        if (!kind || (*kind != ExprKind::String && *kind != ExprKind::Template))
            return fail(
                Error::Code::Usage,
                tr("%1 is not a valid template key (it is written between quotes as "
                   "it is)%2")
                    .arg(newKey, kind ? QString() : QStringLiteral(": ") + kind.error().message));
    } else {
        written = renderKey(newKey, k.kind == ExprKind::String || k.kind == ExprKind::Template);
    }
    return d->commitNative({Splice{d->tree->startOf(k), d->tree->endOf(k), written}}, &*t);
}

std::optional<QList<FieldSchema>> variableSchema(const Document &doc, const QString &variable)
{
    if (doc.syntax() != Syntax::Native)
        return std::nullopt;
    auto tree = parseHcl(doc.text(), doc.fileName());
    if (!tree)
        return std::nullopt;
    const SyntaxTree &t = **tree;
    for (const BodyItem &item : t.body.items) {
        if (!item.block || t.tokenText(item.block->type) != "variable" ||
            item.block->labels.size() != 1 || keyText(t, item.block->labels[0]) != variable)
            continue;
        for (const BodyItem &i : item.block->body.items)
            if (i.attribute && t.tokenText(i.attribute->name) == "type")
                return schemaFromType(t, i.attribute->value);
    }
    return std::nullopt;
}

QByteArray formatHcl(const QByteArray &text)
{
    auto tree = parseHcl(text, QString());
    if (!tree)
        return text;
    return formatTokens(text, (*tree)->tokens);
}

namespace {

// Terraform's own steps before the layout (`terraform fmt`, internal/command/fmt.go): legacy
// variable types, "${x}" attribute values unwrapped, block labels in quoted form.
void terraformRewrites(const SyntaxTree &t, const Body &body, QStringList &inBlocks,
                       std::vector<Splice> &out)
{
    auto tokType = [&](int i) { return t.tokens[std::size_t(i)].type; };
    auto range = [&](int a, int b) {
        return t.text.mid(t.tokens[std::size_t(a)].start,
                          t.tokens[std::size_t(b)].end - t.tokens[std::size_t(a)].start);
    };
    for (const BodyItem &item : body.items) {
        if (item.attribute) {
            const Attribute &a = *item.attribute;
            const Expr &v = a.value;
            const int n = v.last - v.first + 1;
            const int start = t.tokens[std::size_t(v.first)].start;
            const int end = t.tokens[std::size_t(v.last)].end;
            if (inBlocks.size() == 1 && inBlocks.front() == u"variable" &&
                t.tokenView(a.name) == "type") {
                if (n == 1 && tokType(v.first) == Tok::Ident) {
                    const QByteArrayView kw = t.tokenView(v.first);
                    if (kw == "list" || kw == "map" || kw == "set")
                        out.push_back(Splice{end, end, "(any)"});
                } else if (n == 3 && tokType(v.first) == Tok::OQuote &&
                           tokType(v.first + 1) == Tok::QuotedLit &&
                           tokType(v.last) == Tok::CQuote) {
                    const QByteArrayView lit = t.tokenView(v.first + 1);
                    if (lit == "string")
                        out.push_back(Splice{start, end, "string"});
                    else if (lit == "list")
                        out.push_back(Splice{start, end, "list(string)"});
                    else if (lit == "map")
                        out.push_back(Splice{start, end, "map(string)"});
                }
                continue;
            }
            if (n < 5 || tokType(v.first) != Tok::OQuote ||
                tokType(v.first + 1) != Tok::TemplateInterp ||
                tokType(v.last - 1) != Tok::TemplateSeqEnd || tokType(v.last) != Tok::CQuote)
                continue;
            // Only a provably single interpolation: no other template delimiter or literal
            // text outside nested quotes.
            int quotes = 0;
            bool single = true;
            for (int i = v.first + 2; i <= v.last - 2 && single; ++i) {
                const Tok ty = tokType(i);
                if (ty == Tok::OQuote)
                    ++quotes;
                else if (ty == Tok::CQuote)
                    --quotes;
                else if (quotes == 0 && (ty == Tok::TemplateInterp || ty == Tok::TemplateSeqEnd ||
                                         ty == Tok::QuotedLit))
                    single = false;
            }
            if (!single)
                continue;
            int first = v.first + 2;
            int last = v.last - 2;
            while (first <= last && tokType(first) == Tok::Newline)
                ++first;
            while (last >= first && tokType(last) == Tok::Newline)
                --last;
            if (first > last)
                continue;
            bool multiLine = false;
            for (int i = first; i <= last; ++i)
                multiLine = multiLine || tokType(i) == Tok::Newline;
            QByteArray inner = range(first, last);
            if (multiLine && !(tokType(first) == Tok::OParen && tokType(last) == Tok::CParen))
                inner = "(" + inner + ")";
            out.push_back(Splice{start, end, inner});
            continue;
        }
        const Block &b = *item.block;
        // Every label is written again from its value (Terraform sets them anew), quoted and
        // escaped as hclwrite escapes strings.
        for (const Expr &label : b.labels) {
            const QByteArray quoted = quoteHcl(keyText(t, label));
            if (t.source(label) != quoted)
                out.push_back(Splice{t.startOf(label), t.endOf(label), quoted});
        }
        inBlocks.append(QString::fromUtf8(t.tokenView(b.type)));
        terraformRewrites(t, b.body, inBlocks, out);
        inBlocks.removeLast();
    }
}

} // namespace

QByteArray formatTerraform(const QByteArray &text)
{
    auto tree = parseHcl(text, QString());
    if (!tree)
        return text;
    std::vector<Splice> splices;
    QStringList inBlocks;
    terraformRewrites(**tree, (*tree)->body, inBlocks, splices);
    if (splices.empty())
        return formatTokens(text, (*tree)->tokens);
    const QByteArray rewritten = applySplices(text, std::move(splices));
    auto tokens = lexHcl(rewritten, QString());
    if (!tokens) // cannot happen: every rewrite is a complete expression or label
        return formatTokens(text, (*tree)->tokens);
    return formatTokens(rewritten, *tokens);
}

bool isTerraformFile(const QString &fileName)
{
    for (const char *suffix : {".tf", ".tfvars", ".tftest.hcl", ".tofu", ".tofutest.hcl"})
        if (fileName.endsWith(QLatin1String(suffix)))
            return true;
    return false;
}

Result<QStringList> parsePath(const QString &path)
{
    // Every part is checked before anything is looked up or written: no empty part (`a..b`,
    // `a.""`, a trailing '.'), quotes balanced and around a whole part, at most three parts.
    auto bad = [&](const QString &why) {
        return fail(Error::Code::Usage, tr("invalid path %1: %2").arg(path, why));
    };
    QStringList parts;
    qsizetype i = 0;
    while (true) {
        if (i < path.size() && path[i] == u'"') {
            qsizetype j = i + 1;
            while (j < path.size() && path[j] != u'"')
                j += path[j] == u'\\' ? 2 : 1;
            if (j >= path.size())
                return bad(tr("a quote is not closed"));
            auto part = Value::fromJsonText(path.mid(i, j - i + 1).toUtf8());
            if (!part || part->type() != Value::Type::String)
                return bad(tr("%1 is not a JSON string").arg(path.mid(i, j - i + 1)));
            if (part->str().isEmpty())
                return bad(tr("a part is empty"));
            parts.append(part->str());
            i = j + 1;
        } else {
            qsizetype j = path.indexOf(u'.', i);
            if (j < 0)
                j = path.size();
            const QString part = path.mid(i, j - i);
            if (part.isEmpty())
                return bad(tr("a part is empty"));
            if (part.contains(u'"'))
                return bad(tr("a quote inside %1: write a part with dots or quotes as a JSON "
                              "string, e.g. developers.\"a.b\".gcp")
                               .arg(part));
            parts.append(part);
            i = j;
        }
        if (i >= path.size())
            break;
        if (path[i] != u'.')
            return bad(tr("expected '.' after a quoted part"));
        if (++i >= path.size())
            return bad(tr("a part is empty"));
    }
    // "module.<label>.<argument>" names a map on its own.
    if (parts.size() >= 3 && parts[0] == u"module") {
        parts[0] = parts.mid(0, 3).join(u'.');
        parts.remove(1, 2);
    }
    if (parts.size() > 3)
        return bad(tr("a path is MAP, MAP.KEY or MAP.KEY.FIELD"));
    return parts;
}

} // namespace kanri::hcl
