// libFuzzer target for the HCL engine (parser, editor, formatter):
// - parsing never crashes, and an accepted file prints back byte for byte;
// - formatting (hclwrite layout and terraform fmt) gives a file that parses, is idempotent and
//   changes only whitespace (hclwrite);
// - a successful edit (add, remove, set, unset, rename) always leaves a file that parses;
//   setting a value to what it already is (its typed value) changes nothing; add then remove
//   gives the original.
#include "hcl/hcldocument.h"

#include <QJsonObject>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <source_location>

using namespace kanri::hcl;

namespace {

QByteArray withoutWhitespace(QByteArray b)
{
    b.removeIf([](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
    return b;
}

QByteArray currentInput; // for the failure report

void check(bool ok, std::source_location where = std::source_location::current())
{
    if (ok)
        return;
    std::fprintf(stderr, "fuzz_hcl: check failed at %s:%u (input saved as fuzz_hcl-failure)\n",
                 where.file_name(), unsigned(where.line()));
    if (std::FILE *f = std::fopen("fuzz_hcl-failure", "wb")) {
        std::fwrite(currentInput.constData(), 1, std::size_t(currentInput.size()), f);
        std::fclose(f);
    }
    std::abort();
}

void exercise(const QByteArray &bytes, const QString &name)
{
    auto doc = Document::parse(bytes, name);
    if (!doc)
        return;
    check(doc->text() == bytes);
    const QList<MapInfo> maps = doc->maps();
    if (!name.endsWith(QLatin1String(".json"))) {
        const QByteArray formatted = formatHcl(bytes);
        check(formatHcl(formatted) == formatted);
        check(Document::parse(formatted, name).has_value());
        // (a byte-order mark is dropped, as hclwrite drops it)
        check(withoutWhitespace(formatted) ==
              withoutWhitespace(bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes));
        const QByteArray terraform = formatTerraform(bytes);
        check(formatTerraform(terraform) == terraform);
        check(Document::parse(terraform, name).has_value());
    }
    for (const MapInfo &m : maps) {
        Document edited = *doc;
        if (edited.addEntry(m.name, QStringLiteral("fuzz-key"),
                            QJsonObject{{QStringLiteral("a"), 1}})) {
            check(Document::parse(edited.text(), name).has_value());
            const QString added =
                m.isList ? QString::number(m.entries.size()) : QStringLiteral("fuzz-key");
            if (edited.removeEntry(m.name, added))
                check(edited.text() == bytes);
        }
        if (m.entries.isEmpty())
            continue;
        const MapEntry &e = m.entries.front();
        Document removed = *doc;
        if (removed.removeEntry(m.name, e.key))
            check(Document::parse(removed.text(), name).has_value());
        if (e.kind == ValueKind::Object) {
            for (auto it = e.fields.begin(); it != e.fields.end(); ++it) {
                // the typed value read, set back, changes nothing (a field written twice in
                // one entry is refused)
                if (auto v = doc->value({m.name, e.key, it.key()})) {
                    Document same = *doc;
                    check(same.setField(m.name, e.key, it.key(), *v).has_value());
                    check(same.text() == bytes);
                }
                Document unset = *doc;
                if (unset.unsetField(m.name, e.key, it.key()))
                    check(Document::parse(unset.text(), name).has_value());
                break;
            }
        }
        Document set = *doc;
        if (set.setField(m.name, e.key,
                         e.kind == ValueKind::Object ? QStringLiteral("f") : QString(),
                         QStringLiteral("v\"${x}")))
            check(Document::parse(set.text(), name).has_value());
        if (!m.isList) {
            Document renamed = *doc;
            if (renamed.renameEntry(m.name, e.key, QStringLiteral("new key")))
                check(Document::parse(renamed.text(), name).has_value());
        }
        break; // one map is enough per input
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    currentInput = bytes;
    exercise(bytes, QStringLiteral("fuzz.tfvars"));
    exercise(bytes, QStringLiteral("fuzz.tf.json"));
    return 0;
}
