// The standing hostile suite: generated broken and hostile inputs for every command that parses
// a file, run against the built `kanri`.
//
// Each case is a folder under a temporary directory with one input made from a seed (the demo's
// files under resources/demo, or a small handwritten one) by a named, deterministic generator:
// truncation at a structural point, a flipped bit, invalid UTF-8, NULs, CR/CRLF, BOMs, tabs,
// very deep nesting, huge scalars and numbers, alias bombs, merge-key loops, duplicate keys,
// unterminated strings and heredocs, `${` nesting, enormous lines, path escapes, symlinks out
// of the tree, cyclic kustomizations and files that are not regular files. Every command that
// reads the input runs on it (two processes at once), and each run must end within 10 s (50 s in
// a sanitizer build) and 1 GiB, never by a signal, and either
//   - exit non-zero with a located one-line error on stderr ("file:line:col: error: message" or
//     "file: error: message", the file inside the case's folder, no raw control characters), or
//   - where kustomize accepts the input: print what `kubectl kustomize` prints, byte for byte;
//     for HCL, HashiCorp's HCL (tests/hcl/oracle) says whether the input is valid.
// A row's name says how to make its input again; KANRI_HOSTILE_KEEP=1 keeps the folders.
// At the end a table gives, per parser, the cases tried and handled (the README quotes it).

#include "tests/testsupport/testutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#ifndef KANRI_HCL_ORACLE
#define KANRI_HCL_ORACLE ""
#endif

