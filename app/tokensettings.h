#pragma once

#include <QStringList>
#include <QVariant>

namespace kanri::credentials {
class TokenStore;
}

namespace kanri::app {

class AppContext;

// Gives the token store what the settings say about where tokens go (read again before each
// use, so an edited settings file counts from the next operation on):
//   github/apiUrl                 the configured GitHub, whose hosts the environment's token
//                                 may go to (KANRI_GITHUB_API_URL wins over it);
//   network/allowHttpTokenHosts   hosts (HOST or HOST:PORT) a token may go to over plain http.
// A token that goes over plain http is reported in a warning box over the window.
void configureTokens(credentials::TokenStore &tokens, AppContext *context);

// A host list setting: a list (an INI file's "a, b") or one string of hosts separated by
// commas or spaces.
QStringList hostListSetting(const QVariant &value);

} // namespace kanri::app
