<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>AttachmentImage</name>
    <message>
        <source>Image %1, %2 × %3</source>
        <translation>Зображення %1, %2 × %3</translation>
    </message>
    <message>
        <source>Image not available</source>
        <translation>Зображення недоступне</translation>
    </message>
</context>
<context>
    <name>AttachmentStager</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Не вдається прочитати %1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Не вдається записати %1: %2</translation>
    </message>
    <message>
        <source>A message may carry at most %1 files.</source>
        <translation>Повідомлення може містити щонайбільше %1 файлів.</translation>
    </message>
    <message>
        <source>%1 is not a file that can be read.</source>
        <translation>%1 не є файлом, який можна прочитати.</translation>
    </message>
    <message>
        <source>%1 cannot be made.</source>
        <translation>Не вдається створити %1.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>%1 is %2 bytes; a file may be at most 25 MiB (%3 bytes).</source>
        <translation>%1 має %2 байт; файл може мати щонайбільше 25 МіБ (%3 байт).</translation>
    </message>
</context>
<context>
    <name>Avatar</name>
    <message>
        <source>%1, online</source>
        <translation>%1, у мережі</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1, не в мережі</translation>
    </message>
</context>
<context>
    <name>ClipboardFiles</name>
    <message>
        <source>The pasted image could not be saved: %1</source>
        <translation>Не вдалося зберегти вставлене зображення: %1</translation>
    </message>
    <message>
        <source>there is no image.</source>
        <translation>зображення немає.</translation>
    </message>
    <message>
        <source>%1 cannot be made.</source>
        <translation>Не вдається створити %1.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>Напишіть повідомлення…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 characters over the limit</source>
        <translation>На %1 симв. більше за ліміт</translation>
    </message>
    <message>
        <source>%1 characters left</source>
        <translation>Залишилося %1 симв.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Надіслати</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Надіслати повідомлення</translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation>Напишіть відповідь…</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Додати файли</translation>
    </message>
</context>
<context>
    <name>ConfirmDeleteDialog</name>
    <message>
        <source>Delete message?</source>
        <translation>Видалити повідомлення?</translation>
    </message>
    <message>
        <source>It is deleted for everyone in this conversation.</source>
        <translation>Його буде видалено для всіх у цій розмові.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Видалити повідомлення</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Keep message</source>
        <translation>Залишити повідомлення</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connected</source>
        <translation>З’єднано</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>З’єднання…</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s…</source>
        <translation>Повторне з’єднання через %1 с…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Повторне з’єднання…</translation>
    </message>
    <message>
        <source>Offline — showing saved messages</source>
        <translation>Немає зв’язку — показано збережені повідомлення</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Сеанс завершився. Увійдіть знову.</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Повторити зараз</translation>
    </message>
</context>
<context>
    <name>ConversationBadges</name>
    <message>
        <source>Muted</source>
        <translation>Без звуку</translation>
    </message>
    <message>
        <source>Mentioned</source>
        <translation>Є згадка</translation>
    </message>