namespace {

#ifdef KANRI_HOSTILE_SANITIZED
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
constexpr int kCaseMs = (kSanitized ? 5 : 1) * 10'000;
constexpr rlim_t kMemoryLimit = rlim_t(1) << 30;

enum class Parser { Kustomize, Hcl, Workspace, CodeOwners, KanriYaml };

QString parserName(Parser p)
{
    switch (p) {
    case Parser::Kustomize:
        return QStringLiteral("kustomize/YAML");
    case Parser::Hcl:
        return QStringLiteral("HCL");
    case Parser::Workspace:
        return QStringLiteral("workspace.yaml");
    case Parser::CodeOwners:
        return QStringLiteral("CODEOWNERS");
    case Parser::KanriYaml:
        return QStringLiteral(".kanri.yaml");
    }
    return {};
}

enum class Verdict {
    Oracle, // kustomize: kubectl decides; HCL: HashiCorp's HCL decides (else either is fine)
    Refuse, // must be refused with a located error
    Limit,  // a limit of Kanri's own: refused with a located error, or accepted where valid
    Accept, // valid input: must be accepted
    Either, // no oracle (Kanri's own formats): accepted, or refused with a located error
};

enum class Command { Render, Lint, Kubectl, HclOracle, TfMaps, TfGet, TfSet, TfFmt, Catalog, Diff };

QString commandName(Command c)
{
    static const char *names[] = {"render", "lint",   "kubectl kustomize", "hcloracle", "tf maps",
                                  "tf get", "tf set", "tf fmt --check",    "catalog",   "diff"};
    return QString::fromLatin1(names[int(c)]);
}

struct Job
{
    Command command;
    QString program;
    QStringList args;
    QString workDir;
    bool limitMemory = false;
    // What happened.
    bool started = false;
    bool timedOut = false;
    bool crashed = false;
    int exitCode = -1;
    QByteArray out, err;
    qint64 ms = 0;
};

// One generated input: what to make, and the runs over it.
struct Variant
{
    QString name;
    QByteArray bytes;
    Verdict verdict = Verdict::Oracle;
};

struct Case
{
    Parser parser;
    QString name;
    QString dir;       // the case's folder: a located error must point inside it (or roots)
    QStringList roots; // further folders an error may name (shared repositories)
    QString input;     // the file under test
    Verdict verdict = Verdict::Oracle;
    QByteArray before; // the input's bytes (tf set must leave a refused file unchanged)
    std::vector<size_t> jobs;
};

// ---------------------------------------------------------------------------------------------
// Generators. Every one is deterministic: the same seed gives the same bytes, and the row's
// name says what was done (byte offsets, bits, counts).

std::mt19937 &rng()
{
    static std::mt19937 g(20261207);
    return g;
}

// Points where the seed's structure changes: after a byte of `structural`, spread over the file.
std::vector<qsizetype> structuralPoints(const QByteArray &seed, const QByteArray &structural,
                                        int count)
{
    std::vector<qsizetype> all;
    for (qsizetype i = 0; i < seed.size(); ++i)
        if (structural.contains(seed[i]))
            all.push_back(i + 1);
    std::vector<qsizetype> picked;
    if (all.empty())
        return picked;
    for (int k = 0; k < count; ++k) {
        const qsizetype p = all[size_t(qsizetype(all.size()) * k / count)];
        if (picked.empty() || picked.back() != p)
            picked.push_back(p);
    }
    return picked;
}

QString describePoint(const QByteArray &seed, qsizetype p)
{
    const int line = int(seed.left(p).count('\n')) + 1;
    const char c = p > 0 ? seed[p - 1] : ' ';
    const QString what = c == '\n'   ? QStringLiteral("a line end")
                         : c == ' '  ? QStringLiteral("a space")
                         : c == '\t' ? QStringLiteral("a tab")
                                     : QStringLiteral("'%1'").arg(QLatin1Char(c));
    return QStringLiteral("at byte %1 (after %2 on line %3)").arg(p).arg(what).arg(line);
}

std::vector<Variant> truncations(const QByteArray &seed, const QString &file,
                                 const QByteArray &structural, int count,
                                 const std::function<Verdict(qsizetype)> &verdict)
{
    std::vector<Variant> v;
    for (qsizetype p : structuralPoints(seed, structural, count))
        v.push_back({QStringLiteral("%1 truncated %2").arg(file, describePoint(seed, p)),
                     seed.left(p), verdict(p)});
    return v;
}

std::vector<Variant> bitFlips(const QByteArray &seed, const QString &file, int count,
                              Verdict verdict)
{
    std::vector<Variant> v;
    for (int k = 0; k < count; ++k) {
        const qsizetype p = qsizetype(rng()() % quint32(seed.size()));
        const int bit = int(rng()() % 8);
        QByteArray b = seed;
        b[p] = char(b[p] ^ (1 << bit));
        v.push_back({QStringLiteral("%1 with bit %2 of byte %3 flipped").arg(file).arg(bit).arg(p),
                     b, verdict});
    }
    return v;
}

// The byte offset of the start of line `n` (1-based), or the size.
qsizetype lineStart(const QByteArray &s, int n)
{
    qsizetype p = 0;
    for (int i = 1; i < n && p >= 0; ++i) {
        p = s.indexOf('\n', p);
        if (p < 0)
            return s.size();
        ++p;
    }
    return p;
}

// Encoding and line-end damage: invalid UTF-8, NULs, CR/CRLF, BOMs, tabs.
std::vector<Variant> encodings(const QByteArray &seed, const QString &file, Verdict verdict,
                               Verdict whitespace)
{
    std::vector<Variant> v;
    const int lines = int(seed.count('\n'));
    const qsizetype mid = lineStart(seed, lines / 2 + 1);
    const qsizetype midText = std::min(seed.size(), mid + 4);
    auto insert = [&](const QString &what, qsizetype at, const QByteArray &bytes, Verdict vd) {
        QByteArray b = seed;
        b.insert(at, bytes);
        v.push_back({QStringLiteral("%1 with %2 at byte %3").arg(file, what).arg(at), b, vd});
    };
    insert(QStringLiteral("a lone UTF-8 continuation byte 0x80"), midText, "\x80", verdict);
    insert(QStringLiteral("the byte 0xFF"), midText, "\xff", verdict);
    insert(QStringLiteral("an overlong UTF-8 '/' (C0 AF)"), midText, "\xc0\xaf", verdict);
    insert(QStringLiteral("a UTF-8 encoded surrogate (ED A0 80)"), midText, "\xed\xa0\x80",
           verdict);
    insert(QStringLiteral("a cut UTF-8 sequence (E2 82) at the end"), seed.size(), "\xe2\x82",
           verdict);
    insert(QStringLiteral("a NUL byte"), midText, QByteArray(1, '\0'), verdict);
    insert(QStringLiteral("a NUL byte at a line start"), mid, QByteArray(1, '\0'), verdict);
    insert(QStringLiteral("a UTF-8 BOM"), 0, "\xef\xbb\xbf", whitespace);
    insert(QStringLiteral("a UTF-8 BOM in the middle"), mid, "\xef\xbb\xbf", verdict);
    insert(QStringLiteral("a UTF-16LE BOM"), 0, "\xff\xfe", verdict);
    insert(QStringLiteral("an escape sequence ESC[31m"), midText, "\x1b[31m", verdict);
    QByteArray crlf = seed;
    crlf.replace("\n", "\r\n");
    v.push_back({file + QStringLiteral(" with CRLF line ends"), crlf, whitespace});
    QByteArray cr = seed;
    cr.replace('\n', '\r');
    v.push_back({file + QStringLiteral(" with CR line ends"), cr, verdict});
    QByteArray tabs;
    for (const QByteArray &line : seed.split('\n')) {
        qsizetype n = 0;
        while (n < line.size() && line[n] == ' ')
            ++n;
        tabs += QByteArray(n / 2, '\t') + line.mid(n) + '\n';
    }
    tabs.chop(1);
    v.push_back({file + QStringLiteral(" indented with tabs"), tabs, verdict});
    return v;
}

// YAML that is hostile whatever the schema: nesting, bombs, huge values, duplicate keys.
std::vector<Variant> yamlSpecials(const QString &file, const QByteArray &prefix, Verdict oracle)
{
    std::vector<Variant> v;
    const int deep = 100'000;
    v.push_back({QStringLiteral("%1: %2 nested flow sequences").arg(file).arg(deep),
                 prefix + "x: " + QByteArray(deep, '[') + QByteArray(deep, ']') + '\n',
                 Verdict::Limit});
    v.push_back({QStringLiteral("%1: %2 unclosed flow sequences").arg(file).arg(deep),
                 prefix + "x: " + QByteArray(deep, '[') + '\n', Verdict::Refuse});
    v.push_back(
        {QStringLiteral("%1: %2 nested flow mappings").arg(file).arg(deep),
         prefix + "x: " + QByteArray("{a: ").repeated(deep) + "1" + QByteArray(deep, '}') + '\n',
         Verdict::Limit});
    v.push_back({QStringLiteral("%1: %2 nested block sequences on one line").arg(file).arg(deep),
                 prefix + "x:\n" + QByteArray("- ").repeated(deep) + "1\n", Verdict::Limit});
    {
        QByteArray y = prefix + "x:\n";
        const int levels = 3000;
        for (int i = 1; i <= levels; ++i)
            y += QByteArray(i, ' ') + "a:\n";
        y += QByteArray(levels + 1, ' ') + "b: 1\n";
        v.push_back(
            {QStringLiteral("%1: %2 indentation levels").arg(file).arg(levels), y, Verdict::Limit});
    }
    {
        QByteArray y = prefix + "l0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        for (int i = 1; i <= 9; ++i) {
            y += "l" + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [";
            for (int k = 0; k < 10; ++k)
                y += (k ? ", *a" : "*a") + QByteArray::number(i - 1);
            y += "]\n";
        }
        v.push_back({file + QStringLiteral(": a billion laughs (9 levels of 10 aliases)"), y,
                     Verdict::Limit});
    }
    v.push_back({file + QStringLiteral(": three levels of three aliases"),
                 prefix + "a: &a [1, 2, 3]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n", oracle});
    v.push_back({file + QStringLiteral(": an alias to an unknown anchor"), prefix + "a: *nowhere\n",
                 Verdict::Refuse});
    v.push_back({file + QStringLiteral(": an anchor that contains its own alias"),
                 prefix + "a: &a [1, *a]\n", Verdict::Refuse});
    v.push_back({file + QStringLiteral(": a merge key that merges its own mapping"),
                 prefix + "a: &a\n  <<: *a\n  b: 1\n", oracle});
    v.push_back({file + QStringLiteral(": two merge keys merging each other"),
                 prefix + "a: &a {x: 1}\nb: &b {<<: *a}\nc: {<<: [*a, *b, *a, *b]}\n", oracle});
    v.push_back(
        {file + QStringLiteral(": a merge key of a scalar"), prefix + "a: {<<: 1}\n", oracle});
    v.push_back({QStringLiteral("%1: a 4 MiB plain scalar on one line").arg(file),
                 prefix + "x: " + QByteArray(4 << 20, 'a') + '\n', oracle});
    v.push_back({QStringLiteral("%1: a number of a million digits").arg(file),
                 prefix + "x: " + QByteArray(1'000'000, '9') + '\n', oracle});
    v.push_back({QStringLiteral("%1: a 1 MiB key").arg(file),
                 prefix + QByteArray(1 << 20, 'k') + ": 1\n", oracle});
    v.push_back({file + QStringLiteral(": an unterminated double-quoted string"),
                 prefix + "x: \"abc\n", Verdict::Refuse});
    v.push_back({file + QStringLiteral(": an unterminated single-quoted string"),
                 prefix + "x: 'abc\n", Verdict::Refuse});
    v.push_back(
        {file + QStringLiteral(": a tab as indentation"), prefix + "x:\n\t- 1\n", Verdict::Refuse});
    v.push_back({file + QStringLiteral(": a document of '---' and '...' only"),
                 "---\n...\n---\n...\n", oracle});
    v.push_back({file + QStringLiteral(": a directive and an unknown tag"),
                 "%YAML 1.1\n%TAG ! tag:x:\n---\n" + prefix + "x: !weird 1\n", oracle});
    return v;
}

// The structure of an HCL file at a truncation point: Refuse when the point is inside a block,
// a bracket, a string, a heredoc or a comment; Accept at a line start outside all of those;
// Either in the middle of a line.
Verdict hclTruncationVerdict(const QByteArray &s, qsizetype p)
{
    std::vector<char> stack; // '{' '[' '(' for brackets, '"' for a string, 't' a template `${`
    QByteArray heredoc;
    bool inHeredoc = false;
    for (qsizetype i = 0; i < p; ++i) {
        const char c = s[i];
        if (inHeredoc) {
            if (c == '\n') {
                qsizetype e = s.indexOf('\n', i + 1);
                if (e < 0)
                    e = s.size();
                if (s.mid(i + 1, e - i - 1).trimmed() == heredoc) {
                    if (e >= p)
                        return Verdict::Refuse;
                    inHeredoc = false;
                    i = e - 1;
                }
            }
            continue;
        }
        const char top = stack.empty() ? 0 : stack.back();
        if (top == '"') {
            if (c == '\\')
                ++i;
            else if (c == '"')
                stack.pop_back();
            else if ((c == '$' || c == '%') && i + 1 < s.size() && s[i + 1] == '{')
                stack.push_back('t'), ++i;
            continue;
        }
        if (c == '#' || (c == '/' && i + 1 < s.size() && s[i + 1] == '/')) {
            const qsizetype e = s.indexOf('\n', i);
            if (e < 0 || e >= p)
                return stack.empty() ? Verdict::Accept : Verdict::Refuse;
            i = e - 1;
            continue;
        }
        if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
            const qsizetype e = s.indexOf("*/", i + 2);
            if (e < 0 || e + 2 > p)
                return Verdict::Refuse;
            i = e + 1;
            continue;
        }
        if (c == '<' && s.mid(i, 2) == "<<") {
            qsizetype j = i + 2;
            if (j < s.size() && s[j] == '-')
                ++j;
            qsizetype e = j;
            while (e < s.size() && (std::isalnum(uchar(s[e])) || s[e] == '_'))
                ++e;
            if (e > j && e < s.size() && s[e] == '\n') {
                heredoc = s.mid(j, e - j);
                inHeredoc = true;
                i = e - 1;
            }
            continue;
        }
        if (c == '"')
            stack.push_back('"');
        else if (c == '{' || c == '[' || c == '(')
            stack.push_back(c);
        else if ((c == '}' || c == ']' || c == ')') && !stack.empty())
            stack.pop_back();
    }
    if (inHeredoc || !stack.empty())
        return Verdict::Refuse;
    return p == 0 || s[p - 1] == '\n' ? Verdict::Accept : Verdict::Either;
}

// ---------------------------------------------------------------------------------------------

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    return kanri::test::writeFile(path, bytes);
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(source);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target))
            return false;
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return true;
}

// A path replaced by something that is not a regular file.
enum class Special { Fifo, DevZero, Directory, EtcPasswd };

bool makeSpecial(const QString &path, Special s)
{
    QFile::remove(path);
    QDir().mkpath(QFileInfo(path).absolutePath());
    switch (s) {
    case Special::Fifo:
        return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
    case Special::DevZero:
        return QFile::link(QStringLiteral("/dev/zero"), path);
    case Special::Directory:
        return QDir().mkpath(path);
    case Special::EtcPasswd:
        return QFile::link(QStringLiteral("/etc/passwd"), path);
    }
    return false;
}

QString specialName(Special s)
{
    switch (s) {
    case Special::Fifo:
        return QStringLiteral("a FIFO");
    case Special::DevZero:
        return QStringLiteral("a symlink to /dev/zero");
    case Special::Directory:
        return QStringLiteral("a directory");
    case Special::EtcPasswd:
        return QStringLiteral("a symlink to /etc/passwd");
    }
    return {};
}

