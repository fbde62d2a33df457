// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Errors with a contract code (BAD_REQUEST, NOT_FOUND, FORBIDDEN, RATE_LIMITED, INTERNAL;
// v2 adds EDIT_WINDOW_CLOSED and GONE, which only message actions answer, and
// PAYLOAD_TOO_LARGE, which only a file upload answers).
export class AppError extends Error {
  constructor(code, message, extra = {}) {
    super(message);
    this.code = code;
    this.extra = extra; // e.g. { retryAfter }
  }
}

export const HTTP_STATUS = {
  BAD_REQUEST: 400,
  INVALID_TOKEN: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  EDIT_WINDOW_CLOSED: 403,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

// The wire form of an error; anything unexpected becomes INTERNAL without details.
export function errorBody(err) {
  if (err instanceof AppError) return { code: err.code, message: err.message, ...err.extra };
  return { code: 'INTERNAL', message: 'internal error' };
}
