/**
 * What every view shares: who is signed in, the server's configuration, the active agreement, and
 * the incidents this viewer may see (loaded once, reloaded after a sign-in or a review move).
 */
import { api } from './api.js';
import type { Agreement, Config, Incident, List, Me, Party } from './api-types.js';
import type { AgreementTime } from './time-window.js';
import type { Role } from './vocab.js';

export interface Session {
  me: Me | null;
  config: Config;
  agreement: Agreement | null;
  /** Why there is no agreement (a missing route, an error), for the views to say. */
  agreementError: unknown;
}

export const session: Session = {
  me: null,
  config: { tileUrl: null, tileAttribution: null, agreement: null },
  agreement: null,
  agreementError: null,
};

export function can(...roles: Role[]): boolean {
  return session.me !== null && roles.includes(session.me.role);
}

export function parties(): readonly Party[] {
  return session.agreement?.parties ?? [];
}

/** The active agreement's start and end (for the time window's default span), if it says. */
export function agreementTime(): AgreementTime | null {
  const e = session.agreement?.effective;
  return e && typeof e.from === 'string' ? { from: e.from, to: typeof e.to === 'string' ? e.to : null } : null;
}

export function partyName(id: string | null | undefined): string {
  if (!id) return 'Unidentified';
  if (id === 'unattributed') return 'Unattributed';
  return parties().find((p) => p.id === id)?.name ?? id;
}

async function loadAgreement(preferred: string | null): Promise<void> {
  try {
    let id = preferred;
    if (!id) {
      const list = await api.agreements();
      id = (list.items.find((a) => a.active) ?? list.items[0])?.id ?? null;
    }
    session.agreement = id ? await api.agreement(id) : null;
    session.agreementError = null;
  } catch (e) {
    session.agreement = null;
    session.agreementError = e;
  }
}

async function loadConfig(): Promise<void> {
  try {
    session.config = await api.config();
    session.me = session.config.session?.user ?? null;
  } catch {
    // An older server without /api/config: ask who we are the classic way.
    session.me = await api.me().catch(() => null);
  }
}

export async function startSession(): Promise<void> {
  await loadConfig();
  await loadAgreement(session.config.agreement);
}

/** After sign-in or sign-out: who we are changes what we may see. */
export async function refreshSession(): Promise<void> {
  await loadConfig();
  invalidateIncidents();
  await loadAgreement(session.config.agreement);
}

let incidents: Promise<List<Incident>> | null = null;

export function loadIncidents(): Promise<List<Incident>> {
  incidents ??= api.incidents().catch((e) => {
    incidents = null;
    throw e;
  });
  return incidents;
}

export function invalidateIncidents(): void {
  incidents = null;
}