// "file:line:col: error: message" or "file: error: message".
const QRegularExpression &locatedLine()
{
    static const QRegularExpression re(
        QStringLiteral("^(?<file>[^:\\s][^:]*?)(?::(?<line>\\d+)(?::(?<col>\\d+))?)?: "
                       "error: (?<message>\\S.*)$"));
    return re;
}

bool hasControl(const QByteArray &bytes)
{
    for (char c : bytes)
        if ((uchar(c) < 0x20 && c != '\n') || c == 0x7f)
            return true;
    return false;
}

QByteArray firstLines(const QByteArray &b, int n = 3)
{
    QList<QByteArray> lines = b.split('\n');
    QByteArray out = lines.mid(0, n).join("\n");
    if (out.size() > 600)
        out = out.left(600) + "...";
    return out;
}

class TestHostileCli : public QObject
{
    Q_OBJECT

public:
    TestHostileCli() { m_dir.setAutoRemove(!qEnvironmentVariableIsSet("KANRI_HOSTILE_KEEP")); }

private slots:
    void initTestCase();
    void kustomize_data() { rows(Parser::Kustomize); }
    void kustomize() { checkRow(); }
    void hcl_data() { rows(Parser::Hcl); }
    void hcl() { checkRow(); }
    void workspaceYaml_data() { rows(Parser::Workspace); }
    void workspaceYaml() { checkRow(); }
    void codeOwners_data() { rows(Parser::CodeOwners); }
    void codeOwners() { checkRow(); }
    void kanriYaml_data() { rows(Parser::KanriYaml); }
    void kanriYaml() { checkRow(); }
    void peakMemory();
    void cleanupTestCase();

private:
    // Cases live in a folder per group, so that an input escaping its case with "../" sees the
    // cases of its own kind only (workspaces see the shared repositories beside them).
    QString newCaseDir(const char *group)
    {
        const QString d =
            m_dir.filePath(QStringLiteral("%1/c%2").arg(QLatin1String(group)).arg(m_cases.size()));
        QDir().mkpath(d);
        return d;
    }
    size_t addJob(Case &c, Command command, QStringList args, QString workDir = {})
    {
        Job j;
        j.command = command;
        j.program = command == Command::Kubectl     ? m_kubectl
                    : command == Command::HclOracle ? m_hclOracle
                                                    : m_kanri;
        j.limitMemory = !kSanitized && command != Command::Kubectl && command != Command::HclOracle;
        j.args = std::move(args);
        j.workDir = workDir.isEmpty() ? c.dir : workDir;
        m_jobs.push_back(std::move(j));
        c.jobs.push_back(m_jobs.size() - 1);
        return m_jobs.size() - 1;
    }

    void buildKustomizeCases();
    void buildHclCases();
    void buildWorkspaceCases();
    void buildCodeOwnersCases(Parser parser);
    void runAll();
    static void runJob(Job &j);

    QString checkRun(const Case &c, const Job &j, bool mustRefuse, bool *refused) const;
    void rows(Parser p);
    void checkRow();

    QTemporaryDir m_dir;
    QString m_kanri, m_kubectl, m_hclOracle, m_git, m_demo, m_shared;
    bool m_sharedIsGit = false;
    std::vector<Case> m_cases;
    std::vector<Job> m_jobs;
    qint64 m_wallMs = 0;
    struct Tally
    {
        int tried = 0, refused = 0, accepted = 0, failed = 0, skipped = 0;
    };
    std::map<Parser, Tally> m_tally;
};

void TestHostileCli::initTestCase()
{
    m_kanri = kanri::test::kanriBinary();
    QVERIFY2(!m_kanri.isEmpty() && QFileInfo(m_kanri).isExecutable(),
             "KANRI_BINARY is not set or not built (run through ctest)");
    m_demo = kanri::test::sourceDir() + QStringLiteral("/resources/demo");
    QVERIFY2(QFileInfo(m_demo).isDir(), "KANRI_SOURCE_DIR/resources/demo is missing");
    QVERIFY(m_dir.isValid());
    m_kubectl = kanri::test::kubectl();
    if (const QString o = QStringLiteral(KANRI_HCL_ORACLE);
        !o.isEmpty() && QFileInfo(o).isExecutable())
        m_hclOracle = o;
    m_git = QStandardPaths::findExecutable(QStringLiteral("git"));
    if (m_kubectl.isEmpty())
        std::printf("NOTE: kubectl is not installed: rows that kustomize must decide will skip\n");
    if (m_hclOracle.isEmpty())
        std::printf("NOTE: the HCL oracle (tests/hcl/oracle) is not built: HCL validity is "
                    "taken from the generators only\n");

    // Workspaces share one copy of the demo repositories (committed, for `kanri diff`).
    m_shared = m_dir.filePath(QStringLiteral("w/shared"));
    for (const char *repo : {"accounts", "manifests"}) {
        const QString to = m_shared + QLatin1Char('/') + QLatin1String(repo);
        QVERIFY(copyTree(m_demo + QLatin1Char('/') + QLatin1String(repo), to));
        if (m_git.isEmpty())
            continue;
        const auto init =
            kanri::test::run(m_git, {QStringLiteral("init"), QStringLiteral("-q"),
                                     QStringLiteral("-b"), QStringLiteral("main"), to});
        const auto add = kanri::test::run(
            m_git, {QStringLiteral("-C"), to, QStringLiteral("add"), QStringLiteral("-A")});
        const auto commit = kanri::test::run(
            m_git, {QStringLiteral("-C"), to, QStringLiteral("-c"), QStringLiteral("user.name=h"),
                    QStringLiteral("-c"), QStringLiteral("user.email=h@kanri.invalid"),
                    QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("seed")});
        m_sharedIsGit = init.exitCode == 0 && add.exitCode == 0 && commit.exitCode == 0;
    }

    buildKustomizeCases();
    buildHclCases();
    buildWorkspaceCases();
    buildCodeOwnersCases(Parser::CodeOwners);
    buildCodeOwnersCases(Parser::KanriYaml);
    runAll();
}

