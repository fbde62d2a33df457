// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace ringchat::auth {

namespace {
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QByteArray randomUrlSafeToken(int byteCount)
{
    QByteArray bytes(byteCount, Qt::Uninitialized);
    // system() is the OS CSPRNG (getrandom); never the seeded global().
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          byteCount / int(sizeof(quint32)));
    for (int i = byteCount - byteCount % int(sizeof(quint32)); i < byteCount; ++i)
        bytes[i] = char(QRandomGenerator::system()->generate() & 0xff);
    return bytes.toBase64(kBase64Url);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

Pkce Pkce::generate()
{
    return fromVerifier(randomUrlSafeToken(32));
}

Pkce Pkce::fromVerifier(QByteArray verifier)
{
    Pkce p;
    p.m_challenge = challengeFor(verifier);
    p.m_verifier = std::move(verifier);
    return p;
}

QByteArray Pkce::challengeFor(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kBase64Url);
}

bool Pkce::isValidVerifier(const QByteArray &verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (char c : verifier) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace ringchat::auth
