// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The sign-in pages behind oidc-provider's interactions: a login form checked against
// the users table, and consent granted automatically for the first-party client.
import { verifyPassword } from './passwords.js';
import { escapeHtml } from './oidc.js';
import { API_AUDIENCE, API_SCOPE } from './tokens.js';
import { readBody } from './http-util.js';

const MAX_FIELD = 1000;

function loginPage({ uid, login = '', error = null, clientName }) {
  const errorHtml = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in - Ring Chat</title>
<style>body{font-family:sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}
label,input,button{display:block;width:100%;box-sizing:border-box;margin:.3rem 0}
input,button{padding:.5rem;font-size:1rem}.error{color:#b00020}</style></head>
<body><h1>Sign in to Ring Chat</h1><p>${escapeHtml(clientName)} wants to sign you in.</p>${errorHtml}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="on">
<label for="login">User name</label><input id="login" name="login" type="text" value="${escapeHtml(login)}" autofocus required>
<label for="password">Password</label><input id="password" name="password" type="password" required>
<button type="submit">Sign in</button>
</form></body></html>`;
}

function sendHtml(res, status, html) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY',
    // No form-action: browsers apply it to the redirect chain, which ends at the app's loopback port.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  res.end(html);
}

async function finish(provider, req, res, result) {
  const redirectTo = await provider.interactionResult(req, res, result, { mergeWithLastSubmission: false });
  res.writeHead(303, { Location: redirectTo, 'Cache-Control': 'no-store' });
  res.end();
}

// Consent is implied for our own client: make (or extend) the Grant in code.
async function autoConsent(provider, details, accountId) {
  const { Grant } = provider;
  let grant = details.grantId ? await Grant.find(details.grantId) : undefined;
  if (!grant) grant = new Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope(['openid', 'profile', 'offline_access'].concat(String(details.params.scope || '').split(' ')).filter(Boolean).join(' '));
  grant.addResourceScope(API_AUDIENCE, API_SCOPE);
  return grant.save();
}

export function makeInteractionHandler({ provider, store }) {
  return async function handleInteraction(req, res, url) {
    const match = /^\/interaction\/([A-Za-z0-9_-]{1,100})(\/login)?$/.exec(url.pathname);
    if (!match) return false;
    const [, uid, loginPath] = match;
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      sendHtml(res, 400, '<!doctype html><p>This sign-in link has expired. Start again from the app.</p>');
      return true;
    }
    if (details.uid !== uid) {
      sendHtml(res, 400, '<!doctype html><p>Sign-in session mismatch. Start again from the app.</p>');
      return true;
    }
    const client = await provider.Client.find(details.params.client_id);
    const clientName = client?.clientName || details.params.client_id;

    if (details.prompt.name === 'consent') {
      const grantId = await autoConsent(provider, details, details.session.accountId);
      await finish(provider, req, res, { consent: { grantId } });
      return true;
    }

    if (req.method === 'GET' && !loginPath) {
      sendHtml(res, 200, loginPage({ uid, clientName }));
      return true;
    }
    if (req.method !== 'POST' || !loginPath) {
      sendHtml(res, 405, '<!doctype html><p>Method not allowed.</p>');
      return true;
    }

    let form;
    try {
      form = new URLSearchParams((await readBody(req, 16 * 1024)).toString('utf8'));
    } catch {
      sendHtml(res, 400, loginPage({ uid, clientName, error: 'The form could not be read. Try again.' }));
      return true;
    }
    const login = (form.get('login') || '').trim().slice(0, MAX_FIELD);
    const password = (form.get('password') || '').slice(0, MAX_FIELD);
    const user = login ? store.userByLogin(login) : undefined;
    if (!user || !verifyPassword(password, user.passwordHash)) {
      sendHtml(res, 200, loginPage({ uid, clientName, login, error: 'Wrong user name or password.' }));
      return true;
    }
    const grantId = await autoConsent(provider, details, user.id);
    await finish(provider, req, res, { login: { accountId: user.id }, consent: { grantId } });
    return true;
  };
}
