#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <atomic>

// What an edit of a Terraform root module does to its resource instances, computed offline:
// no terraform, no state, no provider. Both sides are evaluated with Terraform's semantics
// (variables with their defaults, terraform.tfvars and *.auto.tfvars, locals, for_each/count,
// references to other resources' instance keys, local modules, moved blocks; see
// tfevaluator.h) and their instance addresses compared. It promises addresses, not a plan:
// attributes a provider computes (ids, ARNs) are "(known after apply)", and whatever the
// evaluator does not implement is listed in Impact::notEvaluated instead of being guessed.
namespace kanri::terraform {

// The files of a root module and of the local modules it calls: path relative to the root
// module, '/'-separated ("main.tf", "modules/x/variables.tf") -> contents. Only *.tf and
// *.tfvars files are read (*.tf.json and *.tfvars.json are listed as not evaluated).
using TfFiles = QMap<QString, QByteArray>;

// An argument of an instance, its value rendered as HCL ("user:a@example.com" quoted, lists
// and objects on one line), or "(known after apply)" when it cannot be computed offline. Empty
// on the side where the instance does not exist.
struct ArgumentChange
{
    QString name;
    QString before;
    QString after;
    friend bool operator==(const ArgumentChange &, const ArgumentChange &) = default;
};

struct InstanceChange
{
    enum class Kind { Add, Remove, Move, Update };
    Kind kind = Kind::Update;
    QString address;         // full instance address: module.m["k"].aws_iam_user.developer["a"]
    QString previousAddress; // Move: where it was; empty otherwise
    // Add: every argument (before empty); Remove: every argument (after empty); Update and
    // Move: only the arguments whose rendered value differs.
    QList<ArgumentChange> arguments;
    QString file; // the block declaring the resource on the side it exists (after for Move)
    int line = 0;
    friend bool operator==(const InstanceChange &, const InstanceChange &) = default;
};

struct Impact
{
    // Sorted by address, as terraform plan lists them.
    QList<InstanceChange> changes;
    // "file:line:col: what could not be evaluated", by file and position, without duplicates
    // (of both sides: what the old side could not evaluate also hides changes): a for_each or
    // count that is not known offline (its instances are then missing from `changes`), a
    // function or construct the evaluator does not implement, an error Terraform would report.
    QStringList notEvaluated;

    int toAdd() const;
    int toRemove() const;
    int toMove() const;
    int toUpdate() const;
    bool isEmpty() const { return changes.isEmpty(); }
};

// Compares the instances of the root module in `before` with those in `after`. Fails only on a
// file that does not parse (Error{Code::Syntax} with file, line and column) or when cancelled
// (Code::Cancelled); everything that parses is evaluated as far as it can be. Bounded in time
// and memory whatever the input (cycles, deep recursion, huge setproduct are reported, not
// followed). Thread-safe: no shared state; `cancel` is polled.
Result<Impact> computeImpact(const TfFiles &before, const TfFiles &after,
                             const std::atomic_bool *cancel = nullptr);

// The *.tf and *.tfvars (and .json) files of `dir` and of the folders below it (hidden folders
// and .terraform skipped; at most a few thousand files of at most a few MiB each), keyed as
// TfFiles wants.
Result<TfFiles> readModuleFiles(const QString &dir);

// The same files as committed at `ref` ("HEAD", a branch, a commit) in the git repository that
// holds `dir` (dir may be a subfolder of the repository).
Result<TfFiles> readModuleFilesAtRef(const QString &dir, const QString &ref);

class ImpactText
{
    Q_DECLARE_TR_FUNCTIONS(kanri::terraform::ImpactText)

public:
    // "accounts: 3 to add, 1 to remove" ("accounts: no change to instances" when empty); the
    // parts that are zero are left out; `label` names the repository or module.
    static QString summary(const Impact &impact, const QString &label);
};

// Like terraform plan's list: one line per instance ("+ aws_iam_user.developer[\"a\"]",
// "- ...", "~ ...", "-> a moved to b"), the changed arguments of updates and moves indented
// below them (`    ~ member = "user:a" -> "user:b"`), then the notes of what was not
// evaluated, then the summary line. English (the command line's language).
QString formatImpactText(const Impact &impact, const QString &label);

// {"summary": {"add": N, "remove": N, "move": N, "update": N},
//  "changes": [{"action": "add"|"remove"|"move"|"update", "address", "previous_address"?,
//               "file", "line", "arguments": [{"name", "before", "after"}]}],
//  "not_evaluated": ["file:line:col: ..."]}
QJsonObject impactToJson(const Impact &impact);

} // namespace kanri::terraform
