// The scroll test: 10000 messages in one conversation (the real MessageListModel
// and the real ConversationView with its delegates), scrolled from the top to the
// bottom offscreen, one step of a third of the viewport per frame. Prints the
// frame times (median, 95th percentile, worst) and the peak RSS. It asserts only
// that every row was passed and the end was reached (no timing assertions).
#include "api/types.h"
#include "models/messagelistmodel.h"
#include "store/chatstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>

#include <algorithm>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(RingChatPlugin)

using namespace ringchat;

namespace {

QList<api::Message> makeMessages(int count)
{
    const QStringList senders { QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol") };
    const QStringList names { QStringLiteral("Alice Example"), QStringLiteral("Bob Example"), QStringLiteral("Carol Example") };
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
    QList<api::Message> list;
    list.reserve(count);
    for (int i = 1; i <= count; ++i) {
        api::Message m;
        m.seq = i;
        m.id = QStringLiteral("m%1").arg(i);
        m.clientId = QStringLiteral("c%1").arg(i);
        m.conversationId = QStringLiteral("scroll");
        const int who = (i / 3) % 3; // runs of three from the same sender: grouping
        m.senderId = senders[who];
        m.senderName = names[who];
        m.timestamp = start.addSecs(i * 250); // ~350 messages a day: day separators
        if (i % 1000 == 0)
            m.content = QStringLiteral("long ").repeated(2000); // 10000 characters
        else if (i % 7 == 0)
            m.content = QStringLiteral("Message %1 with a link https://ring.example.org/item/%1 and <b>no markup</b>").arg(i);
        else if (i % 5 == 0)
            m.content = QStringLiteral("Message %1, a longer one that wraps over more than one line in a normal window, "
                                       "because people write paragraphs sometimes.\nAnd a second line.").arg(i);
        else
            m.content = QStringLiteral("Message %1").arg(i);
        list.append(m);
    }
    return list;
}

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    const int total = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;

    models::MessageListModel model(QStringLiteral("scroll"), QStringLiteral("alice"));
    model.setMaxRows(total + 100); // the whole conversation in the window: the worst case for the view
    api::Participant bob;
    bob.userId = QStringLiteral("bob");
    bob.name = QStringLiteral("Bob Example");
    bob.lastReadSeq = total / 2;
    model.setParticipants({ bob });
    model.setMessages(makeMessages(total));
    if (model.rowCount() != total) {
        std::fprintf(stderr, "scroll: the model holds %d rows, expected %d\n", model.rowCount(), total);
        return 1;
    }

    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    QQmlComponent component(&engine);
    component.setData(R"(
        import QtQuick
        import RingChat
        Window {
            width: 900; height: 700; visible: true
            property alias view: view
            ConversationView { id: view; anchors.fill: parent; conversationId: "scroll"; title: "Scroll"; isGroup: true }
        }
    )", QUrl(QStringLiteral("qrc:/scrollbench.qml")));
    QObject *root = component.createWithInitialProperties({}, engine.rootContext());
    auto *window = qobject_cast<QQuickWindow *>(root);
    if (!window) {
        std::fprintf(stderr, "scroll: %s\n", qPrintable(component.errorString()));
        return 1;
    }
    auto *view = root->property("view").value<QQuickItem *>();
    view->setProperty("messages", QVariant::fromValue(static_cast<QObject *>(&model)));
    auto *list = view->findChild<QQuickItem *>(QStringLiteral("messageList"));
    if (!list)
        return 1;

    QList<double> frames;
    QElapsedTimer clock;
    int step = 0;
    bool done = false;

    // Let the view settle (it opens at the latest message), go to the top, then one step per frame.
    int settleFrames = 0;
    int firstVisible = -1;
    const auto rowAt = [&](qreal y) {
        int row = -1;
        QMetaObject::invokeMethod(list, "indexAt", Q_RETURN_ARG(int, row), Q_ARG(qreal, list->width() / 2), Q_ARG(qreal, y));
        return row;
    };
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
        if (settleFrames < 3) {
            if (++settleFrames == 3) {
                QMetaObject::invokeMethod(list, "positionViewAtBeginning");
                firstVisible = rowAt(list->property("contentY").toReal() + 10);
            }
            window->requestUpdate();
            return;
        }
        if (clock.isValid())
            frames.append(clock.nsecsElapsed() / 1e6);
        if (done)
            return;
        const qreal originY = list->property("originY").toReal();
        const qreal contentHeight = list->property("contentHeight").toReal();
        const qreal height = list->height();
        const qreal y = list->property("contentY").toReal();
        if (list->property("atYEnd").toBool() && step > 0) {
            done = true;
            QTimer::singleShot(0, &app, &QCoreApplication::quit);
            return;
        }
        ++step;
        clock.restart();
        list->setProperty("contentY", std::min(y + height / 3, originY + contentHeight - height));
    });
    QTimer::singleShot(600000, &app, [&] { std::fprintf(stderr, "scroll: gave up after 10 minutes\n"); app.exit(1); });
    window->requestUpdate();
    if (app.exec() != 0)
        return 1;

    const int lastVisible = rowAt(list->property("contentY").toReal() + list->height() - 40);

    std::sort(frames.begin(), frames.end());
    const auto pct = [&](double p) { return frames.isEmpty() ? 0.0 : frames[std::min<qsizetype>(frames.size() - 1, qsizetype(p * frames.size()))]; };
    std::printf("scroll: %d messages, %lld frames, frame time median %.2f ms, p95 %.2f ms, worst %.2f ms, "
                "peak RSS %lld MB (backend %s)\n",
                total, qint64(frames.size()), pct(0.5), pct(0.95), frames.isEmpty() ? 0.0 : frames.last(),
                peakRssKb() / 1024, qPrintable(QQuickWindow::sceneGraphBackend().isEmpty()
                                                    ? QStringLiteral("default") : QQuickWindow::sceneGraphBackend()));
    // It really went from the first row to the last.
    if (firstVisible != 0 || lastVisible < total - 5) {
        std::fprintf(stderr, "scroll: went from row %d to row %d of %d\n", firstVisible, lastVisible, total);
        return 1;
    }
    return 0;
}
