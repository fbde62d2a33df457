// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A throw-away certificate authority for TLS tests, made at test time with the
// `openssl` command line (Debian package openssl) in a temporary folder: a CA,
// and leaf certificates signed by it or not. Trusting the CA is per test process
// (QSslConfiguration's default), never system-wide.
//
//   TestCa ca({"ring.test", "127.0.0.1"});
//   QVERIFY2(ca.create(), qPrintable(ca.error()));
//   ca.trustInThisProcess();
//   server env: TLS_CERT=ca.valid().certFile, TLS_KEY=ca.valid().keyFile

#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

class TestCa
{
public:
    struct Leaf
    {
        QString certFile; // PEM
        QString keyFile;  // PEM, unencrypted
    };

    // names: the DNS names and IP addresses the valid leaf is issued for.
    explicit TestCa(QStringList names = { QStringLiteral("ring.test"), QStringLiteral("127.0.0.1") });

    // Makes the CA and every leaf. On false, error() says why (e.g. openssl is missing).
    bool create();
    QString error() const { return m_error; }

    QStringList names() const { return m_names; }
    QString caFile() const;
    QSslCertificate caCertificate() const;

    Leaf valid() const;      // signed by the CA for names(), valid for ten years
    Leaf expired() const;    // signed by the CA for names(), valid only in January 2020
    Leaf wrongHost() const;  // signed by the CA, valid, for wrongHostName() only
    Leaf selfSigned() const; // for names(), signed by itself: an untrusted issuer

    static QString wrongHostName() { return QStringLiteral("other.test"); }

    // Adds the CA to this process's default TLS configuration (the system's CAs stay).
    void trustInThisProcess() const;

private:
    bool run(const QStringList &arguments);
    bool issue(const QString &name, const QStringList &altNames, const QStringList &validity);
    QString path(const QString &file) const;
    Leaf leaf(const QString &name) const;

    QStringList m_names;
    QTemporaryDir m_dir;
    QString m_error;
};
