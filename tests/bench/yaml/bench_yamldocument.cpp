// Times YamlDocument on a generated 500-line manifest: parse, a one-scalar edit (splice, full
// re-parse and check), and undo. Target: a one-scalar edit well under 1 ms.
//
//   bench_yamldocument [iterations]

#include "yaml/yamldocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace kanri::yaml;

namespace {

// A Deployment with many containers, env vars and comments: about 500 lines.
QByteArray manifest()
{
    QByteArray out = "# generated for the benchmark\n"
                     "apiVersion: apps/v1\n"
                     "kind: Deployment\n"
                     "metadata:\n"
                     "  name: web\n"
                     "  labels:\n"
                     "    app: web\n"
                     "spec:\n"
                     "  replicas: 2 # scaled by the catalog\n"
                     "  selector:\n"
                     "    matchLabels:\n"
                     "      app: web\n"
                     "  template:\n"
                     "    spec:\n"
                     "      containers:\n";
    int c = 0;
    while (out.count('\n') < 490) {
        out += "      - name: c" + QByteArray::number(c) +
               "\n"
               "        image: \"registry.example/app:" +
               QByteArray::number(c) +
               ".0\"\n"
               "        resources:\n"
               "          requests: {cpu: 100m, memory: 64Mi}\n"
               "        env:\n";
        for (int e = 0; e < 6; ++e)
            out += "        - name: VAR_" + QByteArray::number(e) + "\n          value: 'v" +
                   QByteArray::number(e) + "' # comment\n";
        ++c;
    }
    return out;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int iterations = argc > 1 ? std::max(1, atoi(argv[1])) : 500;
    const QByteArray text = manifest();
    std::printf("input: %lld lines, %lld bytes\n", (long long)text.count('\n'),
                (long long)text.size());

    std::vector<double> parse, edit, undo, insert;
    QElapsedTimer t;
    for (int i = 0; i < iterations; ++i) {
        t.start();
        auto doc = YamlDocument::parse(text);
        parse.push_back(t.nsecsElapsed() / 1e6);
        if (!doc) {
            std::fprintf(stderr, "%s\n", qPrintable(doc.error().toString()));
            return 1;
        }
        t.start();
        auto splice = doc->setScalar({"spec", "replicas"}, QString::number(3 + i % 5));
        edit.push_back(t.nsecsElapsed() / 1e6);
        if (!splice) {
            std::fprintf(stderr, "%s\n", qPrintable(splice.error().toString()));
            return 1;
        }
        t.start();
        const auto undone = doc->apply(splice->inverted());
        undo.push_back(t.nsecsElapsed() / 1e6);
        // A new key changes the structure: this one takes the full re-parse.
        t.start();
        const auto inserted = doc->setScalar({"metadata", "namespace"}, QStringLiteral("prd"));
        insert.push_back(t.nsecsElapsed() / 1e6);
        if (!inserted || !doc->apply(inserted->inverted())) {
            std::fprintf(stderr, "insert failed\n");
            return 1;
        }
        if (!undone || doc->text() != text) {
            std::fprintf(stderr, "undo failed\n");
            return 1;
        }
    }
    std::printf("parse (median of %d):          %.3f ms\n", iterations, median(parse));
    std::printf("one-scalar edit (median):      %.3f ms\n", median(edit));
    std::printf("undo of the edit (median):     %.3f ms\n", median(undo));
    std::printf("new key, full re-parse (median): %.3f ms\n", median(insert));
    return 0;
}
