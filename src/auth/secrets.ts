/**
 * Random secrets (session ids, API tokens, invitation and reset links) and their storage hashes.
 * Only sha256 hashes are stored: a copy of the database does not let anyone sign in. 32 random
 * bytes need no salt or slow hash; a guess costs 2^256.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret: `<prefix>_` + 43 base64url characters (32 bytes). */
export function newSecret(prefix: 'ses' | 'tok' | 'inv' | 'rst'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A password printed once to the terminal (first admin), 20 base64url characters. */
export function oneTimePassword(): string {
  return randomBytes(15).toString('base64url');
}

/**
 * The CSRF token of a session: an HMAC of the session id. A page on another site can neither read
 * the HttpOnly cookie nor compute this, so a request carrying it came from our own client.
 */
export function csrfTokenFor(sessionId: string): string {
  return createHmac('sha256', sessionId).update('truce-csrf-v1').digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
