#include "ui/diff/difflineactivation.h"

#include <QRegularExpression>

namespace kanri::ui {

std::optional<DiffLineActivation>
diffLineActivation(const QTextBlock &block, DiffColumn column,
                   const QList<platform::LiveDiff::EnvironmentDiff> &results)
{
    const QString text = block.text();
    if (text.isEmpty() || text.startsWith(QLatin1String("@@")) ||
        text.startsWith(QLatin1String("===")))
        return std::nullopt;
    const QChar kind = text.at(0);
    if (kind != QLatin1Char(' ') && kind != QLatin1Char('-') && kind != QLatin1Char('+'))
        return std::nullopt;

    DiffLineActivation a;
    a.side = column == DiffColumn::Left || kind == QLatin1Char('-') ? 0 : 1;
    // Lines of this side above the block, up to the hunk header.
    int before = 0;
    QTextBlock b = block.previous();
    for (; b.isValid() && !b.text().startsWith(QLatin1String("@@")); b = b.previous()) {
        const QString t = b.text();
        if (t.isEmpty() || t.startsWith(QLatin1String("===")))
            continue; // a filler line of the side-by-side view
        const QChar k = t.at(0);
        if (k == QLatin1Char(' ') || (a.side == 0 && k == QLatin1Char('-')) ||
            (a.side == 1 && k == QLatin1Char('+')))
            ++before;
    }
    if (!b.isValid())
        return std::nullopt;
    static const QRegularExpression hunk(QStringLiteral(R"(^@@ -(\d+)(?:,\d+)? \+(\d+))"));
    const auto m = hunk.match(b.text());
    if (!m.hasMatch())
        return std::nullopt;
    const int start = m.captured(a.side == 0 ? 1 : 2).toInt();
    a.line = std::max(1, start) + before;

    for (b = b.previous(); b.isValid() && !b.text().startsWith(QLatin1String("=== "));
         b = b.previous()) {
    }
    if (!b.isValid())
        return std::nullopt;
    const QString header = b.text().mid(4);
    static const QString accounts = QStringLiteral("accounts · ");
    if (header.startsWith(accounts)) {
        a.accountsFile = header.mid(accounts.size());
        return a;
    }
    for (const auto &env : results) {
        const QString prefix = env.environment + QStringLiteral(" · ");
        if (!header.startsWith(prefix))
            continue;
        const QString rest = header.mid(prefix.size());
        for (const auto &r : env.diff.resources) {
            const QString name = r.any().displayName();
            if (rest != name && !rest.startsWith(name + QLatin1Char(':')))
                continue;
            a.environment = env.environment;
            a.overlay = env.overlay;
            a.resource = r.sides[size_t(a.side)] ? r.sides[size_t(a.side)] : r.sides[1 - a.side];
            return a;
        }
    }
    return std::nullopt;
}

} // namespace kanri::ui
