// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/networkproxy.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcProxy, "ringchat.proxy")

namespace ringchat {

namespace {

const QString kFormat = QStringLiteral("write it as http://host:port or socks5://host:port");

// The text as sentences may show it: any user:password@ removed.
QString withoutCredentials(QString text)
{
    const qsizetype start = text.indexOf(QLatin1String("://"));
    const qsizetype from = start < 0 ? 0 : start + 3;
    qsizetype end = text.indexOf(u'/', from);
    if (end < 0)
        end = text.size();
    const qsizetype at = text.lastIndexOf(u'@', end - 1);
    if (at >= from)
        text.remove(from, at + 1 - from);
    return text;
}

// A proxy URL. defaultPort < 0: the port is required (what the user types); the
// environment's variables may leave it out, as curl allows (1080), or leave out http://.
std::optional<QNetworkProxy> proxyFromUrl(QString text, int defaultPort, QString *error)
{
    const auto fail = [error](const QString &sentence) {
        if (error)
            *error = sentence;
        return std::nullopt;
    };
    text = text.trimmed();
    if (text.isEmpty())
        return fail(QStringLiteral("The proxy address is empty: %1.").arg(kFormat));
    if (!text.contains(QLatin1String("://"))) {
        if (defaultPort < 0)
            return fail(
                QStringLiteral("\"%1\" is not a proxy address: %2.").arg(withoutCredentials(text), kFormat));
        text.prepend(QLatin1String("http://"));
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString shown = withoutCredentials(text);
    if (!url.isValid())
        return fail(QStringLiteral("\"%1\" is not a proxy address: %2.").arg(shown, kFormat));
    const QString scheme = url.scheme().toLower();
    QNetworkProxy::ProxyType type;
    if (scheme == QLatin1String("http"))
        type = QNetworkProxy::HttpProxy;
    else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h"))
        type = QNetworkProxy::Socks5Proxy; // either way the proxy looks up host names (Qt's default)
    else if (scheme == QLatin1String("https"))
        return fail(
            QStringLiteral("A proxy reached over https:// is not supported: use http:// (the connection to "
                           "the server inside it stays encrypted) or socks5://."));
    else
        return fail(
            QStringLiteral("The proxy type \"%1\" is not supported: use http:// or socks5://.").arg(scheme));
    if (url.host().isEmpty())
        return fail(QStringLiteral("The proxy address \"%1\" has no host name: %2.").arg(shown, kFormat));
    if ((!url.path().isEmpty() && url.path() != QLatin1String("/")) || url.hasQuery() || url.hasFragment())
        return fail(QStringLiteral("The proxy address \"%1\" must have no path: %2.").arg(shown, kFormat));
    int port = url.port();
    if (port <= 0) {
        if (defaultPort < 0)
            return fail(
                QStringLiteral("The proxy address \"%1\" has no port: add it, e.g. %2://%3:%4.")
                    .arg(shown, scheme, url.host(),
                         type == QNetworkProxy::HttpProxy ? QStringLiteral("3128") : QStringLiteral("1080")));
        port = defaultPort;
    }
    return QNetworkProxy(type, url.host(), quint16(port), url.userName(QUrl::FullyDecoded),
                         url.password(QUrl::FullyDecoded));
}

QString &whereToConfigureText()
{
    static QString text;
    return text;
}

// host[:port] or [v6][:port] of a no_proxy entry; port -1 when not given.
std::pair<QString, int> splitHostPort(const QString &entry)
{
    if (entry.startsWith(u'[')) {
        const qsizetype close = entry.indexOf(u']');
        if (close < 0)
            return { entry, -1 };
        const QString rest = entry.mid(close + 1);
        return { entry.mid(1, close - 1), rest.startsWith(u':') ? rest.mid(1).toInt() : -1 };
    }
    if (entry.count(u':') == 1) {
        const qsizetype colon = entry.indexOf(u':');
        bool ok = false;
        const int port = entry.mid(colon + 1).toInt(&ok);
        return { entry.left(colon), ok ? port : -1 };
    }
    return { entry, -1 }; // a bare IPv6 address
}

int defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss"))
        return 443;
    if (scheme == QLatin1String("http") || scheme == QLatin1String("ws"))
        return 80;
    return -1;
}

} // namespace

NetworkProxy NetworkProxy::none()
{
    NetworkProxy proxy;
    proxy.m_mode = Mode::None;
    return proxy;
}

std::optional<NetworkProxy> NetworkProxy::manual(const QString &url, QString *error)
{
    const std::optional<QNetworkProxy> proxy = proxyFromUrl(url, -1, error);
    if (!proxy)
        return std::nullopt;
    NetworkProxy setting;
    setting.m_mode = Mode::Manual;
    setting.m_proxy = *proxy;
    return setting;
}

std::optional<NetworkProxy> NetworkProxy::parse(const QString &text, QString *error)
{
    const QString word = text.trimmed().toLower();
    if (word == QLatin1String("system"))
        return NetworkProxy();
    if (word == QLatin1String("none"))
        return none();
    return manual(text, error);
}

QString NetworkProxy::modeName() const
{
    switch (m_mode) {
    case Mode::System:
        return QStringLiteral("system");
    case Mode::None:
        return QStringLiteral("none");
    case Mode::Manual:
        return QStringLiteral("manual");
    }
    return {};
}

QString NetworkProxy::url() const
{
    if (m_mode != Mode::Manual)
        return {};
    const QString scheme
        = m_proxy.type() == QNetworkProxy::Socks5Proxy ? QStringLiteral("socks5") : QStringLiteral("http");
    return scheme + QStringLiteral("://") + address(m_proxy);
}

void NetworkProxy::setCredentials(const QString &user, const QString &password)
{
    m_proxy.setUser(user);
    m_proxy.setPassword(user.isEmpty() ? QString() : password);
}

void NetworkProxy::apply() const
{
    switch (m_mode) {
    case Mode::System:
        QNetworkProxyFactory::setApplicationProxyFactory(new EnvironmentProxyFactory); // Qt owns it
        break;
    case Mode::None:
        QNetworkProxyFactory::setApplicationProxyFactory(nullptr);
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        break;
    case Mode::Manual:
        QNetworkProxyFactory::setApplicationProxyFactory(nullptr);
        QNetworkProxy::setApplicationProxy(m_proxy);
        break;
    }
}

QNetworkProxy NetworkProxy::proxyFor(const QUrl &url)
{
    // Ask as REST does; a WebSocket is routed like https (wss) or http (ws).
    QUrl asked = url;
    if (url.scheme() == QLatin1String("wss"))
        asked.setScheme(QStringLiteral("https"));
    else if (url.scheme() == QLatin1String("ws"))
        asked.setScheme(QStringLiteral("http"));
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(asked));
    for (const QNetworkProxy &proxy : proxies) {
        if (proxy.type() != QNetworkProxy::DefaultProxy)
            return proxy;
    }
    return QNetworkProxy(QNetworkProxy::NoProxy);
}