// kanri render DIR and kanri lint REPO over a copy of a demo service (or a tiny handwritten one)
// with one file replaced; kubectl kustomize DIR as the reference.
void TestHostileCli::buildKustomizeCases()
{
    const QString service = m_demo + QStringLiteral("/manifests/services/payment-api");
    struct Seed
    {
        QString file; // relative to the service folder
        int truncations;
        int flips;
        bool encodings;
    };
    const std::vector<Seed> seeds = {
        {QStringLiteral("overlays/prd/kustomization.yaml"), 12, 4, true},
        {QStringLiteral("base/deployment.yaml"), 14, 4, false},
        {QStringLiteral("overlays/prd/deployment-patch.yaml"), 8, 2, false},
        {QStringLiteral("base/kustomization.yaml"), 6, 2, false},
    };

    // A service folder in a manifests repository: <case>/repo/services/<name>/..., with `files`
    // (relative to the service folder) written over a copy of `from` (empty: nothing copied).
    auto makeCase = [&](const QString &name, const QString &from, const QString &input,
                        const std::function<bool(const QString &serviceDir)> &write,
                        Verdict verdict, bool lint = true) {
        Case c;
        c.parser = Parser::Kustomize;
        c.name = name;
        c.dir = newCaseDir("k");
        c.verdict = verdict;
        const QString repo = c.dir + QStringLiteral("/repo");
        const QString svc = repo + QStringLiteral("/services/svc");
        if (!from.isEmpty() && !copyTree(from, svc))
            return false;
        if (!write(svc))
            return false;
        c.input = svc + QLatin1Char('/') + input;
        const QString target = svc + QStringLiteral("/overlays/prd");
        // One kanri run per input: render, or lint (which reads the same files) for some.
        if (lint)
            addJob(c, Command::Lint, {QStringLiteral("lint"), repo}, repo);
        else
            addJob(c, Command::Render, {QStringLiteral("render"), target});
        if (!m_kubectl.isEmpty() && verdict == Verdict::Oracle)
            addJob(c, Command::Kubectl, {QStringLiteral("kustomize"), target});
        m_cases.push_back(std::move(c));
        return true;
    };

    int lintEvery = 0;
    auto withFile = [&](const QString &rel, const Variant &v) {
        QVERIFY(makeCase(
            QStringLiteral("%1").arg(v.name), service, rel,
            [&](const QString &svc) { return writeBytes(svc + '/' + rel, v.bytes); }, v.verdict,
            ++lintEvery % 8 == 0));
    };

    for (const Seed &s : seeds) {
        const QByteArray seed = kanri::test::readAll(service + QLatin1Char('/') + s.file);
        QVERIFY2(!seed.isEmpty(), qPrintable(s.file));
        for (const Variant &v : truncations(seed, s.file, ":\n-[]{},\"'#", s.truncations,
                                            [](qsizetype) { return Verdict::Oracle; }))
            withFile(s.file, v);
        for (const Variant &v : bitFlips(seed, s.file, s.flips, Verdict::Oracle))
            withFile(s.file, v);
        if (s.encodings)
            for (const Variant &v : encodings(seed, s.file, Verdict::Oracle, Verdict::Oracle))
                withFile(s.file, v);
    }

    // Whole-file hostile YAML as a resource of a tiny kustomization, and as the kustomization.
    const QByteArray tinyKustomization = "resources:\n- cm.yaml\n";
    const QByteArray cmPrefix = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";
    for (const Variant &v : yamlSpecials(QStringLiteral("cm.yaml"), cmPrefix, Verdict::Oracle)) {
        const QByteArray &bytes = v.bytes;
        QVERIFY(makeCase(
            v.name, {}, QStringLiteral("overlays/prd/cm.yaml"),
            [&](const QString &svc) {
                return writeBytes(svc + "/overlays/prd/kustomization.yaml", tinyKustomization) &&
                       writeBytes(svc + "/overlays/prd/cm.yaml", bytes);
            },
            v.verdict, ++lintEvery % 8 == 0));
    }
    for (const Variant &v : yamlSpecials(QStringLiteral("kustomization.yaml"),
                                         "resources:\n- cm.yaml\n", Verdict::Oracle)) {
        QVERIFY(makeCase(
            v.name, {}, QStringLiteral("overlays/prd/kustomization.yaml"),
            [&](const QString &svc) {
                return writeBytes(svc + "/overlays/prd/kustomization.yaml", v.bytes) &&
                       writeBytes(svc + "/overlays/prd/cm.yaml", cmPrefix + "data:\n  a: \"1\"\n");
            },
            v.verdict, ++lintEvery % 8 == 0));
    }

    // Duplicate keys, path escapes, symlinks out of the tree, cycles.
    struct Tree
    {
        const char *name;
        std::vector<std::pair<const char *, QByteArray>> files;   // relative to the service
        std::vector<std::pair<const char *, const char *>> links; // link -> target
    };
    const QByteArray cm = cmPrefix + "data:\n  a: \"1\"\n";
    const std::vector<Tree> trees = {
        {"a kustomization with resources twice",
         {{"overlays/prd/kustomization.yaml", "resources:\n- cm.yaml\nresources:\n- cm.yaml\n"},
          {"overlays/prd/cm.yaml", cm}},
         {}},
        {"a resource with metadata twice",
         {{"overlays/prd/kustomization.yaml", tinyKustomization},
          {"overlays/prd/cm.yaml", cm + "metadata:\n  name: d\n"}},
         {}},
        {"a resource with a key twice in data",
         {{"overlays/prd/kustomization.yaml", tinyKustomization},
          {"overlays/prd/cm.yaml", cm + "  a: \"2\"\n"}},
         {}},
        {"a resource listed as ../../../../../../../../etc/passwd",
         {{"overlays/prd/kustomization.yaml",
           "resources:\n- ../../../../../../../../etc/passwd\n"}},
         {}},
        {"a resource listed as /etc/passwd",
         {{"overlays/prd/kustomization.yaml", "resources:\n- /etc/passwd\n"}},
         {}},
        {"a resource that is a symlink to /etc/passwd",
         {{"overlays/prd/kustomization.yaml", tinyKustomization}},
         {{"overlays/prd/cm.yaml", "/etc/passwd"}}},
        {"a resource folder that is a symlink to /etc",
         {{"overlays/prd/kustomization.yaml", "resources:\n- etc/passwd\n"}},
         {{"overlays/prd/etc", "/etc"}}},
        {"a base that is a symlink to a folder outside the repository",
         {{"overlays/prd/kustomization.yaml", "resources:\n- ../base\n"},
          {"../../../outside/kustomization.yaml", tinyKustomization},
          {"../../../outside/cm.yaml", cm}},
         {{"overlays/base", "../../../../outside"}}},
        {"a configMapGenerator reading ../../../../../../../../etc/passwd",
         {{"overlays/prd/kustomization.yaml",
           "configMapGenerator:\n- name: x\n  files:\n  - ../../../../../../../../etc/passwd\n"}},
         {}},
        {"a patch file outside the tree",
         {{"overlays/prd/kustomization.yaml",
           "resources:\n- cm.yaml\npatches:\n- path: /etc/passwd\n"},
          {"overlays/prd/cm.yaml", cm}},
         {}},
        {"a kustomization that lists itself",
         {{"overlays/prd/kustomization.yaml", "resources:\n- .\n"}},
         {}},
        {"a kustomization that lists its own folder by another path",
         {{"overlays/prd/kustomization.yaml", "resources:\n- ../prd\n"}},
         {}},
        {"two kustomizations listing each other",
         {{"overlays/prd/kustomization.yaml", "resources:\n- ../dev\n"},
          {"overlays/dev/kustomization.yaml", "resources:\n- ../prd\n"}},
         {}},
        {"a component that lists itself",
         {{"overlays/prd/kustomization.yaml", "resources:\n- cm.yaml\ncomponents:\n- ../c\n"},
          {"overlays/prd/cm.yaml", cm},
          {"overlays/c/kustomization.yaml",
           "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncomponents:\n- ../c\n"}},
         {}},
        {"a thousand copies of one resource",
         {{"overlays/prd/kustomization.yaml",
           "resources:\n" + QByteArray("- cm.yaml\n").repeated(1000)},
          {"overlays/prd/cm.yaml", cm}},
         {}},
        {"five thousand keys in a ConfigMap",
         {{"overlays/prd/kustomization.yaml", tinyKustomization},
          {"overlays/prd/cm.yaml",
           [&] {
               QByteArray y = cmPrefix + "data:\n";
               for (int i = 0; i < 5000; ++i)
                   y += "  k" + QByteArray::number(i) + ": v\n";
               return y;
           }()}},
         {}},
    };
    for (const Tree &t : trees) {
        QVERIFY(makeCase(
            QString::fromLatin1(t.name), {}, QString::fromLatin1(t.files.front().first),
            [&](const QString &svc) {
                for (const auto &[rel, bytes] : t.files)
                    if (!writeBytes(QDir::cleanPath(svc + '/' + rel), bytes))
                        return false;
                for (const auto &[link, target] : t.links)
                    if (!QFile::link(QString::fromLatin1(target), svc + '/' + link))
                        return false;
                return true;
            },
            Verdict::Oracle, ++lintEvery % 8 == 0));
    }

    // Files that are not regular files: refused before reading (issue 21).
    for (Special s : {Special::Fifo, Special::DevZero, Special::Directory}) {
        QVERIFY(makeCase(
            QStringLiteral("the kustomization is %1").arg(specialName(s)), {},
            QStringLiteral("overlays/prd/kustomization.yaml"),
            [&](const QString &svc) {
                return makeSpecial(svc + "/overlays/prd/kustomization.yaml", s);
            },
            Verdict::Refuse, false));
        if (s == Special::Directory)
            continue;
        QVERIFY(makeCase(
            QStringLiteral("a resource is %1").arg(specialName(s)), {},
            QStringLiteral("overlays/prd/cm.yaml"),
            [&](const QString &svc) {
                return writeBytes(svc + "/overlays/prd/kustomization.yaml", tinyKustomization) &&
                       makeSpecial(svc + "/overlays/prd/cm.yaml", s);
            },
            Verdict::Refuse, false));
    }
}

