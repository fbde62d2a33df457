// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "net/transport.h"

#include <QSslError>

#include <QList>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace ringchat::net {

// Engine.IO HTTP long-polling: one GET in flight to receive, one POST at a time to send
// (packets joined by \x1e, binary as "b" + base64), batches kept within maxPayload.
class PollingTransport final : public Transport
{
    Q_OBJECT
public:
    explicit PollingTransport(QObject *parent = nullptr);
    ~PollingTransport() override;

    QString name() const override { return QStringLiteral("polling"); }
    void open(const QUrl &url) override;
    void send(const QList<eio::Packet> &packets) override;
    void stop() override;
    void setSid(const QString &sid) override
    {
        m_sid = sid;
        flush();
    }
    void setMaxPayload(qint64 bytes) override { m_maxPayload = bytes; }
    void pause() override;
    void shutdown() override;

private:
    QUrl requestUrl();
    void poll();
    void flush();
    void onPollFinished(QNetworkReply *reply);
    void onPostFinished(QNetworkReply *reply);
    void checkPaused();
    void fail(const QString &reason, const QString &sentence = {});
    // What went wrong with a finished request, for the user.
    QString failureSentence(QNetworkReply *reply, int status) const;
    void watchTls(QNetworkReply *reply);
    void release(QNetworkReply *&reply);

    QUrl m_url;
    QString m_sid;
    qint64 m_maxPayload = 1000000;
    quint64 m_requestCounter = 0;
    // Not a child: a reply may be mid-signal when we go away, so it is deleteLater()'d.
    QNetworkAccessManager *m_nam = nullptr;
    QNetworkReply *m_pollReply = nullptr;
    QNetworkReply *m_postReply = nullptr;
    QList<eio::Packet> m_queue;
    QList<QSslError> m_sslErrors; // of the last request that reported any
    bool m_opened = false;
    bool m_pausing = false;
    bool m_done = false;
    bool m_shuttingDown = false;
};

} // namespace ringchat::net
