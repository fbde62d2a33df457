// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Token buckets keyed by user or address. take() either spends one token or says how
// many seconds to wait. Idle full buckets are dropped so the map stays small.
export class RateLimiter {
  constructor({ capacity, refillPerSecond, now = () => Date.now() }) {
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.now = now;
    this.buckets = new Map();
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  // Returns { ok: true } or { ok: false, retryAfter: seconds (integer >= 1) }.
  take(key) {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.capacity, at: now };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSecond);
      bucket.at = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerSecond));
    return { ok: false, retryAfter };
  }

  forget(key) {
    this.buckets.delete(key);
  }

  sweep() {
    const now = this.now();
    for (const [key, bucket] of this.buckets) {
      const tokens = bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSecond;
      if (tokens >= this.capacity) this.buckets.delete(key);
    }
  }

  close() {
    clearInterval(this.sweeper);
  }
}
