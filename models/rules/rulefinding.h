#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace kanri::platform {

enum class Severity { Info, Warning, Error };

QString severityName(Severity severity); // "info", "warning", "error"
// The same as the window shows it: in the user's language.
QString severityText(Severity severity);
std::optional<Severity> severityFromName(const QString &name);

// One broken platform rule. The location is in the file the user edits (a base resource, an
// overlay patch, the images entry of a kustomization, a Terraform map entry), not in the
// rendered output.
struct Finding
{
    QString rule; // "k8s/deprecated-api"
    Severity severity = Severity::Warning;
    QString message;
    QString hint;       // how to fix it
    QString repository; // absolute root of the repository holding `path`
    QString path;       // relative to `repository`; empty when no file applies
    QString file;       // as shown to the user: relative to the workspace (or the repository)
    int line = 0;       // 1-based; 0 when unknown
    int column = 0;
    QString service;     // the service the finding is about, when there is one
    QString environment; // the overlay ("prd") when it came from rendering one

    // The identity used to compare findings of two revisions: line shifts do not matter.
    QString identity() const;
};

// Sorted by file, line, column, rule; duplicates (same rule, file, line, message: one base
// resource seen through three overlays) dropped.
QList<Finding> sortedUnique(QList<Finding> findings);

enum class ReportFormat { Text, Json, Github, Sarif };
std::optional<ReportFormat> reportFormatFromName(const QString &name);

// text:   `file:line:col: severity: message [rule]` and an indented `hint: ...` line
// json:   an array of objects {rule, severity, message, hint, file, path, line, column, ...}
// github: workflow commands `::error file=PATH,line=N,col=C,title=RULE::message`, PATH
//         relative to the repository root, `%`, CR and LF escaped as GitHub requires
// sarif:  SARIF 2.1.0 with one run, the rules that fired and one result per finding
QByteArray formatFindings(const QList<Finding> &findings, ReportFormat format);

// The rule ids Kanri knows, with a one-line description (for SARIF and documentation).
struct RuleInfo
{
    const char *id;
    Severity defaultSeverity;
    const char *description;
};
const QList<RuleInfo> &ruleCatalog();
// A rule's description in the user's language (the catalog's text is English, for SARIF).
QString ruleDescription(const RuleInfo &rule);

} // namespace kanri::platform
