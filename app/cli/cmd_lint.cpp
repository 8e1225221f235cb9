#include "app/cli/commands.h"
#include "app/cli/help.h"
#include "app/cli/output.h"

#include "kustomize/renderer.h"
#include "rules/rulefinding.h"
#include "rules/rulelinter.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>
#include <memory>

namespace kanri::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("kanri::cli", s);
}

int usage(const QString &problem)
{
    writeErr(tr("kanri lint: error: %1").arg(problem));
    writeErr(help::usage("lint"));
    return 2;
}

} // namespace

// kanri lint [DIR | --workspace DIR] [--format text|json|github|sarif] [--base REF]
// DIR is a workspace (a folder with workspace.yaml) or one repository; default: the current
// folder. Exit codes: 0 no error-level finding, 1 at least one, 2 usage or unreadable input.
int runLint(const QStringList &args)
{
    QString dir, base;
    platform::ReportFormat format = platform::ReportFormat::Text;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString a = args[i];
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = a.indexOf(QLatin1Char('='));
            a.startsWith(QLatin1String("--")) && eq > 0) {
            value = a.mid(eq + 1);
            a = a.left(eq);
            hasValue = true;
        }
        const auto takeValue = [&]() -> bool {
            if (hasValue)
                return true;
            if (i + 1 >= args.size())
                return false;
            value = args[++i];
            return true;
        };
        if (a == QLatin1String("--format")) {
            if (!takeValue())
                return usage(tr("--format needs a value"));
            const auto f = platform::reportFormatFromName(value);
            if (!f)
                return usage(tr("unknown format '%1'").arg(value));
            format = *f;
        } else if (a == QLatin1String("--base")) {
            if (!takeValue() || value.isEmpty())
                return usage(tr("--base needs a ref"));
            base = value;
        } else if (a == QLatin1String("--workspace")) {
            if (!takeValue())
                return usage(tr("--workspace needs a folder"));
            if (!dir.isEmpty())
                return usage(tr("give one folder"));
            dir = value;
        } else if (a.startsWith(QLatin1Char('-'))) {
            return usage(tr("unknown option '%1'").arg(a));
        } else {
            if (!dir.isEmpty())
                return usage(tr("give one folder"));
            dir = a;
        }
    }
    if (dir.isEmpty())
        dir = QDir::currentPath();

    auto workspace = platform::workspaceForDirectory(dir);
    if (!workspace) {
        writeErr(workspace.error().toString());
        return 2;
    }
    auto renderer = std::make_shared<kustomize::Renderer>();
    platform::Linter linter([renderer](const QString &kustomizationDir) -> Result<QByteArray> {
        auto out = renderer->render(kustomizationDir);
        if (!out)
            return std::unexpected(out.error());
        return out->text;
    });
    // A large workspace's parsed files are dropped as the services are done with them.
    linter.setReleaseCaches([renderer] { renderer->clearCache(); });
    auto result = base.isEmpty() ? linter.lint(*workspace) : linter.lintChange(*workspace, base);
    if (!result) {
        writeErr(result.error().toString());
        return 2;
    }
    for (const QString &note : std::as_const(result->notes))
        writeErr(tr("kanri lint: note: %1").arg(note));
    writeOut(platform::formatFindings(result->findings, format));
    const int errors = result->count(platform::Severity::Error);
    if (format == platform::ReportFormat::Text) {
        writeErr(tr("kanri lint: %1 error(s), %2 warning(s), %3 note(s) in %4 rendered "
                    "kustomization(s)")
                     .arg(errors)
                     .arg(result->count(platform::Severity::Warning))
                     .arg(result->count(platform::Severity::Info))
                     .arg(result->renderedTargets));
    }
    return errors > 0 ? 1 : 0;
}

} // namespace kanri::cli