// kanri tf maps/get/set/fmt --check FILE over demo .tf/.tfvars files and a handwritten one.
void TestHostileCli::buildHclCases()
{
    struct Seed
    {
        QString name;
        QByteArray bytes;
        QString getPath;
        QString setPath;
        QString setValue;
        QString suffix;
    };
    const QByteArray handwritten =
        "# A handwritten seed: heredocs, templates, for expressions, comments.\n"
        "locals {\n"
        "  m = {\n"
        "    a = {\n"
        "      s = \"x-${var.y}-%{ if true }t%{ endif }\"\n"
        "      h = <<-EOT\n"
        "        line ${1 + 2}\n"
        "        EOT\n"
        "      l = [for k, v in var.z : \"${k}=${v}\" if v != null]\n"
        "      n = 1.5e3\n"
        "      o = { \"k\" = [1, 2, (3)] }\n"
        "    }\n"
        "  }\n"
        "}\n"
        "/* a block\n   comment */\n"
        "variable \"v\" {\n  type    = map(object({ a = string }))\n  default = {}\n}\n";
    const std::vector<Seed> seeds = {
        {QStringLiteral("microservices_payments.tf"),
         kanri::test::readAll(m_demo + QStringLiteral("/accounts/microservices_payments.tf")),
         QStringLiteral("microservices_payments.payment-api.namespace"),
         QStringLiteral("microservices_payments.payment-api.namespace"), QStringLiteral("\"x\""),
         QStringLiteral(".tf")},
        {QStringLiteral("developers.auto.tfvars"),
         kanri::test::readAll(m_demo + QStringLiteral("/accounts/developers.auto.tfvars"))
             .left(1500),
         QStringLiteral("developers.hnakamura.name"), QStringLiteral("developers.hnakamura.gcp"),
         QStringLiteral("false"), QStringLiteral(".tfvars")},
        {QStringLiteral("modules/microservices/variables.tf"),
         kanri::test::readAll(m_demo +
                              QStringLiteral("/accounts/modules/microservices/variables.tf"))
             .left(2500),
         QStringLiteral("microservices"), QStringLiteral("microservices.x"), QStringLiteral("{}"),
         QStringLiteral(".tf")},
        {QStringLiteral("handwritten.tf"), handwritten, QStringLiteral("m.a.n"),
         QStringLiteral("m.a.n"), QStringLiteral("2"), QStringLiteral(".tf")},
    };

    int rotate = 0;
    auto makeCase = [&](const QString &name, const QString &fileName,
                        const std::function<bool(const QString &path)> &write, Verdict verdict,
                        const Seed &seed) {
        Case c;
        c.parser = Parser::Hcl;
        c.name = name;
        c.dir = newCaseDir("h");
        c.verdict = verdict;
        c.input = c.dir + QLatin1Char('/') + fileName;
        if (!write(c.input))
            return false;
        c.before = QFileInfo(c.input).isFile() && !QFileInfo(c.input).isSymLink()
                       ? kanri::test::readAll(c.input)
                       : QByteArray();
        // One kanri run per input, the commands taking turns: tf maps reads every file, get
        // and set one path, fmt --check the whole syntax.
        switch (rotate++ % 4) {
        case 0:
            addJob(c, Command::TfMaps, {QStringLiteral("tf"), QStringLiteral("maps"), c.input});
            break;
        case 1:
            addJob(c, Command::TfGet,
                   {QStringLiteral("tf"), QStringLiteral("get"), c.input, seed.getPath});
            break;
        case 2:
            addJob(c, Command::TfSet,
                   {QStringLiteral("tf"), QStringLiteral("set"), c.input, seed.setPath,
                    seed.setValue});
            break;
        default:
            addJob(
                c, Command::TfFmt,
                {QStringLiteral("tf"), QStringLiteral("fmt"), QStringLiteral("--check"), c.input});
        }
        // The oracle reads the bytes as they are now (before tf set may write them).
        if (!m_hclOracle.isEmpty() && verdict != Verdict::Refuse && verdict != Verdict::Limit &&
            QFileInfo(c.input).isFile()) {
            const QString copy = c.dir + QStringLiteral("/oracle/") + fileName;
            QDir().mkpath(QFileInfo(copy).absolutePath());
            QFile::copy(c.input, copy);
            addJob(c, Command::HclOracle, {copy});
        }
        m_cases.push_back(std::move(c));
        return true;
    };
    auto withBytes = [&](const Variant &v, const Seed &seed) {
        const QString fileName = QStringLiteral("input") + seed.suffix;
        QVERIFY(makeCase(
            v.name, fileName, [&](const QString &path) { return writeBytes(path, v.bytes); },
            v.verdict, seed));
    };

    for (const Seed &s : seeds) {
        QVERIFY2(!s.bytes.isEmpty(), qPrintable(s.name));
        for (const Variant &v :
             truncations(s.bytes, s.name, "{}[]()=\"\n,:$<#*", 16,
                         [&](qsizetype p) { return hclTruncationVerdict(s.bytes, p); }))
            withBytes(v, s);
        for (const Variant &v : bitFlips(s.bytes, s.name, 5, Verdict::Oracle))
            withBytes(v, s);
    }
    const Seed &first = seeds.front();
    const Seed &hand = seeds.back();
    for (const Variant &v : encodings(first.bytes, first.name, Verdict::Oracle, Verdict::Accept))
        withBytes(v, first);

    const int deep = 100'000;
    const std::vector<Variant> specials = {
        {QStringLiteral("%1 nested brackets, balanced").arg(deep),
         "a = " + QByteArray(deep, '[') + QByteArray(deep, ']') + '\n', Verdict::Limit},
        {QStringLiteral("%1 unclosed brackets").arg(deep), "a = " + QByteArray(deep, '[') + '\n',
         Verdict::Refuse},
        {QStringLiteral("%1 nested parentheses").arg(deep),
         "a = " + QByteArray(deep, '(') + "1" + QByteArray(deep, ')') + '\n', Verdict::Limit},
        {QStringLiteral("%1 nested objects").arg(deep),
         "a = " + QByteArray("{b = ").repeated(deep) + "1" + QByteArray(deep, '}') + '\n',
         Verdict::Limit},
        {QStringLiteral("%1 nested blocks").arg(deep),
         QByteArray("b {\n").repeated(deep) + QByteArray("}\n").repeated(deep), Verdict::Limit},
        {QStringLiteral("%1 nested ${ templates, balanced").arg(deep / 10),
         "a = " + QByteArray("\"${").repeated(deep / 10) + "1" +
             QByteArray("}\"").repeated(deep / 10) + '\n',
         Verdict::Limit},
        {QStringLiteral("%1 nested ${ templates, unterminated").arg(deep / 10),
         "a = " + QByteArray("\"${").repeated(deep / 10) + "1\n", Verdict::Refuse},
        {QStringLiteral("%1 nested %{if} directives without endif").arg(1000),
         "a = \"" + QByteArray("%{ if true }").repeated(1000) + "\"\n", Verdict::Refuse},
        {QStringLiteral("%1 chained conditionals").arg(deep / 10),
         "a = " + QByteArray("true ? 1 : ").repeated(deep / 10) + "0\n", Verdict::Limit},
        {QStringLiteral("%1 unary minus signs").arg(deep), "a = " + QByteArray(deep, '-') + "1\n",
         Verdict::Limit},
        {QStringLiteral("%1 attribute accesses").arg(deep),
         "a = b" + QByteArray(".c").repeated(deep) + '\n', Verdict::Limit},
        {QStringLiteral("a number of a million digits"), "a = " + QByteArray(1'000'000, '9') + '\n',
         Verdict::Oracle},
        {QStringLiteral("a number with an exponent of 10^9"), "a = 1e1000000000\n",
         Verdict::Oracle},
        {QStringLiteral("a 4 MiB string"), "a = \"" + QByteArray(4 << 20, 'x') + "\"\n",
         Verdict::Accept},
        {QStringLiteral("a 4 MiB comment line"), "# " + QByteArray(4 << 20, 'x') + "\na = 1\n",
         Verdict::Accept},
        {QStringLiteral("a 1 MiB identifier"), QByteArray(1 << 20, 'k') + " = 1\n",
         Verdict::Accept},
        {QStringLiteral("twenty thousand map entries"),
         [] {
             QByteArray b = "m = {\n";
             for (int i = 0; i < 20000; ++i)
                 b += "  k" + QByteArray::number(i) + " = { a = " + QByteArray::number(i) + " }\n";
             return b + "}\n";
         }(),
         Verdict::Accept},
        {QStringLiteral("an unterminated string"), "a = \"abc\n", Verdict::Refuse},
        {QStringLiteral("an unterminated string at the end of the file"), "a = \"abc",
         Verdict::Refuse},
        {QStringLiteral("an unterminated heredoc"), "a = <<EOT\nline\n", Verdict::Refuse},
        {QStringLiteral("an indented heredoc closed by the wrong marker"),
         "a = <<-EOT\n  line\n  EOF\n", Verdict::Refuse},
        {QStringLiteral("a heredoc marker without a line end"), "a = <<EOT", Verdict::Refuse},
        {QStringLiteral("an unterminated ${ in a heredoc"), "a = <<EOT\n${x\nEOT\n",
         Verdict::Refuse},
        {QStringLiteral("an unterminated block comment"), "/* a = 1\n", Verdict::Refuse},
        {QStringLiteral("an escape of a lone surrogate"), "a = \"\\uD800\"\n", Verdict::Oracle},
        {QStringLiteral("an escape beyond Unicode"), "a = \"\\U00110000\"\n", Verdict::Oracle},
        {QStringLiteral("a map with a key twice"), "m = {\n  a = 1\n  a = 2\n}\n", Verdict::Oracle},
        {QStringLiteral("a block with an attribute twice"), "locals {\n  a = 1\n  a = 2\n}\n",
         Verdict::Oracle},
        {QStringLiteral("an attribute with no value"), "a =\n", Verdict::Refuse},
        {QStringLiteral("a block with no closing brace"), "locals {\n  a = 1\n", Verdict::Refuse},
        {QStringLiteral("a stray closing brace"), "a = 1\n}\n", Verdict::Refuse},
        {QStringLiteral("a label that is an unterminated string"), "resource \"x {\n}\n",
         Verdict::Refuse},
        {QStringLiteral("a NUL in an identifier"), QByteArray("a\0b = 1\n", 8), Verdict::Oracle},
        {QStringLiteral("only NULs"), QByteArray(4096, '\0'), Verdict::Oracle},
        {QStringLiteral("control characters in a string"), "a = \"\x01\x1b[2J\x7f\"\n",
         Verdict::Oracle},
    };
    for (const Variant &v : specials)
        withBytes(v, hand);

    for (Special s : {Special::Fifo, Special::DevZero, Special::Directory}) {
        rotate = 0; // tf maps (fmt takes a folder as its argument, and formats it)
        QVERIFY(makeCase(
            QStringLiteral("the .tf file is %1").arg(specialName(s)), QStringLiteral("input.tf"),
            [&](const QString &path) { return makeSpecial(path, s); }, Verdict::Refuse, hand));
    }
}

