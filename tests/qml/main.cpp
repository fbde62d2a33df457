// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the Qt Quick Tests against the RingChat QML module linked in statically.
#include <QFile>
#include <QImage>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickImageProvider>
#include <QTemporaryDir>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(RingChatPlugin)

namespace {

// A stand-in for the app's "attachments" image provider (image://attachments/<id>/thumb
// and /full, made by the app, not by this module): a 1600 × 1200 picture, or the size asked.
class StandInAttachmentImages : public QQuickImageProvider
{
public:
    StandInAttachmentImages()
        : QQuickImageProvider(QQuickImageProvider::Image)
    {
    }
    QImage requestImage(const QString &id, QSize *size, const QSize &requested) override
    {
        if (id.startsWith(QLatin1StringView("missing/")))
            return {};
        const QSize full(1600, 1200);
        const QSize out = id.endsWith(QLatin1StringView("/thumb")) && requested.isValid() ? requested : full;
        QImage image(out, QImage::Format_RGB32);
        image.fill(QColor(0x2a, 0x9d, 0x8f));
        if (size)
            *size = out;
        return image;
    }
};

} // namespace

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Qt 6.4 puts the module's files under qrc:/RingChat.
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->addImageProvider(QStringLiteral("attachments"), new StandInAttachmentImages);
        // Files on disk for the attachment strip: a text file, a picture and one byte
        // over the 25 MiB limit (sparse).
        const auto make = [this](const QString &name, qint64 size) {
            QFile f(m_dir.filePath(name));
            if (!f.open(QIODevice::WriteOnly) || !f.resize(size))
                qFatal("cannot make %s", qPrintable(f.fileName()));
            return f.fileName();
        };
        QImage picture(64, 48, QImage::Format_RGB32);
        picture.fill(Qt::darkCyan);
        picture.save(m_dir.filePath(QStringLiteral("picture.png")));
        engine->rootContext()->setContextProperty(
            QStringLiteral("testFiles"),
            QVariantMap { { QStringLiteral("text"), make(QStringLiteral("notes.txt"), 1500) },
                          { QStringLiteral("picture"), m_dir.filePath(QStringLiteral("picture.png")) },
                          { QStringLiteral("tooLarge"), make(QStringLiteral("huge.iso"), 26214401) } });
    }

private:
    QTemporaryDir m_dir;
};

QUICK_TEST_MAIN_WITH_SETUP(ringchat_qml, Setup)

#include "main.moc"
