/**
 * Cleans an HTML page: extract the article, turn it into paragraphs, trim chrome, read the
 * headline, byline, date and dateline from metadata, and map paragraphs back to the raw HTML.
 */
import type { CleanLayer, RemovedPiece, ReportInput } from '../../core/document.js';
import { filterAndTrim, textWords } from './boilerplate.js';
import { looksLikeProse, type ChromeRules } from './chrome.js';
import { findDateline } from './dateline.js';
import { stripSiteSuffix, tidyByline } from './headline.js';
import { extractArticle } from './html-extract.js';
import { readMetadata, toIsoDay } from './html-metadata.js';
import { parseDocument, squash, type DomDocument } from './html-text.js';
import { normalise } from './normalise.js';
import { BodyBuilder, mapVerbatim } from './offsets.js';

const NO_ARTICLE = 'W001 No article text found in the HTML page';

/** An article has at least one sentence-like paragraph; menus and link lists do not. */
function hasArticleText(paragraphs: readonly string[]): boolean {
  return paragraphs.some((p) => looksLikeProse(p) || (textWords(p) >= 8 && /[.!?。！？]/u.test(p)));
}

function emptyLayer(input: ReportInput, warnings: string[], removed: RemovedPiece[] = []): CleanLayer {
  return {
    body: '',
    headline: null,
    byline: null,
    dateline: null,
    published: input.published ?? null,
    publishedFrom: input.published ? 'input' : null,
    removed,
    offsets: [],
    warnings,
  };
}

const sameText = (a: string, b: string): boolean => squash(a).toLowerCase() === squash(b).toLowerCase();

export function cleanHtml(input: ReportInput, rules: ChromeRules): CleanLayer {
  const html = normalise(input.raw).text;
  let doc: DomDocument;
  try {
    doc = parseDocument(html);
  } catch (err) {
    return emptyLayer(input, [`${NO_ARTICLE} (the page could not be parsed: ${(err as Error).message})`]);
  }
  const meta = readMetadata(doc);
  const extraction = extractArticle(doc, html, input.url);
  const siteNames = [meta.siteName, extraction.site, input.sourceName].filter((s): s is string => !!s);
  const title = meta.titles[0] ?? extraction.title;
  const headline = title ? stripSiteSuffix(title, siteNames) || null : null;

  // Blocks first (repeated captions, link lists around the article), then chrome lines.
  const trimmed = filterAndTrim(rules, extraction.blocks);
  const removed: RemovedPiece[] = [...trimmed.removed];
  let paragraphs = trimmed.paragraphs;
  // Extractors often keep the page's <h1>; the headline is reported on its own, not in the body.
  if (headline && paragraphs[0] && (sameText(paragraphs[0], headline) || (title && sameText(paragraphs[0], title)))) {
    removed.unshift({ text: paragraphs[0], reason: 'headline' });
    paragraphs = paragraphs.slice(1);
  }
  if (!hasArticleText(paragraphs)) return { ...emptyLayer(input, [NO_ARTICLE], removed), headline };

  // Search from <body>, so a paragraph repeated in <meta name="description"> maps to the article.
  const bodyTag = /<body[\s>]/i.exec(input.raw);
  let cursor = bodyTag ? bodyTag.index : 0;
  const body = new BodyBuilder();
  paragraphs.forEach((p, i) => {
    if (i > 0) body.insert('\n\n');
    const start = body.size;
    body.insert(p);
    cursor = mapVerbatim(body, p, start, input.raw, cursor);
  });
  const bodyText = body.toString();

  const metaDay = meta.published ?? toIsoDay(extraction.published);
  const warnings =
    extraction.extractor === 'page-text'
      ? ['W003 The HTML page nests too deeply for main-content extraction; its whole text was used']
      : [];
  return {
    body: bodyText,
    headline,
    byline: tidyByline(meta.byline ?? extraction.byline),
    dateline: findDateline(bodyText, 0, meta.location),
    published: input.published ?? metaDay,
    publishedFrom: input.published ? 'input' : metaDay ? 'metadata' : null,
    removed,
    offsets: body.segments,
    warnings,
  };
}
