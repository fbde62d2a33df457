// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The scroll benchmark: N messages in one conversation, 30 % of them replies with
// reactions (the real MessageListModel and the real ConversationView with its
// delegates), scrolled from the top to the
// bottom offscreen, one step of a third of the viewport per frame. A frame time is
// the time from moving the view to that frame being swapped (delegates created,
// polished, synced and rendered). Prints one JSON line: frame time median, p95,
// p99 and worst, the frame count and the peak RSS. It checks that every row of the
// conversation passed through the viewport and that the end was reached; it never
// judges speed (bench/run prints the figures).
//
// With --images one message in five carries a picture (issue 15): its inline
// thumbnail comes from a stand-in "attachments" image provider that draws one of
// the asked size (the app's provider decodes the cached server thumbnail; both load
// asynchronously, off the GUI thread), so the frames count the delegates' layout,
// the placeholder and the texture upload, not the decoding. --quick is 1000 messages.
//
//   ringchat-bench-scroll [N] [--images] [--quick]
//                                  (default 10000; QT_QUICK_BACKEND picks the renderer)
#include "api/types.h"
#include "models/messagelistmodel.h"
#include "percentile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickImageProvider>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(RingChatPlugin)

using namespace ringchat;

namespace {

// What the app's "attachments" provider hands out, drawn instead of decoded.
class StandInThumbnails : public QQuickImageProvider
{
public:
    StandInThumbnails()
        : QQuickImageProvider(QQuickImageProvider::Image)
    {
    }
    QImage requestImage(const QString &, QSize *size, const QSize &requested) override
    {
        const QSize out = requested.isValid() ? requested : QSize(320, 240);
        QImage image(out, QImage::Format_RGB32);
        image.fill(QColor(0x2a, 0x9d, 0x8f));
        if (size)
            *size = out;
        return image;
    }
};

// One message in five a picture of one of a few shapes (landscape, portrait, square).
void addPictures(QList<api::Message> &messages)
{
    const QList<QSize> shapes { { 1600, 1200 }, { 900, 1600 }, { 1024, 1024 }, { 1920, 1080 } };
    for (qsizetype i = 4; i < messages.size(); i += 5) {
        api::Message &m = messages[i];
        const QSize shape = shapes[(i / 5) % shapes.size()];
        m.attachments
            = { api::Attachment { QStringLiteral("pic%1").arg(i), QStringLiteral("photo-%1.png").arg(i),
                                  250000, QStringLiteral("image/png"), QString(64, QLatin1Char('0')),
                                  shape.width(), shape.height(), true } };
        if (i % 2 == 0)
            m.content.clear(); // a picture alone
    }
}

QList<api::Message> makeMessages(int count)
{
    const QStringList senders { QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol") };
    const QStringList names { QStringLiteral("Alice Example"), QStringLiteral("Bob Example"),
                              QStringLiteral("Carol Example") };
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
            m.content = QStringLiteral(
                            "Message %1 with a link https://ring.example.org/item/%1 and <b>no markup</b>")
                            .arg(i);
        else if (i % 5 == 0)
            m.content = QStringLiteral(
                            "Message %1, a longer one that wraps over more than one line in a normal window, "
                            "because people write paragraphs sometimes.\nAnd a second line.")
                            .arg(i);
        else
            m.content = QStringLiteral("Message %1").arg(i);
        // Contract v2: three messages in ten reply to an earlier one and carry
        // reactions (one of them ours), so the bubbles show quotes and chips.
        if (i > 5 && i % 10 < 3) {
            const api::Message &quoted = list[i - 6];
            m.replyTo = quoted.id;
            m.replyPreview = api::ReplyPreview {
                quoted.id, quoted.seq, quoted.senderId, quoted.senderName, quoted.content.left(140), false
            };
            m.reactions = { api::Reaction { QStringLiteral("\U0001F44D"), 2, { senders[0], senders[1] } },
                            api::Reaction { QStringLiteral("\U0001F389"), 1, { senders[2] } } };
        }
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
    int total = 10000;
    bool pictures = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--images")
            pictures = true;
        else if (arg == "--quick")
            total = 1000;
        else
            total = arg.toInt();
    }
    if (total < 10) {
        std::fprintf(stderr, "usage: ringchat-bench-scroll [messages >= 10] [--images] [--quick]\n");
        return 2;
    }

    models::MessageListModel model(QStringLiteral("scroll"), QStringLiteral("alice"));
    model.setMaxRows(total + 100); // the whole conversation in the window: the worst case for the view
    api::Participant bob;
    bob.userId = QStringLiteral("bob");
    bob.name = QStringLiteral("Bob Example");
    bob.lastReadSeq = total / 2;
    model.setParticipants({ bob });
    QList<api::Message> messages = makeMessages(total);
    if (pictures)
        addPictures(messages);
    model.setMessages(messages);
    if (model.rowCount() != total) {
        std::fprintf(stderr, "scroll: the model holds %d rows, expected %d\n", model.rowCount(), total);
        return 1;
    }

    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.addImageProvider(QStringLiteral("attachments"), new StandInThumbnails);
    QQmlComponent component(&engine);
    component.setData(R"(
        import QtQuick
        import RingChat
        Window {
            width: 900; height: 700; visible: true; color: Theme.background
            property alias view: view
            ConversationView { id: view; anchors.fill: parent; conversationId: "scroll"; title: "Scroll"; isGroup: true }
        }
    )",
                      QUrl(QStringLiteral("qrc:/scrollbench.qml")));
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

