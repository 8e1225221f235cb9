#pragma once

// Kanri's HCL engine against HashiCorp's (tests/hcl/oracle, built by CMake with Debian's Go and
// golang-github-hashicorp-hcl-v2-dev): shared by tst_hcldiff (the demo and generated files) and
// tst_hcldiffcorpus (../shared/conformance/hcl).
//
// For each file: accept/reject must agree; for accepted native files the maps (names, source,
// line, kind, entries, fields, value kinds), every entry's and field's typed value (literal
// values compared by meaning, numbers digit for digit; expressions by source text), hclwrite's
// layout (formatHcl) and `terraform fmt` (formatTerraform) must agree.

#include "hcl/hcldocument.h"
#include "tests/testsupport/testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>

#include <optional>

namespace kanri::test::hcldiff {

// The reference program built by CMake (empty when Go or HashiCorp's HCL is missing).
inline QString oracle()
{
    const QString path = QStringLiteral(KANRI_HCL_ORACLE);
    return !path.isEmpty() && QFileInfo(path).isExecutable() ? path : QString();
}

struct OracleValue
{
    QStringList path;
    QByteArray typed; // JSON text
};

struct OracleResult
{
    bool ok = false;
    QStringList errors; // "line:column: summary: detail"
    QList<int> errorLines;
    QJsonObject maps;
    QList<OracleValue> values;
    std::optional<QByteArray> hclwrite;
    std::optional<QByteArray> terraform;
};

// Runs the reference on files; one result per file, in order. Empty with *error set when the
// program fails.
inline QList<OracleResult> runOracle(const QStringList &files, QString *error)
{
    QProcess p;
    p.start(oracle(), files);
    if (!p.waitForStarted(30000) || !p.waitForFinished(300000) ||
        p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("hcloracle failed: %1 %2")
                     .arg(p.errorString(), QString::fromUtf8(p.readAllStandardError()));
        return {};
    }
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput(), &pe);
    if (!doc.isArray() || doc.array().size() != files.size()) {
        *error = QStringLiteral("hcloracle printed no result array: %1").arg(pe.errorString());
        return {};
    }
    QList<OracleResult> out;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        OracleResult r;
        r.ok = o.value(u"ok").toBool();
        for (const QJsonValue &e : o.value(u"errors").toArray()) {
            const QJsonObject eo = e.toObject();
            r.errorLines.append(eo.value(u"line").toInt());
            r.errors.append(
                QStringLiteral("%1:%2: %3: %4")
                    .arg(eo.value(u"line").toInt())
                    .arg(eo.value(u"column").toInt())
                    .arg(eo.value(u"summary").toString(), eo.value(u"detail").toString()));
        }
        r.maps = o.value(u"maps").toObject();
        for (const QJsonValue &val : o.value(u"values").toArray()) {
            const QJsonObject vo = val.toObject();
            QStringList path;
            for (const QJsonValue &p : vo.value(u"path").toArray())
                path.append(p.toString());
            r.values.append(OracleValue{
                path, QByteArray::fromBase64(vo.value(u"typed").toString().toLatin1())});
        }
        // (base64: every byte as HCL wrote it)
        if (o.contains(u"hclwrite"))
            r.hclwrite = QByteArray::fromBase64(o.value(u"hclwrite").toString().toLatin1());
        if (o.contains(u"terraform"))
            r.terraform = QByteArray::fromBase64(o.value(u"terraform").toString().toLatin1());
        out.append(r);
    }
    return out;
}

inline QJsonObject mapsAsSidecar(const hcl::Document &doc)
{
    QJsonObject all;
    for (const hcl::MapInfo &m : doc.maps()) {
        QJsonObject o;
        o.insert(QStringLiteral("source"), m.source);
        o.insert(QStringLiteral("line"), m.line);
        o.insert(QStringLiteral("kind"), m.isList ? QStringLiteral("list") : QStringLiteral("map"));
        o.insert(QStringLiteral("count"), int(m.entries.size()));
        if (!m.isList) {
            QJsonArray keys;
            for (const hcl::MapEntry &e : m.entries)
                keys.append(e.key);
            o.insert(QStringLiteral("entries"), keys);
        }
        o.insert(QStringLiteral("fields"), QJsonArray::fromStringList(m.fields));
        QJsonArray kinds;
        for (hcl::ValueKind k : m.valueKinds)
            kinds.append(hcl::valueKindName(k));
        o.insert(QStringLiteral("value_kinds"), kinds);
        all.insert(m.name, o);
    }
    return all;
}

