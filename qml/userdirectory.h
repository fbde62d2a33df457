#pragma once
// "New conversation": searches people (GET /api/users) and creates a direct chat
// or a group (POST /api/conversations) through the chat service's REST client.

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace ringchat::ui {

class UserDirectory : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    // [{ id, name }], without the signed-in user.
    Q_PROPERTY(QVariantList results READ results NOTIFY resultsChanged)
    Q_PROPERTY(bool searching READ searching NOTIFY searchingChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit UserDirectory(QObject *parent = nullptr);

    QVariantList results() const { return m_results; }
    bool searching() const { return m_searching; }
    QString errorString() const { return m_errorString; }

    Q_INVOKABLE void search(const QString &query);
    // One id: a direct chat; several: a group with the title. Result: created() or errorString.
    Q_INVOKABLE void create(const QStringList &userIds, const QString &title);

signals:
    void resultsChanged();
    void searchingChanged();
    void errorStringChanged();
    void created(const QString &conversationId);

private:
    void setSearching(bool on);
    void setError(const QString &error);

    QVariantList m_results;
    bool m_searching = false;
    QString m_errorString;
    quint64 m_generation = 0; // answers to older searches are dropped
};

} // namespace ringchat::ui
