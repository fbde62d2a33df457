// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/conversationtext.h"

#include <QCoreApplication>

// The words are translated in one context, "ConversationText", wherever they show
// (written out at each call: lupdate reads only literal calls).

namespace ringchat::models {

const api::Participant *otherParticipant(const api::Conversation &conversation, const QString &ownUserId)
{
    if (conversation.type != api::Conversation::Type::Direct)
        return nullptr;
    for (const api::Participant &p : conversation.participants) {
        if (p.userId != ownUserId)
            return &p;
    }
    return nullptr;
}

QString conversationTitle(const api::Conversation &conversation, const QString &ownUserId)
{
    if (const api::Participant *other = otherParticipant(conversation, ownUserId))
        return other->name;
    if (!conversation.title.isEmpty())
        return conversation.title;
    QStringList others;
    for (const api::Participant &p : conversation.participants) {
        if (p.userId != ownUserId)
            others << p.name;
    }
    if (others.isEmpty())
        return QCoreApplication::translate("ConversationText", "Just you");
    return others.join(QStringLiteral(", "));
}

QString conversationSubtitle(const api::Conversation &conversation, const QString &otherPresenceText)
{
    if (conversation.type == api::Conversation::Type::Group)
        return QCoreApplication::translate("ConversationText", "%n members", nullptr,
                                           int(conversation.participants.size()));
    return otherPresenceText;
}

QString messagePreview(const api::Message &message)
{
    if (message.isDeleted())
        return QCoreApplication::translate("ConversationText", "Message deleted");
    return previewLine(message.content);
}

QString previewLine(const QString &text)
{
    // One line, bounded: the list shows a single elided line.
    QString line = text.section(u'\n', 0, 0, QString::SectionSkipEmpty).simplified();
    if (line.size() > 160)
        line = line.left(159) + u'…';
    return line;
}

QString typingSentence(const QStringList &names)
{
    const auto say = [](const char *sentence, int n = -1) {
        return QCoreApplication::translate("ConversationText", sentence, nullptr, n);
    };
    switch (names.size()) {
    case 0:
        return {};
    case 1:
        return say(QT_TRANSLATE_NOOP("ConversationText", "%1 is typing…")).arg(names.at(0));
    case 2:
        return say(QT_TRANSLATE_NOOP("ConversationText", "%1 and %2 are typing…"))
            .arg(names.at(0), names.at(1));
    case 3:
        return say(QT_TRANSLATE_NOOP("ConversationText", "%1, %2 and %3 are typing…"))
            .arg(names.at(0), names.at(1), names.at(2));
    }
    const int others = int(names.size()) - 2;
    return say(QT_TRANSLATE_N_NOOP("ConversationText", "%1, %2 and %n others are typing…"), others)
        .arg(names.at(0), names.at(1));
}

QString foldForSearch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c.toCaseFolded());
    }
    return out;
}

} // namespace ringchat::models
