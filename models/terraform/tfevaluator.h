#pragma once

#include "core/result.h"
#include "terraform/tfimpact.h"
#include "terraform/tfvalue.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <map>
#include <utility>
#include <vector>

// The evaluation of a Terraform root module and the local modules it calls, with Terraform's
// semantics for what the offline impact needs:
//
// - variables: their default, then terraform.tfvars, then *.auto.tfvars in lexical order (a
//   later file wins), converted to the declared type with the defaults of optional(T, default)
//   attributes filled in (and `nullable = false` honoured); JSON variable files are reported,
//   not read;
// - locals (lazily, a cycle is an error), var, each.key/each.value, count.index, path.module,
//   terraform.workspace ("default"), module outputs, and resources and data sources: a
//   reference to one is its instances (a map by for_each key, a list by count index, or one
//   object) whose configured arguments are known and whose other attributes are unknown;
// - every operator, conditionals, for expressions (tuple and object, `if`, grouping `...`),
//   splats, templates with interpolations and %{if}/%{for} directives and strip markers, try,
//   can and the functions of tffunctions.h;
// - modules whose source is a local path ("./modules/x"), their variables from the module
//   block's arguments, their outputs back; moved blocks.
//
// Anything else (other functions, provider-defined functions, remote modules, JSON syntax,
// override files) evaluates to unknown and is reported in `notes`. Evaluation is bounded: a
// step budget, a nesting limit for modules and references, a size limit for what functions
// build; `cancel` is polled.
namespace kanri::terraform {

struct InstanceInfo
{
    QString file;
    int line = 0;
    QString resource; // the resource's address without instance key, module path included
    // Arguments in the order of the block: attributes, then nested blocks (each type as a
    // list of objects), meta-arguments (count, for_each, depends_on, provider, lifecycle...)
    // left out.
    std::vector<std::pair<QString, Value>> arguments;
};

struct Evaluation
{
    std::map<QString, InstanceInfo> instances; // by full address
    // Resources and module calls whose instances could not be listed (unknown for_each or
    // count, remote module): the changes of addresses below them are not reported.
    QStringList unknownPrefixes;
    std::vector<std::pair<QString, QString>> moved; // from, to: full addresses, in order
    QStringList notes;                              // "file:line:col: what"
};

// Evaluates the root module of `files` (paths relative to it). Fails on a file that does not
// parse and when cancelled.
Result<Evaluation> evaluateModule(const TfFiles &files, const std::atomic_bool *cancel = nullptr);

// Evaluates one expression in the root module of `files` (var, local, resources... as in the
// files): what tests and the command line's debugging use. `notes` receives what was not
// evaluated.
Result<Value> evaluateExpression(const TfFiles &files, const QString &expression,
                                 QStringList *notes = nullptr);

// The address text of an instance key: ["a"] for a string, [0] for a number.
QString instanceKeyText(const Value &key);

} // namespace kanri::terraform
