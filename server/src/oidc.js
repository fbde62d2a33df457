// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The OpenID Connect provider (oidc-provider 8): one public native client,
// ringchat-desktop, doing Authorization Code + PKCE (S256) with a loopback redirect,
// and JWT access tokens for the resource urn:ringchat:api.
import Provider from 'oidc-provider';
import { API_AUDIENCE, API_SCOPE } from './tokens.js';
import { makeSqliteAdapterClass } from './oidc-adapter.js';

export const CLIENT_ID = 'ringchat-desktop';

export function createProvider({ config, issuer, store, db, keys }) {
  const Adapter = makeSqliteAdapterClass(db);
  const resourceServer = {
    scope: API_SCOPE,
    audience: API_AUDIENCE,
    accessTokenFormat: 'jwt',
    accessTokenTTL: config.accessTokenTtl,
    jwt: { sign: { alg: 'RS256' } },
  };

  const provider = new Provider(issuer, {
    adapter: Adapter,
    clients: [{
      client_id: CLIENT_ID,
      client_name: 'Ring Chat desktop',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      // RFC 8252: for native clients oidc-provider matches loopback redirects on any port.
      redirect_uris: ['http://127.0.0.1/callback'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    }],
    jwks: keys.jwks,
    cookies: { keys: keys.cookieKeys },
    pkce: { methods: ['S256'], required: () => true },
    responseTypes: ['code'],
    scopes: ['openid', 'profile', 'offline_access', API_SCOPE],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    async findAccount(ctx, sub) {
      const user = store.userById(sub);
      if (!user) return undefined;
      return {
        accountId: user.id,
        async claims() {
          return { sub: user.id, name: user.name, preferred_username: user.login };
        },
      };
    },
    async extraTokenClaims(ctx, token) {
      if (token.kind !== 'AccessToken') return undefined;
      const user = store.userById(token.accountId);
      return user ? { name: user.name } : undefined;
    },
    // offline_access is dropped from the request unless prompt=consent is sent, but this
    // first-party client always gets a refresh token (it asks for offline_access anyway).
    async issueRefreshToken(ctx, client) {
      return client.grantTypeAllowed('refresh_token');
    },
    rotateRefreshToken: true,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      introspection: { enabled: false },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resourceIndicator) => {
          if (resourceIndicator !== API_AUDIENCE) throw new Provider.errors.InvalidTarget();
          return resourceServer;
        },
      },
    },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: config.accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: config.refreshTokenTtl,
      RefreshToken: config.refreshTokenTtl,
    },
    // The desktop client makes plain HTTP requests, not browser CORS ones.
    clientBasedCORS: () => false,
    renderError(ctx, out) {
      ctx.type = 'html';
      const text = Object.entries(out).map(([k, v]) => `<p><b>${escapeHtml(k)}</b>: ${escapeHtml(String(v))}</p>`).join('');
      ctx.body = `<!doctype html><html><head><meta charset="utf-8"><title>Ring Chat - error</title></head><body><h1>Sign-in error</h1>${text}</body></html>`;
    },
  });
  provider.on('server_error', (ctx, err) => console.error('oidc server_error:', err.message));
  // Expired sessions, codes and tokens are dropped at start and every hour.
  Adapter.purgeExpired();
  const purge = setInterval(() => Adapter.purgeExpired(), 3600_000);
  purge.unref();
  provider.stopPurging = () => clearInterval(purge);
  return provider;
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