QString NetworkProxy::address(const QNetworkProxy &proxy)
{
    const QString host
        = proxy.hostName().contains(u':') ? QStringLiteral("[%1]").arg(proxy.hostName()) : proxy.hostName();
    return QStringLiteral("%1:%2").arg(host).arg(proxy.port());
}

void NetworkProxy::setWhereToConfigure(const QString &place)
{
    whereToConfigureText() = place;
}
QString NetworkProxy::whereToConfigure()
{
    return whereToConfigureText();
}

EnvironmentProxyFactory::EnvironmentProxyFactory(Environment environment)
    : m_environment(environment ? std::move(environment)
                                : Environment([](const char *name) { return qEnvironmentVariable(name); }))
{
}

QString EnvironmentProxyFactory::variable(const char *lowercaseName) const
{
    const QString value = m_environment(lowercaseName).trimmed();
    if (!value.isEmpty())
        return value;
    return m_environment(QByteArray(lowercaseName).toUpper().constData()).trimmed();
}

QList<QNetworkProxy> EnvironmentProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    const QList<QNetworkProxy> direct { QNetworkProxy(QNetworkProxy::NoProxy) };
    if (query.queryType() != QNetworkProxyQuery::TcpSocket
        && query.queryType() != QNetworkProxyQuery::UrlRequest)
        return direct; // listening sockets and UDP: never through a proxy
    const QString httpsProxy = variable("https_proxy");
    const QString httpProxy = variable("http_proxy");
    const QString allProxy = variable("all_proxy");
    if (httpsProxy.isEmpty() && httpProxy.isEmpty() && allProxy.isEmpty()) {
        // The desktop's settings, asked as for a URL so a WebSocket goes where REST goes.
        QNetworkProxyQuery asked = query;
        if (query.queryType() == QNetworkProxyQuery::TcpSocket && !query.protocolTag().isEmpty())
            asked = QNetworkProxyQuery(QUrl(QStringLiteral("%1://%2:%3")
                                                .arg(query.protocolTag(), query.peerHostName())
                                                .arg(query.peerPort())));
        QList<QNetworkProxy> proxies;
        for (const QNetworkProxy &proxy : systemProxyForQuery(asked)) {
            if (query.queryType() != QNetworkProxyQuery::TcpSocket
                || proxy.capabilities().testFlag(QNetworkProxy::TunnelingCapability))
                proxies << proxy;
        }
        return proxies.isEmpty() ? direct : proxies;
    }

    const QString scheme = query.protocolTag().toLower();
    const int port = query.peerPort() > 0 ? query.peerPort() : defaultPort(scheme);
    if (bypasses(variable("no_proxy"), query.peerHostName(), port))
        return direct;
    const bool secure = scheme == QLatin1String("https") || scheme == QLatin1String("wss");
    const bool plain = scheme == QLatin1String("http") || scheme == QLatin1String("ws");
    QString chosen = secure ? httpsProxy : plain ? httpProxy : QString();
    if (chosen.isEmpty())
        chosen = allProxy;
    if (chosen.isEmpty() && secure)
        chosen = httpProxy; // as Qt and libproxy do
    if (chosen.isEmpty())
        return direct;
    QString error;
    const std::optional<QNetworkProxy> proxy = proxyFromUrl(chosen, 1080, &error);
    if (!proxy) {
        qCWarning(lcProxy) << "ignoring the proxy environment variable:" << error;
        return direct;
    }
    return { *proxy };
}

