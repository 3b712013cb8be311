/**
 * Who is asking, and what that lets them see and do. Pure rules over roles, kept in one place so
 * every route applies the same ones (docs/adr/0005-server-auth.md).
 */
import { TruceError } from '../core/errors.js';
import type { Role } from '../core/roles.js';

export type Visibility = 'public' | 'monitors' | 'restricted';

export interface Principal {
  readonly userId: number;
  readonly email: string;
  readonly role: Role;
  readonly partyId: string | null;
  /** How they proved it: a session cookie (needs CSRF on writes) or an API token. */
  readonly via: 'session' | 'token';
  readonly tokenId?: number;
  /** A one-time password (the bootstrap admin's, or one an admin reset) not yet replaced. */
  readonly mustChangePassword?: boolean;
}

/** Same shape as the store's ViewScope. */
export interface Scope {
  readonly all: boolean;
  readonly monitors: boolean;
  readonly party: string | null;
}

export const PUBLIC_SCOPE: Scope = { all: false, monitors: false, party: null };

/**
 * Admins and monitors oversee everything; analysts (mission staff) also read `monitors`
 * material; a liaison reads public material and what is shared with their own party.
 */
export function scopeOf(p: Principal | null): Scope {
  if (p === null) return PUBLIC_SCOPE;
  switch (p.role) {
    case 'admin':
    case 'monitor':
      return { all: true, monitors: true, party: null };
    case 'analyst':
      return { all: false, monitors: true, party: null };
    case 'liaison':
      return { all: false, monitors: false, party: p.partyId };
  }
}

export function actorOf(p: Principal | null): string {
  if (p === null) return 'public';
  return p.via === 'token' ? `user:${p.userId}/token:${p.tokenId}` : `user:${p.userId}`;
}

export interface SubmissionVisibility {
  readonly visibility: Visibility;
  readonly parties: readonly string[];
}

/**
 * The visibility a submission gets. Monitors and admins choose (default `monitors`); analysts choose
 * public or monitors (default monitors); a liaison's report is restricted to their own party (the
 * monitors see it too), whatever they ask, because a party's sources are its own to protect.
 */
export function submissionVisibility(
  p: Principal,
  requested: { visibility?: Visibility; parties?: readonly string[] },
): SubmissionVisibility {
  switch (p.role) {
    case 'admin':
    case 'monitor': {
      const visibility = requested.visibility ?? 'monitors';
      const parties = visibility === 'restricted' ? [...new Set(requested.parties ?? [])] : [];
      if (visibility === 'restricted' && parties.length === 0)
        throw new TruceError('E007_BAD_OPTION', {
          option: 'parties',
          reason: 'a restricted report needs at least one party',
        });
      return { visibility, parties };
    }
    case 'analyst': {
      const visibility = requested.visibility ?? 'monitors';
      if (visibility === 'restricted')
        throw new TruceError('E021_FORBIDDEN', { reason: 'analysts submit public or monitors-only reports' });
      return { visibility, parties: [] };
    }
    case 'liaison':
      return { visibility: 'restricted', parties: [p.partyId as string] };
  }
}

export function requireRole(p: Principal | null, ...roles: Role[]): Principal {
  if (p === null) throw new TruceError('E020_UNAUTHENTICATED', { reason: 'this needs an account' });
  if (!roles.includes(p.role))
    throw new TruceError('E021_FORBIDDEN', { reason: `this needs the role ${roles.join(' or ')}` });
  return p;
}
