/**
 * The clean layer of a text taken as it is (no chrome, no dateline): for tools whose offsets must
 * point into their own input (tagging, quotes, evaluation) and for tests that build documents by hand.
 */
import type { IsoDay } from '../../core/date.js';
import type { CleanLayer } from '../../core/document.js';

export function plainCleanLayer(
  body: string,
  options: { published?: IsoDay | null; headline?: string | null } = {},
): CleanLayer {
  const published = options.published ?? null;
  return {
    body,
    headline: options.headline ?? null,
    byline: null,
    dateline: null,
    published,
    publishedFrom: published ? 'input' : null,
    removed: [],
    offsets: [{ body: 0, raw: 0, length: body.length }],
    warnings: [],
  };
}