// kanri catalog --workspace DIR and kanri diff --workspace DIR over a hostile workspace.yaml
// naming the shared copies of the demo repositories.
void TestHostileCli::buildWorkspaceCases()
{
    const QByteArray seed = "# The hostile suite's workspace.\n"
                            "name: hostile\n"
                            "repositories:\n"
                            "  - name: accounts\n"
                            "    role: accounts\n"
                            "    url: /nonexistent/accounts.git\n"
                            "    path: ../shared/accounts\n"
                            "    defaultBranch: main\n"
                            "  - name: manifests\n"
                            "    role: manifests\n"
                            "    url: /nonexistent/manifests.git\n"
                            "    path: ../shared/manifests\n"
                            "    defaultBranch: main\n";
    int every = 0;
    auto makeCase = [&](const QString &name, const std::function<bool(const QString &dir)> &write,
                        Verdict verdict) {
        Case c;
        c.parser = Parser::Workspace;
        c.name = name;
        c.dir = newCaseDir("w");
        c.roots = {m_shared};
        c.verdict = verdict;
        c.input = c.dir + QStringLiteral("/workspace.yaml");
        if (!write(c.dir))
            return false;
        // One kanri run per input: catalog, or diff (which reads workspace.yaml too) for some.
        if (m_sharedIsGit && ++every % 4 == 0)
            addJob(c, Command::Diff,
                   {QStringLiteral("diff"), QStringLiteral("--workspace"), c.dir});
        else
            addJob(c, Command::Catalog,
                   {QStringLiteral("catalog"), QStringLiteral("--workspace"), c.dir});
        m_cases.push_back(std::move(c));
        return true;
    };
    auto withBytes = [&](const Variant &v) {
        QVERIFY(makeCase(
            v.name,
            [&](const QString &dir) {
                return writeBytes(dir + QStringLiteral("/workspace.yaml"), v.bytes);
            },
            v.verdict == Verdict::Oracle ? Verdict::Either : v.verdict));
    };
    const QString file = QStringLiteral("workspace.yaml");
    for (const Variant &v :
         truncations(seed, file, ":\n-#/", 36, [](qsizetype) { return Verdict::Either; }))
        withBytes(v);
    for (const Variant &v : bitFlips(seed, file, 24, Verdict::Either))
        withBytes(v);
    for (const Variant &v : encodings(seed, file, Verdict::Either, Verdict::Either))
        withBytes(v);
    for (const Variant &v : yamlSpecials(file, "name: x\nrepositories: []\n", Verdict::Either))
        withBytes(v);
    const QByteArray head = "name: hostile\nrepositories:\n";
    auto repo = [](const QByteArray &role, const QByteArray &path) {
        return "  - name: r\n    role: " + role + "\n    url: /nonexistent\n    path: " + path +
               "\n";
    };
    const std::vector<Variant> semantic = {
        {QStringLiteral("a repository path ../../../../../../../../etc"),
         head + repo("accounts", "../../../../../../../../etc"), Verdict::Either},
        {QStringLiteral("a repository path /etc/passwd (a file)"),
         head + repo("manifests", "/etc/passwd"), Verdict::Either},
        {QStringLiteral("a repository path /dev/zero"), head + repo("accounts", "/dev/zero"),
         Verdict::Either},
        {QStringLiteral("a repository path that does not exist"),
         head + repo("manifests", "nowhere"), Verdict::Either},
        {QStringLiteral("a repository path with a NUL"), head + repo("accounts", "\"a\\0b\""),
         Verdict::Either},
        {QStringLiteral("a repository path with a line end"),
         head + repo("accounts", "\"../shared/accounts\\n\""), Verdict::Either},
        {QStringLiteral("a repository path that is empty"), head + repo("accounts", "\"\""),
         Verdict::Either},
        {QStringLiteral("an unknown role"), head + repo("terraform", "../shared/accounts"),
         Verdict::Refuse},
        {QStringLiteral("a role that is a list"), head + repo("[accounts]", "../shared/accounts"),
         Verdict::Refuse},
        {QStringLiteral("repositories as a mapping"), "name: x\nrepositories: {a: 1}\n",
         Verdict::Refuse},
        {QStringLiteral("repositories as a scalar"), "name: x\nrepositories: many\n",
         Verdict::Refuse},
        {QStringLiteral("a repository that is a scalar"), "name: x\nrepositories:\n  - accounts\n",
         Verdict::Refuse},
        {QStringLiteral("no repositories key"), "name: x\n", Verdict::Refuse},
        {QStringLiteral("a workspace that is a list"), "- name: x\n", Verdict::Refuse},
        {QStringLiteral("an empty workspace.yaml"), "", Verdict::Refuse},
        {QStringLiteral("two accounts repositories"),
         head + repo("accounts", "../shared/accounts") + repo("accounts", "../shared/manifests"),
         Verdict::Either},
        {QStringLiteral("the accounts repository given as manifests"),
         head + repo("manifests", "../shared/accounts"), Verdict::Either},
        {QStringLiteral("a name with control characters"),
         "name: \"\\e[31mred\\a\"\nrepositories: []\n", Verdict::Either},
        {QStringLiteral("a name of 4 MiB"),
         "name: " + QByteArray(4 << 20, 'n') + "\nrepositories: []\n", Verdict::Either},
        {QStringLiteral("ten thousand repositories"),
         head + repo("accounts", "../shared/accounts").repeated(10000), Verdict::Either},
    };
    for (const Variant &v : semantic)
        withBytes(v);
    QVERIFY(makeCase(
        QStringLiteral("a repository folder that is a symlink out of the tree"),
        [&](const QString &dir) {
            return writeBytes(dir + "/workspace.yaml", head + repo("accounts", "acc")) &&
                   QFile::link(m_shared + QStringLiteral("/accounts"),
                               dir + QStringLiteral("/acc"));
        },
        Verdict::Either));
    for (Special s : {Special::Fifo, Special::DevZero, Special::Directory}) {
        QVERIFY(makeCase(
            QStringLiteral("workspace.yaml is %1").arg(specialName(s)),
            [&](const QString &dir) {
                return makeSpecial(dir + QStringLiteral("/workspace.yaml"), s);
            },
            Verdict::Refuse));
    }
}

