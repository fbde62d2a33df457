#include "modelfactory.h"

#include "chat/chatservice.h"
#include "models/conversationlistmodel.h"
#include "store/chatstore.h" // messagelistmodel.h keeps a QPointer to it
#include "models/messagelistmodel.h"

// The chat service makes and feeds the models (src/models) and owns them.
namespace ringchat::ui {

QAbstractItemModel *conversationModel(chat::ChatService *service)
{
    return service->conversationModel();
}

QAbstractItemModel *messageModel(chat::ChatService *service, const QString &conversationId)
{
    return service->messageModel(conversationId);
}

} // namespace ringchat::ui
