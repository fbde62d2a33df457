// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The whole sign-in over HTTP: authorize -> login form -> auto consent -> loopback
// redirect with code -> token exchange with PKCE -> refresh rotation -> revocation.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { test, startServer, api, fetchWithin, hookOptions } from './helpers.js';

let server;
before(async () => { server = await startServer({ ACCESS_TOKEN_TTL: '120' }); }, hookOptions);
after(async () => { await server?.stop(); server?.assertQuiet(); }, hookOptions);

const CALLBACK = 'http://127.0.0.1:54321/callback';

// Node 18's fetch has no Headers.getSetCookie(); there the header comes joined with
// commas, split where a new name=value starts (an expires date has no "=").
function setCookies(headers) {
  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
  const joined = headers.get('set-cookie');
  return joined ? joined.split(/,(?=\s*[^;,=\s]+=)/).map((cookie) => cookie.trim()) : [];
}

// A tiny browser: keeps cookies, does not follow redirects by itself.
class Browser {
  constructor() { this.cookies = new Map(); }

  async request(url, { method = 'GET', form } = {}) {
    const headers = { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    let body;
    if (form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const { res, text } = await fetchWithin(url, { method, headers, body, redirect: 'manual' }, { server });
    for (const cookie of setCookies(res.headers)) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return { res, text, location: res.headers.get('location') };
  }

  // Follows redirects on the server until one leaves it (the loopback callback) or a page shows.
  async follow(url) {
    let current = url;
    for (let i = 0; i < 10; i += 1) {
      if (current.startsWith(CALLBACK)) return { callback: new URL(current) };
      const r = await this.request(current);
      if (!r.location) return { page: r };
      current = new URL(r.location, current).href;
    }
    throw new Error('too many redirects');
  }
}

function pkce() {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authorizeUrl(discovery, challenge, extra = {}) {
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: 'ringchat-desktop',
    response_type: 'code',
    redirect_uri: CALLBACK,
    scope: 'openid profile offline_access',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'state-123',
    ...extra,
  }).toString();
  return url.href;
}

async function tokenRequest(discovery, params) {
  const { res, text } = await fetchWithin(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'ringchat-desktop', ...params }).toString(),
  }, { server });
  return { status: res.status, json: JSON.parse(text) };
}

async function discover() {
  const { res, text } = await fetchWithin(`${server.url}/.well-known/openid-configuration`, {}, { server });
  assert.equal(res.status, 200);
  return JSON.parse(text);
}

async function signIn(discovery, browser, { login = 'alice', password = 'ring-demo', extra } = {}) {
  const { verifier, challenge } = pkce();
  const start = await browser.follow(authorizeUrl(discovery, challenge, extra));
  let callback = start.callback;
  if (!callback) {
    const formAction = /<form method="post" action="([^"]+)"/.exec(start.page.text)[1];
    const posted = await browser.request(new URL(formAction, server.url).href, { method: 'POST', form: { login, password } });
    assert.equal(posted.res.status, 303);
    ({ callback } = await browser.follow(new URL(posted.location, server.url).href));
  }
  assert.ok(callback, 'the browser ends at the loopback callback');
  return { callback, verifier };
}

test('discovery describes the code + PKCE flow, revocation and the JWKS', async () => {
  const d = await discover();
  assert.equal(d.issuer, server.url);
  assert.deepEqual(d.code_challenge_methods_supported, ['S256']);
  assert.ok(d.revocation_endpoint);
  assert.ok(d.token_endpoint);
  assert.ok(d.scopes_supported.includes('offline_access'));
  const jwks = JSON.parse((await fetchWithin(d.jwks_uri, {}, { server })).text);
  assert.equal(jwks.keys[0].kty, 'RSA');
  assert.equal(jwks.keys[0].d, undefined, 'no private parts published');
});

