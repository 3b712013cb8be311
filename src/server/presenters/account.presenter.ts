/** Users, invitations, tokens and audit entries as they leave the server: never a secret's hash. */
import type { AuditEntry, User } from '../../store/store.js';

export const presentUser = (u: User) => ({
  id: u.id,
  email: u.email,
  role: u.role,
  partyId: u.partyId,
  mustChangePassword: u.mustChangePassword,
});

export const presentAuditEntry = (e: AuditEntry) => ({
  id: e.id,
  at: e.at,
  actor: e.actor,
  action: e.action,
  subject: e.subject,
  before: e.before,
  after: e.after,
  hash: e.hash,
});
