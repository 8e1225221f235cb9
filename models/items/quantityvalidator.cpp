#include "items/quantityvalidator.h"

#include "platform/session.h"

#include <QRegularExpression>

namespace kanri::items {

QValidator::State QuantityValidator::validate(QString &input, int &) const
{
    if (platform::isQuantity(input))
        return Acceptable;
    // What can still become a quantity: digits with at most one dot, then the start of a
    // suffix ("M" before "Mi") or of an exponent ("1e", "1e-").
    static const QRegularExpression partial(
        QStringLiteral("^(?:[0-9]*\\.?[0-9]*)(?:[KMGTPE]|[eE][+-]?)?$"));
    return partial.match(input).hasMatch() ? Intermediate : Invalid;
}

} // namespace kanri::items