test('code flow with PKCE, form login, refresh rotation and revocation', async () => {
  const discovery = await discover();
  const browser = new Browser();
  const { challenge, verifier } = pkce();

  // 1. authorize -> interaction page with the form
  const start = await browser.follow(authorizeUrl(discovery, challenge));
  assert.ok(start.page, 'a login page is shown');
  assert.equal(start.page.res.status, 200);
  assert.match(start.page.text, /<input[^>]+name="login"/);
  assert.match(start.page.text, /<input[^>]+name="password"/);
  assert.equal((start.page.text.match(/type="submit"/g) || []).length, 1);
  const formAction = new URL(/<form method="post" action="([^"]+)"/.exec(start.page.text)[1], server.url).href;

  // 2. a wrong password shows the form again with an error
  const wrong = await browser.request(formAction, { method: 'POST', form: { login: 'alice', password: 'nope' } });
  assert.equal(wrong.res.status, 200);
  assert.match(wrong.text, /Wrong user name or password/);
  assert.match(wrong.text, /name="password"/);

  // 3. the right password -> consent granted automatically -> loopback redirect with a code
  const posted = await browser.request(formAction, { method: 'POST', form: { login: 'alice', password: 'ring-demo' } });
  assert.equal(posted.res.status, 303);
  const { callback } = await browser.follow(new URL(posted.location, server.url).href);
  assert.ok(callback, 'redirected to the loopback callback');
  assert.equal(callback.searchParams.get('state'), 'state-123');
  assert.equal(callback.searchParams.get('iss'), server.url);
  const code = callback.searchParams.get('code');
  assert.ok(code);

  // 4. the code and the PKCE verifier get tokens
  const tokens = await tokenRequest(discovery, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier });
  assert.equal(tokens.status, 200, JSON.stringify(tokens.json));
  // A second sign-in in the same browser skips the form (session) and consent (automatic);
  // its code with someone else's verifier is refused.
  const again = await signIn(discovery, browser);
  const bad = await tokenRequest(discovery, {
    grant_type: 'authorization_code', code: again.callback.searchParams.get('code'), redirect_uri: CALLBACK, code_verifier: pkce().verifier,
  });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error, 'invalid_grant');
  assert.ok(tokens.json.refresh_token, 'a refresh token is issued without prompt=consent');
  assert.ok(tokens.json.id_token);
  const header = decodeProtectedHeader(tokens.json.access_token);
  assert.equal(header.alg, 'RS256');
  const claims = decodeJwt(tokens.json.access_token);
  assert.equal(claims.sub, 'alice');
  assert.equal(claims.name, 'Alice Example');
  assert.equal(claims.aud, 'urn:ringchat:api');
  assert.equal(claims.exp - claims.iat, 120, 'ACCESS_TOKEN_TTL sets the lifetime');

  // 5. the access token works on the API
  const me = await api(server, tokens.json.access_token, 'GET', '/api/me');
  assert.equal(me.status, 200);
  assert.equal(me.json.data.id, 'alice');

  // 6. refresh rotates: the new pair works, the old refresh token is refused
  const refreshed = await tokenRequest(discovery, { grant_type: 'refresh_token', refresh_token: tokens.json.refresh_token });
  assert.equal(refreshed.status, 200, JSON.stringify(refreshed.json));
  assert.notEqual(refreshed.json.refresh_token, tokens.json.refresh_token);
  assert.equal(decodeJwt(refreshed.json.access_token).aud, 'urn:ringchat:api');
  assert.equal(decodeJwt(refreshed.json.access_token).sub, 'alice');
  const reused = await tokenRequest(discovery, { grant_type: 'refresh_token', refresh_token: tokens.json.refresh_token });
  assert.equal(reused.status, 400);
  assert.equal(reused.json.error, 'invalid_grant');

  // 7. revocation (RFC 7009) makes the current refresh token useless
  const revoke = await fetchWithin(discovery.revocation_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'ringchat-desktop', token: refreshed.json.refresh_token, token_type_hint: 'refresh_token' }).toString(),
  }, { server });
  assert.equal(revoke.res.status, 200);
  const afterRevoke = await tokenRequest(discovery, { grant_type: 'refresh_token', refresh_token: refreshed.json.refresh_token });
  assert.equal(afterRevoke.status, 400);
  assert.equal(afterRevoke.json.error, 'invalid_grant');

  // 8. a code is good once
  const replay = await tokenRequest(discovery, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier });
  assert.equal(replay.status, 400, 'a code is good once');
});