    // The row at y (content coordinates), looking a few pixels around it: the
    // spacing between delegates and the header/footer belong to no row.
    const auto rowNear = [&](qreal y, int direction) {
        for (int d = 0; d < 40; d += 2) {
            int row = -1;
            QMetaObject::invokeMethod(list, "indexAt", Q_RETURN_ARG(int, row),
                                      Q_ARG(qreal, list->width() / 2), Q_ARG(qreal, y + direction * d));
            if (row >= 0)
                return row;
        }
        return -1;
    };

    QList<double> frames;
    QElapsedTimer clock;
    int step = 0;
    bool done = false;
    int settleFrames = 0;
    int firstRow = -1; // the top row once at the beginning
    int covered = -1;  // every row up to this one has been on screen
    int gapAt = -1;    // the first row that was skipped, if any

    // Let the view settle (it opens at the latest message), go to the top, then one step per frame.
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
        if (settleFrames < 3) {
            if (++settleFrames == 3) {
                QMetaObject::invokeMethod(list, "positionViewAtBeginning");
                firstRow = rowNear(list->property("contentY").toReal(), 1);
                covered = firstRow - 1;
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
        // Which rows are on screen now; the steps overlap, so no row may be skipped.
        const int top = rowNear(y, 1);
        const int bottom = rowNear(y + height - 1, -1);
        if (top > covered + 1 && gapAt < 0)
            gapAt = covered + 1;
        covered = std::max(covered, bottom);
        if (list->property("atYEnd").toBool() && step > 0) {
            done = true;
            QTimer::singleShot(0, &app, &QCoreApplication::quit);
            return;
        }
        ++step;
        clock.restart();
        list->setProperty("contentY", std::min(y + height / 3, originY + contentHeight - height));
    });
    QTimer::singleShot(600000, &app, [&] {
        std::fprintf(stderr, "scroll: gave up after 10 minutes\n");
        app.exit(1);
    });
    window->requestUpdate();
    if (app.exec() != 0)
        return 1;

    std::sort(frames.begin(), frames.end());
    const bool ok = firstRow == 0 && gapAt < 0 && covered == total - 1;
    const QString backend = QQuickWindow::sceneGraphBackend().isEmpty() ? QStringLiteral("default")
                                                                        : QQuickWindow::sceneGraphBackend();
    const QJsonObject result {
        { QStringLiteral("client"), QStringLiteral("scroll") },
        { QStringLiteral("mode"), pictures ? QStringLiteral("scroll-images") : QStringLiteral("scroll") },
        { QStringLiteral("backend"), backend },
        { QStringLiteral("messages"), total },
        { QStringLiteral("frames"), frames.size() },
        { QStringLiteral("medianMs"), percentile(frames, 0.5) },
        { QStringLiteral("p95Ms"), percentile(frames, 0.95) },
        { QStringLiteral("p99Ms"), percentile(frames, 0.99) },
        { QStringLiteral("worstMs"), frames.isEmpty() ? 0.0 : frames.last() },
        { QStringLiteral("peakRssMiB"), peakRssKb() / 1024.0 },
        { QStringLiteral("firstRow"), firstRow },
        { QStringLiteral("lastRowSeen"), covered },
        { QStringLiteral("ok"), ok },
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    if (!ok) {
        std::fprintf(stderr, "scroll: went from row %d to row %d of %d%s\n", firstRow, covered, total,
                     gapAt >= 0 ? qPrintable(QStringLiteral(", skipping row %1").arg(gapAt)) : "");
        return 1;
    }
    return 0;
}
