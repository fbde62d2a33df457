// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testca.h"

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QSslConfiguration>
#include <QStandardPaths>

namespace {

// `openssl ca` needs a configuration file and a small database; the extensions
// of each leaf come from its own file (-extfile).
const char kCaConfig[] = R"([ ca ]
default_ca = test_ca

[ test_ca ]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none

[ policy_any ]
commonName = supplied
)";

// P-256 keys: made in milliseconds, unlike RSA.
const QStringList kNewKey { QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes") };

QString subjectAltNames(const QStringList &names)
{
    QStringList parts;
    for (const QString &name : names)
        parts << (QHostAddress().setAddress(name) ? QStringLiteral("IP:") : QStringLiteral("DNS:")) + name;
    return parts.join(QLatin1Char(','));
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

TestCa::TestCa(QStringList names)
    : m_names(std::move(names))
{
}

QString TestCa::path(const QString &file) const
{
    return m_dir.filePath(file);
}

QString TestCa::caFile() const
{
    return path(QStringLiteral("ca.pem"));
}

QSslCertificate TestCa::caCertificate() const
{
    const auto certificates = QSslCertificate::fromPath(caFile());
    return certificates.isEmpty() ? QSslCertificate() : certificates.first();
}

TestCa::Leaf TestCa::leaf(const QString &name) const
{
    return { path(name + QStringLiteral(".pem")), path(name + QStringLiteral(".key")) };
}

TestCa::Leaf TestCa::valid() const
{
    return leaf(QStringLiteral("valid"));
}
TestCa::Leaf TestCa::expired() const
{
    return leaf(QStringLiteral("expired"));
}
TestCa::Leaf TestCa::wrongHost() const
{
    return leaf(QStringLiteral("wrong-host"));
}
TestCa::Leaf TestCa::selfSigned() const
{
    return leaf(QStringLiteral("self-signed"));
}

bool TestCa::run(const QStringList &arguments)
{
    QProcess openssl;
    openssl.setWorkingDirectory(m_dir.path());
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStandardPaths::findExecutable(QStringLiteral("openssl")), arguments);
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit
        || openssl.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2 %3")
                      .arg(arguments.first(), openssl.errorString(),
                           QString::fromLocal8Bit(openssl.readAll()).trimmed());
        return false;
    }
    return true;
}

bool TestCa::issue(const QString &name, const QStringList &altNames, const QStringList &validity)
{
    const Leaf files = leaf(name);
    const QString csr = path(name + QStringLiteral(".csr"));
    const QString extensions = path(name + QStringLiteral(".ext"));
    const QByteArray ext = "basicConstraints = critical,CA:FALSE\n"
                           "keyUsage = critical,digitalSignature,keyEncipherment\n"
                           "extendedKeyUsage = serverAuth\n"
                           "subjectAltName = "
        + subjectAltNames(altNames).toLatin1() + '\n';
    if (!writeFile(extensions, ext)) {
        m_error = QStringLiteral("cannot write %1").arg(extensions);
        return false;
    }
    return run(QStringList { QStringLiteral("req"), QStringLiteral("-new") } + kNewKey
               + QStringList { QStringLiteral("-keyout"), files.keyFile, QStringLiteral("-out"), csr,
                               QStringLiteral("-subj"), QStringLiteral("/CN=") + altNames.first() })
        && run(QStringList { QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"),
                             QStringLiteral("-config"), path(QStringLiteral("ca.cnf")),
                             QStringLiteral("-cert"), caFile(), QStringLiteral("-keyfile"),
                             path(QStringLiteral("ca.key")), QStringLiteral("-in"), csr,
                             QStringLiteral("-out"), files.certFile, QStringLiteral("-extfile"), extensions }
               + validity);
}

bool TestCa::create()
{
    m_error.clear();
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
        m_error = QStringLiteral("The openssl command is missing: install the Debian package openssl "
                                 "(scripts/setup does).");
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("Cannot make a temporary folder: %1").arg(m_dir.errorString());
        return false;
    }
    if (m_names.isEmpty()) {
        m_error = QStringLiteral("TestCa needs at least one host name.");
        return false;
    }
    if (!writeFile(path(QStringLiteral("ca.cnf")), kCaConfig)
        || !writeFile(path(QStringLiteral("index.txt")), {})
        || !writeFile(path(QStringLiteral("serial")), "1000\n")) {
        m_error = QStringLiteral("Cannot write the CA files in %1.").arg(m_dir.path());
        return false;
    }
    const QString sans = subjectAltNames(m_names);
    const QStringList tenYears { QStringLiteral("-days"), QStringLiteral("3650") };
    // x509 -days cannot go back in time; `openssl ca` takes explicit dates.
    const QStringList january2020 { QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                                    QStringLiteral("-enddate"), QStringLiteral("20200201000000Z") };
    return run(QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + kNewKey
               + QStringList { QStringLiteral("-keyout"), path(QStringLiteral("ca.key")),
                               QStringLiteral("-out"), caFile(), QStringLiteral("-days"),
                               QStringLiteral("3650"), QStringLiteral("-subj"),
                               QStringLiteral("/CN=Ring Chat Test CA"), QStringLiteral("-addext"),
                               QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                               QStringLiteral("keyUsage=critical,keyCertSign,cRLSign") })
        && issue(QStringLiteral("valid"), m_names, tenYears)
        && issue(QStringLiteral("expired"), m_names, january2020)
        && issue(QStringLiteral("wrong-host"), { wrongHostName() }, tenYears)
        && run(QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + kNewKey
               + QStringList { QStringLiteral("-keyout"), selfSigned().keyFile, QStringLiteral("-out"),
                               selfSigned().certFile, QStringLiteral("-days"), QStringLiteral("3650"),
                               QStringLiteral("-subj"), QStringLiteral("/CN=") + m_names.first(),
                               QStringLiteral("-addext"), QStringLiteral("subjectAltName=") + sans });
}

void TestCa::trustInThisProcess() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    // Setting a CA list turns off Qt's on-demand loading of the system's roots, so
    // they are put in the list explicitly.
    QList<QSslCertificate> trusted = QSslConfiguration::systemCaCertificates();
    trusted << caCertificate();
    configuration.setCaCertificates(trusted);
    QSslConfiguration::setDefaultConfiguration(configuration);
}
