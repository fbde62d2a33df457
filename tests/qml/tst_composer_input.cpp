// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Files from real input (issue 15), on the real ConversationView and PendingAttachments:
// Ctrl+V as a key event on the window with an image, copied files or text on the real
// clipboard (offscreen, in-process), and drag and drop as the window's own
// QDragEnter/QDragMove/QDrop events at the conversation's position.
#include "app/pendingattachments.h"
#include "sparsefile.h"

#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QMimeData>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(RingChatPlugin)

using ringchat::app::PendingAttachments;

class TestComposerInput : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QQmlEngine m_engine;
    std::unique_ptr<QQuickWindow> m_window;
    std::unique_ptr<QQuickItem> m_view;
    std::unique_ptr<PendingAttachments> m_files;

    QString makeFile(const QString &name, qint64 size)
    {
        return ringchat::testing::makeSparseFile(QDir(m_dir.path()), name, size);
    }
    QQuickItem *child(const char *name) const
    {
        return m_view->findChild<QQuickItem *>(QString::fromLatin1(name));
    }
    QQuickItem *input() const { return child("composerInput"); }
    QString inputText() const { return input()->property("text").toString(); }
    QString summary() const { return child("filesSummary")->property("text").toString(); }
    // The strip's chip of a row, once the ListView has made it.
    QQuickItem *chip(int row) const
    {
        QQuickItem *chip = nullptr;
        QMetaObject::invokeMethod(child("pendingFiles"), "itemAtIndex", Q_RETURN_ARG(QQuickItem *, chip),
                                  Q_ARG(int, row));
        return chip;
    }
    // The user's Ctrl+V: through the window, as the platform delivers it (shortcut
    // override first, then the key press to the focused item).
    void pressCtrlV()
    {
        QTRY_VERIFY(input()->hasActiveFocus());
        QTest::keyClick(m_window.get(), Qt::Key_V, Qt::ControlModifier);
    }
    static void putOnClipboard(QMimeData *data) { QGuiApplication::clipboard()->setMimeData(data); }

    // Where the conversation is: the middle of its message list, in window coordinates.
    QPointF overConversation() const
    {
        QQuickItem *list = m_view->property("list").value<QQuickItem *>();
        return list->mapToScene(QPointF(list->width() / 2, list->height() / 2));
    }
    // A drag from another application over the conversation, then the drop; returns
    // whether the window accepted the drag (enter, move) and then the drop.
    struct DragResult
    {
        bool entered = false;
        bool moved = false;
        bool dropped = false;
    };
    DragResult dragAndDrop(QMimeData *data)
    {
        const QPoint at = overConversation().toPoint();
        DragResult result;
        QDragEnterEvent enter(at, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        result.entered = enter.isAccepted();
        QDragMoveEvent move(at + QPoint(4, 4), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &move);
        result.moved = move.isAccepted();
        QDropEvent drop(QPointF(at + QPoint(4, 4)), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &drop);
        result.dropped = drop.isAccepted();
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_engine.addImportPath(QStringLiteral("qrc:/"));
    }

    // A fresh window with the conversation open and an empty strip for each test.
    void init()
    {
        m_files = std::make_unique<PendingAttachments>();
        m_files->setPasteFolder(m_dir.filePath(QStringLiteral("pasted")));
        QQmlComponent component(&m_engine);
        component.setData("import RingChat\nConversationView { conversationId: \"c1\"; title: \"Bob\" }",
                          QUrl());
        m_view.reset(qobject_cast<QQuickItem *>(component.create()));
        QVERIFY2(m_view, qPrintable(component.errorString()));
        m_view->setProperty("pendingFiles", QVariant::fromValue(static_cast<QObject *>(m_files.get())));
        m_window = std::make_unique<QQuickWindow>();
        m_window->resize(700, 500);
        m_view->setParentItem(m_window->contentItem());
        m_view->setSize(QSizeF(700, 500));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QMetaObject::invokeMethod(child("composer"), "focusInput");
    }
    void cleanup()
    {
        m_view.reset();
        m_window.reset();
        m_files.reset();
        QGuiApplication::clipboard()->clear();
    }

    void ctrlVOfAnImageAddsItToTheStrip()
    {
        QImage picture(120, 80, QImage::Format_RGB32);
        picture.fill(Qt::darkMagenta);
        auto *data = new QMimeData;
        data->setImageData(picture);
        putOnClipboard(data);

        pressCtrlV();
        QTRY_COMPARE(m_files->count(), 1);
        QCOMPARE(inputText(), QString()); // nothing pasted as text
        QVERIFY(m_files->index(0).data(PendingAttachments::IsImageRole).toBool());
        const QString path = m_files->paths().constFirst();
        QCOMPARE(QImageReader(path).size(), QSize(120, 80));

        // The strip shows it: its thumbnail read from the file, its name and size.
        QVERIFY(child("attachmentStrip")->isVisible());
        QTRY_VERIFY(chip(0));
        auto *thumbnail = chip(0)->findChild<QQuickItem *>(QStringLiteral("thumbnail"));
        QVERIFY(thumbnail && thumbnail->isVisible());
        QTRY_COMPARE(thumbnail->property("status").toInt(), 1 /* Image.Ready */);
        const QString name = QFileInfo(path).fileName();
        QVERIFY2(name.startsWith(QStringLiteral("pasted-image-")), qPrintable(name));
        QCOMPARE(chip(0)->property("name").toString(), name);
        QCOMPARE(chip(0)->property("sizeText").toString(),
                 m_files->index(0).data(PendingAttachments::SizeTextRole).toString());
        QVERIFY2(summary().startsWith(QStringLiteral("1 file, ")), qPrintable(summary()));
    }

    void ctrlVOfCopiedFilesAddsThoseFiles()
    {
        const QString report = makeFile(QStringLiteral("report.pdf"), 3000);
        const QString notes = makeFile(QStringLiteral("notes.txt"), 20);
        auto *data = new QMimeData;
        data->setUrls({ QUrl::fromLocalFile(report), QUrl::fromLocalFile(notes) });
        data->setText(report + QLatin1Char('\n') + notes); // as file managers copy them
        QVERIFY(data->formats().contains(QStringLiteral("text/uri-list")));
        putOnClipboard(data);

        pressCtrlV();
        QCOMPARE(m_files->paths(), (QStringList { report, notes }));
        QCOMPARE(inputText(), QString()); // the names are not pasted as text too
        QTRY_VERIFY(chip(1));
        QCOMPARE(chip(0)->property("name").toString(), QStringLiteral("report.pdf"));
        QCOMPARE(chip(1)->property("name").toString(), QStringLiteral("notes.txt"));
        QVERIFY2(summary().startsWith(QStringLiteral("2 files, ")), qPrintable(summary()));
    }

    void ctrlVOfTextPastesTextOnly()
    {
        auto *data = new QMimeData;
        data->setText(QStringLiteral("see you at 5"));
        putOnClipboard(data);

        pressCtrlV();
        QTRY_COMPARE(inputText(), QStringLiteral("see you at 5"));
        QCOMPARE(m_files->count(), 0);
        QVERIFY(!m_files->saving());
        QVERIFY(!child("attachmentStrip")->isVisible());
    }

    // The limit is said in the strip before any upload, and nothing can be sent
    // until that file is taken off (Send is disabled, Enter sends nothing).
    void ctrlVOfATooLargeFileSaysSoAndSendsNothing()
    {
        const QString huge = makeFile(QStringLiteral("huge.iso"), 25 * 1024 * 1024 + 1);
        auto *data = new QMimeData;
        data->setUrls({ QUrl::fromLocalFile(huge) });
        putOnClipboard(data);
        QSignalSpy sent(m_view.get(), SIGNAL(sendRequested(QString)));

        pressCtrlV();
        QCOMPARE(m_files->count(), 1);
        QVERIFY2(summary().contains(QStringLiteral("huge.iso"))
                     && summary().contains(QStringLiteral("25 MiB")),
                 qPrintable(summary()));
        QVERIFY(!child("sendButton")->isEnabled());
        QTest::keyClick(m_window.get(), Qt::Key_Return);
        QCOMPARE(sent.count(), 0);
        QCOMPARE(m_files->count(), 1);
    }

    void droppedFilesJoinTheStrip()
    {
        const QString photo = m_dir.filePath(QStringLiteral("photo.png"));
        QImage square(32, 32, QImage::Format_RGB32);
        square.fill(Qt::darkGreen);
        QVERIFY(square.save(photo));
        const QString log = makeFile(QStringLiteral("server.log"), 4096);
        QMimeData data;
        data.setUrls({ QUrl::fromLocalFile(photo), QUrl::fromLocalFile(log) });

        auto *dropArea = child("dropArea");
        const DragResult result = dragAndDrop(&data);
        QVERIFY(result.entered);
        QVERIFY(result.moved);
        QVERIFY(result.dropped);
        QCOMPARE(m_files->paths(), (QStringList { photo, log }));
        QVERIFY(!dropArea->property("containsDrag").toBool());
        QTRY_VERIFY(chip(1));
        QVERIFY(chip(0)->property("isImage").toBool());
        QCOMPARE(chip(1)->property("name").toString(), QStringLiteral("server.log"));
        QTRY_VERIFY(input()->hasActiveFocus()); // ready for a caption
    }

    void aDragOfNonFileDataIsRefused()
    {
        QMimeData text;
        text.setText(QStringLiteral("not a file"));
        const DragResult result = dragAndDrop(&text);
        QVERIFY(!result.entered);
        QVERIFY(!result.dropped);

        QMimeData web; // URLs, but none of them a local file
        web.setUrls({ QUrl(QStringLiteral("https://example.org/a.png")) });
        const DragResult webResult = dragAndDrop(&web);
        QVERIFY(!webResult.entered);
        QVERIFY(!webResult.dropped);
        QVERIFY(!child("dropArea")->property("containsDrag").toBool());
        QCOMPARE(m_files->count(), 0);
        QVERIFY(!child("attachmentStrip")->isVisible());
    }
};

QTEST_MAIN(TestComposerInput)
#include "tst_composer_input.moc"
