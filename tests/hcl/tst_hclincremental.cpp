// An edit inside one map entry updates the parsed tree and the cached maps() in place instead of
// parsing the file again. These tests make long random series of edits on one document and
// check after each that it agrees with a document parsed from its bytes: the same maps(), the
// same values, and the same bytes when the next edit is made on both. Any drift of the
// incremental path (a token offset, a line, a field union) shows up as a difference.

#include "hcl/hcldocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace kanri::hcl;

namespace {

QString dump(const QList<MapInfo> &maps)
{
    QString out;
    for (const MapInfo &m : maps) {
        out += QStringLiteral("map %1 (%2) line %3%4\n")
                   .arg(m.name, m.source)
                   .arg(m.line)
                   .arg(m.isList ? QStringLiteral(" list") : QString());
        out += QStringLiteral("  fields %1\n").arg(m.fields.join(u','));
        QStringList kinds;
        for (ValueKind k : m.valueKinds)
            kinds << valueKindName(k);
        out += QStringLiteral("  kinds %1\n").arg(kinds.join(u','));
        QStringList schema;
        for (const FieldSchema &f : m.schema)
            schema << f.name + u':' + f.type + (f.optional ? QStringLiteral("?") : QString());
        out += QStringLiteral("  schema %1\n").arg(schema.join(u','));
        for (const MapEntry &e : m.entries) {
            const QJsonDocument value = e.value.isObject()  ? QJsonDocument(e.value.toObject())
                                        : e.value.isArray() ? QJsonDocument(e.value.toArray())
                                                            : QJsonDocument(QJsonArray{e.value});
            out +=
                QStringLiteral("  %1 line %2 %3 %4 fields %5\n")
                    .arg(e.key)
                    .arg(e.line)
                    .arg(valueKindName(e.kind),
                         QString::fromUtf8(value.toJson(QJsonDocument::Compact)))
                    .arg(QString::fromUtf8(QJsonDocument(e.fields).toJson(QJsonDocument::Compact)));
        }
    }
    return out;
}

struct Edit
{
    enum Kind { Set, Unset, Add, Remove, Rename } kind = Set;
    QString map, key, field, newKey;
    QJsonValue value;

