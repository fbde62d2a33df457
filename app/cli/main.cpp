// ringchat-cli: the same core as the app, for scripts, bots and benchmarks.
//
//   ringchat-cli [--server URL] [--token TOKEN | env RINGCHAT_TOKEN]
//                [--proxy system|none|URL | env RINGCHAT_PROXY] COMMAND [ARGS...]
//
// Each command is one entry in commands(): a name, a synopsis, a summary and a
// function that gets the CliContext (server, token source, output) and its own
// arguments. A command ends by calling ctx.finish(code) or ctx.fail(code, words).
// The chat commands (conversations, history, send, tail, typing, read) live in
// chatcommands.cpp and get their token source from ctx.withAccessToken().
// Errors go to stderr in words; exit codes are the ExitCode values below.
#include "chatcommands.h"

#include "auth/accountsettings.h"
#include "auth/authsession.h"
#include "auth/secretstore.h"
#include "auth/secretstorefactory.h"
#include "auth/serverurl.h"
#include "core/networkerror.h"
#include "core/networkproxy.h"
#include "core/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSocketNotifier>
#include <QSslError>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <functional>
#include <memory>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

using namespace ringchat;
using auth::AuthError;
using auth::AuthSession;

namespace {

enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,     // bad command line or server address
    ExitAuth = 3,      // not signed in, sign-in failed or cancelled, token refused
    ExitNetwork = 4,   // server not reachable, TLS failure, timeout
    ExitRefused = 5,   // the server answered but refused (not a Ring server, HTTP errors, rejected request)
};

const QString kDefaultServer = QStringLiteral("http://127.0.0.1:3000");

int exitCodeFor(const AuthError &error)
{
    using K = AuthError::Kind;
    switch (error.kind) {
    case K::None:
        return ExitOk;
    case K::BadServerUrl:
        return ExitUsage;
    case K::Unreachable:
    case K::Tls:
    case K::Timeout:
        return ExitNetwork;
    case K::NotRingServer:
    case K::ServerError:
        return ExitRefused;
    case K::InvalidGrant:
    case K::AccessDenied:
    case K::StateMismatch:
    case K::Cancelled:
    case K::Browser:
    case K::SecretStore:
        return ExitAuth;
    }
    return ExitFailure;
}

// Ctrl+C (SIGINT/SIGTERM) becomes a Qt signal through a socket pair, so the
// handler itself does nothing but write one byte.
class InterruptNotifier : public QObject
{
public:
    explicit InterruptNotifier(std::function<void()> onInterrupt) : m_onInterrupt(std::move(onInterrupt))
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_fds) != 0)
            return;
        m_notifier = new QSocketNotifier(s_fds[1], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            char c;
            if (::read(s_fds[1], &c, 1) > 0 && m_onInterrupt)
                m_onInterrupt();
        });
        struct sigaction sa {};
        sa.sa_handler = [](int) {
            const char c = 1;
            [[maybe_unused]] auto n = ::write(s_fds[0], &c, 1);
        };
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGINT, &sa, nullptr);
        sigaction(SIGTERM, &sa, nullptr);
    }

private:
    static inline int s_fds[2] = { -1, -1 };
    QSocketNotifier *m_notifier = nullptr;
    std::function<void()> m_onInterrupt;
};

// What every command gets: the chosen server, the token source, the session and output.
class CliContext
{
public:
    CliContext(QUrl server, bool serverGiven, QString fixedToken)
        : m_server(std::move(server)), m_serverGiven(serverGiven), m_fixedToken(std::move(fixedToken)),
          m_out(stdout), m_err(stderr)
    {
    }

    QUrl server() const { return m_server; }
    QString serverText() const { return auth::ServerUrl::key(m_server); }
    bool hasFixedToken() const { return !m_fixedToken.isEmpty(); }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // The account session (settings + keychain, or the opted-in plaintext file).
    AuthSession *session()
    {
        if (!m_session) {
            auth::AccountSettings settings;
            // The plaintext store (an explicit opt-in) logs its warning itself.
            m_store = auth::createSecretStore(settings, nullptr);
            m_session = std::make_unique<AuthSession>(m_store, settings);
        }
        return m_session.get();
    }

    // The saved account's server, when it is this context's server.
    bool savedSessionIsForThisServer() const
    {
        const auth::SavedAccount saved = auth::AccountSettings().lastAccount();
        return saved.isValid() && saved.serverUrl == serverText();
    }

