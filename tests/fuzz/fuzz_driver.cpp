// A minimal stand-in for libFuzzer's main(): feeds every seed file, then `runs` random
// mutations of them (byte flips, insertions of HCL punctuation, deletions, splices), to
// LLVMFuzzerTestOneInput. Deterministic (fixed random seed) so a failure can be replayed.
//   fuzz_X SEED_DIR [RUNS]      or      fuzz_X FILE   (replay one input)
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

void feed(const QByteArray &b)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(b.constData()),
                           std::size_t(b.size()));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s SEED_DIR [RUNS] | FILE\n", argv[0]);
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    std::vector<QByteArray> seeds;
    if (QFileInfo(path).isDir()) {
        for (const QFileInfo &f : QDir(path).entryInfoList(QDir::Files, QDir::Name)) {
            QFile file(f.filePath());
            if (file.open(QIODevice::ReadOnly))
                seeds.push_back(file.readAll());
        }
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return 2;
        feed(file.readAll());
        return 0;
    }
    if (seeds.empty())
        return 2;
    for (const QByteArray &s : seeds)
        feed(s);
    const long runs = argc > 2 ? std::atol(argv[2]) : 10000;
    std::mt19937 rng(12345);
    static const char pieces[][6] = {"{",     "}",  "[",  "]",    "(",  ")",  "\"", "=",
                                     ":",     ",",  "\n", "\r\n", "${", "%{", "~}", "<<EOT",
                                     "\nEOT", "#",  "/*", "*/",   "-",  ".",  "\\", "\xEF\xBB\xBF",
                                     " ",     "\t", "a",  "1"};
    for (long i = 0; i < runs; ++i) {
        QByteArray b = seeds[rng() % seeds.size()];
        const int edits = 1 + int(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = b.isEmpty() ? 0 : qsizetype(rng() % std::size_t(b.size() + 1));
            switch (rng() % 4) {
            case 0:
                if (at < b.size())
                    b[at] = char(rng() % 256);
                break;
            case 1:
                b.insert(at, pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))]);
                break;
            case 2:
                b.remove(at, qsizetype(rng() % 8));
                break;
            default: {
                const QByteArray &other = seeds[rng() % seeds.size()];
                const qsizetype from = qsizetype(rng() % std::size_t(other.size() + 1));
                b.insert(at, other.mid(from, qsizetype(rng() % 64)));
                break;
            }
            }
        }
        feed(b);
    }
    std::printf("%s: %zu seeds, %ld mutations, no failure\n",
                qPrintable(QFileInfo(QString::fromLocal8Bit(argv[0])).fileName()), seeds.size(),
                runs);
    return 0;
}