inline QString compact(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

// A typed value in a form that compares by meaning: numbers canonical, object keys sorted.
inline QByteArray canonical(const hcl::Value &v)
{
    switch (v.type()) {
    case hcl::Value::Type::Number:
        return "n:" + hcl::canonicalNumber(v.numberText());
    case hcl::Value::Type::List: {
        QByteArray out = "[";
        for (const hcl::Value &i : v.items())
            out += canonical(i) + ",";
        return out + "]";
    }
    case hcl::Value::Type::Object: {
        QList<std::pair<QString, QByteArray>> members;
        for (const hcl::Value::Member &m : v.members())
            members.append({m.first, canonical(m.second)});
        std::sort(members.begin(), members.end());
        QByteArray out = "{";
        for (const auto &[k, c] : members)
            out += hcl::Value::string(k).toJsonText() + ":" + c + ",";
        return out + "}";
    }
    case hcl::Value::Type::Expression:
        return "expr:" + hcl::Value::string(v.source()).toJsonText();
    default:
        return v.toJsonText();
    }
}

// The differences between Kanri and the reference on one file (empty when they agree). When
// both reject the file, *sameLine tells whether Kanri's error names a line HCL names too (not
// required: HCL reports every error it finds after recovering, Kanri the first its lexer or
// parser meets, and Kanri's lexer runs before its parser).
inline QStringList compare(const QString &name, const QByteArray &bytes, const OracleResult &r,
                           bool *sameLine = nullptr)
{
    QStringList problems;
    auto doc = hcl::Document::parse(bytes, name);
    if (bool(doc) != r.ok) {
        problems << (r.ok ? QStringLiteral("Kanri rejects what HCL accepts: %1")
                                .arg(doc.error().toString())
                          : QStringLiteral("Kanri accepts what HCL rejects: %1")
                                .arg(r.errors.join(QStringLiteral("; "))));
        return problems;
    }
    if (!doc) {
        if (doc.error().line <= 0 || doc.error().code != Error::Code::Syntax)
            problems << QStringLiteral("Kanri's error has no line: %1").arg(doc.error().toString());
        if (sameLine)
            *sameLine = r.errorLines.contains(doc.error().line);
        return problems;
    }
    if (doc->syntax() == hcl::Syntax::Json)
        return problems;
    // maps
    const QJsonObject got = mapsAsSidecar(*doc);
    if (got.keys() != r.maps.keys()) {
        problems << QStringLiteral("maps: Kanri %1, HCL %2")
                        .arg(got.keys().join(u','), r.maps.keys().join(u','));
    } else {
        for (const QString &m : got.keys()) {
            const QJsonObject g = got.value(m).toObject();
            const QJsonObject w = r.maps.value(m).toObject();
            for (const QString &f : w.keys())
                if (g.value(f) != w.value(f))
                    problems << QStringLiteral("map %1 %2: Kanri %3, HCL %4")
                                    .arg(m, f, compact(g.value(f)), compact(w.value(f)));
        }
    }
    // typed values; an entry (or a field) written twice is ambiguous and refused by Kanri
    QSet<QStringList> seen, twice;
    for (const OracleValue &v : r.values) {
        if (seen.contains(v.path))
            twice.insert(v.path);
        seen.insert(v.path);
    }
    for (const OracleValue &v : r.values) {
        if (twice.contains(v.path) || twice.contains(v.path.mid(0, 2)))
            continue;
        const QString where = v.path.join(QStringLiteral(" / "));
        auto want = hcl::Value::fromTypedJson(v.typed);
        if (!want) {
            problems << QStringLiteral("%1: HCL could not evaluate the literal: %2")
                            .arg(where, QString::fromUtf8(v.typed));
            continue;
        }
        auto have = doc->value(v.path);
        if (!have) {
            problems << QStringLiteral("%1: Kanri: %2").arg(where, have.error().toString());
            continue;
        }
        if (canonical(*have) != canonical(*want))
            problems << QStringLiteral("%1: Kanri %2, HCL %3")
                            .arg(where, QString::fromUtf8(have->toTypedJson()),
                                 QString::fromUtf8(v.typed));
    }
    // layout
    if (r.hclwrite && hcl::formatHcl(bytes) != *r.hclwrite)
        problems << QStringLiteral(
                        "formatHcl differs from hclwrite.Format:\n--- Kanri\n%1\n--- HCL\n%2")
                        .arg(QString::fromUtf8(hcl::formatHcl(bytes)),
                             QString::fromUtf8(*r.hclwrite));
    if (r.terraform && hcl::formatTerraform(bytes) != *r.terraform)
        problems << QStringLiteral(
                        "formatTerraform differs from terraform fmt:\n--- Kanri\n%1\n--- "
                        "reference\n%2")
                        .arg(QString::fromUtf8(hcl::formatTerraform(bytes)),
                             QString::fromUtf8(*r.terraform));
    return problems;
}

} // namespace kanri::test::hcldiff