    // Calls ready() with a token source: the --token / RINGCHAT_TOKEN token, or the
    // saved session restored without a browser. Fails the command otherwise.
    void withAccessToken(std::function<void(auth::AccessTokenSource *)> ready)
    {
        if (hasFixedToken()) {
            m_fixed = std::make_unique<auth::FixedTokenSource>(m_fixedToken);
            ready(m_fixed.get());
            return;
        }
        if (!savedSessionIsForThisServer()) {
            fail(ExitAuth, QStringLiteral("Not signed in to %1. Run: ringchat-cli --server %1 login").arg(serverText()));
            return;
        }
        AuthSession *s = session();
        auto once = std::make_shared<bool>(false);
        const auto settle = [this, s, once, ready](bool ok) {
            if (std::exchange(*once, true))
                return;
            QObject::disconnect(s, nullptr, s, nullptr);
            if (ok)
                ready(s);
            else
                fail(exitCodeFor(s->lastError()), s->errorString());
        };
        QObject::connect(s, &AuthSession::signedIn, s, [settle] { settle(true); });
        QObject::connect(s, &AuthSession::signInFailed, s, [settle] { settle(false); });
        QObject::connect(s, &AuthSession::refreshFailed, s, [settle] { settle(false); });
        QObject::connect(s, &AuthSession::signedOut, s, [settle] { settle(false); });
        if (!s->restoreSession())
            fail(ExitAuth, QStringLiteral("Not signed in to %1. Run: ringchat-cli --server %1 login").arg(serverText()));
    }

    void warn(const QString &words) { m_err << "ringchat-cli: warning: " << words << Qt::endl; }

    void fail(int code, const QString &words)
    {
        m_err << "ringchat-cli: " << words << Qt::endl;
        finish(code);
    }

    void finish(int code)
    {
        if (std::exchange(m_finished, true))
            return;
        m_out.flush();
        m_err.flush();
        QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
    }

    ~CliContext()
    {
        m_session.reset();
        delete m_store;
    }

private:
    QUrl m_server;
    bool m_serverGiven;
    QString m_fixedToken;
    QTextStream m_out;
    QTextStream m_err;
    auth::SecretStore *m_store = nullptr;
    std::unique_ptr<AuthSession> m_session;
    std::unique_ptr<auth::FixedTokenSource> m_fixed;
    bool m_finished = false;
};

// GET <server><path> with the bearer token; on 401 refreshes once and retries
// (protocol section 2). Reports the JSON body or fails the command.
void getJson(CliContext &ctx, auth::AccessTokenSource *tokens, const QString &path,
             std::function<void(const QJsonObject &)> done, bool retried = false)
{
    static QNetworkAccessManager *nam = new QNetworkAccessManager(qApp);
    QNetworkRequest request(auth::ServerUrl::resolve(ctx.server(), path));
    request.setRawHeader("Authorization", "Bearer " + tokens->accessToken().toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(30000);
    QNetworkReply *reply = nam->get(request);
    auto sslErrors = std::make_shared<QList<QSslError>>();
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [sslErrors](const QList<QSslError> &errors) { *sslErrors = errors; });
    QObject::connect(reply, &QNetworkReply::finished, reply, [&ctx, tokens, path, done, retried, reply, sslErrors] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 0) {
            // Nothing aborts these replies but the transfer timeout.
            ctx.fail(ExitNetwork, reply->error() == QNetworkReply::OperationCanceledError
                                      ? describeTimeout(reply->url())
                                      : describeReplyFailure(reply->error(), reply->errorString(), *sslErrors,
                                                             reply->url()));
            return;
        }
        if (status == 401 && !retried) {
            tokens->refreshAccessToken([&ctx, tokens, path, done](bool ok, const QString &error) {
                if (ok)
                    getJson(ctx, tokens, path, done, true);
                else
                    ctx.fail(ExitAuth, QStringLiteral("The server refused the access token, and it could not be "
                                                      "refreshed: %1").arg(error));
            });
            return;
        }
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        if (status == 401) {
            ctx.fail(ExitAuth, QStringLiteral("The server refused the access token (HTTP 401). Sign in again."));
            return;
        }
        if (status < 200 || status >= 300) {
            const QString message = json.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
            ctx.fail(ExitRefused, QStringLiteral("The server refused the request (HTTP %1)%2.")
                                      .arg(status).arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message));
            return;
        }
        done(json);
    });
}

// ---- commands --------------------------------------------------------------------------------

