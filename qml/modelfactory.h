#pragma once
// The models the QML binds to (src/models), as the chat service hands them out.
// The service owns them.

class QAbstractItemModel;
class QString;

namespace ringchat::chat {
class ChatService;
}

namespace ringchat::ui {

QAbstractItemModel *conversationModel(chat::ChatService *service);
QAbstractItemModel *messageModel(chat::ChatService *service, const QString &conversationId);

} // namespace ringchat::ui
