/** A finding: one incident judged against one term, with the reasons a person can check. */
export const STATUSES = ['violation', 'possible_violation', 'permitted', 'not_covered'] as const;
export type Status = (typeof STATUSES)[number];

export interface Finding {
  readonly term_id: string;
  readonly term_kind: 'prohibition' | 'obligation' | 'permission';
  /** The party whose act it is (null when unidentified or not a party). */
  readonly party: string | null;
  /** The party that answers for it: the guarantor when the file names one, else the party itself. */
  readonly answerable: string | null;
  /** Parties that could be responsible when the perpetrator is unidentified. */
  readonly candidates: readonly string[];
  /** null for a finding about the whole term (no delivery within the agreed days). */
  readonly incident_id: string | null;
  /** Source ids of the incident's events (ACLED event_id_cnty ...), else our event ids. */
  readonly event_ids: readonly string[];
  readonly status: Status;
  readonly confidence: number;
  /** Why the status is not certain, or why the term does not apply; empty for a plain violation. */
  readonly reasons: readonly string[];
  readonly explanation: string;
  readonly evidence: readonly { readonly text: string; readonly source: string | null }[];
  /** The local day the finding counts on (the first possible day), null when undated. */
  readonly day: string | null;
}