    QString toString() const
    {
        static const char *names[] = {"set", "unset", "add", "remove", "rename"};
        const QJsonDocument v = QJsonDocument(QJsonArray{value}); // wrapped: scalars print too
        return QStringLiteral("%1 %2.%3.%4 %5 %6")
            .arg(QLatin1String(names[kind]), map, key, field, newKey,
                 QString::fromUtf8(v.toJson(QJsonDocument::Compact)));
    }
};

kanri::Result<void> apply(Document &doc, const Edit &e)
{
    switch (e.kind) {
    case Edit::Set:
        return doc.setField(e.map, e.key, e.field, e.value);
    case Edit::Unset:
        return doc.unsetField(e.map, e.key, e.field);
    case Edit::Add:
        return doc.addEntry(e.map, e.key, e.value);
    case Edit::Remove:
        return doc.removeEntry(e.map, e.key);
    case Edit::Rename:
        return doc.renameEntry(e.map, e.key, e.newKey);
    }
    return {};
}

QJsonValue randomScalar(QRandomGenerator &rng)
{
    static const QStringList words = {
        QStringLiteral("a"),
        QStringLiteral("Developer Name"),
        QString(),
        QStringLiteral("with \"quotes\" and \\ backslash"),
        QStringLiteral("line one\nline two"),
        QStringLiteral("${not_interpolated}"),
        QStringLiteral("日本語の名前"),
        QStringLiteral("a rather long value that makes the line much longer than before"),
    };
    switch (rng.bounded(5)) {
    case 0:
        return rng.bounded(2) == 0;
    case 1:
        return double(rng.bounded(1000));
    case 2:
        return QJsonArray{QStringLiteral("x"), QStringLiteral("y z")};
    default:
        return words[rng.bounded(int(words.size()))];
    }
}

QJsonObject randomObject(QRandomGenerator &rng, const QStringList &fields)
{
    QJsonObject o;
    for (const QString &f : fields)
        if (rng.bounded(3) != 0)
            o.insert(f, randomScalar(rng));
    if (o.isEmpty())
        o.insert(fields.value(0, QStringLiteral("name")), randomScalar(rng));
    return o;
}

Edit randomEdit(QRandomGenerator &rng, const Document &doc, int &counter)
{
    static const QStringList extraFields = {QStringLiteral("team"), QStringLiteral("x"),
                                            QStringLiteral("a_very_long_field_name"),
                                            QStringLiteral("email")};
    const QList<MapInfo> maps = Document::parse(doc.text(), doc.fileName())->maps();
    // Mostly the object maps; lists and other maps now and then.
    QList<MapInfo> objectMaps;
    for (const MapInfo &m : maps)
        if (!m.isList && !m.entries.isEmpty())
            objectMaps << m;
    const MapInfo m = (rng.bounded(6) == 0 || objectMaps.isEmpty())
                          ? maps[rng.bounded(int(maps.size()))]
                          : objectMaps[rng.bounded(int(objectMaps.size()))];
    Edit e;
    e.map = m.name;
    if (m.entries.isEmpty()) {
        e.kind = Edit::Add;
        e.key = m.isList ? QString() : QStringLiteral("k%1").arg(++counter);
        e.value = randomObject(rng, m.fields);
        return e;
    }
    const MapEntry &entry = m.entries[rng.bounded(int(m.entries.size()))];
    e.key = entry.key;
    const QStringList fields = entry.fields.keys();
    const int r = rng.bounded(100);
    if (r < 45 && !fields.isEmpty()) {
        e.field = fields[rng.bounded(int(fields.size()))];
        e.value = randomScalar(rng);
    } else if (r < 57) {
        e.field = extraFields[rng.bounded(int(extraFields.size()))];
        e.value = randomScalar(rng);
    } else if (r < 67 && fields.size() > 1) {
        e.kind = Edit::Unset;
        e.field = fields[rng.bounded(int(fields.size()))];
    } else if (r < 77 && !m.isList) {
        e.kind = Edit::Rename;
        e.newKey = rng.bounded(2) ? QStringLiteral("k%1").arg(++counter)
                                  : QStringLiteral("a_much_longer_key_%1").arg(++counter);
    } else if (r < 87) {
        e.value = randomObject(rng, m.fields.isEmpty() ? extraFields : m.fields);
    } else if (r < 93) {
        e.kind = Edit::Add;
        e.key = m.isList ? QString() : QStringLiteral("k%1").arg(++counter);
        e.value = randomObject(rng, m.fields.isEmpty() ? extraFields : m.fields);
    } else if (m.entries.size() > 1) {
        e.kind = Edit::Remove;
    } else {
        e.field = extraFields[0];
        e.value = randomScalar(rng);
    }
    return e;
}

QByteArray entries(int n, const char *indent)
{
    QByteArray out;
    for (int i = 0; i < n; ++i) {
        const QByteArray in(indent);
        out += in + "dev" + QByteArray::number(i) + " = {\n";
        out += in + "  name   = \"Developer " + QByteArray::number(i) + "\"\n";
        out += in + "  github = \"gh-" + QByteArray::number(i) + "\" # the login\n";
        if (i % 3 == 0)
            out += in + "  admin  = true\n";
        out += in + "  groups = [\"g\"]\n";
        out += in + "}\n";
    }
    return out;
}

} // namespace

class TestHclIncremental : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomEditsMatchAFullParse_data();
    void randomEditsMatchAFullParse();
    void anEditOfOneEntryKeepsTheOtherValuesShared();
};

void TestHclIncremental::randomEditsMatchAFullParse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QList<FieldSchema>>("schema");
    QTest::addColumn<quint32>("seed");

    QTest::newRow("a formatted tfvars map with aligned fields and comments")
        << "# developers\ndevelopers = {\n" + entries(12, "  ") + "}\n"
        << QStringLiteral("developers.auto.tfvars") << QList<FieldSchema>{} << 1u;
    QTest::newRow("the same map under another seed")
        << "developers = {\n" + entries(12, "  ") + "}\n"
        << QStringLiteral("developers.auto.tfvars") << QList<FieldSchema>{} << 7u;
    QTest::newRow("a map that terraform fmt would change (edits touch nothing else)")
        << "developers  =  {\n" + entries(8, "   ") + "}\nother = 1\n"
        << QStringLiteral("developers.auto.tfvars") << QList<FieldSchema>{} << 2u;
    QTest::newRow("two maps in locals, then a list of objects and a variable with a schema")
        << "locals {\n  microservices = {\n" + entries(5, "    ") +
               "  }\n  teams = {\n    a = { lead = \"x\", size = 3 }\n"
               "    b = { lead = \"y\", size = 4 }\n  }\n}\n\n"
               "people = [\n  { name = \"p\" },\n  { name = \"q\" },\n]\n"
               "variable \"extra\" {\n  type = map(object({ name = string }))\n"
               "  default = {\n    one = {\n      name = \"One\"\n    }\n  }\n}\n"
        << QStringLiteral("main.tf") << QList<FieldSchema>{} << 3u;
    QTest::newRow("one-line entries with commas and quoted keys")
        << QByteArray("services = {\n  \"svc-a\" = { team = \"t1\", ns = \"a\" },\n"
                      "  \"svc-b\" = { team = \"t2\", ns = \"b\" },\n"
                      "  \"svc-c\" = { team = \"t3\", ns = \"c\" },\n}\n")
        << QStringLiteral("services.tfvars") << QList<FieldSchema>{} << 4u;
    QTest::newRow("CRLF line endings")
        << QByteArray("developers = {\n" + entries(6, "  ") + "}\n").replace("\n", "\r\n")
        << QStringLiteral("crlf.tfvars") << QList<FieldSchema>{} << 5u;
    QTest::newRow("an attached schema orders new fields")
        << "developers = {\n" + entries(6, "  ") + "}\n"
        << QStringLiteral("schema.tfvars")
        << QList<FieldSchema>{{QStringLiteral("name"), QStringLiteral("string"), false, {}},
                              {QStringLiteral("team"), QStringLiteral("string"), true,
                               QJsonValue(QStringLiteral("none"))},
                              {QStringLiteral("github"), QStringLiteral("string"), false, {}}}
        << 6u;
}

