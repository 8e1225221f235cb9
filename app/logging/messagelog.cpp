#include "app/logging/messagelog.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>

#include <algorithm>
#include <atomic>

Q_LOGGING_CATEGORY(lcKanri, "kanri", QtInfoMsg)

namespace kanri::app {

namespace {

std::atomic<MessageLog *> current{nullptr};

constexpr auto kOwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr auto kOwnerOnlyFolder = kOwnerOnlyFile | QFileDevice::ExeOwner;

} // namespace

QString scrubSecrets(QString text, const QStringList &known)
{
    // Longest first, so that a secret containing another is removed whole.
    QStringList secrets;
    for (const QString &s : known)
        if (s.size() >= 4)
            secrets << s;
    std::sort(secrets.begin(), secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &s : std::as_const(secrets))
        text.replace(s, QStringLiteral("***"));

    static const QRegularExpression token(
        QStringLiteral("\\b(gh[pousr]_|github_pat_)[A-Za-z0-9_]{8,}"));
    text.replace(token, QStringLiteral("\\1***"));
    static const QRegularExpression authorization(
        QStringLiteral("(authorization\\s*[:=]\\s*)(?:(?:bearer|token|basic)\\s+)?[^\\s,;\"']+"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(authorization, QStringLiteral("\\1***"));
    static const QRegularExpression userinfo(
        QStringLiteral("([A-Za-z][A-Za-z0-9+.-]*://)([^/\\s:@]*):[^/\\s@]+@"));
    text.replace(userinfo, QStringLiteral("\\1\\2:***@"));
    return text;
}

RotatingFile::RotatingFile(QString path, qint64 maxBytes, int keep)
    : m_path(std::move(path))
    , m_maxBytes(maxBytes)
    , m_keep(keep)
{}

bool RotatingFile::open()
{
    if (m_file.isOpen())
        return true;
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder))
        return false;
    QFile::setPermissions(folder, kOwnerOnlyFolder);
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append, kOwnerOnlyFile))
        return false;
    // A file left by another program (or an older kanri) may be readable by others.
    m_file.setPermissions(kOwnerOnlyFile);
    return true;
}

void RotatingFile::rotate()
{
    m_file.close();
    QFile::remove(m_path + QLatin1Char('.') + QString::number(m_keep));
    for (int i = m_keep - 1; i >= 1; --i)
        QFile::rename(m_path + QLatin1Char('.') + QString::number(i),
                      m_path + QLatin1Char('.') + QString::number(i + 1));
    if (m_keep > 0)
        QFile::rename(m_path, m_path + QStringLiteral(".1"));
    else
        QFile::remove(m_path);
}

bool RotatingFile::append(const QByteArray &line)
{
    if (!open())
        return false;
    if (m_file.size() > 0 && m_file.size() + line.size() > m_maxBytes) {
        rotate();
        if (!open())
            return false;
    }
    const bool written = m_file.write(line) == line.size();
    m_file.flush();
    return written;
}

MessageLog::MessageLog(Options options)
    : m_options(std::move(options))
{
    if (!m_options.file.isEmpty())
        m_file = std::make_unique<RotatingFile>(m_options.file, m_options.maxBytes, m_options.keep);
    if (m_options.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("kanri.*.debug=true\nkanri.*.info=true"));
    current = this;
    m_previous = qInstallMessageHandler(&MessageLog::handle);
}

MessageLog::~MessageLog()
{
    qInstallMessageHandler(m_previous);
    current = nullptr;
}

QStringList MessageLog::knownSecrets() const
{
    return m_options.secrets ? m_options.secrets() : QStringList();
}

void MessageLog::note(const QString &text)
{
    write(QtInfoMsg, "kanri", text);
}

void MessageLog::write(QtMsgType type, const char *category, const QString &message)
{
    if (!m_file)
        return;
    static const char *const names[] = {"debug", "warning", "critical", "fatal", "info"};
    const int index = int(type) >= 0 && int(type) <= 4 ? int(type) : 0;
    QString line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + QLatin1Char(' ') +
                   QLatin1String(names[index]);
    if (category && qstrcmp(category, "default") != 0)
        line += QStringLiteral(" [") + QLatin1String(category) + QLatin1Char(']');
    line += QStringLiteral(": ") + message;
    line.replace(QLatin1Char('\n'), QStringLiteral("\n    "));
    const QByteArray bytes = scrubSecrets(line, knownSecrets()).toUtf8() + '\n';
    QMutexLocker lock(&m_mutex);
    m_file->append(bytes);
}

void MessageLog::handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    MessageLog *self = current.load();
    if (!self)
        return;
    // A message raised while this thread writes the log (Qt warning about the file itself)
    // goes only to the previous handler: writing it would wait on the log's own lock.
    static thread_local bool writing = false;
    if (writing) {
        if (self->m_previous)
            self->m_previous(type, context, scrubSecrets(message));
        return;
    }
    writing = true;
    const auto done = qScopeGuard([] { writing = false; });
    const QString scrubbed = scrubSecrets(message, self->knownSecrets());
    // The file keeps warnings and errors, and Kanri's own info lines.
    const bool kanri = context.category && qstrncmp(context.category, "kanri", 5) == 0;
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg ||
        (type == QtInfoMsg && kanri))
        self->write(type, context.category, scrubbed);
    // stderr as before; Kanri's debug and info lines only with --verbose.
    if (kanri && (type == QtDebugMsg || type == QtInfoMsg) && !self->m_options.verbose)
        return;
    if (self->m_previous)
        self->m_previous(type, context, scrubbed);
}

} // namespace kanri::app
