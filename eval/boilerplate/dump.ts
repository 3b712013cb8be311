/**
 * Analysis tooling (not part of `npm run eval`): runs the HTML extraction on every page of the two
 * boilerplate sets and writes, per page, the extractor's paragraphs (before the chrome trimmer) and
 * the clean stage's body, so post-filters can be studied without re-running defuddle.
 *   tsx eval/boilerplate/dump.ts OUT.json [--data DIR]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCleanStage } from '../../src/nlp/clean/clean.stage.js';
import { extractArticle } from '../../src/nlp/clean/html-extract.js';
import { parseDocument } from '../../src/nlp/clean/html-text.js';
import { normalise } from '../../src/nlp/clean/normalise.js';

const args = process.argv.slice(2);
const out = args[0] ?? '/tmp/bp/dump.json';
const di = args.indexOf('--data');
const root = di >= 0 ? args[di + 1]! : join(process.cwd(), '..', 'shared', 'data');

interface PageDump {
  set: 'aeb' | 'traf';
  id: string;
  url: string;
  truth?: string;
  with?: string[];
  without?: string[];
  extractor: string;
  blocks: readonly { text: string; linkChars: number; tag: string }[];
  body: string;
  ms: number;
}

const clean = createCleanStage();
const pages: PageDump[] = [];
const run = (set: PageDump['set'], id: string, path: string, url: string, extra: Partial<PageDump>) => {
  const raw = readFileSync(path, 'utf8');
  const html = normalise(raw).text;
  const ex = extractArticle(parseDocument(html), html, url);
  const t0 = performance.now();
  const body = clean.run({ input: { raw, mediaType: 'text/html', url } }).body;
  const ms = performance.now() - t0;
  pages.push({ set, id, url, extractor: ex.extractor, blocks: ex.blocks, body, ms, ...extra });
};
const truth = JSON.parse(
  readFileSync(join(root, 'article-extraction-benchmark', 'ground-truth.json'), 'utf8'),
) as Record<string, { articleBody: string; url: string }>;
for (const id of Object.keys(truth).sort())
  run('aeb', id, join(root, 'article-extraction-benchmark', 'html', `${id}.html`), truth[id]!.url, {
    truth: truth[id]!.articleBody,
  });
const traf = JSON.parse(readFileSync(join(root, 'trafilatura-eval-en', 'evaldata-en.json'), 'utf8')) as Record<
  string,
  { file: string; with?: string[]; without?: string[] }
>;
for (const [url, page] of Object.entries(traf).sort(([a], [b]) => a.localeCompare(b)))
  run('traf', page.file, join(root, 'trafilatura-eval-en', 'html', page.file), url, {
    with: page.with ?? [],
    without: page.without ?? [],
  });
writeFileSync(out, JSON.stringify(pages));
console.log(`${pages.length} pages -> ${out}`);
