#include "diff/diffreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace kanri::diff {

QString OverlayDiff::label() const
{
    return repository.isEmpty() ? overlay : repository + QLatin1Char(' ') + overlay;
}

QString RenderFailure::label() const
{
    return OverlayDiff{repository, overlay, {}}.label();
}

std::optional<ReportFormat> reportFormatFromName(const QString &name)
{
    if (name == QLatin1String("text"))
        return ReportFormat::Text;
    if (name == QLatin1String("markdown"))
        return ReportFormat::Markdown;
    if (name == QLatin1String("html"))
        return ReportFormat::Html;
    if (name == QLatin1String("json"))
        return ReportFormat::Json;
    return std::nullopt;
}

namespace {

QString changeName(const ResourceDiff &r)
{
    switch (r.change) {
    case ResourceDiff::Change::Added:
        return QStringLiteral("added");
    case ResourceDiff::Change::Removed:
        return QStringLiteral("removed");
    case ResourceDiff::Change::Modified:
        return QStringLiteral("changed");
    case ResourceDiff::Change::Renamed:
        return QStringLiteral("renamed");
    }
    return {};
}

// "Deployment payment-api (payments): changed", "ConfigMap app-x (ns): renamed from app-y"
QString resourceTitle(const ResourceDiff &r)
{
    QString what = changeName(r);
    if (r.change == ResourceDiff::Change::Renamed && r.sides[0])
        what += QStringLiteral(" from ") + r.sides[0]->name;
    return r.any().displayName() + QStringLiteral(": ") + what;
}

struct Totals
{
    int overlays = 0, changed = 0, added = 0, removed = 0, renamed = 0;
};

Totals totals(const QList<OverlayDiff> &overlays)
{
    Totals t;
    for (const OverlayDiff &o : overlays) {
        ++t.overlays;
        t.changed += o.diff.changed;
        t.added += o.diff.added;
        t.removed += o.diff.removed;
        t.renamed += o.diff.renamed;
    }
    return t;
}

QString totalsSentence(const Totals &t)
{
    return QStringLiteral("%1 overlay(s) differ: %2 resource(s) changed, %3 added, %4 removed, "
                          "%5 renamed.")
        .arg(t.overlays)
        .arg(t.changed)
        .arg(t.added)
        .arg(t.removed)
        .arg(t.renamed);
}

QString htmlEscape(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

// ---- text -------------------------------------------------------------------------------

QByteArray formatText(const QList<OverlayDiff> &overlays)
{
    QByteArray out;
    for (const OverlayDiff &o : overlays)
        out += formatRenderDiff(o.diff, o.label());
    return out;
}

// ---- markdown ---------------------------------------------------------------------------

qsizetype longestRun(const QByteArray &text, char c)
{
    qsizetype longest = 0, run = 0;
    for (const char ch : text) {
        run = ch == c ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

// An inline code span holding `text` exactly (a name may hold backticks or a pipe), on one line
// and safe in a table cell.
QByteArray mdCode(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    for (char &c : bytes) {
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    }
    bytes.replace('|', "\\|");
    const QByteArray fence(longestRun(bytes, '`') + 1, '`');
    const bool pad = bytes.startsWith('`') || bytes.endsWith('`');
    return fence + (pad ? " " : "") + bytes + (pad ? " " : "") + fence;
}

// A fenced ```diff block; the fence is longer than any backtick run in the diff.
QByteArray mdDiffBlock(const QByteArray &diffText)
{
    const QByteArray fence(std::max<qsizetype>(3, longestRun(diffText, '`') + 1), '`');
    QByteArray body = diffText;
    if (!body.isEmpty() && !body.endsWith('\n'))
        body += '\n';
    return fence + "diff\n" + body + fence + '\n';
}

QByteArray mdDetails(const ResourceDiff &r, const QByteArray &diffText, const QString &cutNote)
{
    QByteArray out = "<details><summary>" + htmlEscape(resourceTitle(r)).toUtf8() +
                     "</summary>\n\n" + mdDiffBlock(diffText);
    if (!cutNote.isEmpty())
        out += '\n' + cutNote.toUtf8() + '\n';
    return out + "\n</details>\n\n";
}

// `text` cut to at most `bytes` bytes at a line end (a UTF-8 sequence is never split, since a
// line break is never inside one).
QByteArray cutAtLine(const QByteArray &text, qsizetype bytes)
{
    if (text.size() <= bytes)
        return text;
    const qsizetype nl = text.lastIndexOf('\n', std::max<qsizetype>(0, bytes - 1));
    return nl < 0 ? QByteArray() : text.left(nl + 1);
}

QByteArray shortened(const QString &label)
{
    return mdCode(label.size() > 200 ? label.left(200) + QStringLiteral("…") : label);
}

QByteArray formatMarkdown(const QList<OverlayDiff> &overlays, const ReportOptions &options)
{
    const qsizetype limit = std::max<qsizetype>(options.markdownLimit, 1024);
    const QString base = options.base.isEmpty() ? QStringLiteral("HEAD") : options.base;
    QByteArray out = QByteArray(kMarkdownMarker) + "\n### Kanri: rendered diff against " +
                     shortened(base) + "\n\n";
    if (!options.failures.isEmpty()) {
        // First, and each message kept short: a broken overlay is what a reviewer must see.
        out += "> [!CAUTION]\n> **" + QByteArray::number(options.failures.size()) +
               " overlay(s) do not render** with this change:\n";
        int listed = 0;
        for (const RenderFailure &f : options.failures) {
            QString message = f.message.simplified();
            if (message.size() > 300)
                message = message.left(300) + QStringLiteral(" …");
            const QByteArray item = "> - " + mdCode(f.label()) + ": " + mdCode(message) + "\n";
            if (out.size() + item.size() > limit / 4) {
                out += "> - and " + QByteArray::number(options.failures.size() - listed) +
                       " more (run `kanri diff` to see every message).\n";
                break;
            }
            out += item;
            ++listed;
        }
        out += '\n';
    }
    if (overlays.isEmpty())
        return out + "No rendered differences.\n";
    const Totals t = totals(overlays);
    out += totalsSentence(t).toUtf8() + "\n\n";

    // Room kept for the truncation notice and the list of what it left out.
    const qsizetype reserve = 2048;
    const qsizetype budget = limit - reserve;

    int tableRowsLeftOut = 0;
    QByteArray table = "| Overlay | Changed | Added | Removed | Renamed |\n"
                       "| --- | ---: | ---: | ---: | ---: |\n";
    for (qsizetype i = 0; i < overlays.size(); ++i) {
        const OverlayDiff &o = overlays[i];
        const QByteArray row =
            "| " + mdCode(o.label()) + " | " + QByteArray::number(o.diff.changed) + " | " +
            QByteArray::number(o.diff.added) + " | " + QByteArray::number(o.diff.removed) + " | " +
            QByteArray::number(o.diff.renamed) + " |\n";
        if (out.size() + table.size() + row.size() > budget) {
            tableRowsLeftOut = int(overlays.size() - i);
            break;
        }
        table += row;
    }
    out += table + '\n';

    // Resource diffs, as long as they fit; the first that does not is cut at a line, and the
    // rest are left out.
    int resourcesTotal = 0;
    for (const OverlayDiff &o : overlays)
        resourcesTotal += int(o.diff.resources.size());
    int resourcesShown = 0;
    int resourcesCut = 0;
    qsizetype firstLeftOutOverlay = -1;
    for (qsizetype i = 0; i < overlays.size() && firstLeftOutOverlay < 0 && !tableRowsLeftOut;
         ++i) {
        const OverlayDiff &o = overlays[i];
        const QByteArray heading = "#### " + mdCode(o.label()) + "\n\n";
        if (out.size() + heading.size() > budget) {
            firstLeftOutOverlay = i;
            break;
        }
        out += heading;
        for (const ResourceDiff &r : o.diff.resources) {
            const QByteArray diffText = formatHunks(r.hunks);
            const QByteArray block = mdDetails(r, diffText, {});
            if (out.size() + block.size() <= budget) {
                out += block;
                ++resourcesShown;
                continue;
            }
            // Cut this one at a line, when a useful part of it fits.
            const int lines = int(diffText.count('\n'));
            const QString noteTemplate =
                QStringLiteral("*Cut: the first %1 of %2 lines of this diff are shown.*");
            const qsizetype room = budget - out.size() -
                                   mdDetails(r, {}, noteTemplate.arg(lines).arg(lines)).size() -
                                   16; // a longer fence
            const QByteArray part = room > 256 ? cutAtLine(diffText, room) : QByteArray();
            if (!part.isEmpty()) {
                out += mdDetails(r, part, noteTemplate.arg(part.count('\n')).arg(lines));
                resourcesCut = 1;
            }
            firstLeftOutOverlay = i;
            break;
        }
    }
    if (firstLeftOutOverlay < 0 && !tableRowsLeftOut)
        return out;

    // The notice: what was left out, said plainly.
    const int leftOut = resourcesTotal - resourcesShown;
    const qsizetype from = firstLeftOutOverlay < 0 ? 0 : firstLeftOutOverlay;
    QByteArray notice = "> [!WARNING]\n> **This comment is truncated** to stay within GitHub's "
                        "limit of " +
                        QByteArray::number(options.markdownLimit) +
                        " characters: " + QByteArray::number(leftOut) + " of " +
                        QByteArray::number(resourcesTotal) + " resource diff(s) " +
                        (resourcesCut ? "are cut or left out" : "are left out");
    if (tableRowsLeftOut)
        notice += ", and " + QByteArray::number(tableRowsLeftOut) + " of " +
                  QByteArray::number(overlays.size()) + " overlay(s) are missing from the table";
    notice += ". Run `kanri diff --base " + base.toUtf8().replace('`', '\'') +
              " --format html` for the whole report.\n";
    QByteArray list = ">\n> Overlays not shown in full:";
    int listed = 0;
    for (qsizetype i = from; i < overlays.size(); ++i) {
        const QByteArray item =
            QByteArray(listed ? "," : "") + ' ' + shortened(overlays[i].label());
        const QByteArray more = " and " + QByteArray::number(overlays.size() - i) + " more.\n";
        if (out.size() + notice.size() + list.size() + item.size() + 64 > limit) {
            list += (listed ? QByteArray() : QByteArray(" …")) + more;
            listed = -1;
            break;
        }
        list += item;
        ++listed;
    }
    if (listed >= 0)
        list += ".\n";
    out += notice + list;
    return out.size() <= limit ? out : cutAtLine(out, limit);
}

// ---- html -------------------------------------------------------------------------------

const char kHtmlStyle[] =
    R"(body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1f2328;background:#fff}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.25em .6em}
td.n{text-align:right}code,pre{font-family:ui-monospace,monospace;font-size:12px}
details{margin:.5em 0}summary{cursor:pointer}
pre{background:#f6f8fa;padding:.5em;overflow-x:auto;margin:.3em 0}
.add{background:#dafbe1;display:block}.del{background:#ffebe9;display:block}
.hunk{color:#0550ae;display:block}.ctx{display:block}
)";

QString htmlDiff(const QList<Hunk> &hunks)
{
    QString out;
    for (const Hunk &h : hunks) {
        out += QStringLiteral("<span class=\"hunk\">") + htmlEscape(QString::fromUtf8(h.header())) +
               QStringLiteral("</span>");
        for (const DiffLine &l : h.lines) {
            const char *cls = l.kind == DiffLine::Kind::Added     ? "add"
                              : l.kind == DiffLine::Kind::Removed ? "del"
                                                                  : "ctx";
            const char prefix = l.kind == DiffLine::Kind::Added     ? '+'
                                : l.kind == DiffLine::Kind::Removed ? '-'
                                                                    : ' ';
            out += QStringLiteral("<span class=\"%1\">").arg(QLatin1String(cls)) +
                   htmlEscape(QLatin1Char(prefix) + QString::fromUtf8(l.text)) +
                   QStringLiteral("</span>");
        }
    }
    return out;
}

QByteArray formatHtml(const QList<OverlayDiff> &overlays, const ReportOptions &options)
{
    const QString base = options.base.isEmpty() ? QStringLiteral("HEAD") : options.base;
    QString out = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                                 "<meta charset=\"utf-8\">\n"
                                 "<meta name=\"viewport\" content=\"width=device-width\">\n"
                                 "<title>Kanri: rendered diff against ") +
                  htmlEscape(base) + QStringLiteral("</title>\n<style>\n") +
                  QLatin1String(kHtmlStyle) + QStringLiteral("</style>\n</head>\n<body>\n") +
                  QStringLiteral("<h1>Rendered diff against <code>") + htmlEscape(base) +
                  QStringLiteral("</code></h1>\n");
    if (!options.failures.isEmpty()) {
        out += QStringLiteral("<h2>Overlays that do not render</h2>\n<ul>\n");
        for (const RenderFailure &f : options.failures)
            out += QStringLiteral("<li><code>%1</code><pre>%2</pre></li>\n")
                       .arg(htmlEscape(f.label()), htmlEscape(f.message));
        out += QStringLiteral("</ul>\n");
    }
    if (overlays.isEmpty()) {
        out += QStringLiteral("<p>No rendered differences.</p>\n</body>\n</html>\n");
        return out.toUtf8();
    }
    out += QStringLiteral("<p>") + htmlEscape(totalsSentence(totals(overlays))) +
           QStringLiteral("</p>\n<table>\n<tr><th>Overlay</th><th>Changed</th><th>Added</th>"
                          "<th>Removed</th><th>Renamed</th></tr>\n");
    for (qsizetype i = 0; i < overlays.size(); ++i) {
        const OverlayDiff &o = overlays[i];
        out += QStringLiteral("<tr><td><a href=\"#overlay-%1\"><code>%2</code></a></td>"
                              "<td class=\"n\">%3</td><td class=\"n\">%4</td>"
                              "<td class=\"n\">%5</td><td class=\"n\">%6</td></tr>\n")
                   .arg(i + 1)
                   .arg(htmlEscape(o.label()))
                   .arg(o.diff.changed)
                   .arg(o.diff.added)
                   .arg(o.diff.removed)
                   .arg(o.diff.renamed);
    }
    out += QStringLiteral("</table>\n");
    for (qsizetype i = 0; i < overlays.size(); ++i) {
        const OverlayDiff &o = overlays[i];
        out += QStringLiteral("<section id=\"overlay-%1\">\n<h2><code>%2</code></h2>\n")
                   .arg(i + 1)
                   .arg(htmlEscape(o.label()));
        for (const ResourceDiff &r : o.diff.resources) {
            out += QStringLiteral("<details open><summary>") + htmlEscape(resourceTitle(r)) +
                   QStringLiteral("</summary>\n<pre>") + htmlDiff(r.hunks) +
                   QStringLiteral("</pre>\n</details>\n");
        }
        out += QStringLiteral("</section>\n");
    }
    out += QStringLiteral("</body>\n</html>\n");
    return out.toUtf8();
}

// ---- json -------------------------------------------------------------------------------

QByteArray formatJson(const QList<OverlayDiff> &overlays, const ReportOptions &options)
{
    QJsonArray list;
    for (const OverlayDiff &o : overlays) {
        QJsonObject byChange{{QStringLiteral("added"), QJsonArray()},
                             {QStringLiteral("removed"), QJsonArray()},
                             {QStringLiteral("changed"), QJsonArray()},
                             {QStringLiteral("renamed"), QJsonArray()}};
        for (const ResourceDiff &r : o.diff.resources) {
            const ResourceText &any = r.any();
            QJsonObject item{{QStringLiteral("apiVersion"), any.apiVersion},
                             {QStringLiteral("kind"), any.kind},
                             {QStringLiteral("namespace"), any.nameSpace},
                             {QStringLiteral("name"), any.name},
                             {QStringLiteral("diff"), QString::fromUtf8(formatHunks(r.hunks))}};
            if (r.change == ResourceDiff::Change::Renamed && r.sides[0])
                item.insert(QStringLiteral("previousName"), r.sides[0]->name);
            const QString key = changeName(r);
            QJsonArray a = byChange.value(key).toArray();
            a.append(item);
            byChange.insert(key, a);
        }
        QJsonObject entry{
            {QStringLiteral("repository"), o.repository},
            {QStringLiteral("overlay"), o.overlay},
            {QStringLiteral("summary"), o.diff.summary()},
            {QStringLiteral("counts"), QJsonObject{{QStringLiteral("added"), o.diff.added},
                                                   {QStringLiteral("removed"), o.diff.removed},
                                                   {QStringLiteral("changed"), o.diff.changed},
                                                   {QStringLiteral("renamed"), o.diff.renamed}}}};
        for (auto it = byChange.constBegin(); it != byChange.constEnd(); ++it)
            entry.insert(it.key(), it.value());
        list.append(entry);
    }
    QJsonArray failures;
    for (const RenderFailure &f : options.failures)
        failures.append(QJsonObject{{QStringLiteral("repository"), f.repository},
                                    {QStringLiteral("overlay"), f.overlay},
                                    {QStringLiteral("error"), f.message}});
    const QJsonObject root{
        {QStringLiteral("base"), options.base.isEmpty() ? QStringLiteral("HEAD") : options.base},
        {QStringLiteral("overlays"), list},
        {QStringLiteral("failures"), failures}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace

QByteArray formatReport(const QList<OverlayDiff> &overlays, ReportFormat format,
                        const ReportOptions &options)
{
    switch (format) {
    case ReportFormat::Text:
        return formatText(overlays);
    case ReportFormat::Markdown:
        return formatMarkdown(overlays, options);
    case ReportFormat::Html:
        return formatHtml(overlays, options);
    case ReportFormat::Json:
        return formatJson(overlays, options);
    }
    return {};
}

} // namespace kanri::diff
