// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace ringchat::auth {

// Proof Key for Code Exchange (RFC 7636), S256 only. The verifier stays in
// memory for the one sign-in it belongs to; the challenge goes in the
// authorization URL.
class Pkce
{
public:
    // A fresh verifier from the system CSPRNG (32 bytes -> 43 characters).
    static Pkce generate();
    // The pair for a given verifier (for tests and the RFC vector).
    static Pkce fromVerifier(QByteArray verifier);

    // BASE64URL(SHA256(ASCII(verifier))), no padding.
    static QByteArray challengeFor(const QByteArray &verifier);
    // RFC 7636 section 4.1: 43 to 128 characters of [A-Za-z0-9-._~].
    static bool isValidVerifier(const QByteArray &verifier);

    QByteArray verifier() const { return m_verifier; }
    QByteArray challenge() const { return m_challenge; }
    static QByteArray method() { return QByteArrayLiteral("S256"); }

private:
    QByteArray m_verifier;
    QByteArray m_challenge;
};

// byteCount random bytes from QRandomGenerator::system(), base64url without padding.
// Used for the PKCE verifier and the OAuth `state`.
QByteArray randomUrlSafeToken(int byteCount = 32);

// Compares two secrets in time that does not depend on where they differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace ringchat::auth
