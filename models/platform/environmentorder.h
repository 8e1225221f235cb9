#pragma once

#include <QString>
#include <QStringList>

namespace kanri::platform {

// The one order of environments wherever Kanri lists them (catalog, services table, diff panel,
// review window, pull-request titles and bodies): the promotion order dev < qa < stg < prd
// (with their long spellings: development, staging, prod, production), then every other name
// alphabetically.
int environmentRank(const QString &name);
bool environmentLess(const QString &a, const QString &b);

// Kustomization folders ("services/x/overlays/prd", "platform/ingress"): by the folder that holds
// them, then by environmentLess on their last segment, so a service's overlays read dev, stg, prd.
bool overlayLess(const QString &a, const QString &b);

void sortEnvironments(QStringList &names);
void sortOverlays(QStringList &overlays);

} // namespace kanri::platform
