// libFuzzer target for the HCL engine: parsing never crashes, an accepted file prints back
// byte for byte, formatting is idempotent, and a successful edit always leaves a file that parses.
#include "hcldocument.h"

#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

using namespace kanri::hcl;

namespace {

void check(bool ok)
{
    if (!ok)
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
    }
    for (const MapInfo &m : maps) {
        Document edited = *doc;
        if (edited.addEntry(m.name, QStringLiteral("fuzz-key"),
                            QJsonObject{{QStringLiteral("a"), 1}}))
            check(Document::parse(edited.text(), name).has_value());
        if (m.entries.isEmpty())
            continue;
        const MapEntry &e = m.entries.front();
        Document removed = *doc;
        if (removed.removeEntry(m.name, e.key))
            check(Document::parse(removed.text(), name).has_value());
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
    exercise(bytes, QStringLiteral("fuzz.tfvars"));
    exercise(bytes, QStringLiteral("fuzz.tf.json"));
    return 0;
}
