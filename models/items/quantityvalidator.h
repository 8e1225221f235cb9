#pragma once

#include <QValidator>

namespace kanri::items {

// Accepts Kubernetes quantities as platform::isQuantity does ("250m", "0.5", "512Mi", "1G"),
// and the prefixes of one while it is being typed ("5", "512M", "1e"), so an editor refuses a
// wrong character at once instead of when the edit is committed.
class QuantityValidator : public QValidator
{
    Q_OBJECT

public:
    using QValidator::QValidator;
    State validate(QString &input, int &pos) const override;
};

} // namespace kanri::items
