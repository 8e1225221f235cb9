#include "app/publishcredentials.h"

#include "app/gittokenprompt.h"

namespace kanri::app {

platform::PublishCredentials publishCredentials(std::shared_ptr<git::TokenSource> git,
                                                std::shared_ptr<github::TokenProvider> github)
{
    platform::PublishCredentials credentials;
    credentials.git = git;
    credentials.github = std::move(github);
    auto prompt = std::dynamic_pointer_cast<GitTokenPrompt>(std::move(git));
    if (!prompt)
        return credentials;
    credentials.askForToken = [prompt](const QString &url, const Error &error,
                                       std::function<void()> retry, std::function<void()> giveUp) {
        return prompt->askForToken(url, error, std::move(retry), std::move(giveUp));
    };
    credentials.tokenWorked = [prompt](const QString &url) { prompt->tokenWorked(url); };
    credentials.secrets = [prompt] { return prompt->secrets(); };
    return credentials;
}

} // namespace kanri::app
