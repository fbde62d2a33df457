#!/usr/bin/env python3
"""Fills translations/ringchat_uk.ts from the table below (run after lupdate).

Usage: lupdate -locations none -no-obsolete qml app/ringchat -ts translations/ringchat_uk.ts
       python3 translations/fill_uk.py
Ukrainian has three plural forms: one (1, 21, …), few (2–4, 22–24, …), many (0, 5–20, …).
"""
import sys
import xml.etree.ElementTree as ET

UK = {
    '%1, online': '%1, у мережі',
    '%1, offline': '%1, не в мережі',
    'Write a message…': 'Напишіть повідомлення…',
    'Message': 'Повідомлення',
    'Message deleted': 'Повідомлення видалено',
    '%1 / %2': '%1 / %2',
    '%1 characters over the limit': 'На %1 симв. більше за ліміт',
    '%1 characters left': 'Залишилося %1 симв.',
    'Send': 'Надіслати',
    'Send message': 'Надіслати повідомлення',
    'Connected': 'З’єднано',
    'Connecting…': 'З’єднання…',
    'Reconnecting in %1 s…': 'Повторне з’єднання через %1 с…',
    'Reconnecting…': 'Повторне з’єднання…',
    'Offline — showing saved messages': 'Немає зв’язку — показано збережені повідомлення',
    'Your session has ended. Sign in again.': 'Сеанс завершився. Увійдіть знову.',
    'Retry now': 'Повторити зараз',
    'Conversations': 'Розмови',
    'New conversation': 'Нова розмова',
    'New conversation (Ctrl+N)': 'Нова розмова (Ctrl+N)',
    'Settings': 'Налаштування',
    'Settings (Ctrl+,)': 'Налаштування (Ctrl+,)',
    'Search conversations': 'Пошук розмов',
    'No conversation matches “%1”.': 'Немає розмов, що відповідають «%1».',
    'No conversations yet. Start one with +.': 'Розмов поки немає. Почніть нову кнопкою +.',
    '%n unread': ('%n непрочитане', '%n непрочитані', '%n непрочитаних'),
    'Back to conversations': 'Назад до розмов',
    'Messages': 'Повідомлення',
    '%n new ↓': ('%n нове ↓', '%n нові ↓', '%n нових ↓'),
    'Jump to latest, %n new messages': ('До останніх, %n нове повідомлення', 'До останніх, %n нові повідомлення',
                                        'До останніх, %n нових повідомлень'),
    'Jump to latest': 'До останніх повідомлень',
    'sending': 'надсилається',
    'sent': 'надіслано',
    'read': 'прочитано',
    'not sent': 'не надіслано',
    'Today': 'Сьогодні',
    'Yesterday': 'Учора',
    '(%1) Ring Chat': '(%1) Ring Chat',
    'Ring Chat': 'Ring Chat',
    'Choose a conversation, or press Ctrl+K.': 'Виберіть розмову або натисніть Ctrl+K.',
    'Read by %1': 'Прочитали: %1',
    'You': 'Ви',
    'Show more': 'Показати більше',
    'Not sent': 'Не надіслано',
    'Retry': 'Повторити',
    'Retry sending': 'Надіслати ще раз',
    'Discard': 'Відкинути',
    'Discard message': 'Відкинути повідомлення',
    'Search people by name': 'Шукайте людей за ім’ям',
    'Search people': 'Пошук людей',
    'People': 'Люди',
    'Nobody found.': 'Нікого не знайдено.',
    'Group title': 'Назва групи',
    'Cancel': 'Скасувати',
    'Create group': 'Створити групу',
    'Start chat': 'Почати розмову',
    'Switch conversation': 'Перейти до розмови',
    'Jump to a conversation…': 'Перейти до розмови…',
    'Conversation name': 'Назва розмови',
    'Matching conversations': 'Знайдені розмови',
    'No conversation matches.': 'Жодна розмова не відповідає.',
    'Back': 'Назад',
    'Account': 'Обліковий запис',
    'Sign out': 'Вийти',
    'Appearance': 'Вигляд',
    'Theme': 'Тема',
    'Same as the system': 'Як у системі',
    'Light': 'Світла',
    'Dark': 'Темна',
    'Notifications': 'Сповіщення',
    'Show desktop notifications for new messages': 'Показувати сповіщення про нові повідомлення',
    'Keep running in the tray when the window is closed': 'Працювати в треї після закриття вікна',
    'Security': 'Безпека',
    'Store the session in an unencrypted file': 'Зберігати сеанс у незашифрованому файлі',
    'Only for systems without a keychain. Anyone who can read your files can then use your account until you sign out. Takes effect at the next sign-in.':
        'Лише для систем без сховища ключів. Будь-хто, хто може читати ваші файли, зможе користуватися вашим обліковим записом, доки ви не вийдете. Діє з наступного входу.',
    'Ring Chat %1': 'Ring Chat %1',
    'Contacting %1…': 'З’єднання з %1…',
    'Finish signing in in your browser.': 'Завершіть вхід у браузері.',
    'Signing in…': 'Вхід…',
    'Restoring your session…': 'Відновлення сеансу…',
    'Sign in': 'Вхід',
    'Sign in to your Ring server to start chatting.': 'Увійдіть на свій сервер Ring, щоб почати спілкування.',
    'Server address': 'Адреса сервера',
    'Sign in with your browser': 'Увійти через браузер',
    'Cancel sign-in': 'Скасувати вхід',
    'Browser did not open? Copy the sign-in link': 'Браузер не відкрився? Скопіюйте посилання для входу',
    'No keychain is available, so Ring Chat cannot keep you signed in securely. Install and unlock a keychain (for example GNOME Keyring or KWallet), or keep the session in an unencrypted file.':
        'Сховище ключів недоступне, тож Ring Chat не може безпечно зберегти ваш вхід. Установіть і розблокуйте сховище ключів (наприклад, GNOME Keyring або KWallet) або зберігайте сеанс у незашифрованому файлі.',
    'Keep me signed in using an unencrypted file': 'Залишатися в системі за допомогою незашифрованого файлу',
    '%1 is typing…': '%1 друкує…',
    '%1 and %2 are typing…': '%1 і %2 друкують…',
    '%1, %2 and %3 are typing…': '%1, %2 і %3 друкують…',
    '%1, %2 and %n others are typing…': ('%1, %2 та ще %n друкують…', '%1, %2 та ще %n друкують…',
                                         '%1, %2 та ще %n друкують…'),
    'Show Ring Chat': 'Показати Ring Chat',
    'Quit': 'Вийти з програми',
    'Ring Chat: %n unread': ('Ring Chat: %n непрочитане', 'Ring Chat: %n непрочитані', 'Ring Chat: %n непрочитаних'),
    '%1 in %2': '%1 у «%2»',
    'Just you': 'Лише ви',
    '%n members': ('%n учасник', '%n учасники', '%n учасників'),
    'Not signed in.': 'Ви не ввійшли.',
    'Write a reply…': 'Напишіть відповідь…',
    'Delete message?': 'Видалити повідомлення?',
    'It is deleted for everyone in this conversation.': 'Його буде видалено для всіх у цій розмові.',
    'Delete': 'Видалити',
    'Delete message': 'Видалити повідомлення',
    'Keep message': 'Залишити повідомлення',
    'Edited %1': 'Змінено %1',
    'Edited': 'Змінено',
    'edited': 'змінено',
    'Edit message': 'Змінити повідомлення',
    'Enter saves, Escape cancels': 'Enter — зберегти, Escape — скасувати',
    'A message cannot be empty. To remove it, delete it.': 'Повідомлення не може бути порожнім. Щоб прибрати його, видаліть його.',
    'This message can no longer be edited.': 'Це повідомлення вже не можна змінити.',
    'This message could not be deleted.': 'Не вдалося видалити це повідомлення.',
    'The reaction could not be saved.': 'Не вдалося зберегти реакцію.',
    'This message can no longer be edited: messages can be edited for 15 minutes after they are sent.': 'Це повідомлення вже не можна змінити: повідомлення можна змінювати протягом 15 хвилин після надсилання.',
    'This message was deleted, so it can no longer take reactions.': 'Це повідомлення видалено, тож реакції до нього вже не додати.',
    'This message was deleted, so it can no longer be edited.': 'Це повідомлення видалено, тож його вже не можна змінити.',
    'You can only edit your own messages.': 'Змінювати можна лише власні повідомлення.',
    'You can only delete your own messages, or any message in a group you administer.': 'Видаляти можна лише власні повідомлення або будь-які повідомлення в групі, яку ви адмініструєте.',
    'You may not react to this message.': 'Ви не можете реагувати на це повідомлення.',
    'This message is not there any more, or you are no longer in this conversation.': 'Цього повідомлення вже немає, або ви більше не в цій розмові.',
    'The server did not take this text: a message is 1 to 10,000 characters.': 'Сервер не прийняв цей текст: повідомлення має містити від 1 до 10 000 символів.',
    'The server did not take this reaction: one emoji, and at most 20 different ones on a message.': 'Сервер не прийняв цю реакцію: один емодзі, і не більше 20 різних на одному повідомленні.',
    'The server did not take this request.': 'Сервер не прийняв цей запит.',
    'The server failed to do this. Try again later.': 'Серверу не вдалося це зробити. Спробуйте пізніше.',
    'The server refused this (%1).': 'Сервер відмовив (%1).',
    'in reply to %1, ': 'у відповідь %1, ',
    'a deleted message': 'видалене повідомлення',
    'saving': 'збереження',
    'saving…': 'збереження…',
    'Message actions': 'Дії з повідомленням',
    'Reply': 'Відповісти',
    'Edit': 'Змінити',
    'React…': 'Реакція…',
    'React': 'Реакція',
    'Copy text': 'Копіювати текст',
    'Copy link': 'Копіювати посилання',
    'Delete…': 'Видалити…',
    'The proxy password could not be read: %1': 'Не вдалося прочитати пароль проксі: %1',
    'The proxy works for now, but its password could not be saved for the next start: %1': 'Проксі поки працює, але його пароль не вдалося зберегти до наступного запуску: %1',
    '%1, %2, you reacted': '%1, %2, ваша реакція',
    '%1, %2': '%1, %2',
    'Add a reaction': 'Додати реакцію',
    'Choose a reaction': 'Виберіть реакцію',
    'Search emoji by name': 'Пошук емодзі за назвою',
    '%n emoji found': ('Знайдено %n емодзі', 'Знайдено %n емодзі', 'Знайдено %n емодзі'),
    'Emoji': 'Емодзі',
    'No emoji found': 'Емодзі не знайдено',
    'No emoji data installed': 'Дані емодзі не встановлено',
    'Loading emoji': 'Завантаження емодзі',
    'Replying to %1: %2': 'Відповідь %1: %2',
    'Replying to %1': 'Відповідь %1',
    'Cancel reply': 'Скасувати відповідь',
    'Original message deleted': 'Початкове повідомлення видалено',
    'Reply to a deleted message': 'Відповідь на видалене повідомлення',
    'Reply to %1: %2': 'Відповідь %1: %2',
    'Shows the original message': 'Показує початкове повідомлення',
    'Network': 'Мережа',
    'Proxy': 'Проксі',
    'No proxy': 'Без проксі',
    'This proxy': 'Цей проксі',
    'Address': 'Адреса',
    'Proxy address': 'Адреса проксі',
    'User name': 'Ім’я користувача',
    'Only if the proxy asks for one': 'Лише якщо проксі його вимагає',
    'Proxy user name': 'Ім’я користувача проксі',
    'Password': 'Пароль',
    'Saved (type to change)': 'Збережено (введіть, щоб змінити)',
    'Proxy password': 'Пароль проксі',
    'Use this proxy': 'Використовувати цей проксі',
    "Uses the desktop's proxy settings, or the https_proxy, http_proxy, all_proxy and no_proxy environment variables when they are set.": 'Використовує налаштування проксі робочого середовища або змінні середовища https_proxy, http_proxy, all_proxy і no_proxy, якщо їх задано.',
    'Connects to the server directly.': 'З’єднується з сервером напряму.',
    'An HTTP proxy (http://host:port) or a SOCKS5 proxy (socks5://host:port) for every connection.': 'HTTP-проксі (http://host:port) або SOCKS5-проксі (socks5://host:port) для всіх з’єднань.',
    'The password is kept in the unencrypted session file.': 'Пароль зберігається в незашифрованому файлі сеансу.',
    'The password is kept in the keychain.': 'Пароль зберігається у сховищі ключів.',
    'Spelling': 'Правопис',
    'Check spelling as I type': 'Перевіряти правопис під час набору',
    'Check %1': 'Перевіряти: %1',
    'A word is right when any chosen language knows it.': 'Слово правильне, якщо його знає будь-яка з вибраних мов.',
    'No dictionaries are installed. On Debian or Ubuntu, install hunspell-en-us, hunspell-uk or another hunspell dictionary.':
        'Словники не встановлено. У Debian чи Ubuntu встановіть hunspell-en-us, hunspell-uk або інший словник hunspell.',
    'Looking for suggestions…': 'Пошук варіантів…',
    'No suggestions': 'Немає варіантів',
    'Replace with %1': 'Замінити на «%1»',
    'Add “%1” to dictionary': 'Додати «%1» до словника',
    'Add to dictionary': 'Додати до словника',
    'Draft:': 'Чернетка:',
    'Draft: %1': 'Чернетка: %1',
    'Format messages with Markdown': 'Форматувати повідомлення за допомогою Markdown',
    '**bold**, *italic*, `code`, > quote, [link](https://…). A backslash keeps a character as it is: %1. Off: messages go as plain text.':
        '**жирний**, *курсив*, `код`, > цитата, [посилання](https://…). Зворотна скісна риска лишає символ як є: %1. Вимкнено: повідомлення йдуть звичайним текстом.',
    # Files (src/api/attachment.cpp, src/chat/attachmentstager.cpp, ownmessages.cpp, outboxsender.cpp,
    # src/api/filetransfer.cpp), for when lupdate reads src/ too.
    '%1 is %2 bytes; a file may be at most 25 MiB (%3 bytes).': '%1 має %2 байт; файл може мати щонайбільше 25 МіБ (%3 байт).',
    'A message may carry at most %1 files.': 'Повідомлення може містити щонайбільше %1 файлів.',
    '%1 is not a file that can be read.': '%1 не є файлом, який можна прочитати.',
    '%1 cannot be read: %2': 'Не вдається прочитати %1: %2',
    '%1 cannot be written: %2': 'Не вдається записати %1: %2',
    '%1 cannot be made.': 'Не вдається створити %1.',
    'Files cannot be sent here.': 'Тут не можна надсилати файли.',
    'A message with files needs a conversation and at most 10000 characters of text.': 'Повідомленню з файлами потрібна розмова і не більше 10000 символів тексту.',
    'The attachment has no valid id or sha256.': 'Вкладення не має дійсного id або sha256.',
    'The server sent more bytes than the file has (%1); nothing was saved.': 'Сервер надіслав більше байтів, ніж має файл (%1); нічого не збережено.',
    'The server did not accept the sign-in and it could not be renewed: %1': 'Сервер не прийняв вхід, і його не вдалося поновити: %1',
    'The upload has no valid conversation or idempotency key.': 'Завантаження не має дійсної розмови або ключа ідемпотентності.',
    '%1 cannot be read.': 'Не вдається прочитати %1.',
    "The server's answer to the upload could not be read: %1": 'Не вдалося прочитати відповідь сервера на завантаження: %1',
    'The transfer was cancelled.': 'Передавання скасовано.',
    'The downloaded bytes do not match the file\'s sha256; nothing was saved.': 'Завантажені байти не відповідають sha256 файлу; нічого не збережено.',
    '“%1” is not a date (use YYYY-MM-DD).': '«%1» — не дата (пишіть РРРР-ММ-ДД).',
    'No conversation is called “%1”.': 'Немає розмови з назвою «%1».',
    'No one is called “%1”.': 'Немає нікого з іменем «%1».',
}

def main(path):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter('message'):
        source = message.find('source').text
        translation = message.find('translation')
        value = UK.get(source)
        if value is None:
            missing.append(source)
            continue
        translation.attrib.pop('type', None)
        for child in list(translation):
            translation.remove(child)
        if message.get('numerus') == 'yes':
            forms = value if isinstance(value, tuple) else (value, value, value)
            translation.text = None
            for form in forms:
                ET.SubElement(translation, 'numerusform').text = form
        else:
            translation.text = value
    tree.write(path, encoding='utf-8', xml_declaration=True)
    # Keep the header lupdate writes, so the next lupdate run leaves the file alone.
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if '<!DOCTYPE TS>' not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    if missing:
        print('untranslated:', *missing, sep='\n  ', file=sys.stderr)
        return 1
    return 0

if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else 'translations/ringchat_uk.ts'))
