// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/payload.h"

#include <QJsonDocument>

#include <atomic>
#include <mutex>

namespace ringchat::net {

// Shared by every copy of one payload. Exactly one form is there at first (the parsed
// document or the QJsonArray); the other is made once, on first use.
namespace {

// Runs a function at most once, from any thread (payloads may be read on several). Unlike
// std::once_flag it can start out done without a call: marking a once_flag done costs a
// futex wake-up in glibc, a system call for every incoming message.
class RunOnce
{
public:
    void markDone() { m_done.store(true, std::memory_order_relaxed); }
    template <typename F> void call(F &&f)
    {
        if (m_done.load(std::memory_order_acquire))
            return;
        std::lock_guard lock(m_mutex);
        if (m_done.load(std::memory_order_relaxed))
            return;
        f();
        m_done.store(true, std::memory_order_release);
    }

private:
    std::atomic<bool> m_done { false };
    std::mutex m_mutex;
};

} // namespace

struct Payload::Shared
{
    std::shared_ptr<const JsonDocument> document;
    qsizetype first = 0;
    qsizetype count = 0;
    QJsonArray args;
    RunOnce documentOnce;
    RunOnce argsOnce;
};

Payload::Payload(QJsonArray args, QList<QByteArray> binaries)
    : binaries(std::move(binaries))
    , m_shared(std::make_shared<Shared>())
{
    m_shared->count = args.size();
    m_shared->args = std::move(args);
    m_shared->argsOnce.markDone(); // not yet shared: no other thread can look
}

Payload::Payload(std::shared_ptr<const JsonDocument> document, qsizetype first, qsizetype count,
                 QList<QByteArray> binaries)
    : binaries(std::move(binaries))
    , m_shared(std::make_shared<Shared>())
{
    m_shared->document = std::move(document);
    m_shared->first = first;
    m_shared->count = count;
    m_shared->documentOnce.markDone();
}

qsizetype Payload::size() const
{
    return m_shared ? m_shared->count : 0;
}

JsonView Payload::arg(qsizetype i) const
{
    if (!m_shared || i < 0 || i >= m_shared->count)
        return {};
    Shared &s = *m_shared;
    // Built from a QJsonArray (an outgoing payload, or a test's): parse its text once.
    s.documentOnce.call(
        [&s] { s.document = JsonDocument::parse(QJsonDocument(s.args).toJson(QJsonDocument::Compact)); });
    return s.document ? s.document->root().at(s.first + i) : JsonView();
}

const QJsonArray &Payload::args() const
{
    static const QJsonArray empty;
    if (!m_shared)
        return empty;
    Shared &s = *m_shared;
    s.argsOnce.call([&s] {
        if (!s.document)
            return;
        const JsonView root = s.document->root();
        qsizetype i = 0;
        root.forEachElement([&](JsonView element) {
            if (i >= s.first && i < s.first + s.count)
                s.args.append(element.toQJsonValue());
            ++i;
        });
    });
    return s.args;
}

} // namespace ringchat::net
