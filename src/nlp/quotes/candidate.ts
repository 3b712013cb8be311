import type { Span } from '../../core/span.js';
import type { TokenRange } from './phrase.js';

/** A quote found but not yet given its speaker; speakers are resolved in text order afterwards. */
export interface Candidate {
  readonly kind: 'direct' | 'indirect';
  readonly content: Span;
  readonly paragraph: number;
  /** Token index used to order candidates, so pronouns see only earlier speakers. */
  readonly order: number;
  readonly cue: TokenRange | null;
  readonly subject: TokenRange | null;
  /**
   * For a direct quote without a cue: 'same' when it continues a quote split by its cue in the same
   * paragraph, 'previous' when its paragraph is only the quote and continues the last speaker.
   */
  readonly continuation: 'same' | 'previous' | null;
  /** True for an attribution read off quotation marks alone, not offered as a pronoun's antecedent. */
  readonly aside?: boolean;
}