void runLogin(CliContext &ctx, const QStringList &args)
{
    if (!args.isEmpty()) {
        ctx.fail(ExitUsage, QStringLiteral("login takes no arguments (got \"%1\").").arg(args.join(QLatin1Char(' '))));
        return;
    }
    if (ctx.hasFixedToken()) {
        ctx.fail(ExitUsage, QStringLiteral("login signs in through the browser; do not combine it with --token or RINGCHAT_TOKEN."));
        return;
    }
    AuthSession *s = ctx.session();
    auto *interrupt = new InterruptNotifier([s] { s->cancel(); });
    interrupt->setParent(s);
    auto notSaved = std::make_shared<QString>();

    QObject::connect(s, &AuthSession::stateChanged, s, [&ctx, s] {
        if (s->state() != AuthSession::State::WaitingForBrowser)
            return;
        ctx.err() << "Sign in to " << s->serverUrl() << " in the browser window that opened (Ctrl+C cancels).\n"
                  << "If no browser opened, visit:\n  " << s->authorizationUrl().toString(QUrl::FullyEncoded) << Qt::endl;
        if (!s->errorString().isEmpty())
            ctx.warn(s->errorString());
    });
    QObject::connect(s, &AuthSession::callbackRejected, s, [&ctx](const QString &reason) { ctx.warn(reason); });
    QObject::connect(s, &AuthSession::sessionNotSaved, s, [notSaved](const QString &why) { *notSaved = why; });
    QObject::connect(s, &AuthSession::signedIn, s, [&ctx, s, notSaved] {
        if (!notSaved->isEmpty()) {
            ctx.fail(ExitAuth, QStringLiteral("Signed in to %1 as %2, but the session could not be saved, so the next "
                                              "command will not be signed in: %3")
                                   .arg(s->serverUrl(), s->userId(), *notSaved));
            return;
        }
        ctx.out() << "Signed in to " << s->serverUrl() << " as " << s->userName() << " (" << s->userId() << ")." << Qt::endl;
        ctx.finish(ExitOk);
    });
    QObject::connect(s, &AuthSession::signInFailed, s, [&ctx, s](const QString &message) {
        ctx.fail(exitCodeFor(s->lastError()), message);
    });
    s->signIn(ctx.serverText());
}

void runLogout(CliContext &ctx, const QStringList &args)
{
    if (!args.isEmpty()) {
        ctx.fail(ExitUsage, QStringLiteral("logout takes no arguments."));
        return;
    }
    if (!ctx.savedSessionIsForThisServer()) {
        ctx.out() << "Not signed in to " << ctx.serverText() << "." << Qt::endl;
        ctx.finish(ExitOk);
        return;
    }
    AuthSession *s = ctx.session();
    QObject::connect(s, &AuthSession::signedOut, s, [&ctx, s] {
        if (s->lastError().isError()) {
            ctx.fail(exitCodeFor(s->lastError()), s->errorString());
            return;
        }
        ctx.out() << "Signed out of " << ctx.serverText() << "." << Qt::endl;
        ctx.finish(ExitOk);
    });
    s->signOut();
}

void runWhoami(CliContext &ctx, const QStringList &args)
{
    const bool json = args == QStringList { QStringLiteral("--json") };
    if (!args.isEmpty() && !json) {
        ctx.fail(ExitUsage, QStringLiteral("whoami takes only --json."));
        return;
    }
    ctx.withAccessToken([&ctx, json](auth::AccessTokenSource *tokens) {
        getJson(ctx, tokens, QStringLiteral("/api/me"), [&ctx, json](const QJsonObject &reply) {
            const QJsonObject user = reply.value(QLatin1String("data")).toObject();
            if (json) {
                ctx.out() << QJsonDocument(user).toJson(QJsonDocument::Compact) << Qt::endl;
            } else {
                ctx.out() << user.value(QLatin1String("id")).toString() << " (" << user.value(QLatin1String("name")).toString()
                          << ") on " << ctx.serverText() << Qt::endl;
            }
            ctx.finish(ExitOk);
        });
    });
}

void runChat(const QString &name, CliContext &ctx, const QStringList &args)
{
    ctx.withAccessToken([&ctx, name, args](auth::AccessTokenSource *tokens) {
        cli::ChatCommandContext chat;
        chat.serverUrl = ctx.server();
        chat.tokens = tokens;
        chat.out = &ctx.out();
        chat.err = &ctx.err();
        ctx.finish(cli::runChatCommand(name, args, chat));
    });
}

struct Command
{
    QString name;
    QString synopsis;
    QString summary;
    std::function<void(CliContext &, const QStringList &)> run;
};

// Add new commands here (conversations, history, send, tail, typing, read...).
const std::vector<Command> &commands()
{
    static const std::vector<Command> list {
        { QStringLiteral("login"), QStringLiteral("login"),
          QStringLiteral("Sign in through the browser and keep the session in the keychain."), runLogin },
        { QStringLiteral("logout"), QStringLiteral("logout"),
          QStringLiteral("Sign out: revoke the session at the server and delete it from the keychain."), runLogout },
        { QStringLiteral("whoami"), QStringLiteral("whoami [--json]"),
          QStringLiteral("Show the signed-in user (restores the saved session without a browser)."), runWhoami },
    };
    return list;
}