void TestHclIncremental::randomEditsMatchAFullParse()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, fileName);
    QFETCH(QList<FieldSchema>, schema);
    QFETCH(quint32, seed);

    auto parsed = Document::parse(text, fileName);
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().toString()));
    Document doc = std::move(*parsed);
    if (!schema.isEmpty())
        doc.attachSchema(doc.maps().constFirst().name, schema);
    QRandomGenerator rng(seed);
    int counter = 0;
    int applied = 0;
    for (int step = 0; step < 300; ++step) {
        const Edit edit = randomEdit(rng, doc, counter);
        auto fresh = Document::parse(doc.text(), fileName);
        QVERIFY(fresh.has_value());
        if (!schema.isEmpty())
            fresh->attachSchema(doc.maps().constFirst().name, schema);
        const auto r1 = apply(doc, edit);
        const auto r2 = apply(*fresh, edit);
        const QByteArray context =
            QStringLiteral("step %1: %2").arg(step).arg(edit.toString()).toUtf8();
        QVERIFY2(r1.has_value() == r2.has_value(), context.constData());
        if (!r1) {
            QCOMPARE(r1.error().toString(), r2.error().toString());
            continue;
        }
        ++applied;
        QVERIFY2(doc.text() == fresh->text(), (context + "\n--- incremental:\n" + doc.text() +
                                               "\n--- full parse:\n" + fresh->text())
                                                  .constData());
        // The cached maps are compared most of the time; in between they stay uncached, so
        // both an update of the cache and a first discovery on the updated tree are checked.
        if (rng.bounded(4) != 0) {
            auto reparsed = Document::parse(doc.text(), fileName);
            QVERIFY2(reparsed.has_value(), context.constData());
            if (!schema.isEmpty())
                reparsed->attachSchema(doc.maps().constFirst().name, schema);
            const QString a = dump(doc.maps());
            const QString b = dump(reparsed->maps());
            if (a != b)
                QFAIL((context + "\n--- incremental maps():\n" + a.toUtf8() +
                       "\n--- after a full parse:\n" + b.toUtf8())
                          .constData());
            QCOMPARE(doc.get({edit.map}).value_or(QJsonValue()),
                     reparsed->get({edit.map}).value_or(QJsonValue()));
        }
    }
    QVERIFY2(applied > 200, QByteArray::number(applied).constData());
}

void TestHclIncremental::anEditOfOneEntryKeepsTheOtherValuesShared()
{
    // The incremental path, seen from outside: a copy made before the edit keeps its own
    // (unchanged) maps; the edited document reports the new value and moved lines.
    auto parsed =
        Document::parse("developers = {\n" + entries(4, "  ") + "}\n", QStringLiteral("d.tfvars"));
    QVERIFY(parsed.has_value());
    Document doc = std::move(*parsed);
    const QList<MapInfo> before = doc.maps();
    const Document copy = doc;
    QVERIFY(doc.setField(QStringLiteral("developers"), QStringLiteral("dev1"),
                         QStringLiteral("team"), QStringLiteral("core")));
    const QList<MapInfo> after = doc.maps();
    QCOMPARE(after[0].entries[1].fields.value(QStringLiteral("team")).toString(),
             QStringLiteral("core"));
    QCOMPARE(after[0].entries[2].line, before[0].entries[2].line + 1);
    QCOMPARE(after[0].fields.last(), QStringLiteral("team"));
    QCOMPARE(dump(copy.maps()), dump(before));
    QCOMPARE(dump(after), dump(Document::parse(doc.text(), doc.fileName())->maps()));
}

QTEST_GUILESS_MAIN(TestHclIncremental)
#include "tst_hclincremental.moc"
