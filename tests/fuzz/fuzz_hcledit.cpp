// libFuzzer target for the HCL engine's edits driven by paths and values, as `kanri tf` and the
// GUI make them. The input is OP, then FILE, PATH and VALUE separated by NUL bytes:
//   OP bits 0-2: 0 read (then set back what was read), 1 set, 2 unset, 3 add, 4 remove,
//               5 rename (VALUE is the new key), 6 every read path of the file set back
//   OP bits 3-4: VALUE as 0 JSON, 1 HCL source (an expression), 2 the typed form
//   OP bit 5:    FILE in the JSON syntax (.tf.json) rather than the native one (.tfvars)
// Checked, whatever the input:
// - parsePath and the value readers never crash; a refused path or value changes nothing;
// - a refused edit leaves the document's bytes as they were;
// - a done edit leaves a file that parses, and reads back the value it wrote (a literal by
//   meaning, an expression by its source text unless that source is itself a literal);
// - value() then setField() of what it gave changes nothing (the round trip `get --typed` /
//   `set --typed` relies on); add then remove gives the original bytes.
#include "hcl/hcldocument.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <source_location>

using namespace kanri;
using namespace kanri::hcl;

namespace {

QByteArray currentInput; // for the failure report

void check(bool ok, std::source_location where = std::source_location::current())
{
    if (ok)
        return;
    std::fprintf(stderr,
                 "fuzz_hcledit: check failed at %s:%u (input saved as "
                 "fuzz_hcledit-failure)\n",
                 where.file_name(), unsigned(where.line()));
    if (std::FILE *f = std::fopen("fuzz_hcledit-failure", "wb")) {
        std::fwrite(currentInput.constData(), 1, std::size_t(currentInput.size()), f);
        std::fclose(f);
    }
    std::abort();
}

// Whether `got` is what setting `wanted` should read back as.
bool readsBackAs(const Value &got, const Value &wanted)
{
    if (wanted.isExpression())
        return !got.isExpression() || got.source() == wanted.source();
    return got == wanted;
}

// Reading `path` then setting it back changes nothing.
void setBack(const Document &doc, const QStringList &path)
{
    auto v = doc.value(path);
    if (!v || path.size() < 2)
        return;
    Document copy = doc;
    auto typed = Value::fromTypedJson(v->toTypedJson());
    check(typed && *typed == *v);
    check(copy.setField(path[0], path[1], path.value(2), *typed).has_value());
    check(copy.text() == doc.text());
}

void exercise(char op, const QByteArray &file, const QString &pathText, const QByteArray &valueText)
{
    const QString name =
        (op & 0x20) ? QStringLiteral("fuzz.tf.json") : QStringLiteral("fuzz.tfvars");
    auto parsed = Document::parse(file, name);
    if (!parsed)
        return;
    const Document doc = *parsed;
    const auto path = parsePath(pathText);
    Result<Value> value = fail(Error::Code::Usage, QString());
    switch ((op >> 3) & 3) {
    case 1:
        value = Value::expression(QString::fromUtf8(valueText).trimmed());
        break;
    case 2:
        value = Value::fromTypedJson(valueText);
        break;
    default:
        value = Value::fromJsonText(valueText);
        break;
    }
    if ((op & 7) == 6) {
        for (const MapInfo &m : doc.maps()) {
            for (const MapEntry &e : m.entries) {
                setBack(doc, {m.name, e.key});
                for (auto it = e.fields.begin(); it != e.fields.end(); ++it)
                    setBack(doc, {m.name, e.key, it.key()});
            }
        }
        return;
    }
    if (!path)
        return;
    const QStringList &p = *path;
    Document edited = doc;
    Result<void> r = fail(Error::Code::Usage, QString());
    switch (op & 7) {
    case 0:
        setBack(doc, p);
        (void)doc.get(p);
        return;
    case 1:
        if (!value || p.size() < 2)
            return;
        r = edited.setField(p[0], p[1], p.value(2), *value);
        break;
    case 2:
        if (p.size() != 3)
            return;
        r = edited.unsetField(p[0], p[1], p[2]);
        break;
    case 3:
        if (!value || p.size() != 2)
            return;
        r = edited.addEntry(p[0], p[1], *value);
        break;
    case 4:
        if (p.size() != 2)
            return;
        r = edited.removeEntry(p[0], p[1]);
        break;
    case 5:
        if (p.size() != 2)
            return;
        r = edited.renameEntry(p[0], p[1], QString::fromUtf8(valueText));
        break;
    default:
        return;
    }
    if (!r) {
        check(edited.text() == doc.text()); // refused: nothing changed
        return;
    }
    auto again = Document::parse(edited.text(), name);
    check(again.has_value());
    // the edited document and a fresh parse of its bytes agree
    check(again->maps().size() == edited.maps().size());
    if ((op & 7) == 1) {
        // (a list map whose elements are no longer objects is no longer a map)
        auto got = again->value(p);
        check(got.has_value() ? readsBackAs(*got, *value) : !again->map(p[0]).has_value());
        setBack(*again, p);
    }
    if ((op & 7) == 3) {
        // (a list map appends, whatever the key)
        const MapInfo m = *again->map(p[0]);
        const QString added = m.isList ? QString::number(m.entries.size() - 1) : p[1];
        auto got = again->value({p[0], added});
        check(got.has_value() && readsBackAs(*got, *value));
        Document removed = edited;
        check(removed.removeEntry(p[0], added).has_value());
        check(removed.text() == doc.text());
    }
    (void)formatHcl(edited.text());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    currentInput = bytes;
    if (bytes.isEmpty())
        return 0;
    const QList<QByteArray> parts = bytes.mid(1).split('\0');
    if (parts.size() < 3)
        return 0;
    exercise(bytes[0], parts[0], QString::fromUtf8(parts[1]), parts.mid(2).join('\0'));
    return 0;
}