bool EnvironmentProxyFactory::bypasses(const QString &noProxy, const QString &host, int port)
{
    QString name = host.toLower();
    if (name.startsWith(u'[') && name.endsWith(u']'))
        name = name.mid(1, name.size() - 2);
    while (name.endsWith(u'.'))
        name.chop(1);
    QHostAddress address;
    const bool isAddress = address.setAddress(name);

    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    for (const QString &raw : noProxy.toLower().split(separators, Qt::SkipEmptyParts)) {
        if (raw == QLatin1String("*"))
            return true;
        const auto [entry, entryPort] = splitHostPort(raw);
        if (entryPort > 0 && entryPort != port)
            continue;
        if (entry.contains(u'/')) {
            const auto subnet = QHostAddress::parseSubnet(entry);
            if (isAddress && subnet.second >= 0 && address.isInSubnet(subnet))
                return true;
            continue;
        }
        QHostAddress entryAddress;
        if (entryAddress.setAddress(entry)) {
            if (isAddress && entryAddress.isEqual(address, QHostAddress::TolerantConversion))
                return true;
            continue;
        }
        QString domain = entry;
        while (domain.startsWith(u'*') || domain.startsWith(u'.'))
            domain.remove(0, 1);
        while (domain.endsWith(u'.'))
            domain.chop(1);
        if (!domain.isEmpty() && (name == domain || name.endsWith(u'.' + domain)))
            return true;
    }
    return false;
}

} // namespace ringchat
