// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/pollingtransport.h"

#include "core/networkerror.h"
#include "net/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

namespace ringchat::net {

namespace {
constexpr qint64 kMaxResponseBytes = qint64(256) * 1024 * 1024; // memory backstop
}

PollingTransport::PollingTransport(QObject *parent)
    : Transport(parent)
    , m_requestCounter(QRandomGenerator::global()->bounded(1u << 30))
{
}

PollingTransport::~PollingTransport()
{
    stop();
}

void PollingTransport::open(const QUrl &url)
{
    m_url = url;
    m_nam = new QNetworkAccessManager();
    poll();
}

QUrl PollingTransport::requestUrl()
{
    QUrl url = m_url;
    QUrlQuery query(url);
    // Cache buster, like the JS client's "t" parameter.
    query.addQueryItem(QStringLiteral("t"), QString::number(++m_requestCounter, 36));
    if (!m_sid.isEmpty())
        query.addQueryItem(QStringLiteral("sid"), m_sid);
    url.setQuery(query);
    return url;
}

void PollingTransport::poll()
{
    if (m_done || m_pausing || m_pollReply)
        return;
    QNetworkRequest request(requestUrl());
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_pollReply = m_nam->get(request);
    QNetworkReply *reply = m_pollReply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onPollFinished(reply); });
    watchTls(reply);
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > kMaxResponseBytes) {
            qCWarning(lcNet) << "polling response larger than" << kMaxResponseBytes << "bytes";
            fail(QStringLiteral("parse error"));
        }
    });
}

void PollingTransport::send(const QList<eio::Packet> &packets)
{
    if (m_done)
        return;
    m_queue.append(packets);
    flush();
}

void PollingTransport::flush()
{
    if (m_done || m_postReply || m_queue.isEmpty() || m_sid.isEmpty())
        return;
    // Take as many packets as fit in maxPayload (always at least one).
    qint64 size = 0;
    qsizetype count = 0;
    for (; count < m_queue.size(); ++count) {
        const qint64 next = eio::pollingSize(m_queue.at(count)) + (count > 0 ? 1 : 0);
        if (count > 0 && size + next > m_maxPayload)
            break;
        size += next;
    }
    const QByteArray body = eio::encodePayload(m_queue.mid(0, count));
    m_queue.remove(0, count);
    QNetworkRequest request(requestUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain;charset=UTF-8"));
    m_postReply = m_nam->post(request, body);
    QNetworkReply *reply = m_postReply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onPostFinished(reply); });
    watchTls(reply);
}

void PollingTransport::onPollFinished(QNetworkReply *reply)
{
    if (reply != m_pollReply)
        return;
    if (m_shuttingDown) {
        release(m_pollReply);
        return;
    }
    const QNetworkReply::NetworkError error = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (error != QNetworkReply::NoError || status != 200) {
        qCInfo(lcNet) << "polling GET failed:" << error << "HTTP" << status << body.left(200);
        const QString sentence = failureSentence(reply, status);
        release(m_pollReply);
        fail(QStringLiteral("transport error"), sentence);
        return;
    }
    release(m_pollReply);
    auto packets = eio::decodePayload(body);
    if (!packets) {
        qCWarning(lcNet) << "undecodable polling payload of" << body.size() << "bytes";
        fail(QStringLiteral("parse error"));
        return;
    }
    QPointer<PollingTransport> self(this);
    if (!m_opened) {
        m_opened = true;
        emit opened();
        if (!self || m_done)
            return;
    }
    for (const eio::Packet &packet : std::as_const(*packets)) {
        if (packet.type == eio::PacketType::Close) {
            fail(QStringLiteral("transport close"));
            return;
        }
        emit packetReceived(packet);
        if (!self || m_done)
            return;
    }
    if (m_pausing)
        checkPaused();
    else
        poll();
}

void PollingTransport::onPostFinished(QNetworkReply *reply)
{
    if (reply != m_postReply)
        return;
    const QNetworkReply::NetworkError error = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString sentence
        = error != QNetworkReply::NoError || status != 200 ? failureSentence(reply, status) : QString();
    release(m_postReply);
    if (m_shuttingDown) {
        if (error == QNetworkReply::NoError && !m_queue.isEmpty()) {
            flush();
        } else {
            stop();
            deleteLater();
        }
        return;
    }
    if (error != QNetworkReply::NoError || status != 200) {
        qCInfo(lcNet) << "polling POST failed:" << error << "HTTP" << status;
        fail(QStringLiteral("transport error"), sentence);
        return;
    }
    if (!m_queue.isEmpty())
        flush();
    else if (m_pausing)
        checkPaused();
}

void PollingTransport::pause()
{
    m_pausing = true;
    checkPaused();
}

void PollingTransport::shutdown()
{
    if (m_done || m_sid.isEmpty() || (!m_postReply && m_queue.isEmpty())) {
        stop();
        deleteLater();
        return;
    }
    // Outlive the session just long enough for the last POST (DISCONNECT + close packet):
    // without it the server would see "transport error" instead of a client disconnect.
    constexpr int kGraceMs = 5000;
    // The GET stays open: aborting it first would make the server see "transport error"
    // before our DISCONNECT arrives.
    setParent(nullptr);
    m_shuttingDown = true;
    m_pausing = true;
    flush();
    QTimer::singleShot(kGraceMs, this, [this] {
        stop();
        deleteLater();
    });
}

void PollingTransport::checkPaused()
{
    if (m_done || !m_pausing || m_pollReply || m_postReply || !m_queue.isEmpty())
        return;
    emit paused();
}

void PollingTransport::stop()
{
    m_done = true;
    release(m_pollReply);
    release(m_postReply);
    if (m_nam) {
        m_nam->deleteLater();
        m_nam = nullptr;
    }
}

void PollingTransport::release(QNetworkReply *&reply)
{
    if (!reply)
        return;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    reply = nullptr;
}

void PollingTransport::watchTls(QNetworkReply *reply)
{
    connect(reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
}

QString PollingTransport::failureSentence(QNetworkReply *reply, int status) const
{
    if (status > 0 && status != 200)
        return QStringLiteral("%1 answered HTTP %2 to a long-polling request.").arg(m_url.host()).arg(status);
    return describeReplyFailure(reply->error(), reply->errorString(), m_sslErrors, reply->url());
}

void PollingTransport::fail(const QString &reason, const QString &sentence)
{
    if (m_done)
        return;
    const bool beforeOpen = !m_opened;
    stop();
    emit failed(reason, beforeOpen, sentence);
}

} // namespace ringchat::net