test('any loopback port is accepted, other redirect URIs and missing PKCE are refused', async () => {
  const discovery = await discover();
  const browser = new Browser();
  const { challenge } = pkce();
  const other = new URL(authorizeUrl(discovery, challenge, { redirect_uri: 'http://127.0.0.1:1234/callback' }));
  const ok = await browser.request(other.href);
  assert.equal(ok.res.status, 303);
  assert.match(ok.location, /^\/interaction\//);

  const evil = await browser.request(authorizeUrl(discovery, challenge, { redirect_uri: 'http://evil.example/callback' }));
  assert.equal(evil.res.status, 400);
  assert.match(evil.text, /redirect_uri/);

  const noPkce = new URL(authorizeUrl(discovery, challenge));
  noPkce.searchParams.delete('code_challenge');
  noPkce.searchParams.delete('code_challenge_method');
  const refused = await browser.request(noPkce.href);
  assert.equal(refused.res.status, 303);
  assert.match(refused.location, /^http:\/\/127\.0\.0\.1:54321\/callback\?error=invalid_request/);
});

test('an explicit resource=urn:ringchat:api works too, and bob gets his own sub', async () => {
  const discovery = await discover();
  const { callback, verifier } = await signIn(discovery, new Browser(), { login: 'bob', extra: { resource: 'urn:ringchat:api' } });
  const tokens = await tokenRequest(discovery, {
    grant_type: 'authorization_code', code: callback.searchParams.get('code'), redirect_uri: CALLBACK, code_verifier: verifier,
  });
  assert.equal(tokens.status, 200, JSON.stringify(tokens.json));
  const claims = decodeJwt(tokens.json.access_token);
  assert.equal(claims.sub, 'bob');
  assert.equal(claims.aud, 'urn:ringchat:api');
});

test('prompt=consent is honoured automatically, and the login page escapes what it echoes', async () => {
  const discovery = await discover();
  const browser = new Browser();
  const { challenge, verifier } = pkce();
  const start = await browser.follow(authorizeUrl(discovery, challenge, { prompt: 'consent' }));
  const formAction = new URL(/<form method="post" action="([^"]+)"/.exec(start.page.text)[1], server.url).href;
  const evil = await browser.request(formAction, { method: 'POST', form: { login: '"><script>alert(1)</script>', password: 'x' } });
  assert.equal(evil.res.status, 200);
  assert.ok(!evil.text.includes('<script>alert(1)'), 'echoed login is escaped');
  assert.ok(evil.text.includes('&lt;script&gt;'));
  const empty = await browser.request(formAction, { method: 'POST', form: {} });
  assert.equal(empty.res.status, 200);
  assert.match(empty.text, /Wrong user name or password/);
  const posted = await browser.request(formAction, { method: 'POST', form: { login: 'carol', password: 'ring-demo' } });
  const { callback } = await browser.follow(new URL(posted.location, server.url).href);
  assert.ok(callback);
  const tokens = await tokenRequest(discovery, {
    grant_type: 'authorization_code', code: callback.searchParams.get('code'), redirect_uri: CALLBACK, code_verifier: verifier,
  });
  assert.equal(tokens.status, 200, JSON.stringify(tokens.json));
  assert.ok(tokens.json.refresh_token);
  assert.equal(decodeJwt(tokens.json.access_token).sub, 'carol');
  // an unknown interaction id gets a page, not a crash
  const stale = await browser.request(`${server.url}/interaction/unknown-uid`);
  assert.equal(stale.res.status, 400);
});
