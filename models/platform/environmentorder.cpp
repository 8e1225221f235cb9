#include "platform/environmentorder.h"

#include <algorithm>

namespace kanri::platform {

int environmentRank(const QString &name)
{
    static const QStringList order{
        QStringLiteral("dev"), QStringLiteral("develop"), QStringLiteral("development"),
        QStringLiteral("qa"),  QStringLiteral("stg"),     QStringLiteral("staging"),
        QStringLiteral("prd"), QStringLiteral("prod"),    QStringLiteral("production")};
    const int i = int(order.indexOf(name.toLower()));
    return i < 0 ? int(order.size()) : i;
}

bool environmentLess(const QString &a, const QString &b)
{
    const int ra = environmentRank(a), rb = environmentRank(b);
    return ra != rb ? ra < rb : a < b;
}

bool overlayLess(const QString &a, const QString &b)
{
    const qsizetype sa = a.lastIndexOf(QLatin1Char('/')), sb = b.lastIndexOf(QLatin1Char('/'));
    const QString parentA = sa < 0 ? QString() : a.left(sa);
    const QString parentB = sb < 0 ? QString() : b.left(sb);
    if (parentA != parentB)
        return parentA < parentB;
    return environmentLess(a.mid(sa + 1), b.mid(sb + 1));
}

void sortEnvironments(QStringList &names)
{
    std::sort(names.begin(), names.end(), environmentLess);
}

void sortOverlays(QStringList &overlays)
{
    std::sort(overlays.begin(), overlays.end(), overlayLess);
}

} // namespace kanri::platform
