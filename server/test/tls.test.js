// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TLS_CERT / TLS_KEY: the server speaks https and wss only, and announces an https
// issuer (with PUBLIC_HOST, the name clients use). The certificate is made here with
// the openssl command line (Debian package openssl).
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { io as ioClient } from 'socket.io-client';
import { startServer, tempDir } from './helpers.js';

function makeCertificate() {
  const dir = tempDir('ringchat-tls-');
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=ring.test',
      '-addext', 'subjectAltName=DNS:ring.test,IP:127.0.0.1'], { stdio: 'pipe' });
  } catch (err) {
    throw new Error(`openssl could not make a test certificate (install the Debian package openssl): ${err.message}`);
  }
  return { dir, cert, key, pem: fs.readFileSync(cert) };
}

const certificate = makeCertificate();
const tlsEnv = { TLS_CERT: certificate.cert, TLS_KEY: certificate.key };

// GET over https to 127.0.0.1, checking the certificate for `name`.
function get(url, { name = 'ring.test', headers = {} } = {}) {
  const { port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = https.request({
      host: '127.0.0.1', port, path: pathname, servername: name, ca: certificate.pem,
      headers: { host: `${name}:${port}`, ...headers }, timeout: 10_000,
    }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer within 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

// What a plain-text HTTP request to the port gets back (the raw bytes, maybe none).
function plainRequest(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /api/me HTTP/1.1\r\nHost: x\r\n\r\n'));
    let answer = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('the TLS port kept a plain connection open')));
    socket.on('data', (d) => { answer += d; });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

test('with TLS and PUBLIC_HOST the server announces and serves https://<PUBLIC_HOST>:<port>', async () => {
  const server = await startServer({ ...tlsEnv, PUBLIC_HOST: 'ring.test' });
  try {
    assert.match(server.url, /^https:\/\/ring\.test:\d+$/);
    assert.match(server.output().stdout, new RegExp(`^ISSUER ${server.url}$`, 'm'));
    const discovery = await get(`${server.url}/.well-known/openid-configuration`);
    assert.equal(discovery.status, 200);
    const metadata = JSON.parse(discovery.body);
    assert.equal(metadata.issuer, server.url);
    assert.equal(metadata.authorization_endpoint, `${server.url}/auth`);
    assert.equal(metadata.token_endpoint, `${server.url}/token`);

    const me = await get(`${server.url}/api/me`, { headers: { Authorization: `Bearer ${await server.token('alice')}` } });
    assert.equal(me.status, 200, me.body);
    assert.equal(JSON.parse(me.body).data.id, 'alice');
    server.assertQuiet();
  } finally {
    await server.stop();
  }
});

test('without PUBLIC_HOST the https URL names HOST, and Socket.IO runs over wss and https polling', async () => {
  const server = await startServer(tlsEnv);
  try {
    assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    for (const transports of [['websocket'], ['polling']]) {
      const socket = ioClient(server.url, {
        auth: { token: await server.token('alice') }, transports, ca: certificate.pem, forceNew: true, reconnection: false,
      });
      try {
        const info = await new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${transports}: no \`connected\` within 5 s`)), 5000);
          socket.once('connected', (payload) => { clearTimeout(timer); resolve(payload); });
          socket.once('connect_error', (err) => { clearTimeout(timer); reject(err); });
        });
        assert.ok(info, `${transports}: connected`);
        assert.equal(socket.io.engine.transport.name, transports[0]);
      } finally {
        socket.close();
      }
    }
  } finally {
    await server.stop();
  }
});

test('a plain-text request to the TLS port gets no answer, and the server says so', async () => {
  const server = await startServer(tlsEnv);
  try {
    const answer = await plainRequest(new URL(server.url).port);
    assert.equal(answer.includes('HTTP/1.1 200'), false, answer);
    assert.equal(answer.includes('"success"'), false, answer);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.match(server.output().stdout, /TLS handshake from 127\.0\.0\.1 failed: a plain http request, refused/);
  } finally {
    await server.stop();
  }
});

test('a half TLS setting or a public name without TLS stops the start with a sentence', async () => {
  await assert.rejects(startServer({ TLS_CERT: certificate.cert }), /TLS_CERT and TLS_KEY must be set together/);
  await assert.rejects(startServer({ ...tlsEnv, TLS_KEY: path.join(certificate.dir, 'missing.pem') }),
    /TLS_KEY: cannot read .*missing\.pem/);
  await assert.rejects(startServer({ PUBLIC_HOST: 'ring.test' }), /PUBLIC_HOST needs TLS_CERT and TLS_KEY/);
});

after(() => fs.rmSync(certificate.dir, { recursive: true, force: true }));
