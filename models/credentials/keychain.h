#pragma once

#include "core/result.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>
#include <optional>

namespace kanri::credentials {

// Where remembered tokens live: secrets by key, read, written and removed one at a time. Calls
// block (the system keychain answers over D-Bus through a local event loop), so TokenStore makes
// them off the GUI thread; an implementation may be called from any thread, one call at a time.
class Keychain
{
public:
    virtual ~Keychain();
    // std::nullopt when nothing is stored under `key` and when the keychain cannot be read at
    // all (absent, locked, refused): "no token" is never an error.
    virtual std::optional<QString> read(const QString &key) = 0;
    virtual Result<void> write(const QString &key, const QString &secret) = 0;
    // Removing an entry that does not exist succeeds.
    virtual Result<void> remove(const QString &key) = 0;
};

// The desktop's keychain through QtKeychain, service "kanri".
std::shared_ptr<Keychain> systemKeychain();

// Secrets in this process's memory: for tests, and to stand in for a keychain that is locked
// (setAvailable(false): reads find nothing, writes and removals fail).
class MemoryKeychain : public Keychain
{
public:
    std::optional<QString> read(const QString &key) override;
    Result<void> write(const QString &key, const QString &secret) override;
    Result<void> remove(const QString &key) override;

    void setAvailable(bool available);
    // Every key stored, sorted (the secrets themselves only through read()).
    QStringList keys() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_secrets;
    bool m_available = true;
};

} // namespace kanri::credentials
