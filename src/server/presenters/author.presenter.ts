/** Who wrote a comment or made a review step: role and party for all; the email only for overseers. */
import type { Scope } from '../../auth/principal.js';
import type { Author } from '../../services/authors.js';

export interface AuthorJson {
  readonly id: number;
  readonly role: string;
  readonly partyId: string | null;
  readonly email?: string;
}

export function presentAuthor(a: Author | null, viewer: Scope): AuthorJson | null {
  if (a === null) return null;
  return { id: a.id, role: a.role, partyId: a.partyId, ...(viewer.all ? { email: a.email } : {}) };
}
