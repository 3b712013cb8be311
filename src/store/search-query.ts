/**
 * The search language of `truce reports --search`, parsed once and rendered for each backend:
 * FTS5 MATCH syntax for SQLite and to_tsquery syntax for PostgreSQL. Users never write raw FTS
 * syntax, so a stray quote or colon cannot break or widen a query; a malformed one gets E007.
 *
 *   query := or ; or := and ("OR" and)* ; and := unary (["AND"] ["NOT"] unary)*
 *   unary := "(" or ")" | '"' words '"' ["*"] | word["*"]
 */
import { TruceError } from '../core/errors.js';

export type SearchNode =
  | { readonly kind: 'terms'; readonly words: readonly string[]; readonly prefix: boolean }
  | { readonly kind: 'and'; readonly include: readonly SearchNode[]; readonly exclude: readonly SearchNode[] }
  | { readonly kind: 'or'; readonly items: readonly SearchNode[] };

const MAX_QUERY_CHARS = 1000;
const MAX_TERMS = 64;
const WORD_PIECE = /[\p{L}\p{N}]+/gu;

type Token = { t: '(' | ')' | 'AND' | 'OR' | 'NOT' } | { t: 'text'; words: string[]; prefix: boolean; quoted: boolean };

function fail(reason: string): never {
  throw new TruceError('E007_BAD_OPTION', { option: 'search query', reason });
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ t: c });
      i++;
    } else if (c === '"') {
      const close = query.indexOf('"', i + 1);
      if (close < 0) fail(`the quote at character ${i + 1} is never closed`);
      const words = query.slice(i + 1, close).match(WORD_PIECE) ?? [];
      const prefix = query[close + 1] === '*';
      if (words.length === 0) fail(`the phrase at character ${i + 1} has no words in it`);
      tokens.push({ t: 'text', words, prefix, quoted: true });
      i = close + 1 + (prefix ? 1 : 0);
    } else {
      let j = i;
      while (j < query.length && !/[\s()"]/.test(query[j] as string)) j++;
      const raw = query.slice(i, j);
      if (raw === 'AND' || raw === 'OR' || raw === 'NOT') tokens.push({ t: raw });
      else {
        const words = raw.match(WORD_PIECE) ?? [];
        // Punctuation-only pieces ("-", "::") carry nothing to search for; skip them.
        if (words.length > 0) tokens.push({ t: 'text', words, prefix: raw.endsWith('*'), quoted: false });
      }
      i = j;
    }
  }
  return tokens;
}

/** Parses a user query; throws TruceError E007 with a reason a user can act on. */
export function parseSearchQuery(query: string): SearchNode {
  if (query.length > MAX_QUERY_CHARS) fail(`it is ${query.length} characters long; the limit is ${MAX_QUERY_CHARS}`);
  const tokens = tokenize(query);
  if (!tokens.some((t) => t.t === 'text')) fail('it has no words to search for');
  if (tokens.filter((t) => t.t === 'text').length > MAX_TERMS) fail(`it has more than ${MAX_TERMS} terms`);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const describe = (t: Token | undefined): string => (t === undefined ? 'the end' : t.t === 'text' ? 'a word' : t.t);

  function parseOr(): SearchNode {
    const items = [parseAnd()];
    while (peek()?.t === 'OR') {
      pos++;
      items.push(parseAnd());
    }
    return items.length === 1 ? (items[0] as SearchNode) : { kind: 'or', items };
  }
  function parseAnd(): SearchNode {
    if (peek()?.t === 'NOT') fail('NOT needs a term before it, as in "convoy NOT aid"');
    const include = [parseUnary()];
    const exclude: SearchNode[] = [];
    for (;;) {
      const t = peek();
      if (t === undefined || t.t === ')' || t.t === 'OR') break;
      if (t.t === 'AND') pos++;
      if (peek()?.t === 'NOT') {
        pos++;
        exclude.push(parseUnary());
      } else include.push(parseUnary());
    }
    return include.length === 1 && exclude.length === 0
      ? (include[0] as SearchNode)
      : { kind: 'and', include, exclude };
  }
  function parseUnary(): SearchNode {
    const t = peek();
    if (t?.t === '(') {
      pos++;
      const inner = parseOr();
      if (peek()?.t !== ')') fail(`a "(" is never closed (found ${describe(peek())})`);
      pos++;
      return inner;
    }
    if (t?.t === 'text') {
      pos++;
      return { kind: 'terms', words: t.words, prefix: t.prefix };
    }
    return fail(`expected a word or "(" but found ${describe(t)}`);
  }

  const node = parseOr();
  if (pos < tokens.length) fail(`unexpected ${describe(peek())} (an unmatched ")"?)`);
  return node;
}

/** FTS5 MATCH text: every word double-quoted, so no FTS5 operator or column filter leaks in. */
export function toFts5(node: SearchNode): string {
  switch (node.kind) {
    case 'terms':
      return `"${node.words.join(' ')}"${node.prefix ? ' *' : ''}`;
    case 'or':
      return `(${node.items.map(toFts5).join(' OR ')})`;
    case 'and': {
      const inc = `(${node.include.map(toFts5).join(' AND ')})`;
      return node.exclude.reduce((acc, ex) => `(${acc} NOT ${toFts5(ex)})`, inc);
    }
  }
}

/** PostgreSQL to_tsquery text: words are letters and digits only, so quoting them is safe. */
export function toTsquery(node: SearchNode): string {
  switch (node.kind) {
    case 'terms': {
      const last = node.words.length - 1;
      const lexemes = node.words.map((w, i) => `'${w}'${node.prefix && i === last ? ':*' : ''}`);
      return lexemes.length === 1 ? (lexemes[0] as string) : `(${lexemes.join(' <-> ')})`;
    }
    case 'or':
      return `(${node.items.map(toTsquery).join(' | ')})`;
    case 'and':
      return `(${[...node.include.map(toTsquery), ...node.exclude.map((ex) => `!${toTsquery(ex)}`)].join(' & ')})`;
  }
}
