/**
 * Who wrote a comment or made a review step, as the API shows them: the account id, its role and,
 * for a liaison, the party (which side said it). The email is kept for presenters to show only to
 * those who see everything.
 */
import type { Role } from '../core/roles.js';
import type { Store } from '../store/store.js';

export interface Author {
  readonly id: number;
  readonly role: Role;
  readonly partyId: string | null;
  readonly email: string;
}

/** The authors behind these user ids (null and deleted users left out). */
export async function loadAuthors(store: Store, ids: readonly (number | null)[]): Promise<Map<number, Author>> {
  const out = new Map<number, Author>();
  for (const id of new Set(ids)) {
    if (id === null) continue;
    const u = await store.accounts.getUser(id);
    if (u) out.set(id, { id: u.id, role: u.role, partyId: u.partyId, email: u.email });
  }
  return out;
}
