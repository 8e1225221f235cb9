#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <vector>

// Terraform's JSON syntax (.tf.json, .tfvars.json) as a tree of byte ranges, so that edits can
// splice into the original text and keep its indentation and key order.
namespace kanri::hcl {

struct JsonMember;

struct JsonNode
{
    enum class Type { Object, Array, String, Number, Bool, Null };
    Type type = Type::Null;
    int start = 0; // byte range of the value
    int end = 0;
    std::vector<JsonMember> members; // Object, in file order
    std::vector<JsonNode> elements;  // Array
};

struct JsonMember
{
    QString key;
    int keyStart = 0; // the opening quote
    int keyEnd = 0;   // after the closing quote
    JsonNode value;
};

Result<JsonNode> parseJsonSyntax(const QByteArray &text, const QString &fileName);

QJsonValue jsonNodeToValue(const QByteArray &text, const JsonNode &node);

} // namespace kanri::hcl
