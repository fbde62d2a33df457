// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One chat command's run: the account's wiring (cache, outbox store, chat service)
// and the event loop the command waits in until it finishes.

#include "chat/chataccount.h"
#include "chat/chatservice.h"

#include <QEventLoop>
#include <QString>

#include <memory>

class QTimer;

namespace ringchat::cli {

struct ChatCommandContext;

class ChatRun
{
public:
    explicit ChatRun(const ChatCommandContext &ctx);
    ~ChatRun();

    // Wires the account (chat::ChatAccount, as the app does): with `withCache`, the
    // per-account cache and outbox, opened before this returns; then the chat
    // service. False (and finished) when it cannot.
    bool setUp(bool withCache, chat::ChatService::Options options = {});
    chat::ChatService *service() const { return m_account ? m_account->service() : nullptr; }
    chat::SearchService *search() const { return m_account ? m_account->search() : nullptr; }

    // Finishes with "network" when the service has not been online for the context's
    // timeout; `what` is added to the sentence (e.g. what happens to unsent messages).
    void giveUpWhenOffline(const QString &what = QString());

    // Finishes with "network" when no answer comes within the context's timeout
    // from now (the server took what was sent and died, or is stuck); `what` is
    // added to the sentence. Each call starts the wait again: an answer is progress.
    void giveUpWithoutAnswer(const QString &what);

    // Ends the run with `code`, saying `sentence` on stderr; only the first call counts.
    void finish(int code, const QString &sentence = QString());
    bool finished() const { return m_code >= 0; }
    // Waits until finish(); returns the exit code.
    int exec();

private:
    QString cacheDirectory(); // empty (and finished) when it cannot be made
    bool waitUntilOpened(const QString &dir);

    const ChatCommandContext &m_ctx;
    std::unique_ptr<chat::ChatAccount> m_account;
    QEventLoop m_loop;
    QTimer *m_answerWait = nullptr; // giveUpWithoutAnswer's; made on first use
    QString m_withoutAnswer;
    int m_code = -1;
};

} // namespace ringchat::cli
