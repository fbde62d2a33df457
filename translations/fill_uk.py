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
