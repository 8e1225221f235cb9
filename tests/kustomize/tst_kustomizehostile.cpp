#include "kustomize/renderer.h"
#include "tests/testsupport/testutil.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <string>
#include <vector>

using namespace kanri::kustomize;

namespace {

// A file's bytes from a literal, embedded NULs included.
template<size_t N> QByteArray B(const char (&s)[N])
{
    return QByteArray(s, qsizetype(N - 1));
}

enum class Expect { Rendered, Refused };
constexpr Expect Rendered = Expect::Rendered;
constexpr Expect Refused = Expect::Refused;

// Where Kanri's error points: nowhere, a file, or a file's line and column.
enum class Place { None, File, Line };

struct HostileCase
{
    const char *name; // the row's name, a sentence
    std::vector<std::pair<const char *, QByteArray>> files;
    Expect expect;
    const char *message; // Kanri's message contains this
    Place place;
    bool asKustomize = true;        // false: a limit of Kanri's own, kustomize renders it
    const char *expected = nullptr; // Rendered: what kubectl kustomize prints
};

QByteArray aliasBomb()
{
    QByteArray y =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nx0: &a0 [1,1,1,1,1,1,1,1,1,1]\n";
    for (int i = 1; i < 7; ++i) {
        QByteArray refs;
        for (int k = 0; k < 10; ++k)
            refs += (k ? "," : "") + QByteArray("*a") + QByteArray::number(i - 1);
        y += "x" + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [" + refs + "]\n";
    }
    return y;
}

// What kubectl kustomize prints for a number of 309 digits (beyond float64: a string) and a hex
// number beyond uint64 (a string).
const char *bigNumbersRendered()
{
    static const std::string text = "apiVersion: v1\nh: 0xfffffffffffffffff\nkind: ConfigMap\n"
                                    "metadata:\n  name: c\nx: " +
                                    std::string(309, '9') + "\n";
    return text.c_str();
}

// Inputs kustomize v5.5.0 refuses, and inputs whose rendering depends on kustomize's exact
// semantics, each written to a folder of its own. Every expectation (a refusal, or the output
// byte for byte) was taken from `kubectl kustomize` (kustomize v5.5.0); matchesKubectl checks
// them again when kubectl is installed.
const std::vector<HostileCase> &cases()
{
    static const std::vector<HostileCase> c = [] {
        std::vector<HostileCase> v = {
            {"an empty kustomization file",
             {{"kustomization.yaml", B("")}},
             Refused,
             "kustomization.yaml is empty",
             Place::File},
            {"a kustomization of comments only",
             {{"kustomization.yaml", B("# just a comment\n# another\n")}},
             Refused,
             "kustomization.yaml is empty",
             Place::File},
            {"a kustomization that is a null document",
             {{"kustomization.yaml", B("~\n")}},
             Refused,
             "kustomization.yaml is empty",
             Place::File},
            {"a Kustomization file of whitespace",
             {{"Kustomization", B("   \n\n")}},
             Refused,
             "kustomization.yaml is empty",
             Place::File},
            {"a kustomization.yml of kind and apiVersion only",
             {{"kustomization.yml",
               B("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n")}},
             Refused,
             "kustomization.yaml is empty",
             Place::File},
            {"a kustomization that is a list",
             {{"kustomization.yaml", B("- r.yaml\n")}},
             Refused,
             "json: cannot unmarshal array into Go value of type types.Kustomization",
             Place::File},
            {"a kustomization that is a scalar",
             {{"kustomization.yaml", B("resources\n")}},
             Refused,
             "json: cannot unmarshal string into Go value of type types.Kustomization",
             Place::File},
            {"resources written as a string",
             {{"kustomization.yaml", B("resources: r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "cannot unmarshal string into Go struct field Kustomization.resources of type "
             "[]string",
             Place::Line},
            {"an unknown field spec",
             {{"kustomization.yaml", B("resources:\n- r.yaml\nspec:\n  replicas: 1\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "invalid Kustomization: json: unknown field \"spec\"",
             Place::Line},
            {"a misspelled resource field",
             {{"kustomization.yaml", B("resource:\n- r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "invalid Kustomization: json: unknown field \"resource\"",
             Place::Line},
            {"a wrong kind",
             {{"kustomization.yaml", B("resources:\n- r.yaml\nkind: Deployment\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "Failed to read kustomization file under",
             Place::Line},
            {"a wrong apiVersion",
             {{"kustomization.yaml", B("resources:\n- r.yaml\napiVersion: v1\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "Failed to read kustomization file under",
             Place::Line},
            {"a Component apiVersion on a Kustomization",
             {{"kustomization.yaml", B("resources:\n- r.yaml\napiVersion: "
                                       "kustomize.config.k8s.io/v1alpha1\nkind: Kustomization\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "Failed to read kustomization file under",
             Place::Line},
            {"a number where a string goes",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\nimages:\n- name: nginx\n  newTag: 1.10\n")},
              {"r.yaml", B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  "
                           "labels:\n    app: d\nspec:\n  template:\n    spec:\n      "
                           "containers:\n      - name: app\n        image: nginx\n")}},
             Refused,
             "cannot unmarshal number into Go struct field Image.images.newTag of type string",
             Place::Line},
            {"a YAML 1.1 boolean namespace",
             {{"kustomization.yaml", B("resources:\n- r.yaml\nnamespace: no\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "cannot unmarshal bool into Go struct field Kustomization.namespace of type string",
             Place::Line},
            {"a number as a common label value",
             {{"kustomization.yaml", B("resources:\n- r.yaml\ncommonLabels:\n  tier: 1\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "cannot unmarshal number into Go struct field Kustomization.commonLabels of type "
             "string",
             Place::Line},
            {"an unterminated double quote in the kustomization",
             {{"kustomization.yaml", B("resources:\n- r.yaml\nnamespace: \"abc\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "found unexpected end of stream",
             Place::Line},
            {"an unterminated single quote in a resource",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 'c\n")}},
             Refused,
             "found unexpected end of stream",
             Place::Line},
            {"an unterminated flow sequence in a resource",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: [a, b\n")}},
             Refused,
             "MalformedYAMLError",
             Place::Line},
            {"bad indentation in a resource",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n   namespace: x\n")}},
             Refused,
             "MalformedYAMLError",
             Place::Line},
            {"a tab indentation in a resource",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: c\n")}},
             Refused,
             "MalformedYAMLError",
             Place::Line},
            {"a duplicate key in a resource",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  name: d\n")}},
             Refused,
             "mapping key \"name\" already defined at line 4",
             Place::Line},
            {"a duplicate key in a flow mapping",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, name: d}\n")}},
             Refused,
             "mapping key \"name\" already defined at line 3",
             Place::Line},
            {"a duplicate key in a patch",
             {{"kustomization.yaml", B("resources:\n- r.yaml\npatches:\n- path: p.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")},
              {"p.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: x\n "
                           " a: y\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  a: x\nkind: ConfigMap\nmetadata:\n  name: c\n"},
            // Found by the hostile suite (tests/hostile), expectations from kubectl kustomize.
            {"an alias inside the collection its anchor names",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\na: &a [1, *a]\n")}},
             Refused,
             "an alias refers to the collection that contains it",
             Place::Line},
            {"a mapping that merges itself adds nothing",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\na: &a\n  <<: "
                           "*a\n  b: 1\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "a:\n  b: 1\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"},
            {"a merge key whose value is a scalar",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\na: {<<: 1}\n")}},
             Refused,
             "map merge requires map or sequence of maps as the value",
             Place::Line},
            {"a merge key whose list holds a scalar",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\na: {<<: [{x: "
                           "1}, 2]}\n")}},
             Refused,
             "map merge requires map or sequence of maps as the value",
             Place::Line},
            {"numbers beyond float64 and uint64 stay strings, printed as written",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nx: " +
                             QByteArray(309, '9') + "\nh: 0xfffffffffffffffff\n"}},
             Rendered,
             "",
             Place::None,
             true,
             bigNumbersRendered()},
            {"files with CR line ends",
             {{"kustomization.yaml", B("resources:\r- r.yaml\r")},
              {"r.yaml", B("apiVersion: v1\rkind: ConfigMap\rmetadata:\r  name: c\rdata:\r  a: "
                           "\"1\"\r")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  a: \"1\"\nkind: ConfigMap\nmetadata:\n  name: c\n"},
            {"a patch list with an element without its merge key replaces the list",
             {{"kustomization.yaml", B("resources:\n- r.yaml\npatches:\n- path: p.yaml\n")},
              {"r.yaml", B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  "
                           "template:\n    spec:\n      containers:\n      - name: a\n        "
                           "image: a\n        env:\n        - name: X\n          value: \"1\"\n "
                           "       - name: Y\n          value: \"2\"\n")},
              {"p.yaml", B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  "
                           "template:\n    spec:\n      containers:\n      - name: a\n        "
                           "env:\n        - name: Z\n          value: \"3\"\n        - name:\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n "
             "   spec:\n      containers:\n      - env:\n        - name: Z\n          value: "
             "\"3\"\n        image: a\n        name: a\n"},
            {"a folder without a kustomization is named in the error",
             {{"r.yaml", B("x: 1\n")}},
             Refused,
             "unable to find one of 'kustomization.yaml'",
             Place::File},
            {"a duplicate key in the kustomization (go-yaml v2 keeps the last)",
             {{"kustomization.yaml", B("resources:\n- x.yaml\nresources:\n- r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  a: \"1\"\nkind: ConfigMap\nmetadata:\n  name: c\n"},
            {"a NUL byte in a resource",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: x\x00y\n")}},
             Refused,
             "control characters are not allowed",
             Place::Line},
            {"an escape character in a resource",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: x\x1by\n")}},
             Refused,
             "control characters are not allowed",
             Place::Line},
            {"a DEL character in a resource",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: x\x7fy\n")}},
             Refused,
             "control characters are not allowed",
             Place::Line},
            {"a control character in the kustomization",
             {{"kustomization.yaml", B("resources:\n- r.yaml\x07\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "invalid Kustomization: control characters are not allowed",
             Place::Line},
            {"an invalid UTF-8 byte in a resource",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: x\xffy\n")}},
             Refused,
             "invalid leading UTF-8 octet",
             Place::Line},
            {"a truncated UTF-8 sequence at the end of a resource",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: x\xe2\x82")}},
             Refused,
             "incomplete UTF-8 octet sequence",
             Place::Line},
            {"an overlong UTF-8 encoding in a resource",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "
                           "x\xc0\xafy\n")}},
             Refused,
             "invalid length of a UTF-8 sequence",
             Place::Line},
            {"an encoded surrogate in a resource",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "
                           "x\xed\xa0\x80y\n")}},
             Refused,
             "invalid Unicode character",
             Place::Line},
            {"invalid UTF-8 in the kustomization",
             {{"kustomization.yaml", B("namePrefix: a\xfe\nresources:\n- r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "invalid Kustomization: invalid leading UTF-8 octet",
             Place::Line},
            {"a UTF-8 byte order mark is fine",
             {{"kustomization.yaml", B("\xef\xbb\xbfresources:\n- r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  a: \"1\"\nkind: ConfigMap\nmetadata:\n  name: c\n"},
            {"a JSON 6902 patch with an empty path",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    kind: ConfigMap\n  patch: |-\n    "
                 "- op: add\n      path: \"\"\n      value: {}\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "add operation does not apply: doc is missing path: \"\"",
             Place::Line},
            {"a JSON 6902 patch removing a missing key",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    kind: ConfigMap\n  patch: |-\n    "
                 "- op: remove\n      path: /data/zz\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "Unable to remove nonexistent key: zz",
             Place::Line},
            {"a JSON 6902 patch with an unknown op",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    kind: ConfigMap\n  patch: |-\n    "
                 "- op: merge\n      path: /data/a\n      value: b\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "Unexpected kind: merge",
             Place::Line},
            {"a JSON 6902 patch that is an object",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\npatchesJson6902:\n- target:\n    version: v1\n    kind: "
                 "ConfigMap\n    name: c\n  patch: '{\"op\": \"add\"}'\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "cannot unmarshal object into Go value of type jsonpatch.Patch",
             Place::Line},
            {"a patch target with a bad regular expression",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    name: \"c(\"\n  patch: |-\n    - "
                 "op: add\n      path: /data/b\n      value: x\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "error parsing regexp",
             Place::Line},
            {"a patch target with a lookahead regular expression",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    name: \"(?=c)c\"\n  patch: |-\n   "
                 " - op: add\n      path: /data/b\n      value: x\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "error parsing regexp: invalid or unsupported Perl syntax: `(?=`",
             Place::Line},
            {"a patch target with a bad label selector",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    labelSelector: \"app in (a\"\n  "
                 "patch: |-\n    - op: add\n      path: /data/b\n      value: x\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "unable to parse requirement: found '', expected: ',' or ')'",
             Place::Line},
            {"a patch target with a bad annotation selector",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    annotationSelector: \"a=b=c\"\n  "
                 "patch: |-\n    - op: add\n      path: /data/b\n      value: x\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "found '=', expected: ',' or 'end of string'",
             Place::Line},
            {"a patch target label selector with an invalid key",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    labelSelector: \"-bad=x\"\n  "
                 "patch: |-\n    - op: add\n      path: /data/b\n      value: x\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "unable to parse requirement: invalid label key \"-bad\"",
             Place::Line},
            {"a patch with neither path nor patch",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    kind: ConfigMap\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "must specify one of patch and path",
             Place::Line},
            {"a patch file that does not exist",
             {{"kustomization.yaml", B("resources:\n- r.yaml\npatches:\n- path: nope.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "nope.yaml: no such file or directory",
             Place::Line},
            {"a strategic merge patch whose target does not exist",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\npatchesStrategicMerge:\n- |-\n  apiVersion: v1\n  kind: "
                 "ConfigMap\n  metadata:\n    name: zz\n  data:\n    a: b\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "failed to find unique target for patch ConfigMap.v1.[noGrp]/zz.[noNs]",
             Place::Line},
            {"a patch of the wrong node kind",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- patch: |-\n    apiVersion: v1\n    kind: "
                 "ConfigMap\n    metadata:\n      name: c\n    data: [1]\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "wrong node kind: expected MappingNode but got SequenceNode",
             Place::Line},
            {"resources listing the kustomization folder itself",
             {{"kustomization.yaml", B("resources:\n- .\n")}},
             Refused,
             "cycle detected: candidate root",
             Place::Line},
            {"resources listing an empty path",
             {{"kustomization.yaml", B("resources:\n- \"\"\n")}},
             Refused,
             "new root cannot be empty",
             Place::Line},
            {"resources listing the parent folder",
             {{"kustomization.yaml", B("resources:\n- a\n")},
              {"a/kustomization.yaml", B("resources:\n- ..\n")}},
             Refused,
             "cycle detected: candidate root",
             Place::Line},
            {"two bases that include each other",
             {{"kustomization.yaml", B("resources:\n- a\n")},
              {"a/kustomization.yaml", B("resources:\n- ../b\n")},
              {"b/kustomization.yaml", B("resources:\n- ../a\n")}},
             Refused,
             "cycle detected: candidate root",
             Place::Line},
            {"a component that includes itself",
             {{"kustomization.yaml", B("components:\n- c\n")},
              {"c/kustomization.yaml", B("apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: "
                                         "Component\ncomponents:\n- .\n")}},
             Refused,
             "cycle detected: candidate root",
             Place::Line},
            {"a component that includes its parent",
             {{"kustomization.yaml", B("components:\n- c\n")},
              {"c/kustomization.yaml", B("apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: "
                                         "Component\ncomponents:\n- ..\n")}},
             Refused,
             "cycle detected: candidate root",
             Place::Line},
            {"a generators entry naming its own folder",
             {{"kustomization.yaml", B("resources:\n- r.yaml\ngenerators:\n- .\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "cycle detected: candidate root",
             Place::Line},
            {"a transformers entry naming its own folder",
             {{"kustomization.yaml", B("resources:\n- r.yaml\ntransformers:\n- .\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "cycle detected: candidate root",
             Place::Line},
            {"a Kustomization listed as a component",
             {{"kustomization.yaml", B("components:\n- c\n")},
              {"c/kustomization.yaml", B("resources: []\n")}},
             Refused,
             "but got 'Kustomization'",
             Place::Line},
            {"a Component listed as a resource",
             {{"kustomization.yaml", B("resources:\n- c\n")},
              {"c/kustomization.yaml", B("apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: "
                                         "Component\nresources: []\n")}},
             Refused,
             "expected kind != 'Component' for path",
             Place::Line},
            {"a resource without metadata.name",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml", B("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n")}},
             Refused,
             "missing metadata.name in object",
             Place::Line},
            {"a resource without kind",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")},
              {"r.yaml", B("apiVersion: v1\nmetadata:\n  name: c\n")}},
             Refused,
             "missing kind in object",
             Place::Line},
            {"a resource that is a list of strings",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n")}, {"r.yaml", B("- a\n- b\n")}},
             Refused,
             "missing Resource metadata",
             Place::Line},
            {"a resource file outside the kustomization folder",
             {{"kustomization.yaml", B("resources:\n- a\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")},
              {"a/kustomization.yaml", B("resources:\n- ../r.yaml\n")}},
             Refused,
             "security; file",
             Place::Line},
            {"the same resource twice",
             {{"kustomization.yaml", B("resources:\n- r.yaml\n- r.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "may not add resource with an already registered id: ConfigMap.v1.[noGrp]/c.[noNs]",
             Place::Line},
            {"a replacement without targets",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\nreplacements:\n- source:\n    kind: ConfigMap\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "replacements must specify a source and at least one target",
             Place::Line},
            {"a replacement whose source selects nothing",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\nreplacements:\n- source:\n    kind: Secret\n  targets:\n  "
                 "- select:\n      kind: ConfigMap\n    fieldPaths: [data.a]\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "nothing selected by Secret.[noVer].[noGrp]/[noName].[noNs]",
             Place::Line},
            {"a replacement target path through a list without an index",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\nreplacements:\n- source:\n    kind: Deployment\n  "
                 "targets:\n  - select:\n      kind: Deployment\n    fieldPaths: "
                 "[spec.template.spec.containers.image]\n")},
              {"r.yaml", B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  "
                           "labels:\n    app: d\nspec:\n  template:\n    spec:\n      "
                           "containers:\n      - name: app\n        image: nginx\n")}},
             Refused,
             ": wrong node kind: expected MappingNode but got SequenceNode",
             Place::Line},
            {"a replacement target with an invalid regular expression",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\nreplacements:\n- source:\n    kind: Deployment\n  "
                 "targets:\n  - select:\n      kind: Deployment\n    fieldPaths: "
                 "[\"spec.template.spec.containers.[name=(].image\"]\n")},
              {"r.yaml", B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  "
                           "labels:\n    app: d\nspec:\n  template:\n    spec:\n      "
                           "containers:\n      - name: app\n        image: nginx\n")}},
             Refused,
             "in replacement target: error parsing regexp",
             Place::Line},
            {"a var naming no resource",
             {{"kustomization.yaml", B("resources:\n- r.yaml\nvars:\n- name: V\n  objref:\n    "
                                       "kind: Service\n    name: s\n    apiVersion: v1\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "cannot be mapped to a field in the set of known resources",
             Place::Line},
            {"a var declared twice",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\nvars:\n- name: V\n  objref:\n    kind: ConfigMap\n    "
                 "name: c\n    apiVersion: v1\n- name: V\n  objref:\n    kind: ConfigMap\n    "
                 "name: c\n    apiVersion: v1\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "var 'V' already encountered",
             Place::Line},
            {"a configMapGenerator literal without =",
             {{"kustomization.yaml",
               B("configMapGenerator:\n- name: x\n  literals:\n  - novalue\n")}},
             Refused,
             "invalid literal source novalue, expected key=value",
             Place::Line},
            {"a configMapGenerator with a repeated key",
             {{"kustomization.yaml",
               B("configMapGenerator:\n- name: x\n  literals:\n  - a=1\n  - a=2\n")}},
             Refused,
             "configmap x illegally repeats the key `a`",
             Place::Line},
            {"a configMapGenerator reading a missing file",
             {{"kustomization.yaml",
               B("configMapGenerator:\n- name: x\n  files:\n  - nope.txt\n")}},
             Refused,
             "nope.txt: no such file or directory",
             Place::Line},
            {"a generator with an unknown behavior",
             {{"kustomization.yaml",
               B("configMapGenerator:\n- name: x\n  behavior: upsert\n  literals:\n  - a=1\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  a: \"1\"\nkind: ConfigMap\nmetadata:\n  name: "
             "x-h29d89cmmt\n"},
            {"sortOptions with an unknown order",
             {{"kustomization.yaml", B("resources:\n- r.yaml\nsortOptions:\n  order: random\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")}},
             Refused,
             "the field 'sortOptions.order' must be one of [fifo, legacy]",
             Place::File},
            {"replicas for a missing resource",
             {{"kustomization.yaml",
               B("resources:\n- r.yaml\nreplicas:\n- name: zz\n  count: 2\n")},
              {"r.yaml", B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  "
                           "labels:\n    app: d\nspec:\n  template:\n    spec:\n      "
                           "containers:\n      - name: app\n        image: nginx\n")}},
             Refused,
             "resource with name zz does not match a config with the following GVK",
             Place::Line},
            {"a commonLabels transform over a scalar spec.selector",
             {{"kustomization.yaml", B("resources:\n- r.yaml\ncommonLabels:\n  a: b\n")},
              {"r.yaml", B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  "
                           "selector: 5\n")}},
             Refused,
             "considering field 'spec/selector/matchLabels' of object Deployment.v1.apps/d.[noNs]: "
             "expected sequence or mapping node",
             Place::Line},
            {"a namespace transform over a list-valued namespace",
             {{"kustomization.yaml", B("resources:\n- r.yaml\nnamespace: x\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: [a]\n")}},
             Refused,
             "wrong node kind: expected ScalarNode but got SequenceNode",
             Place::Line},
            {"a remote resource",
             {{"kustomization.yaml", B("resources:\n- "
                                       "https://github.com/kubernetes-sigs/kustomize//examples/"
                                       "helloWorld?ref=v1.0.6\n")}},
             Refused,
             "is not supported: Kanri renders local files only",
             Place::Line},
            {"a helm chart",
             {{"kustomization.yaml",
               B("helmCharts:\n- name: minecraft\n  repo: "
                 "https://itzg.github.io/minecraft-server-charts\n  version: 3.1.3\n")}},
             Refused,
             "'helmCharts' is not supported: Kanri does not run helm",
             Place::Line},
            {"an exec plugin transformer",
             {{"kustomization.yaml", B("resources:\n- r.yaml\ntransformers:\n- t.yaml\n")},
              {"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")},
              {"t.yaml", B("apiVersion: someteam.example.com/v1\nkind: ChartInflator\nmetadata:\n  "
                           "name: x\n")}},
             Refused,
             "Kanri does not run exec, Go or KRM-function plugins",
             Place::Line},
            // Semantics that real repositories rely on, rendered as kustomize renders them.
            {"a replacement with a leading dot, an escaped dot and a bracketed key",
             {{"src.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: src\ndata:\n  "
                             "img: \"5\"\n  t: \"true\"\n")},
              {"dep.yaml", B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n "
                             " replicas: 1\n  template:\n    spec:\n      containers:\n      - "
                             "name: app\n        image: nginx\n      - name: myapp\n        image: "
                             "nginx\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  "
                             "labels:\n    a.b.c/d: old\n  annotations:\n    x.y/z: old\n")},
              {"kustomization.yaml",
               B("resources:\n- src.yaml\n- dep.yaml\nreplacements:\n- source:\n    kind: "
                 "ConfigMap\n    name: src\n    fieldPath: .data.img\n  targets:\n  - select:\n    "
                 "  kind: Service\n    fieldPaths:\n    - .metadata.labels.a\\.b\\.c/d\n    - "
                 "metadata.annotations.[x.y/z]\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  img: \"5\"\n  t: \"true\"\nkind: ConfigMap\nmetadata:\n  "
             "name: src\n---\napiVersion: v1\nkind: Service\nmetadata:\n  annotations:\n    x.y/z: "
             "\"5\"\n  labels:\n    a.b.c/d: \"5\"\n  name: s\n---\napiVersion: apps/v1\nkind: "
             "Deployment\nmetadata:\n  name: d\nspec:\n  replicas: 1\n  template:\n    spec:\n     "
             " containers:\n      - image: nginx\n        name: app\n      - image: nginx\n        "
             "name: myapp\n"},
            {"a replacement target selector [name=app] matches as a regular expression",
             {{"src.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: src\ndata:\n  "
                             "img: \"5\"\n  t: \"true\"\n")},
              {"dep.yaml",
               B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: "
                 "1\n  template:\n    spec:\n      containers:\n      - name: app\n        image: "
                 "nginx\n      - name: myapp\n        image: nginx\n")},
              {"kustomization.yaml",
               B("resources:\n- src.yaml\n- dep.yaml\nreplacements:\n- source:\n    kind: "
                 "ConfigMap\n    name: src\n    fieldPath: data.img\n  targets:\n  - select:\n     "
                 " kind: Deployment\n    fieldPaths:\n    - "
                 "spec.template.spec.containers.[name=app].image\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  img: \"5\"\n  t: \"true\"\nkind: ConfigMap\nmetadata:\n  "
             "name: src\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n "
             " replicas: 1\n  template:\n    spec:\n      containers:\n      - image: \"5\"\n      "
             "  name: app\n      - image: \"5\"\n        name: myapp\n"},
            {"a replacement into an int keeps an int, into a string keeps a string",
             {{"src.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: src\ndata:\n  "
                             "img: \"5\"\n  t: \"true\"\n")},
              {"dep.yaml",
               B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: "
                 "1\n  template:\n    spec:\n      containers:\n      - name: app\n        image: "
                 "nginx\n      - name: myapp\n        image: nginx\n")},
              {"kustomization.yaml",
               B("resources:\n- src.yaml\n- dep.yaml\nreplacements:\n- source:\n    kind: "
                 "ConfigMap\n    name: src\n    fieldPath: data.img\n  targets:\n  - select:\n     "
                 " kind: Deployment\n    fieldPaths:\n    - spec.replicas\n  - select:\n      "
                 "kind: ConfigMap\n    fieldPaths:\n    - data.t\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  img: \"5\"\n  t: \"5\"\nkind: ConfigMap\nmetadata:\n  name: "
             "src\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  "
             "replicas: 5\n  template:\n    spec:\n      containers:\n      - image: nginx\n       "
             " name: app\n      - image: nginx\n        name: myapp\n"},
            {"a replacement with create makes a field typed by its text",
             {{"src.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: src\ndata:\n  "
                             "img: \"5\"\n  t: \"true\"\n")},
              {"dep.yaml",
               B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: "
                 "1\n  template:\n    spec:\n      containers:\n      - name: app\n        image: "
                 "nginx\n      - name: myapp\n        image: nginx\n")},
              {"kustomization.yaml",
               B("resources:\n- src.yaml\n- dep.yaml\nreplacements:\n- source:\n    kind: "
                 "ConfigMap\n    name: src\n    fieldPath: data.img\n  targets:\n  - select:\n     "
                 " kind: Deployment\n    fieldPaths:\n    - spec.template.metadata.labels.num\n    "
                 "options:\n      create: true\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  img: \"5\"\n  t: \"true\"\nkind: ConfigMap\nmetadata:\n  "
             "name: src\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n "
             " replicas: 1\n  template:\n    metadata:\n      labels:\n        num: 5\n    spec:\n "
             "     containers:\n      - image: nginx\n        name: app\n      - image: nginx\n    "
             "    name: myapp\n"},
            {"a replacement with create appends at index == length",
             {{"src.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: src\ndata:\n  "
                             "img: \"5\"\n  t: \"true\"\n")},
              {"dep.yaml",
               B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: "
                 "1\n  template:\n    spec:\n      containers:\n      - name: app\n        image: "
                 "nginx\n      - name: myapp\n        image: nginx\n")},
              {"kustomization.yaml",
               B("resources:\n- src.yaml\n- dep.yaml\nreplacements:\n- source:\n    kind: "
                 "ConfigMap\n    name: src\n    fieldPath: data.img\n  targets:\n  - select:\n     "
                 " kind: Deployment\n    fieldPaths:\n    - "
                 "spec.template.spec.containers.2.image\n    options:\n      create: true\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  img: \"5\"\n  t: \"true\"\nkind: ConfigMap\nmetadata:\n  "
             "name: src\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n "
             " replicas: 1\n  template:\n    spec:\n      containers:\n      - image: nginx\n      "
             "  name: app\n      - image: nginx\n        name: myapp\n      - image: 5\n"},
            {"a replacement with create adds a [name=new] element",
             {{"src.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: src\ndata:\n  "
                             "img: \"5\"\n  t: \"true\"\n")},
              {"dep.yaml",
               B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: "
                 "1\n  template:\n    spec:\n      containers:\n      - name: app\n        image: "
                 "nginx\n      - name: myapp\n        image: nginx\n")},
              {"kustomization.yaml",
               B("resources:\n- src.yaml\n- dep.yaml\nreplacements:\n- source:\n    kind: "
                 "ConfigMap\n    name: src\n    fieldPath: data.img\n  targets:\n  - select:\n     "
                 " kind: Deployment\n    fieldPaths:\n    - "
                 "spec.template.spec.containers.[name=new].image\n    options:\n      create: "
                 "true\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  img: \"5\"\n  t: \"true\"\nkind: ConfigMap\nmetadata:\n  "
             "name: src\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n "
             " replicas: 1\n  template:\n    spec:\n      containers:\n      - image: nginx\n      "
             "  name: app\n      - image: nginx\n        name: myapp\n      - image: 5\n        "
             "name: new\n"},
            {"a replacement source \"-\" is the last element",
             {{"src.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: src\ndata:\n  "
                             "img: \"5\"\n  t: \"true\"\n")},
              {"dep.yaml",
               B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: "
                 "1\n  template:\n    spec:\n      containers:\n      - name: app\n        image: "
                 "nginx\n      - name: myapp\n        image: nginx\n")},
              {"kustomization.yaml",
               B("resources:\n- src.yaml\n- dep.yaml\nreplacements:\n- source:\n    kind: "
                 "Deployment\n    fieldPath: spec.template.spec.containers.-.name\n  targets:\n  - "
                 "select:\n      kind: ConfigMap\n    fieldPaths:\n    - data.img\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  img: myapp\n  t: \"true\"\nkind: ConfigMap\nmetadata:\n  "
             "name: src\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n "
             " replicas: 1\n  template:\n    spec:\n      containers:\n      - image: nginx\n      "
             "  name: app\n      - image: nginx\n        name: myapp\n"},
            {"a replacement with a delimiter and an index",
             {{"src.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: src\ndata:\n  "
                             "img: \"5\"\n  t: \"true\"\n")},
              {"dep.yaml",
               B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: "
                 "1\n  template:\n    spec:\n      containers:\n      - name: app\n        image: "
                 "nginx\n      - name: myapp\n        image: nginx\n---\napiVersion: v1\nkind: "
                 "Service\nmetadata:\n  name: s\n  annotations:\n    host: a.b.c\n")},
              {"kustomization.yaml",
               B("resources:\n- src.yaml\n- dep.yaml\nreplacements:\n- source:\n    kind: "
                 "ConfigMap\n    fieldPath: data.img\n  targets:\n  - select:\n      kind: "
                 "Service\n    fieldPaths:\n    - metadata.annotations.host\n    options:\n      "
                 "delimiter: .\n      index: 1\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  img: \"5\"\n  t: \"true\"\nkind: ConfigMap\nmetadata:\n  "
             "name: src\n---\napiVersion: v1\nkind: Service\nmetadata:\n  annotations:\n    host: "
             "a.5.c\n  name: s\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: "
             "d\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n      - image: "
             "nginx\n        name: app\n      - image: nginx\n        name: myapp\n"},
            {"a replacement into a null field fails as kustomize fails",
             {{"src.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: src\ndata:\n  "
                             "img: \"5\"\n  t: \"true\"\n")},
              {"dep.yaml",
               B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: "
                 "1\n  nul: null\n  template:\n    spec:\n      containers:\n      - name: app\n   "
                 "     image: nginx\n      - name: myapp\n        image: nginx\n")},
              {"kustomization.yaml",
               B("resources:\n- src.yaml\n- dep.yaml\nreplacements:\n- source:\n    kind: "
                 "ConfigMap\n    name: src\n    fieldPath: data.img\n  targets:\n  - select:\n     "
                 " kind: Deployment\n    fieldPaths:\n    - spec.nul\n")}},
             Refused,
             "yaml: cannot decode !!int `5` as a !!null",
             Place::Line},
            {"a JSON patch replace of a missing key whose parent exists adds it",
             {{"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "
                           "\"1\"\nlist: [a, b, c]\n")},
              {"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    kind: ConfigMap\n  patch: |-\n    "
                 "- op: replace\n      path: /data/b\n      value: x\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  a: \"1\"\n  b: x\nkind: ConfigMap\nlist:\n- a\n- b\n- "
             "c\nmetadata:\n  name: c\n"},
            {"JSON patch negative indices count from the end",
             {{"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "
                           "\"1\"\nlist: [a, b, c]\n")},
              {"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    kind: ConfigMap\n  patch: |-\n    "
                 "- op: replace\n      path: /list/-1\n      value: x\n    - op: add\n      path: "
                 "/list/-1\n      value: y\n    - op: remove\n      path: /list/0\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  a: \"1\"\nkind: ConfigMap\nlist:\n- b\n- x\n- "
             "true\nmetadata:\n  name: c\n"},
            {"a JSON patch path without a leading slash drops its first segment",
             {{"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "
                           "\"1\"\nlist: [a, b, c]\n")},
              {"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    kind: ConfigMap\n  patch: |-\n    "
                 "- op: add\n      path: data/x\n      value: 1\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  a: \"1\"\nkind: ConfigMap\nlist:\n- a\n- b\n- "
             "c\nmetadata:\n  name: c\nx: 1\n"},
            {"a JSON patch replace of the whole document",
             {{"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "
                           "\"1\"\nlist: [a, b, c]\n")},
              {"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    kind: ConfigMap\n  patch: |-\n    "
                 "- op: replace\n      path: \"\"\n      value: {apiVersion: v1, kind: ConfigMap, "
                 "metadata: {name: c}, data: {z: \"1\"}}\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  z: \"1\"\nkind: ConfigMap\nmetadata:\n  name: c\n"},
            {"JSON patch move, copy and test",
             {{"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "
                           "\"1\"\nlist: [a, b, c]\n")},
              {"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- target:\n    kind: ConfigMap\n  patch: |-\n    "
                 "- op: test\n      path: /data/a\n      value: \"1\"\n    - op: copy\n      from: "
                 "/list\n      path: /data/l\n    - op: move\n      from: /data/a\n      path: "
                 "/data/b\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  b: \"1\"\n  l:\n  - a\n  - b\n  - c\nkind: "
             "ConfigMap\nlist:\n- a\n- b\n- c\nmetadata:\n  name: c\n"},
            {"a strategic merge drops empty values but keeps written nulls",
             {{"r.yaml",
               B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  labels:\nspec:\n  "
                 "e1:\n  e2: ~\n  e3: null\n  m:\n    n:\n    o: {p: }\n  template:\n    spec:\n   "
                 "   containers:\n      - name: app\n        image:\n      - name: b\n        "
                 "image: x\n        ports:\n        - containerPort: 80\n          name:\n      "
                 "volumes: [{name: v, emptyDir: }]\n")},
              {"p.yaml", B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  "
                           "replicas: 2\n  newmap:\n    a: null\n    b: {c: null}\n  template:\n   "
                           " spec:\n      containers:\n      - name: b\n        image: y\n        "
                           "env:\n        - name: A\n          value: null\n")},
              {"kustomization.yaml", B("resources:\n- r.yaml\npatches:\n- path: p.yaml\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  e2: null\n  "
             "e3: null\n  m:\n    o: {}\n  newmap:\n    b: {}\n  replicas: 2\n  template:\n    "
             "spec:\n      containers:\n      - env:\n        - name: A\n        image: \"y\"\n    "
             "    name: b\n        ports:\n        - containerPort: 80\n      - name: app\n      "
             "volumes:\n      - name: v\n"},
            {"a strategic merge patch of an empty map keeps it empty",
             {{"r.yaml",
               B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  labels:\nspec:\n  "
                 "e1:\n  e2: ~\n  e3: null\n  m:\n    n:\n    o: {p: }\n  template:\n    spec:\n   "
                 "   containers:\n      - name: app\n        image:\n      - name: b\n        "
                 "image: x\n        ports:\n        - containerPort: 80\n          name:\n      "
                 "volumes: [{name: v, emptyDir: }]\n")},
              {"kustomization.yaml",
               B("resources:\n- r.yaml\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: "
                 "Deployment\n    metadata:\n      name: d\n    spec:\n      template:\n        "
                 "spec:\n          affinity:\n            nodeAffinity: {}\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  e2: null\n  "
             "e3: null\n  m:\n    o: {}\n  template:\n    spec:\n      affinity:\n        "
             "nodeAffinity: {}\n      containers:\n      - name: app\n      - image: x\n        "
             "name: b\n        ports:\n        - containerPort: 80\n      volumes:\n      - name: "
             "v\n"},
            {"annotations null or empty disappear, labels null or empty stay",
             {{"r.yaml", B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations: "
                           "{}\n  labels: {}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  "
                           "name: b\n  annotations: null\n  labels: null\n---\napiVersion: "
                           "v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    n: 1\n  "
                           "labels:\n    n: 1\n")},
              {"kustomization.yaml", B("resources:\n- r.yaml\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {}\n  name: "
             "a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: null\n  name: "
             "b\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n    \"n\": "
             "\"1\"\n  labels:\n    \"n\": 1\n  name: c\n"},
            {"a generated Secret without data has data: {}",
             {{"kustomization.yaml",
               B("secretGenerator:\n- name: s\nconfigMapGenerator:\n- name: c\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c-6ct58987ht\n---\napiVersion: "
             "v1\ndata: {}\nkind: Secret\nmetadata:\n  name: s-46f8b28mk5\ntype: Opaque\n"},
            {"vars resolve after namespace and prefix, typed when alone",
             {{"res.yaml",
               B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  annotations:\n    "
                 "a: \"$(REP)\"\n    b: \"x-$(REP)-$(FL)-$(B)\"\n    c: \"$(NS).$(NAME)\"\nspec:\n "
                 " replicas: 3\n  paused: true\n  template:\n    spec:\n      containers:\n      - "
                 "name: app\n        image: nginx\n        args: [\"$(REP)\", \"$(NS)\", "
                 "\"$(FL)\", \"$$(NS)\", \"$(UNKNOWN)\", \"$(NS\"]\n        env:\n        - name: "
                 "X\n          value: $(REP)\n        - name: Y\n          value: "
                 "$(B)\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  x: "
                 "1.5e6\n")},
              {"kustomization.yaml",
               B("resources:\n- res.yaml\nnamespace: myns\nnamePrefix: p-\nvars:\n- name: REP\n  "
                 "objref: {kind: Deployment, name: d, apiVersion: apps/v1}\n  fieldref: "
                 "{fieldpath: spec.replicas}\n- name: NS\n  objref: {kind: Deployment, name: d, "
                 "apiVersion: apps/v1}\n  fieldref: {fieldPath: metadata.namespace}\n- name: "
                 "NAME\n  objref: {kind: Service, name: s, apiVersion: v1}\n- name: FL\n  objref: "
                 "{kind: Service, name: s, apiVersion: v1}\n  fieldref: {fieldPath: spec.x}\n- "
                 "name: B\n  objref: {kind: Deployment, name: d, apiVersion: apps/v1}\n  fieldref: "
                 "{fieldPath: spec.paused}\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\nkind: Service\nmetadata:\n  name: p-s\n  namespace: myns\nspec:\n  "
             "x: 1500000\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n  "
             "  a: \"3\"\n    b: x-3-1.5e+06-true\n    c: myns.p-s\n  name: p-d\n  namespace: "
             "myns\nspec:\n  paused: true\n  replicas: 3\n  template:\n    spec:\n      "
             "containers:\n      - args:\n        - 3\n        - myns\n        - 1500000\n        "
             "- $(NS)\n        - $(UNKNOWN)\n        - $(NS\n        env:\n        - name: X\n     "
             "     value: 3\n        - name: \"Y\"\n          value: true\n        image: nginx\n  "
             "      name: app\n"},
            {"scope comes from the embedded schema by apiVersion and kind",
             {{"r.yaml",
               B("apiVersion: admissionregistration.k8s.io/v1\nkind: "
                 "ValidatingAdmissionPolicy\nmetadata:\n  name: v\n---\napiVersion: "
                 "rbac.authorization.k8s.io/v1alpha1\nkind: ClusterRole\nmetadata:\n  name: "
                 "cr\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: "
                 "n2\n---\napiVersion: example.com/v1\nkind: Namespace\nmetadata:\n  name: "
                 "n3\n---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  "
                 "name: pc\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\n")},
              {"kustomization.yaml", B("resources:\n- r.yaml\nnamespace: x\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n---\napiVersion: "
             "example.com/v1\nkind: Namespace\nmetadata:\n  name: n3\n  namespace: "
             "x\n---\napiVersion: rbac.authorization.k8s.io/v1alpha1\nkind: "
             "ClusterRole\nmetadata:\n  name: cr\n  namespace: x\n---\napiVersion: "
             "scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: pc\n---\napiVersion: "
             "v1\nkind: PersistentVolume\nmetadata:\n  name: pv\n---\napiVersion: "
             "admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata:\n  name: "
             "v\n  namespace: x\n"},
            {"a CRD in the build does not make its kind cluster-scoped",
             {{"crd.yaml",
               B("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n "
                 " name: foos.example.com\nspec:\n  group: example.com\n  names:\n    kind: Foo\n  "
                 "  plural: foos\n  scope: Cluster\n  versions:\n  - name: v1\n    served: true\n  "
                 "  storage: true\n")},
              {"foo.yaml", B("apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: f\n")},
              {"kustomization.yaml", B("resources:\n- crd.yaml\n- foo.yaml\nnamespace: x\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  "
             "name: foos.example.com\nspec:\n  group: example.com\n  names:\n    kind: Foo\n    "
             "plural: foos\n  scope: Cluster\n  versions:\n  - name: v1\n    served: true\n    "
             "storage: true\n---\napiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: f\n  "
             "namespace: x\n"},
            {"a CustomResourceDefinition listed under crds is refused",
             {{"crd.yaml",
               B("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n "
                 " name: foos.example.com\nspec:\n  group: example.com\n  names:\n    kind: Foo\n  "
                 "  plural: foos\n  scope: Cluster\n  versions:\n  - name: v1\n    served: true\n  "
                 "  storage: true\n")},
              {"kustomization.yaml", B("crds:\n- crd.yaml\nresources: []\n")}},
             Refused,
             "unable to parse open API definition from",
             Place::Line},
            {"field names of the kustomization match case-insensitively",
             {{"r.yaml",
               B("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n")},
              {"kustomization.yaml",
               B("Resources:\n- r.yaml\nNAMESPACE: x\ncommonlabels:\n  a: b\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  a: \"1\"\nkind: ConfigMap\nmetadata:\n  labels:\n    a: b\n "
             " name: c\n  namespace: x\n"},
            {"YAML 1.1 booleans in the kustomization are booleans",
             {{"kustomization.yaml",
               B("configMapGenerator:\n- name: c\n  literals: [a=b]\ngeneratorOptions:\n  "
                 "disableNameSuffixHash: yes\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\nmetadata:\n  name: c\n"},
            {"a generator behavior kustomize does not know acts as create",
             {{"kustomization.yaml",
               B("configMapGenerator:\n- name: x\n  behavior: upsert\n  literals:\n  - a=1\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: v1\ndata:\n  a: \"1\"\nkind: ConfigMap\nmetadata:\n  name: "
             "x-h29d89cmmt\n"},
            {"commonLabels with a null containers list makes it []",
             {{"r.yaml", B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  "
                           "template:\n    spec:\n      containers: null\n")},
              {"kustomization.yaml", B("resources:\n- r.yaml\nimages:\n- name: x\n  newTag: v\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    "
             "spec:\n      containers: []\n"},
            {"a quoted number stays a string in labels, env and lists",
             {{"r.yaml",
               B("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  labels:\n    a: "
                 "\"32\"\n    b: 32\nspec:\n  template:\n    spec:\n      containers:\n      - "
                 "name: app\n        image: nginx\n        args: [\"0\", 0, \"true\", true]\n      "
                 "  env:\n        - name: A\n          value: \"0\"\n")},
              {"kustomization.yaml", B("resources:\n- r.yaml\ncommonLabels:\n  c: \"1\"\n")}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    a: \"32\"\n    b: "
             "32\n    c: \"1\"\n  name: d\nspec:\n  selector:\n    matchLabels:\n      c: \"1\"\n  "
             "template:\n    metadata:\n      labels:\n        c: \"1\"\n    spec:\n      "
             "containers:\n      - args:\n        - \"0\"\n        - 0\n        - \"true\"\n       "
             " - true\n        env:\n        - name: A\n          value: \"0\"\n        image: "
             "nginx\n        name: app\n"},
        };
        const QByteArray kust = "resources:\n- r.yaml\n";
        v.push_back({"a YAML alias bomb in a resource is refused by Kanri's node limit",
                     {{"kustomization.yaml", kust}, {"r.yaml", aliasBomb()}},
                     Refused,
                     "document expands to too many nodes",
                     Place::Line,
                     false});
        v.push_back({"a resource nested deeper than Kanri's limit is refused",
                     {{"kustomization.yaml", kust},
                      {"r.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: " +
                                     QByteArray(300, '[') + QByteArray(300, ']') + "\n"}},
                     Refused,
                     "document is nested too deeply",
                     Place::Line,
                     false});
        // kyaml cuts a resource file at every "\n---...\n" line before decoding: each piece is
        // a stream of its own, of which only the first document counts.
        const QByteArray cmA = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n";
        v.push_back({"a resource of only '---' and '...' lines is refused: its second piece "
                     "starts with '...'",
                     {{"kustomization.yaml", kust}, {"r.yaml", "---\n...\n---\n...\n"}},
                     Refused,
                     "did not find expected node content",
                     Place::Line});
        v.push_back({"directives before a '---' line are refused: the cut leaves them without "
                     "their document",
                     {{"kustomization.yaml", kust},
                      {"r.yaml", "%YAML 1.1\n%TAG ! tag:x:\n---\n" + cmA + "x: !weird 1\n"}},
                     Refused,
                     "did not find expected <document start>",
                     Place::Line});
        v.push_back({"a '---' line followed by more than a comment is refused",
                     {{"kustomization.yaml", kust}, {"r.yaml", cmA + "--- |\n  x\n"}},
                     Refused,
                     "invalid document separator: --- |",
                     Place::Line});
        v.push_back({"a document after '...' without '---' is not read",
                     {{"kustomization.yaml", kust},
                      {"r.yaml", cmA + "...\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  "
                                       "name: b\n"}},
                     Rendered,
                     "",
                     Place::None,
                     true,
                     "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"});
        v.push_back({"a '---' line with a comment separates two resources",
                     {{"kustomization.yaml", kust},
                      {"r.yaml", cmA + "--- # next\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                                       "  name: b\n"}},
                     Rendered,
                     "",
                     Place::None,
                     true,
                     "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: "
                     "v1\nkind: ConfigMap\nmetadata:\n  name: b\n"});
        v.push_back(
            {"a patched object's keyed lists lose their holes and what follows the first one",
             {{"r.yaml",
               "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n"
               "    spec:\n      volumes:\n      - name: a\n      - null\n      - name: b\n"
               "      initContainers:\n      - name: a\n      - name: b\n      - {}\n      - name: "
               "a\n        image: x\n      containers:\n      - name: c\n        ports:\n        "
               "-\n        env:\n        - null\n        - name: E\n          value: x\n"},
              {"kustomization.yaml",
               "resources:\n- r.yaml\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: "
               "Deployment\n    metadata:\n      name: d\n    spec:\n      replicas: 2\n"}},
             Rendered,
             "",
             Place::None,
             true,
             "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: "
             "2\n  template:\n    spec:\n      containers:\n      - env: []\n        name: c\n   "
             "     ports: []\n      initContainers:\n      - name: a\n      - name: b\n      "
             "volumes:\n      - name: a\n"});
        return v;
    }();
    return c;
}

struct KubectlResult
{
    bool ran = false;
    int exitCode = -1;
    QByteArray out;
};

} // namespace

// Hostile and broken kustomizations: Kanri must refuse what kustomize refuses, with a message
// and a place (file:line:col where there is one), never crash, hang or print something wrong;
// and render what kustomize renders. The inputs are written to a temporary folder; kubectl, when
// installed, runs over all of them in parallel once, for the comparison rows.
class TestKustomizeHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (size_t i = 0; i < cases().size(); ++i)
            for (const auto &[path, bytes] : cases()[i].files)
                QVERIFY(kanri::test::writeFile(caseDir(i) + QLatin1Char('/') + QLatin1String(path),
                                               bytes));
        const QString kubectl = kanri::test::kubectl();
        if (kubectl.isEmpty())
            return;
        // kubectl costs ~0.1 s a run: the results are kept next to the test (keyed by the
        // case's files and the kubectl binary), and the missing ones run a few at a time.
        m_kubectl.resize(cases().size());
        const QFileInfo binary(kubectl);
        const QString cacheDir =
            QCoreApplication::applicationDirPath() + QStringLiteral("/kubectl-kustomize-cache");
        QDir().mkpath(cacheDir);
        auto cacheFile = [&](size_t i) {
            QCryptographicHash h(QCryptographicHash::Sha256);
            h.addData(binary.canonicalFilePath().toUtf8());
            h.addData(QByteArray::number(binary.size()));
            h.addData(QByteArray::number(binary.lastModified().toMSecsSinceEpoch()));
            for (const auto &[path, bytes] : cases()[i].files) {
                h.addData(QByteArray(path) + '\0');
                h.addData(QByteArray::number(bytes.size()) + '\0');
                h.addData(bytes);
            }
            return cacheDir + QLatin1Char('/') + QString::fromLatin1(h.result().toHex());
        };
        std::vector<std::unique_ptr<QProcess>> running;
        auto reap = [&](size_t keep) {
            while (running.size() > keep) {
                QProcess &p = *running.front();
                p.waitForFinished(60000);
                const size_t i = size_t(p.property("case").toULongLong());
                KubectlResult &r = m_kubectl[i];
                r.ran = p.exitStatus() == QProcess::NormalExit;
                r.exitCode = p.exitCode();
                r.out = p.readAllStandardOutput();
                if (r.ran)
                    kanri::test::writeFile(cacheFile(i),
                                           QByteArray::number(r.exitCode) + '\n' + r.out);
                running.erase(running.begin());
            }
        };
        for (size_t i = 0; i < cases().size(); ++i) {
            if (!cases()[i].asKustomize)
                continue;
            const QByteArray cached = kanri::test::readAll(cacheFile(i));
            if (const qsizetype nl = cached.indexOf('\n'); nl > 0) {
                m_kubectl[i] = KubectlResult{true, cached.left(nl).toInt(), cached.mid(nl + 1)};
                continue;
            }
            auto p = std::make_unique<QProcess>();
            p->setProperty("case", qulonglong(i));
            p->start(kubectl, {QStringLiteral("kustomize"), caseDir(i)});
            running.push_back(std::move(p));
            reap(6);
        }
        reap(0);
    }

    void refusedOrRenderedAsKustomizeDoes_data() { rows(false); }
    void refusedOrRenderedAsKustomizeDoes()
    {
        QFETCH(int, index);
        const HostileCase &c = cases()[size_t(index)];
        Renderer renderer;
        auto out = renderer.render(caseDir(size_t(index)));
        if (c.expect == Expect::Rendered) {
            QVERIFY2(out.has_value(), out ? "" : qPrintable(out.error().toString()));
            QVERIFY(c.expected);
            QCOMPARE(out->text, QByteArray(c.expected));
            return;
        }
        QVERIFY2(!out.has_value(), "Kanri rendered what kustomize refuses");
        const kanri::Error &e = out.error();
        QVERIFY2(e.message.contains(QString::fromUtf8(c.message)),
                 qPrintable(QStringLiteral("expected \"%1\" in \"%2\"")
                                .arg(QString::fromUtf8(c.message), e.message)));
        if (c.place != Place::None) {
            QVERIFY2(!e.file.isEmpty(), qPrintable(e.toString()));
            QVERIFY2(e.file.startsWith(caseDir(size_t(index))), qPrintable(e.file));
        }
        if (c.place == Place::Line)
            QVERIFY2(e.line > 0 && e.column > 0, qPrintable(e.toString()));
    }

    void matchesKubectl_data() { rows(true); }
    void matchesKubectl()
    {
        QFETCH(int, index);
        if (m_kubectl.empty())
            QSKIP("kubectl is not installed: cannot compare with kubectl kustomize");
        const KubectlResult &k = m_kubectl[size_t(index)];
        QVERIFY2(k.ran, "kubectl did not run");
        Renderer renderer;
        auto out = renderer.render(caseDir(size_t(index)));
        const bool kubectlRefused = k.exitCode != 0;
        QVERIFY2(out.has_value() != kubectlRefused,
                 qPrintable(QStringLiteral("kubectl %1, Kanri %2: %3")
                                .arg(kubectlRefused ? QStringLiteral("refuses")
                                                    : QStringLiteral("renders"),
                                     out ? QStringLiteral("renders") : QStringLiteral("refuses"),
                                     out ? QString() : out.error().toString())));
        if (out)
            QCOMPARE(out->text, k.out);
    }

    void commandLineRefusesACycleWithAPlace()
    {
        const QString kanri = kanri::test::kanriBinary();
        if (kanri.isEmpty() || !QFileInfo::exists(kanri))
            QSKIP("the kanri executable was not built (KANRI_BINARY unset or missing)");
        QTemporaryDir dir;
        QVERIFY(kanri::test::writeFile(dir.filePath(QStringLiteral("a/kustomization.yaml")),
                                       "resources:\n- ../b\n"));
        QVERIFY(kanri::test::writeFile(dir.filePath(QStringLiteral("b/kustomization.yaml")),
                                       "resources:\n- ../a\n"));
        const auto r =
            kanri::test::run(kanri, {QStringLiteral("render"), dir.filePath(QStringLiteral("a"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("cycle detected: candidate root"), r.err.constData());
        // file:line:col: error: message, at the entry that closes the cycle.
        QVERIFY2(r.err.contains("/kustomization.yaml:2:3: error: "), r.err.constData());
    }

private:
    QString caseDir(size_t i) const { return m_dir.filePath(QString::number(i)); }

    void rows(bool kubectlOnly)
    {
        QTest::addColumn<int>("index");
        for (size_t i = 0; i < cases().size(); ++i) {
            const HostileCase &c = cases()[i];
            if (kubectlOnly && !c.asKustomize)
                continue;
            QTest::newRow(c.name) << int(i);
        }
    }

    QTemporaryDir m_dir;
    std::vector<KubectlResult> m_kubectl;
};

QTEST_GUILESS_MAIN(TestKustomizeHostile)
#include "tst_kustomizehostile.moc"