QString commandHelp()
{
    QString text = QStringLiteral("Commands:\n");
    for (const Command &c : commands())
        text += QStringLiteral("  %1\n      %2\n").arg(c.synopsis, -24).arg(c.summary);
    text += QLatin1Char('\n') + cli::chatCommandsHelp();
    text += QStringLiteral(
        "\nExit codes: 0 ok, 2 usage, 3 not signed in / sign-in failed, 4 network, 5 refused by the server.\n"
        "The server is --server, else RINGCHAT_SERVER, else the signed-in account's server, else %1.\n"
        "The proxy (for every connection) is --proxy, else RINGCHAT_PROXY, else system: the https_proxy,\n"
        "http_proxy, all_proxy and no_proxy variables, else the desktop's proxy settings. none connects\n"
        "directly; http://host:port or socks5://host:port names one proxy. Put a proxy user and password\n"
        "(http://user:password@host:port) in RINGCHAT_PROXY, not in --proxy, which other users can see.\n"
        "RINGCHAT_BROWSER names a command to open the sign-in page with (the URL is added last).")
                .arg(kDefaultServer);
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ringchat-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Ring"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(ringchat::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Ring Chat command-line client\n\n") + commandHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Ring server address."), QStringLiteral("URL"));
    const QCommandLineOption tokenOption(QStringLiteral("token"),
                                         QStringLiteral("Access token to use instead of the saved session (or env RINGCHAT_TOKEN)."),
                                         QStringLiteral("TOKEN"));
    const QCommandLineOption proxyOption(QStringLiteral("proxy"),
                                         QStringLiteral("Proxy for every connection: system (the default), none, or "
                                                        "http://host:port / socks5://host:port (or env RINGCHAT_PROXY, "
                                                        "the place for a proxy password)."),
                                         QStringLiteral("URL"));
    parser.addOption(serverOption);
    parser.addOption(tokenOption);
    parser.addOption(proxyOption);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see Commands)."), QStringLiteral("COMMAND [ARGS...]"));
    // Options after the command belong to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);

    QTextStream err(stderr);
    if (!parser.parse(app.arguments())) {
        err << "ringchat-cli: " << parser.errorText() << "\nTry ringchat-cli --help." << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << "ringchat-cli " << ringchat::kVersion << Qt::endl;
        return ExitOk;
    }

    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        err << "ringchat-cli: no command given.\n\n" << commandHelp() << Qt::endl;
        return ExitUsage;
    }
    const QString name = positional.takeFirst();
    const auto command = std::find_if(commands().begin(), commands().end(), [&name](const Command &c) { return c.name == name; });
    if (command == commands().end() && !cli::isChatCommand(name)) {
        err << "ringchat-cli: unknown command \"" << name << "\".\n\n" << commandHelp() << Qt::endl;
        return ExitUsage;
    }

    // The server: explicit, then environment, then the saved account, then the default.
    QString serverText = parser.value(serverOption);
    const bool serverGiven = !serverText.isEmpty();
    if (serverText.isEmpty())
        serverText = qEnvironmentVariable("RINGCHAT_SERVER");
    if (serverText.isEmpty())
        serverText = auth::AccountSettings().lastAccount().serverUrl;
    if (serverText.isEmpty())
        serverText = kDefaultServer;
    AuthError urlError;
    const QUrl server = auth::ServerUrl::parse(serverText, &urlError);
    if (!server.isValid()) {
        err << "ringchat-cli: " << urlError.message << Qt::endl;
        return ExitUsage;
    }
    // The proxy: explicit, then environment, then the system's; applied to every connection.
    const bool proxyGiven = parser.isSet(proxyOption);
    const QString proxyText = proxyGiven ? parser.value(proxyOption) : qEnvironmentVariable("RINGCHAT_PROXY");
    QString proxyError;
    const std::optional<NetworkProxy> proxy
        = proxyText.trimmed().isEmpty() ? NetworkProxy() : NetworkProxy::parse(proxyText, &proxyError);
    if (!proxy) {
        err << "ringchat-cli: " << (proxyGiven ? "--proxy" : "RINGCHAT_PROXY") << ": " << proxyError << Qt::endl;
        return ExitUsage;
    }
    proxy->apply();
    NetworkProxy::setWhereToConfigure(proxy->mode() == NetworkProxy::Mode::System
                                          ? QStringLiteral("https_proxy, all_proxy or RINGCHAT_PROXY")
                                          : QStringLiteral("RINGCHAT_PROXY or --proxy (see --help)"));

    QString token = parser.value(tokenOption);
    if (token.isEmpty())
        token = qEnvironmentVariable("RINGCHAT_TOKEN").trimmed();

    CliContext ctx(server, serverGiven, token);
    QTimer::singleShot(0, &app, [&ctx, command, name, positional] {
        if (command != commands().end())
            command->run(ctx, positional);
        else
            runChat(name, ctx, positional);
    });
    return app.exec();
}
