/** What the events stage's scan hands to the later steps (type model, tolls, blame, merge). */
import type { IsoDay } from '../../core/date.js';
import type { Entity, Sentence, Token } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import type { Candidate } from './merge.js';
import type { Hit } from './scan.js';

/** What the scan found in one report: candidates in sentence order, and what the later steps need. */
export interface Found {
  readonly body: string;
  /** `body` lower-cased (same offsets). */
  readonly lower: string;
  readonly sentences: readonly Sentence[];
  readonly paragraphs: readonly Span[];
  readonly tokens: readonly Token[];
  readonly candidates: Candidate[];
  readonly warnings: string[];
  readonly actors: readonly Entity[];
  readonly entities: readonly Entity[];
  readonly published: IsoDay | null;
  /** The name of the report's main country (ACLED's spelling), when it names one. */
  readonly countryName: string | null;
  /** Sentence index -> the trigger hits in it (before any filter). */
  readonly bySentence: ReadonlyMap<number, readonly Hit[]>;
}
