#pragma once

#include "core/result.h"

#include <QString>
#include <QVariant>

namespace kanri::argocd {

// Go's text/template as Argo CD's ApplicationSet controller runs it (`goTemplate: true`), with
// the sprig functions it offers (sprig's TxtFuncMap without env/expandenv/getHostByName, plus
// Argo CD's normalize, slugify, toYaml, fromYaml and fromYamlArray).
//
// The data is what encoding/json gives Go for generator parameters: a QVariantMap (keys range
// sorted, as Go ranges a map), QVariantList, QString, bool, double (every JSON number), qint64
// (results of sprig's integer functions and integer literals) and std::nullptr_t (JSON null).
//
// Grammar: text and actions `{{ }}` with the trim markers `{{- ` and ` -}}`, comments
// `{{/* */}}`; pipelines of commands joined by `|`, each a function with arguments or one
// operand; operands `.`, field chains `.a.b`, variables `$`, `$x.a`, declarations `$x := ` and
// assignments `$x = `, parenthesised pipelines with field chains, string ("..." and `raw`),
// character, number, true/false/nil literals; `if`/`else if`/`else`/`end`, `range` (with
// `$i, $v :=`, `else`, `break`, `continue`), `with`/`else with`. `define`, `template` and
// `block` are refused with an error. `and` and `or` stop at the first deciding argument.
struct GoTemplateOptions
{
    // goTemplateOptions ["missingkey=error"]: a missing map key is an error instead of
    // "<no value>".
    bool missingKeyError = false;
};

// Renders `text` with `data` as dot. Errors read like Go's: "template: :1:3: executing \"\" at
// <.x>: map has no entry for key \"x\"".
Result<QString> renderGoTemplate(const QString &text, const QVariant &data,
                                 const GoTemplateOptions &options = {});

// Argo CD's goTemplateOptions list ("missingkey=error", "missingkey=default", "missingkey=zero",
// "missingkey=invalid"); an unknown option is an error.
Result<GoTemplateOptions> parseGoTemplateOptions(const QStringList &options);

// How Go's fmt prints a value with %v (maps as map[k:v], lists as [a b], null as <nil>).
QString goPrint(const QVariant &value);

} // namespace kanri::argocd