</context>
<context>
    <name>ConversationListPane</name>
    <message>
        <source>Conversations</source>
        <translation>Розмови</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>Нова розмова (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Пошук розмов</translation>
    </message>
    <message>
        <source>No conversation matches “%1”.</source>
        <translation>Немає розмов, що відповідають «%1».</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with +.</source>
        <translation>Розмов поки немає. Почніть нову кнопкою +.</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Налаштування (Ctrl+,)</translation>
    </message>
</context>
<context>
    <name>ConversationRow</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation><numerusform>%n непрочитане</numerusform><numerusform>%n непрочитані</numerusform><numerusform>%n непрочитаних</numerusform></translation>
    </message>
    <message>
        <source>Draft: %1</source>
        <translation>Чернетка: %1</translation>
    </message>
    <message>
        <source>Draft:</source>
        <translation>Чернетка:</translation>
    </message>
    <message>
        <source>mentioned</source>
        <translation>є згадка</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>без звуку</translation>
    </message>
</context>
<context>
    <name>ConversationText</name>
    <message>
        <source>Just you</source>
        <translation>Лише ви</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>Повідомлення видалено</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation><numerusform>%n учасник</numerusform><numerusform>%n учасники</numerusform><numerusform>%n учасників</numerusform></translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 друкує…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 і %2 друкують…</translation>
    </message>
    <message>
        <source>%1, %2 and %3 are typing…</source>
        <translation>%1, %2 і %3 друкують…</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n others are typing…</source>
        <translation><numerusform>%1, %2 та ще %n друкують…</numerusform><numerusform>%1, %2 та ще %n друкують…</numerusform><numerusform>%1, %2 та ще %n друкують…</numerusform></translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Back to conversations</source>
        <translation>Назад до розмов</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Повідомлення</translation>
    </message>
    <message numerus="yes">
        <source>%n new ↓</source>
        <translation><numerusform>%n нове ↓</numerusform><numerusform>%n нові ↓</numerusform><numerusform>%n нових ↓</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Jump to latest, %n new messages</source>
        <translation><numerusform>До останніх, %n нове повідомлення</numerusform><numerusform>До останніх, %n нові повідомлення</numerusform><numerusform>До останніх, %n нових повідомлень</numerusform></translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>До останніх повідомлень</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Ви</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Сповіщення</translation>
    </message>
    <message>
        <source>Drop files to send them</source>
        <translation>Перетягніть файли сюди, щоб надіслати</translation>
    </message>
    <message>
        <source>Save file as</source>
        <translation>Зберегти файл як</translation>
    </message>
</context>
<context>
    <name>DeliveryIcon</name>
    <message>
        <source>sending</source>
        <translation>надсилається</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>надіслано</translation>
    </message>
    <message>
        <source>read</source>
        <translation>прочитано</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>не надіслано</translation>
    </message>
</context>
<context>
    <name>EditedMark</name>
    <message>
        <source>Edited %1</source>
        <translation>Змінено %1</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Змінено</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>змінено</translation>
    </message>
</context>
<context>
    <name>FileCard</name>
    <message>
        <source>File %1, %2</source>
        <translation>Файл %1, %2</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Завантаження %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторити</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Завантажити</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>Завантажити %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Cancel the download of %1</source>
        <translation>Скасувати завантаження %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Відкрити %1</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Зберегти як…</translation>
    </message>
    <message>
        <source>Save %1 as</source>
        <translation>Зберегти %1 як</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>Today</source>
        <translation>Сьогодні</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Учора</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Image %1</source>
        <translation>Зображення %1</translation>
    </message>
    <message>
        <source>The image could not be shown.</source>
        <translation>Не вдалося показати зображення.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Зменшити</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Збільшити</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Зберегти як…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
</context>
<context>
    <name>InlineEditor</name>
    <message>
        <source>Edit message</source>
        <translation>Змінити повідомлення</translation>
    </message>
    <message>
        <source>Enter saves, Escape cancels</source>
        <translation>Enter — зберегти, Escape — скасувати</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>(%1) Ring Chat</source>
        <translation>(%1) Ring Chat</translation>
    </message>
    <message>
        <source>Ring Chat</source>
        <translation>Ring Chat</translation>
    </message>
    <message>
        <source>Choose a conversation, or press Ctrl+K.</source>
        <translation>Виберіть розмову або натисніть Ctrl+K.</translation>
    </message>
</context>
<context>
    <name>MentionPopup</name>
    <message>
        <source>People to mention</source>
        <translation>Кого згадати</translation>
    </message>
</context>
<context>
    <name>MessageAttachments</name>
    <message>
        <source>Uploading, %1 %</source>
        <translation>Вивантаження, %1 %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Скасувати надсилання</translation>
    </message>
</context>
<context>
    <name>MessageBubble</name>
    <message>
        <source>Read by %1</source>
        <translation>Прочитали: %1</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Ви</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Показати більше</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Не надіслано</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторити</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>Надіслати ще раз</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Відкинути</translation>
    </message>
    <message>
        <source>Discard message</source>
        <translation>Відкинути повідомлення</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>Повідомлення видалено</translation>
    </message>
    <message>
        <source>in reply to %1, </source>
        <translation>у відповідь %1, </translation>
    </message>
    <message>
        <source>a deleted message</source>
        <translation>видалене повідомлення</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>змінено</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>збереження</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>збереження…</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Дії з повідомленням</translation>
    </message>
    <message>
        <source>1 file, </source>
        <translation>1 файл, </translation>
    </message>
    <message numerus="yes">
        <source>%n files, </source>
        <translation><numerusform>%n файл, </numerusform><numerusform>%n файли, </numerusform><numerusform>%n файлів, </numerusform></translation>
    </message>
</context>
<context>
    <name>MessageMenu</name>
    <message>
        <source>Reply</source>
        <translation>Відповісти</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Змінити</translation>
    </message>
    <message>
        <source>React…</source>
        <translation>Реакція…</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Реакція</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Копіювати текст</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Копіювати посилання</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Видалити…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <source>New conversation</source>
        <translation>Нова розмова</translation>
    </message>
    <message>
        <source>Search people by name</source>
        <translation>Шукайте людей за ім’ям</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Пошук людей</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>Нікого не знайдено.</translation>
    </message>
    <message>
        <source>Group title</source>
        <translation>Назва групи</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Створити групу</translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation>Почати розмову</translation>
    </message>
</context>
<context>
    <name>NotifyMenu</name>
    <message>
        <source>All messages</source>
        <translation>Усі повідомлення</translation>
    </message>
    <message>
        <source>Mentions only</source>
        <translation>Лише згадки</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Нічого</translation>
    </message>
    <message>
        <source>Mute for 1 hour</source>
        <translation>Вимкнути звук на 1 годину</translation>
    </message>
    <message>
        <source>Mute for 8 hours</source>
        <translation>Вимкнути звук на 8 годин</translation>
    </message>
    <message>
        <source>Mute until I turn it back on</source>
        <translation>Вимкнути звук, доки не ввімкну</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Увімкнути звук</translation>
    </message>
</context>
<context>
    <name>PendingAttachmentStrip</name>
    <message>
        <source>Files to send</source>
        <translation>Файли для надсилання</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Прибрати %1</translation>
    </message>
    <message>
        <source>Saving the pasted image…</source>
        <translation>Зберігання вставленого зображення…</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Switch conversation</source>
        <translation>Перейти до розмови</translation>
    </message>
    <message>
        <source>Jump to a conversation…</source>
        <translation>Перейти до розмови…</translation>
    </message>
    <message>
        <source>Conversation name</source>
        <translation>Назва розмови</translation>
    </message>
    <message>
        <source>Matching conversations</source>
        <translation>Знайдені розмови</translation>
    </message>
    <message>
        <source>No conversation matches.</source>
        <translation>Жодна розмова не відповідає.</translation>
    </message>
</context>
<context>
    <name>ReactionChips</name>
    <message>
        <source>%1, %2, you reacted</source>
        <translation>%1, %2, ваша реакція</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Add a reaction</source>
        <translation>Додати реакцію</translation>
    </message>
</context>
<context>
    <name>ReactionPicker</name>
    <message>
        <source>Choose a reaction</source>
        <translation>Виберіть реакцію</translation>
    </message>
    <message>
        <source>Search emoji by name</source>
        <translation>Пошук емодзі за назвою</translation>
    </message>
    <message numerus="yes">
        <source>%n emoji found</source>
        <translation><numerusform>Знайдено %n емодзі</numerusform><numerusform>Знайдено %n емодзі</numerusform><numerusform>Знайдено %n емодзі</numerusform></translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Емодзі</translation>
    </message>
    <message>
        <source>No emoji found</source>
        <translation>Емодзі не знайдено</translation>
    </message>
    <message>
        <source>No emoji data installed</source>
        <translation>Дані емодзі не встановлено</translation>
    </message>
    <message>
        <source>Loading emoji</source>
        <translation>Завантаження емодзі</translation>
    </message>
</context>
<context>
    <name>ReplyBar</name>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Відповідь %1: %2</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>Відповідь %1</translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation>Скасувати відповідь</translation>
    </message>
</context>
<context>
    <name>ReplyQuote</name>
    <message>
        <source>Original message deleted</source>
        <translation>Початкове повідомлення видалено</translation>
    </message>
    <message>
        <source>Reply to a deleted message</source>
        <translation>Відповідь на видалене повідомлення</translation>
    </message>
    <message>
        <source>Reply to %1: %2</source>
        <translation>Відповідь %1: %2</translation>
    </message>
    <message>
        <source>Shows the original message</source>
        <translation>Показує початкове повідомлення</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>No results</source>
        <translation>Нічого не знайдено</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 з %2</translation>
    </message>
    <message>
        <source>Find in conversation</source>
        <translation>Знайти в розмові</translation>
    </message>
    <message>
        <source>Newer match (Shift+Enter)</source>
        <translation>Новіший збіг (Shift+Enter)</translation>
    </message>
    <message>
        <source>Older match (Enter)</source>
        <translation>Старіший збіг (Enter)</translation>
    </message>
    <message>
        <source>Close search (Esc)</source>
        <translation>Закрити пошук (Esc)</translation>
    </message>
</context>
<context>
    <name>SearchQuery</name>
    <message>
        <source>“%1” is not a date (use YYYY-MM-DD).</source>
        <translation>«%1» — не дата (пишіть РРРР-ММ-ДД).</translation>
    </message>
</context>
<context>
    <name>SearchResultsPane</name>
    <message>
        <source>Search all conversations</source>
        <translation>Пошук у всіх розмовах</translation>
    </message>
    <message>
        <source>Indexing older messages: %1 of %2</source>
        <translation>Індексування старіших повідомлень: %1 з %2</translation>
    </message>
    <message>
        <source>Searching the server…</source>
        <translation>Пошук на сервері…</translation>
    </message>
    <message>
        <source>Server results are missing: %1</source>
        <translation>Немає результатів із сервера: %1</translation>
    </message>
    <message>
        <source>Server results are missing.</source>
        <translation>Немає результатів із сервера.</translation>
    </message>
    <message>
        <source>Search messages (from: in: before: after:)</source>
        <translation>Пошук повідомлень (from: in: before: after:)</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Пошук повідомлень</translation>
    </message>
    <message>
        <source>Messages found</source>
        <translation>Знайдені повідомлення</translation>
    </message>
    <message>
        <source>%1 in %2: %3</source>
        <translation>%1 у «%2»: %3</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 у «%2»</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>Повідомлень не знайдено.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Обліковий запис</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Вийти</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Вигляд</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Як у системі</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Світла</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Темна</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Сповіщення</translation>
    </message>
    <message>
        <source>Show desktop notifications for new messages</source>
        <translation>Показувати сповіщення про нові повідомлення</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>Працювати в треї після закриття вікна</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Безпека</translation>
    </message>
    <message>
        <source>Store the session in an unencrypted file</source>
        <translation>Зберігати сеанс у незашифрованому файлі</translation>
    </message>
    <message>
        <source>Only for systems without a keychain. Anyone who can read your files can then use your account until you sign out. Takes effect at the next sign-in.</source>
        <translation>Лише для систем без сховища ключів. Будь-хто, хто може читати ваші файли, зможе користуватися вашим обліковим записом, доки ви не вийдете. Діє з наступного входу.</translation>
    </message>
    <message>
        <source>Ring Chat %1</source>
        <translation>Ring Chat %1</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Мережа</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Проксі</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Без проксі</translation>
    </message>
    <message>
        <source>This proxy</source>
        <translation>Цей проксі</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адреса</translation>
    </message>
    <message>
        <source>Proxy address</source>
        <translation>Адреса проксі</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Ім’я користувача</translation>
    </message>
    <message>
        <source>Only if the proxy asks for one</source>
        <translation>Лише якщо проксі його вимагає</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Ім’я користувача проксі</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Saved (type to change)</source>
        <translation>Збережено (введіть, щоб змінити)</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Пароль проксі</translation>
    </message>
    <message>
        <source>Use this proxy</source>
        <translation>Використовувати цей проксі</translation>
    </message>
    <message>
        <source>Uses the desktop's proxy settings, or the https_proxy, http_proxy, all_proxy and no_proxy environment variables when they are set.</source>
        <translation>Використовує налаштування проксі робочого середовища або змінні середовища https_proxy, http_proxy, all_proxy і no_proxy, якщо їх задано.</translation>
    </message>
    <message>
        <source>Connects to the server directly.</source>
        <translation>З’єднується з сервером напряму.</translation>
    </message>
    <message>
        <source>An HTTP proxy (http://host:port) or a SOCKS5 proxy (socks5://host:port) for every connection.</source>
        <translation>HTTP-проксі (http://host:port) або SOCKS5-проксі (socks5://host:port) для всіх з’єднань.</translation>
    </message>
    <message>
        <source>The password is kept in the unencrypted session file.</source>
        <translation>Пароль зберігається в незашифрованому файлі сеансу.</translation>
    </message>
    <message>
        <source>The password is kept in the keychain.</source>
        <translation>Пароль зберігається у сховищі ключів.</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Правопис</translation>
    </message>
    <message>
        <source>Check spelling as I type</source>
        <translation>Перевіряти правопис під час набору</translation>
    </message>
    <message>
        <source>Check %1</source>
        <translation>Перевіряти: %1</translation>
    </message>
    <message>
        <source>A word is right when any chosen language knows it.</source>
        <translation>Слово правильне, якщо його знає будь-яка з вибраних мов.</translation>
    </message>
    <message>
        <source>No dictionaries are installed. On Debian or Ubuntu, install hunspell-en-us, hunspell-uk or another hunspell dictionary.</source>
        <translation>Словники не встановлено. У Debian чи Ubuntu встановіть hunspell-en-us, hunspell-uk або інший словник hunspell.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Format messages with Markdown</source>
        <translation>Форматувати повідомлення за допомогою Markdown</translation>
    </message>
    <message>
        <source>**bold**, *italic*, `code`, &gt; quote, [link](https://…). A backslash keeps a character as it is: %1. Off: messages go as plain text.</source>
        <translation>**жирний**, *курсив*, `код`, &gt; цитата, [посилання](https://…). Зворотна скісна риска лишає символ як є: %1. Вимкнено: повідомлення йдуть звичайним текстом.</translation>
    </message>
    <message>
        <source>Hide message text in notifications</source>
        <translation>Не показувати текст повідомлень у сповіщеннях</translation>
    </message>
    <message>
        <source>Notifications then say only who wrote. They never show the text while the screen is locked. Each conversation's menu sets what notifies there: all messages, mentions of you only, or nothing, and mutes it for a while.</source>
        <translation>Тоді сповіщення кажуть лише, хто написав. Поки екран заблоковано, текст не показується ніколи. Меню кожної розмови задає, про що там сповіщати: про всі повідомлення, лише про згадки вас чи ні про що, і вимикає звук на якийсь час.</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файли</translation>
    </message>
    <message>
        <source>Keep received files up to (MB)</source>
        <translation>Зберігати отримані файли до (МБ)</translation>
    </message>
    <message>
        <source>Downloaded files and pictures are kept on this computer up to this size; the least recently used go first.</source>
        <translation>Завантажені файли й зображення зберігаються на цьому комп’ютері до цього розміру; першими видаляються ті, що давно не використовувались.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Contacting %1…</source>
        <translation>З’єднання з %1…</translation>
    </message>
    <message>
        <source>Finish signing in in your browser.</source>
        <translation>Завершіть вхід у браузері.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Вхід…</translation>
    </message>
    <message>
        <source>Restoring your session…</source>
        <translation>Відновлення сеансу…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Вхід</translation>
    </message>
    <message>
        <source>Ring Chat</source>
        <translation>Ring Chat</translation>
    </message>
    <message>
        <source>Sign in to your Ring server to start chatting.</source>
        <translation>Увійдіть на свій сервер Ring, щоб почати спілкування.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Адреса сервера</translation>
    </message>
    <message>
        <source>Sign in with your browser</source>
        <translation>Увійти через браузер</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Скасувати вхід</translation>
    </message>
    <message>
        <source>Browser did not open? Copy the sign-in link</source>
        <translation>Браузер не відкрився? Скопіюйте посилання для входу</translation>
    </message>
    <message>
        <source>No keychain is available, so Ring Chat cannot keep you signed in securely. Install and unlock a keychain (for example GNOME Keyring or KWallet), or keep the session in an unencrypted file.</source>
        <translation>Сховище ключів недоступне, тож Ring Chat не може безпечно зберегти ваш вхід. Установіть і розблокуйте сховище ключів (наприклад, GNOME Keyring або KWallet) або зберігайте сеанс у незашифрованому файлі.</translation>
    </message>
    <message>
        <source>Keep me signed in using an unencrypted file</source>
        <translation>Залишатися в системі за допомогою незашифрованого файлу</translation>
    </message>
</context>
<context>
    <name>SpellMenu</name>
    <message>
        <source>Looking for suggestions…</source>
        <translation>Пошук варіантів…</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>Немає варіантів</translation>
    </message>
    <message>
        <source>Replace with %1</source>
        <translation>Замінити на «%1»</translation>
    </message>
    <message>
        <source>Add “%1” to dictionary</source>
        <translation>Додати «%1» до словника</translation>
    </message>
    <message>
        <source>Add to dictionary</source>
        <translation>Додати до словника</translation>
    </message>
</context>
<context>
    <name>ringchat::api::FileDownload</name>
    <message>
        <source>The attachment has no valid id or sha256.</source>
        <translation>Вкладення не має дійсного id або sha256.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Не вдається записати %1: %2</translation>
    </message>
    <message>
        <source>The server sent more bytes than the file has (%1); nothing was saved.</source>
        <translation>Сервер надіслав більше байтів, ніж має файл (%1); нічого не збережено.</translation>
    </message>
    <message>
        <source>The downloaded bytes do not match the file's sha256; nothing was saved.</source>
        <translation>Завантажені байти не відповідають sha256 файлу; нічого не збережено.</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>Не вдалося записати %1.</translation>
    </message>
</context>
<context>
    <name>ringchat::api::FileTransfer</name>
    <message>
        <source>The transfer was cancelled.</source>
        <translation>Передавання скасовано.</translation>
    </message>
    <message>
        <source>The server did not accept the sign-in and it could not be renewed: %1</source>
        <translation>Сервер не прийняв вхід, і його не вдалося поновити: %1</translation>
    </message>
</context>
<context>
    <name>ringchat::api::FileUpload</name>
    <message>
        <source>The upload has no valid conversation or idempotency key.</source>
        <translation>Завантаження не має дійсної розмови або ключа ідемпотентності.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>Не вдається прочитати %1.</translation>
    </message>
    <message>
        <source>The server's answer to the upload could not be read: %1</source>
        <translation>Не вдалося прочитати відповідь сервера на завантаження: %1</translation>
    </message>
</context>
<context>
    <name>ringchat::api::ThumbnailDownload</name>
    <message>
        <source>The attachment has no valid id.</source>
        <translation>Вкладення не має правильного ідентифікатора.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Не вдається записати %1: %2</translation>
    </message>
    <message>
        <source>The server's thumbnail is too large.</source>
        <translation>Мініатюра від сервера завелика.</translation>
    </message>
</context>
<context>
    <name>ringchat::app::DesktopIntegration</name>
    <message>
        <source>Show Ring Chat</source>
        <translation>Показати Ring Chat</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Вийти з програми</translation>
    </message>
    <message>
        <source>Ring Chat</source>
        <translation>Ring Chat</translation>
    </message>
    <message numerus="yes">
        <source>Ring Chat: %n unread</source>
        <translation><numerusform>Ring Chat: %n непрочитане</numerusform><numerusform>Ring Chat: %n непрочитані</numerusform><numerusform>Ring Chat: %n непрочитаних</numerusform></translation>
    </message>
</context>
<context>
    <name>ringchat::app::DesktopNotifications</name>
    <message>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Позначити прочитаним</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Відповісти</translation>
    </message>
</context>
<context>
    <name>ringchat::app::Files</name>
    <message>
        <source>Sign in to get this file.</source>
        <translation>Увійдіть, щоб отримати цей файл.</translation>
    </message>
    <message>
        <source>This file is not in any conversation held here.</source>
        <translation>Цього файлу немає в жодній збереженій тут розмові.</translation>
    </message>
    <message>
        <source>No program could open %1.</source>
        <translation>Жодна програма не змогла відкрити %1.</translation>
    </message>
    <message>
        <source>Files can only be saved to a local folder.</source>
        <translation>Файли можна зберігати лише в локальну теку.</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>Не вдалося записати %1.</translation>
    </message>
    <message>
        <source>Sign in to see this image.</source>
        <translation>Увійдіть, щоб побачити це зображення.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Ви вийшли з облікового запису.</translation>
    </message>
    <message>
        <source>Images cannot be loaded now.</source>
        <translation>Зараз не вдається завантажити зображення.</translation>
    </message>
</context>
<context>
    <name>ringchat::app::MessageActionsController</name>
    <message>
        <source>A message cannot be empty. To remove it, delete it.</source>
        <translation>Повідомлення не може бути порожнім. Щоб прибрати його, видаліть його.</translation>
    </message>
    <message>
        <source>This message can no longer be edited.</source>
        <translation>Це повідомлення вже не можна змінити.</translation>
    </message>
    <message>
        <source>This message could not be deleted.</source>
        <translation>Не вдалося видалити це повідомлення.</translation>
    </message>
    <message>
        <source>The reaction could not be saved.</source>
        <translation>Не вдалося зберегти реакцію.</translation>
    </message>
</context>
<context>
    <name>ringchat::app::MessageNotifier</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 у «%2»</translation>
    </message>
    <message>
        <source>Mentioned you</source>
        <translation>Згадав(-ла) вас</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Нове повідомлення</translation>
    </message>
</context>
<context>
    <name>ringchat::app::PendingAttachments</name>
    <message>
        <source>1 file, %1</source>
        <translation>1 файл, %1</translation>
    </message>
    <message numerus="yes">
        <source>%n files, %1</source>
        <translation><numerusform>%n файл, %1</numerusform><numerusform>%n файли, %1</numerusform><numerusform>%n файлів, %1</numerusform></translation>
    </message>
</context>
<context>
    <name>ringchat::app::ProxySettings</name>
    <message>
        <source>The proxy password could not be read: %1</source>
        <translation>Не вдалося прочитати пароль проксі: %1</translation>
    </message>
    <message>
        <source>The proxy works for now, but its password could not be saved for the next start: %1</source>
        <translation>Проксі поки працює, але його пароль не вдалося зберегти до наступного запуску: %1</translation>
    </message>
</context>
<context>
    <name>ringchat::app::UserDirectory</name>
    <message>
        <source>Not signed in.</source>
        <translation>Ви не ввійшли.</translation>
    </message>
</context>
<context>
    <name>ringchat::chat::MessageActions</name>
    <message>
        <source>This message can no longer be edited: messages can be edited for 15 minutes after they are sent.</source>
        <translation>Це повідомлення вже не можна змінити: повідомлення можна змінювати протягом 15 хвилин після надсилання.</translation>
    </message>
    <message>
        <source>This message was deleted, so it can no longer take reactions.</source>
        <translation>Це повідомлення видалено, тож реакції до нього вже не додати.</translation>
    </message>
    <message>
        <source>This message was deleted, so it can no longer be edited.</source>
        <translation>Це повідомлення видалено, тож його вже не можна змінити.</translation>
    </message>
    <message>
        <source>You can only edit your own messages.</source>
        <translation>Змінювати можна лише власні повідомлення.</translation>
    </message>
    <message>
        <source>You can only delete your own messages, or any message in a group you administer.</source>
        <translation>Видаляти можна лише власні повідомлення або будь-які повідомлення в групі, яку ви адмініструєте.</translation>
    </message>
    <message>
        <source>You may not react to this message.</source>
        <translation>Ви не можете реагувати на це повідомлення.</translation>
    </message>
    <message>
        <source>This message is not there any more, or you are no longer in this conversation.</source>
        <translation>Цього повідомлення вже немає, або ви більше не в цій розмові.</translation>
    </message>
    <message>
        <source>The server did not take this text: a message is 1 to 10,000 characters.</source>
        <translation>Сервер не прийняв цей текст: повідомлення має містити від 1 до 10 000 символів.</translation>
    </message>
    <message>
        <source>The server did not take this reaction: one emoji, and at most 20 different ones on a message.</source>
        <translation>Сервер не прийняв цю реакцію: один емодзі, і не більше 20 різних на одному повідомленні.</translation>
    </message>
    <message>
        <source>The server did not take this request.</source>
        <translation>Сервер не прийняв цей запит.</translation>
    </message>
    <message>
        <source>The server failed to do this. Try again later.</source>
        <translation>Серверу не вдалося це зробити. Спробуйте пізніше.</translation>
    </message>
    <message>
        <source>The server refused this (%1).</source>
        <translation>Сервер відмовив (%1).</translation>
    </message>
</context>
<context>
    <name>ringchat::chat::SearchService</name>
    <message>
        <source>No conversation is called “%1”.</source>
        <translation>Немає розмови з назвою «%1».</translation>
    </message>
    <message>
        <source>No one is called “%1”.</source>
        <translation>Немає нікого з іменем «%1».</translation>
    </message>
</context>
<context>
    <name>ringchat::media::AttachmentImageProvider</name>
    <message>
        <source>This image address is not valid.</source>
        <translation>Неправильна адреса зображення.</translation>
    </message>
    <message>
        <source>Images cannot be loaded now.</source>
        <translation>Зараз не вдається завантажити зображення.</translation>
    </message>
</context>
<context>
    <name>ringchat::media::FileCache</name>
    <message>
        <source>The attachment has no valid id or sha256.</source>
        <translation>Вкладення не має дійсного id або sha256.</translation>
    </message>
    <message>
        <source>This file has no thumbnail.</source>
        <translation>Цей файл не має мініатюри.</translation>
    </message>
</context>
<context>
    <name>ringchat::media::ImageDecoder</name>
    <message>
        <source>This file is not a PNG, JPEG, GIF or WebP image.</source>
        <translation>Цей файл не є зображенням PNG, JPEG, GIF чи WebP.</translation>
    </message>
    <message>
        <source>Images of this type cannot be shown here (no %1 decoder).</source>
        <translation>Зображення цього типу тут не показати (немає декодера %1).</translation>
    </message>
    <message>
        <source>The image is incomplete.</source>
        <translation>Зображення неповне.</translation>
    </message>
    <message>
        <source>The image could not be read.</source>
        <translation>Не вдалося прочитати зображення.</translation>
    </message>
    <message>
        <source>The image is too large to show (%1 × %2 pixels).</source>
        <translation>Зображення завелике, щоб його показати (%1 × %2 пікселів).</translation>
    </message>
    <message>
        <source>The image could not be decoded.</source>
        <translation>Не вдалося декодувати зображення.</translation>
    </message>
    <message>
        <source>The image file cannot be read.</source>
        <translation>Не вдається прочитати файл зображення.</translation>
    </message>
</context>
</TS>