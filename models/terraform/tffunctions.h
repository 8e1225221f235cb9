#pragma once

#include "terraform/tfvalue.h"

#include <QString>

#include <expected>
#include <optional>
#include <vector>

// Terraform's built-in functions that the evaluator implements, with Terraform's results
// (cty's stdlib): merge lookup contains keys values toset tomap tolist flatten concat coalesce
// format lower upper replace length jsonencode setproduct, and a few as simple (join split
// element one distinct alltrue anytrue tostring tonumber tobool trimspace startswith endswith
// trimprefix trimsuffix zipmap range compact reverse sort abs min max title substr
// coalescelist setunion setintersection index). try and can take unevaluated arguments and
// live in the evaluator.
namespace kanri::terraform {

// An error a call fails with, as Terraform words it (without position).
using FunctionResult = std::expected<Value, QString>;

// nullopt: the function is not implemented (the caller reports it and takes an unknown value).
// An argument that is unknown where the function needs it makes the result unknown, never a
// guess. `budget` is decremented by the size of what is built and the call fails when it runs
// out (setproduct of large sets, range over a huge span).
std::optional<FunctionResult> callFunction(const QString &name, const std::vector<Value> &args,
                                           qint64 &budget);

// Conversions Terraform applies when a value meets a type (also used by the type constraints
// of variables).
std::optional<Value> toStringValue(const Value &v); // numbers and bools as text
std::optional<Value> toNumberValue(const Value &v);
std::optional<Value> toBoolValue(const Value &v);

} // namespace kanri::terraform