// kanri catalog --workspace DIR over a copy of the demo accounts repository whose CODEOWNERS (or
// .kanri.yaml) is hostile; the manifests repository is the shared copy.
void TestHostileCli::buildCodeOwnersCases(Parser parser)
{
    const bool owners = parser == Parser::CodeOwners;
    const QString rel =
        owners ? QStringLiteral(".github/CODEOWNERS") : QStringLiteral(".kanri.yaml");
    const QString accounts = m_demo + QStringLiteral("/accounts");
    const QByteArray seed = kanri::test::readAll(accounts + QLatin1Char('/') + rel);
    QVERIFY2(!seed.isEmpty(), qPrintable(rel));
    const QByteArray workspace = "name: hostile\nrepositories:\n"
                                 "  - name: accounts\n    role: accounts\n    path: accounts\n"
                                 "  - name: manifests\n    role: manifests\n"
                                 "    path: ../../w/shared/manifests\n";
    auto makeCase = [&](const QString &name, const std::function<bool(const QString &path)> &write,
                        Verdict verdict) {
        Case c;
        c.parser = parser;
        c.name = name;
        c.dir = newCaseDir("o");
        c.roots = {m_shared};
        c.verdict = verdict;
        c.input = c.dir + QStringLiteral("/accounts/") + rel;
        if (!copyTree(accounts, c.dir + QStringLiteral("/accounts")) ||
            !writeBytes(c.dir + QStringLiteral("/workspace.yaml"), workspace) || !write(c.input))
            return false;
        addJob(c, Command::Catalog,
               {QStringLiteral("catalog"), QStringLiteral("--workspace"), c.dir});
        m_cases.push_back(std::move(c));
        return true;
    };
    auto withBytes = [&](const Variant &v) {
        QVERIFY(makeCase(
            v.name, [&](const QString &path) { return writeBytes(path, v.bytes); },
            v.verdict == Verdict::Oracle ? Verdict::Either : v.verdict));
    };
    for (const Variant &v : truncations(seed, rel, owners ? "\n /@*#" : ":\n-#.*", owners ? 40 : 12,
                                        [](qsizetype) { return Verdict::Either; }))
        withBytes(v);
    for (const Variant &v : bitFlips(seed, rel, owners ? 30 : 8, Verdict::Either))
        withBytes(v);
    for (const Variant &v : encodings(seed, rel, Verdict::Either, Verdict::Either))
        withBytes(v);
    if (owners) {
        const std::vector<Variant> specials = {
            {QStringLiteral("twenty thousand rules"),
             QByteArray("/x/ @demo-org/sre\n").repeated(20'000), Verdict::Either},
            {QStringLiteral("a rule with a hundred thousand owners"),
             "* " + QByteArray("@demo-org/sre ").repeated(100'000) + '\n', Verdict::Either},
            {QStringLiteral("a pattern of ten thousand stars"),
             QByteArray(10'000, '*') + "a @demo-org/sre\n", Verdict::Either},
            {QStringLiteral("a pattern of ten thousand **/"),
             QByteArray("**/").repeated(10'000) + "x @demo-org/sre\n", Verdict::Either},
            {QStringLiteral("alternating stars and letters, 5000 times"),
             QByteArray("*a").repeated(5000) + " @demo-org/sre\n", Verdict::Either},
            {QStringLiteral("a 4 MiB pattern"), QByteArray(4 << 20, 'p') + " @demo-org/sre\n",
             Verdict::Either},
            {QStringLiteral("a 4 MiB line without owners"), QByteArray(4 << 20, 'p') + "\n",
             Verdict::Either},
            {QStringLiteral("a character class"), "[abc].tf @demo-org/sre\n", Verdict::Either},
            {QStringLiteral("an unclosed character class"), "[abc.tf @demo-org/sre\n",
             Verdict::Either},
            {QStringLiteral("a negated pattern"), "!*.tf @demo-org/sre\n", Verdict::Either},
            {QStringLiteral("a backslash at the end of a pattern"), "abc\\ @demo-org/sre\n",
             Verdict::Either},
            {QStringLiteral("a backslash at the end of the file"), "abc\\", Verdict::Either},
            {QStringLiteral("an escaped space and hash"), "\\#a\\ b @demo-org/sre\n",
             Verdict::Either},
            {QStringLiteral("owners that are bare @ signs"), "* @ @/ @org/ /@x\n", Verdict::Either},
            {QStringLiteral("owners with control characters"), "* @a\x1b[31m @b\x07\n",
             Verdict::Either},
            {QStringLiteral("owners with a NUL"), QByteArray("* @a\0b\n", 7), Verdict::Either},
            {QStringLiteral("a pattern ../../etc/passwd"), "../../etc/passwd @demo-org/sre\n",
             Verdict::Either},
            {QStringLiteral("a pattern /"), "/ @demo-org/sre\n", Verdict::Either},
            {QStringLiteral("a pattern of regex characters"), "(a|b)+$^{1}.tf @demo-org/sre\n",
             Verdict::Either},
            {QStringLiteral("a lone e-mail sign"), "* a@ @b @c.d\n", Verdict::Either},
        };
        for (const Variant &v : specials)
            withBytes(v);
    } else {
        for (const Variant &v : yamlSpecials(rel, "role: accounts\n", Verdict::Either))
            withBytes(v);
        const std::vector<Variant> semantic = {
            {QStringLiteral("a schema that points outside the repository"),
             "developers:\n  schema: ../../../../../../etc/passwd#variable.x\n  entries: "
             "/etc/passwd#developers\n",
             Verdict::Either},
            {QStringLiteral("entries with a glob of a thousand stars"),
             "microservices:\n  entries: " + QByteArray(1000, '*') + "#locals." +
                 QByteArray(1000, '*') + "\n",
             Verdict::Either},
            {QStringLiteral("a location without a #"), "developers:\n  entries: developers\n",
             Verdict::Either},
            {QStringLiteral("a location that is a list"), "developers:\n  entries: [a, b]\n",
             Verdict::Either},
            {QStringLiteral("a role that is unknown"), "role: terraform\n", Verdict::Either},
        };
        for (const Variant &v : semantic)
            withBytes(v);
    }
    for (Special s : {Special::Fifo, Special::DevZero}) {
        QVERIFY(makeCase(
            QStringLiteral("%1 is %2").arg(rel, specialName(s)),
            [&](const QString &path) { return makeSpecial(path, s); }, Verdict::Refuse));
    }
}

void TestHostileCli::runJob(Job &j)
{
    QProcess p;
    p.setProgram(j.program);
    p.setArguments(j.args);
    p.setWorkingDirectory(j.workDir);
    p.setStandardInputFile(QProcess::nullDevice());
    if (j.limitMemory) {
        p.setChildProcessModifier([] {
            const struct rlimit limit
            {
                kMemoryLimit, kMemoryLimit
            };
            ::setrlimit(RLIMIT_AS, &limit);
        });
    }
    QElapsedTimer timer;
    timer.start();
    p.start();
    if (!p.waitForStarted(kCaseMs)) {
        j.err = p.errorString().toUtf8();
        return;
    }
    j.started = true;
    if (!p.waitForFinished(kCaseMs)) {
        j.timedOut = true;
        p.kill();
        p.waitForFinished(-1);
    }
    j.ms = timer.elapsed();
    j.crashed = !j.timedOut && p.exitStatus() == QProcess::CrashExit;
    j.exitCode = p.exitCode();
    j.out = p.readAllStandardOutput();
    j.err = p.readAllStandardError();
}

void TestHostileCli::runAll()
{
    QElapsedTimer timer;
    timer.start();
    std::atomic<size_t> next{0};
    auto worker = [&] {
        for (size_t i = next++; i < m_jobs.size(); i = next++)
            runJob(m_jobs[i]);
    };
    std::thread a(worker), b(worker);
    a.join();
    b.join();
    m_wallMs = timer.elapsed();
    std::printf("%zu cases, %zu processes in %.1f s (two at a time%s)\n", m_cases.size(),
                m_jobs.size(), double(m_wallMs) / 1000, kSanitized ? ", sanitizer build" : "");
    std::fflush(stdout);
}

// What is wrong with one run, or an empty string. `refused`: it ended non-zero.
QString TestHostileCli::checkRun(const Case &c, const Job &j, bool mustRefuse, bool *refused) const
{
    const QString what = commandName(j.command);
    if (!j.started)
        return QStringLiteral("%1 did not start: %2").arg(what, QString::fromUtf8(j.err));
    if (j.timedOut)
        return QStringLiteral("%1 did not end within %2 s").arg(what).arg(kCaseMs / 1000);
    if (j.crashed)
        return QStringLiteral("%1 crashed (signal): %2")
            .arg(what, QString::fromUtf8(firstLines(j.err, 6)));
    if (j.err.contains("Sanitizer") || j.err.contains("runtime error:"))
        return QStringLiteral("%1: sanitizer report: %2")
            .arg(what, QString::fromUtf8(firstLines(j.err, 8)));
    *refused = j.exitCode != 0;
    if (j.command == Command::TfFmt && j.exitCode == 1)
        *refused = false; // --check: the file parses but is not formatted
    if (mustRefuse && !*refused)
        return QStringLiteral("%1 accepted an input that must be refused (exit %2)")
            .arg(what)
            .arg(j.exitCode);
    if (hasControl(j.err))
        return QStringLiteral("%1 printed raw control characters on stderr: %2")
            .arg(what, QString::fromUtf8(firstLines(j.err).toPercentEncoding(" /:@'\"-_.,()[]=")));

    // Every error line is located, inside the case (lint prints its findings on stdout).
    QList<QByteArray> lines = j.err.split('\n');
    if (j.command == Command::Lint)
        lines += j.out.split('\n');
    int located = 0;
    for (const QByteArray &raw : std::as_const(lines)) {
        const QString line = QString::fromUtf8(raw);
        const bool isError =
            line.contains(QLatin1String(": error: ")) || line.startsWith(QLatin1String("error:"));
        if (!isError)
            continue;
        const auto m = locatedLine().match(line);
        if (!m.hasMatch())
            return QStringLiteral("%1: an error without a file: %2").arg(what, line);
        const QString file =
            QDir::cleanPath(QDir(j.workDir).absoluteFilePath(m.captured(QStringLiteral("file"))));
        bool inside = false;
        const QStringList roots = QStringList(c.roots) << c.dir;
        for (const QString &root : roots)
            inside = inside || file == root || file.startsWith(root + QLatin1Char('/'));
        if (!inside)
            return QStringLiteral("%1: the error names %2, not a file of the case: %3")
                .arg(what, file, line);
        ++located;
    }
    if (*refused && located == 0)
        return QStringLiteral("%1 exited %2 without a located error: %3")
            .arg(what)
            .arg(j.exitCode)
            .arg(QString::fromUtf8(firstLines(j.err)));
    if (!*refused && located > 0 && j.command != Command::Lint)
        return QStringLiteral("%1 printed an error but exited 0: %2")
            .arg(what, QString::fromUtf8(firstLines(j.err)));
    if (*refused && j.command != Command::Lint) {
        // Every line is a whole message: a located error, a warning or a note; an error's text
        // never continues on the next line.
        for (const QByteArray &raw : j.err.split('\n')) {
            const QString line = QString::fromUtf8(raw);
            if (line.isEmpty() || locatedLine().match(line).hasMatch() ||
                line.contains(QLatin1String(": warning: ")) ||
                line.startsWith(QLatin1String("note: ")))
                continue;
            return QStringLiteral("%1: stderr holds a line that is not a whole message: %2")
                .arg(what, line.left(300));
        }
    }
    return {};
}

void TestHostileCli::rows(Parser p)
{
    QTest::addColumn<int>("index");
    for (size_t i = 0; i < m_cases.size(); ++i)
        if (m_cases[i].parser == p)
            QTest::newRow(qPrintable(m_cases[i].name)) << int(i);
}

void TestHostileCli::checkRow()
{
    QFETCH(int, index);
    const Case &c = m_cases[size_t(index)];
    Tally &t = m_tally[c.parser];
    ++t.tried;
    const auto fail = [&](const QString &why) {
        ++t.failed;
        QString how;
        for (size_t ji : c.jobs)
            how += QStringLiteral("\n    %1 %2").arg(m_jobs[ji].program, m_jobs[ji].args.join(' '));
        return QStringLiteral("%1\n  input: %2%3").arg(why, c.input, how);
    };

    const Job *kubectl = nullptr;
    const Job *oracle = nullptr;
    for (size_t ji : c.jobs) {
        if (m_jobs[ji].command == Command::Kubectl)
            kubectl = &m_jobs[ji];
        if (m_jobs[ji].command == Command::HclOracle)
            oracle = &m_jobs[ji];
    }

    // What the reference says, where there is one.
    std::optional<bool> valid;
    if (c.verdict == Verdict::Accept)
        valid = true;
    if (c.verdict == Verdict::Refuse)
        valid = false;
    if (oracle && oracle->started && !oracle->timedOut && !oracle->crashed) {
        const QJsonArray a = QJsonDocument::fromJson(oracle->out).array();
        if (!a.isEmpty())
            valid = a.first().toObject().value(QStringLiteral("ok")).toBool();
    }
    // kubectl that did not finish in time decides nothing (a crash, such as Go's stack overflow
    // on a recursive alias, is a refusal).
    if (kubectl && kubectl->started && !kubectl->timedOut)
        valid = !kubectl->crashed && kubectl->exitCode == 0;

    bool refusedSomewhere = false, acceptedSomewhere = false;
    for (size_t ji : c.jobs) {
        const Job &j = m_jobs[ji];
        if (j.command == Command::Kubectl || j.command == Command::HclOracle)
            continue;
        const bool mustRefuse = valid == false;
        bool refused = false;
        if (const QString why = checkRun(c, j, mustRefuse, &refused); !why.isEmpty())
            QFAIL(qPrintable(fail(why)));
        const bool tf = j.command == Command::TfMaps || j.command == Command::TfGet ||
                        j.command == Command::TfSet || j.command == Command::TfFmt;
        if (tf && mustRefuse && j.exitCode != 2)
            QFAIL(qPrintable(fail(QStringLiteral("%1 exited %2 on a file that does not parse "
                                                 "(2 expected)")
                                      .arg(commandName(j.command))
                                      .arg(j.exitCode))));
        if (j.command == Command::TfSet && refused && QFileInfo(c.input).isFile() &&
            !QFileInfo(c.input).isSymLink() && kanri::test::readAll(c.input) != c.before)
            QFAIL(qPrintable(fail(QStringLiteral("tf set refused but changed the file"))));
        (refused ? refusedSomewhere : acceptedSomewhere) = true;
        if (j.command == Command::Render || j.command == Command::TfMaps ||
            j.command == Command::TfFmt || j.command == Command::Catalog) {
            if (valid == true && refused && c.verdict != Verdict::Limit)
                QFAIL(qPrintable(fail(QStringLiteral("%1 refused valid input: %2")
                                          .arg(commandName(j.command),
                                               QString::fromUtf8(firstLines(j.err)).trimmed()))));
        }
        if (j.command == Command::Render && !refused) {
            if (c.verdict == Verdict::Oracle && !kubectl) {
                ++t.skipped;
                QSKIP(
                    "kubectl is not installed: cannot compare Kanri's rendering with kustomize's");
            }
            if (kubectl && kubectl->timedOut) {
                ++t.skipped;
                QSKIP("kubectl kustomize did not finish in time: nothing to compare with");
            }
            if (kubectl && j.out != kubectl->out)
                QFAIL(qPrintable(fail(QStringLiteral("render differs from kubectl kustomize "
                                                     "(%1 bytes against %2)")
                                          .arg(j.out.size())
                                          .arg(kubectl->out.size()))));
        }
    }
    // Without kubectl nothing says whether kustomize accepts the input: the run ended cleanly,
    // but the row is not a pass.
    if (c.parser == Parser::Kustomize && c.verdict == Verdict::Oracle && m_kubectl.isEmpty()) {
        ++t.skipped;
        QSKIP("kubectl is not installed: cannot tell whether kustomize accepts this input");
    }
    (refusedSomewhere ? t.refused : t.accepted) += 1;
    Q_UNUSED(acceptedSomewhere);
}

// The largest child (kanri, kubectl, git) stayed within the memory limit. In the normal build
// RLIMIT_AS also holds every kanri run to 1 GiB; under ASan (which reserves terabytes of address
// space) only this measurement applies, with five times the limit.
void TestHostileCli::peakMemory()
{
    struct rusage usage
    {
    };
    QCOMPARE(::getrusage(RUSAGE_CHILDREN, &usage), 0);
    const double mib = double(usage.ru_maxrss) / 1024;
    const double limit = double(kMemoryLimit >> 20) * (kSanitized ? 5 : 1);
    std::printf("peak RSS of the largest child: %.0f MiB (limit %.0f MiB%s)\n", mib, limit,
                kSanitized ? ", sanitizer build: RLIMIT_AS not set, measured instead" : "");
    QVERIFY2(mib <= limit, "a child went over the memory limit");
}

void TestHostileCli::cleanupTestCase()
{
    std::printf("\n%-16s %6s %8s %9s %9s %7s %7s\n", "parser", "tried", "handled", "refused",
                "accepted", "failed", "skipped");
    for (const auto &[p, t] : m_tally)
        std::printf("%-16s %6d %8d %9d %9d %7d %7d\n", qPrintable(parserName(p)), t.tried,
                    t.tried - t.failed - t.skipped, t.refused, t.accepted, t.failed, t.skipped);
    std::vector<const Job *> byTime;
    for (const Job &j : m_jobs)
        byTime.push_back(&j);
    std::sort(byTime.begin(), byTime.end(),
              [](const Job *a, const Job *b) { return a->ms > b->ms; });
    std::printf("slowest runs:\n");
    for (size_t i = 0; i < byTime.size() && (i < 8 || byTime[i]->ms > 1000); ++i)
        std::printf("  %6.2f s  %s %s\n", double(byTime[i]->ms) / 1000,
                    qPrintable(commandName(byTime[i]->command)),
                    qPrintable(byTime[i]->args.join(QLatin1Char(' ')).right(120)));
    std::fflush(stdout);
}

} // namespace

QTEST_GUILESS_MAIN(TestHostileCli)
#include "tst_hostilecli.moc"
