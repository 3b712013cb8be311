/** Request schemas of sign-in, invitations, tokens and password resets. */
import { z } from 'zod';
import { ROLES } from '../../core/roles.js';
import { MAX_TOKEN_DAYS } from '../../services/accounts.service.js';

const email = z.email().max(320);
const password = z.string().min(1).max(1024);

export const LoginBody = z.strictObject({ email: z.string().min(3).max(320), password });
export const InviteBody = z.strictObject({ email, role: z.enum(ROLES), partyId: z.string().min(1).max(80).optional() });
export const TokenParams = z.strictObject({
  token: z.string().regex(/^(inv|rst)_[A-Za-z0-9_-]{43}$/, 'not a link token'),
});
export const AcceptBody = z.strictObject({ password: z.string().min(12).max(1024) });
export const NewTokenBody = z.strictObject({
  name: z.string().min(1).max(100),
  /** Whole days until it stops working by itself (1..365); absent: until revoked. */
  expiresInDays: z
    .number()
    .int('a whole number of days')
    .min(1, 'at least 1 day')
    .max(MAX_TOKEN_DAYS, `at most ${MAX_TOKEN_DAYS} days`)
    .optional(),
});
export const TokenIdParams = z.strictObject({ id: z.coerce.number().int().positive() });
export const ResetRequestBody = z.strictObject({ email: z.string().min(3).max(320) });
export const ChangePasswordBody = z.strictObject({ current: password, next: z.string().min(12).max(1024) });
