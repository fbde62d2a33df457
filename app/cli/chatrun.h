#pragma once
// One chat command's run: the account's wiring (cache, outbox store, chat service)
// and the event loop the command waits in until it finishes.

#include "chat/chatservice.h"

#include <QEventLoop>
#include <QString>

#include <memory>

namespace ringchat::store {
class ChatStore;
}
namespace ringchat::chat {
class StoreChatCache;
}

namespace ringchat::cli {

struct ChatCommandContext;

class ChatRun
{
public:
    explicit ChatRun(const ChatCommandContext &ctx);
    ~ChatRun();

    // Wires the account: with `withCache`, opens the per-account cache and outbox
    // first; then creates the chat service. False (and finished) when it cannot.
    bool setUp(bool withCache, chat::ChatService::Options options = {});
    chat::ChatService *service() const { return m_service; }

    // Finishes with "network" when the service has not been online for the context's
    // timeout; `what` is added to the sentence (e.g. what happens to unsent messages).
    void giveUpWhenOffline(const QString &what = QString());

    // Ends the run with `code`, saying `sentence` on stderr; only the first call counts.
    void finish(int code, const QString &sentence = QString());
    bool finished() const { return m_code >= 0; }
    // Waits until finish(); returns the exit code.
    int exec();

private:
    bool openCache();

    const ChatCommandContext &m_ctx;
    std::unique_ptr<store::ChatStore> m_store;
    std::unique_ptr<chat::StoreChatCache> m_cache;
    chat::ChatService *m_service = nullptr;
    QEventLoop m_loop;
    int m_code = -1;
};

} // namespace ringchat::cli
