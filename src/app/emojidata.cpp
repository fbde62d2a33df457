// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/emojidata.h"

#include <QFile>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QPromise>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThreadPool>

#include <algorithm>
#include <memory>

namespace ringchat::app::emoji {

namespace {

Q_LOGGING_CATEGORY(lcEmoji, "ringchat.app.emoji")

// The contract's limit on a reaction (set_reaction: 1 to 32 bytes of UTF-8).
constexpr qsizetype kMaxEmojiBytes = 32;

// "1F44D 1F3FB" -> the string of those code points; empty when a field is not hex.
QString fromCodePoints(QByteArrayView field)
{
    QString out;
    for (const QByteArray &hex : field.trimmed().toByteArray().split(' ')) {
        if (hex.isEmpty())
            continue;
        bool ok = false;
        const uint code = hex.toUInt(&ok, 16);
        if (!ok || code > 0x10FFFF)
            return {};
        const char32_t c = code;
        out += QString::fromUcs4(&c, 1);
    }
    return out;
}

// The name after "# <emoji> E<version> ".
QString nameFromComment(QByteArrayView comment)
{
    const QString text = QString::fromUtf8(comment).trimmed();
    const qsizetype version = text.indexOf(QLatin1String(" E"));
    if (version < 0)
        return {};
    const qsizetype nameStart = text.indexOf(u' ', version + 2);
    return nameStart < 0 ? QString() : text.mid(nameStart + 1).trimmed();
}

QString fold(const QString &text)
{
    return text.toCaseFolded();
}

} // namespace

Catalog Catalog::parse(QByteArrayView text)
{
    Catalog catalog;
    bool skipGroup = false;
    for (QByteArrayView line : QByteArray(text.data(), text.size()).split('\n')) {
        line = line.trimmed();
        if (line.startsWith("# group:")) {
            const QString group = QString::fromUtf8(line.sliced(8)).trimmed();
            // Skin tones and hair styles alone are parts of other emoji, not reactions.
            skipGroup = group == QLatin1String("Component");
            if (!skipGroup)
                catalog.m_groups.append(group);
            continue;
        }
        if (skipGroup || line.isEmpty() || line.startsWith('#') || catalog.m_groups.isEmpty())
            continue;
        const qsizetype semicolon = line.indexOf(';');
        const qsizetype hash = line.indexOf('#');
        if (semicolon < 0 || hash < semicolon)
            continue;
        if (line.sliced(semicolon + 1, hash - semicolon - 1).trimmed() != "fully-qualified")
            continue;
        Emoji e { fromCodePoints(line.first(semicolon)), nameFromComment(line.sliced(hash + 1)),
                  int(catalog.m_groups.size() - 1) };
        if (e.text.isEmpty() || e.name.isEmpty() || e.name.contains(QLatin1String("skin tone"))
            || e.text.toUtf8().size() > kMaxEmojiBytes)
            continue;
        catalog.m_byText.insert(e.text, catalog.m_emoji.size());
        catalog.m_byName.insert(fold(e.name), catalog.m_emoji.size());
        catalog.m_emoji.append(std::move(e));
    }
    return catalog;
}

Catalog Catalog::load(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        qCWarning(lcEmoji).noquote() << "No emoji data:"
                                     << (path.isEmpty() ? QStringLiteral(
                                             "emoji-test.txt not found (install unicode-data)")
                                                        : file.errorString());
        return {};
    }
    return parse(file.readAll());
}

QFuture<const Catalog *> Catalog::installed()
{
    static const QFuture<const Catalog *> future = [] {
        auto promise = std::make_shared<QPromise<const Catalog *>>();
        promise->start();
        // The global pool is waited for at exit, so the read never outlives the app.
        QThreadPool::globalInstance()->start([promise, path = dataFilePath()] {
            static const Catalog catalog = load(path);
            promise->addResult(&catalog);
            promise->finish();
        });
        return promise->future();
    }();
    return future;
}

void Catalog::whenInstalled(QObject *context, std::function<void(const Catalog &)> ready)
{
    const QFuture<const Catalog *> future = installed();
    if (future.isResultReadyAt(0))
        return ready(*future.result());
    // A watcher each: a future takes only one continuation (then()).
    auto *watcher = new QFutureWatcher<const Catalog *>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, ready = std::move(ready)] {
        watcher->deleteLater();
        ready(*watcher->result());
    });
    watcher->setFuture(future);
}

QString Catalog::dataFilePath()
{
    const QString fromEnv = qEnvironmentVariable("RINGCHAT_EMOJI_DATA");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::locate(QStandardPaths::GenericDataLocation,
                                  QStringLiteral("unicode/emoji/emoji-test.txt"));
}

QString Catalog::nameOf(const QString &emoji) const
{
    const auto it = m_byText.constFind(emoji);
    return it == m_byText.cend() ? QString() : m_emoji.at(*it).name;
}

QString Catalog::byName(const QString &name) const
{
    const auto it = m_byName.constFind(fold(name));
    return it == m_byName.cend() ? QString() : m_emoji.at(*it).text;
}

QStringList Catalog::queryWords(const QString &query)
{
    return fold(query).split(u' ', Qt::SkipEmptyParts);
}

bool Catalog::matches(const Emoji &emoji, const QStringList &queryWords)
{
    if (queryWords.isEmpty())
        return true;
    static const QRegularExpression separators(QStringLiteral("[\\s:,\\-]+"));
    const QStringList words = fold(emoji.name).split(separators, Qt::SkipEmptyParts);
    return std::all_of(queryWords.cbegin(), queryWords.cend(), [&](const QString &q) {
        return std::any_of(words.cbegin(), words.cend(), [&](const QString &w) { return w.startsWith(q); });
    });
}

} // namespace ringchat::app::emoji
