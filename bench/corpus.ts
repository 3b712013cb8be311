/**
 * Benchmark corpora. The project's examples are short, so they are recombined into ~800-word reports
 * (deterministically, so every run measures the same texts); the 207 Reuters posts are used as they are.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseIsoDay, type IsoDay } from '../src/core/date.js';
import type { MediaType, ReportInput } from '../src/core/document.js';
import { loadManifest } from '../src/services/manifest.js';
import { countWords } from './stats.js';

export interface BenchReport {
  readonly name: string;
  readonly input: ReportInput;
  readonly words: number;
}

/** One example split into its parts: prose paragraphs to recombine, and chrome kept for the cleaner. */
export interface SourceArticle {
  readonly name: string;
  readonly headline: string;
  readonly paragraphs: readonly string[];
  readonly chrome: readonly string[];
  readonly published?: IsoDay;
}

// Article prose ends a sentence; page chrome ("Leave a Reply", "Powered by ...", bylines) does not.
const PROSE_END = /[.!?]["'\u201d\u2019)]?$/;

function split(name: string, headline: string, blocks: readonly string[], published?: IsoDay): SourceArticle {
  const paragraphs = blocks.filter((b) => PROSE_END.test(b));
  const chrome = blocks.filter((b) => !PROSE_END.test(b));
  return { name, headline, paragraphs, chrome, ...(published ? { published } : {}) };
}

/** Plain text: first block is the headline, blocks are separated by blank lines. */
export function articleFromText(name: string, text: string, published?: IsoDay): SourceArticle {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  return split(name, blocks[0] ?? '', blocks.slice(1), published);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '\u00a9',
};

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|[a-z]+);/gi, (m, e: string) =>
      e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** HTML: the <h1> (or <title>) and the <p> of the <article> (or of the whole page when there is none). */
export function articleFromHtml(name: string, html: string, published?: IsoDay): SourceArticle {
  const article = /<article[\s>][\s\S]*?<\/article>/i.exec(html)?.[0] ?? html;
  const headline = textOf(
    /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1] ?? /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '',
  );
  const blocks = [...article.matchAll(/<p[\s>][\s\S]*?<\/p>/gi)].map((m) => textOf(m[0])).filter((b) => b !== '');
  const meta = /property="article:published_time"\s+content="(\d{4}-\d{2}-\d{2})/i.exec(html)?.[1];
  return split(name, headline, blocks, published ?? (meta ? (parseIsoDay(meta) ?? undefined) : undefined));
}

export interface RecombineOptions {
  readonly targetWords?: number;
  readonly count?: number;
}

/**
 * Report i: the headline and all paragraphs of article i mod n, then paragraphs of the other articles
 * taken round-robin from a rotating start until the report reaches the target, then that article's chrome.
 */
export function recombine(articles: readonly SourceArticle[], options: RecombineOptions = {}): BenchReport[] {
  const targetWords = options.targetWords ?? 800;
  const pool = articles.flatMap((a, ai) => a.paragraphs.map((text) => ({ ai, text, words: countWords(text) })));
  if (pool.length === 0) throw new RangeError('no prose paragraphs to recombine');
  // One report per paragraph of the pool by default; a stride prime to the pool spreads the starts.
  const count = options.count ?? pool.length;
  const stride = [7, 11, 13, 17, 19, 23].find((s) => pool.length % s !== 0) ?? 1;
  const reports: BenchReport[] = [];
  for (let i = 0; i < count; i++) {
    const ai = i % articles.length;
    const lead = articles[ai]!;
    const parts = [...lead.paragraphs];
    let words = countWords(lead.headline) + parts.reduce((n, p) => n + countWords(p), 0);
    const start = (i * stride) % pool.length;
    const others = pool.filter((p) => p.ai !== ai);
    for (let k = 0; words < targetWords && others.length > 0; k++) {
      const p = others[(start + k) % others.length]!;
      parts.push(p.text);
      words += p.words;
    }
    const raw = [lead.headline, ...parts, ...lead.chrome].join('\n\n') + '\n';
    const input: ReportInput = {
      raw,
      mediaType: 'text/plain',
      sourceName: 'Truce Monitor examples',
      ...(lead.published ? { published: lead.published } : {}),
    };
    reports.push({ name: `examples#${i} (${lead.name})`, input, words: countWords(raw) });
  }
  return reports;
}

/** The examples listed in a manifest, recombined into ~800-word plain-text reports. */
export function loadExamplesCorpus(manifestPath: string, options: RecombineOptions = {}): BenchReport[] {
  const articles = loadManifest(manifestPath).map((entry) => {
    const text = readFileSync(entry.path, 'utf8');
    const name = entry.path.split('/').pop()!;
    return entry.path.endsWith('.html')
      ? articleFromHtml(name, text, entry.published)
      : articleFromText(name, text, entry.published);
  });
  return recombine(articles, options);
}

interface ReutersPost {
  readonly post_path: string;
  readonly post_date: string;
  readonly raw_body_html: string;
}

/** The Reuters posts as HTML inputs (see SOURCE.md beside the file), or null when the shared data is absent. */
export function loadReutersCorpus(path: string): BenchReport[] | null {
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const post = JSON.parse(line) as ReutersPost;
      const mediaType: MediaType = 'text/html';
      const published = parseIsoDay(post.post_date.slice(0, 10));
      const input: ReportInput = {
        raw: post.raw_body_html,
        mediaType,
        sourceName: 'Reuters',
        ...(published ? { published } : {}),
      };
      return { name: post.post_path, input, words: countWords(textOf(post.raw_body_html)) };
    });
}
