// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Access tokens for the chat API: verification (socket + REST) and minting (npm run token).
// They are the same JWTs oidc-provider issues for the resource urn:ringchat:api:
// RS256, header typ "at+jwt", aud = urn:ringchat:api, sub = user id, name claim.
import crypto from 'node:crypto';
import { SignJWT, createLocalJWKSet, importJWK, jwtVerify, errors } from 'jose';

export const API_AUDIENCE = 'urn:ringchat:api';
export const API_SCOPE = 'chat';

export class TokenError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code; // INVALID_TOKEN | TOKEN_EXPIRED
  }
}

export function makeTokenVerifier(publicJwks) {
  const keySet = createLocalJWKSet(publicJwks);
  return async function verifyAccessToken(token) {
    if (typeof token !== 'string' || token.length === 0 || token.length > 8192) {
      throw new TokenError('INVALID_TOKEN', 'missing or malformed token');
    }
    try {
      const { payload } = await jwtVerify(token, keySet, {
        audience: API_AUDIENCE,
        algorithms: ['RS256'],
        typ: 'at+jwt',
        clockTolerance: 5,
      });
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
        throw new TokenError('INVALID_TOKEN', 'token has no subject');
      }
      return payload;
    } catch (err) {
      if (err instanceof TokenError) throw err;
      if (err instanceof errors.JWTExpired) throw new TokenError('TOKEN_EXPIRED', 'token expired');
      throw new TokenError('INVALID_TOKEN', 'invalid token');
    }
  };
}

// ttlSeconds may be negative to make an already expired token (for tests).
export async function mintAccessToken({ jwks, issuer, userId, name, ttlSeconds }) {
  const jwk = jwks.keys[0];
  const key = await importJWK(jwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name, scope: API_SCOPE, client_id: 'ringchat-token-cli' })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: jwk.kid })
    .setIssuer(issuer)
    .setSubject(userId)
    .setAudience(API_AUDIENCE)
    .setJti(crypto.randomBytes(16).toString('base64url'))
    .setIssuedAt(Math.min(now, now + ttlSeconds - 60))
    .setExpirationTime(now + ttlSeconds)
    .sign(key);
}
