/**
 * Word ids: one small integer per distinct token text, from one table shared by every report of the
 * process, so that later stages keep what they know of a word in arrays indexed by its id (a typed-array
 * read per token) instead of looking the token's text up in a Map.
 *
 * The sentences stage takes the ids from wink-nlp's own lexicon index of each token (`its.uniqueId`,
 * one id per distinct string wink holds) through `fromWink`, so a report's ids cost one array read per
 * token; a token whose text is not wink's string, and a layer made any other way, intern their text.
 * Ids are case-sensitive (the text as written); `lowerId` gives the id of the lower-cased text.
 *
 * The table only grows (as wink's lexicon does: one entry per distinct text read). Ids never change
 * while the process runs, so caches indexed by id stay valid.
 */
/** Id -> text, and text -> id, for every text seen. */
export class WordTable {
  private readonly byText = new Map<string, number>();
  private readonly texts: string[] = [];
  // Id -> the id of its lower case + 1 (0: not worked out yet).
  private lowers: Int32Array = new Int32Array(1024);
  // wink lexicon index -> our id + 1 (0: not seen yet).
  private winks: Int32Array = new Int32Array(1024);

  /** The id of `text`, given one on first sight. */
  intern(text: string): number {
    let id = this.byText.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.byText.set(text, id);
    }
    return id;
  }

  /** The text of an id. */
  text(id: number): string {
    return this.texts[id]!;
  }

  /** Ids handed out so far (every id is below it). */
  get size(): number {
    return this.texts.length;
  }

  /** The id of the lower case of the text of `id` (the id itself when it has no capital). */
  lowerId(id: number): number {
    const lowers = this.lowers;
    if (id < lowers.length) {
      const known = lowers[id]!;
      if (known !== 0) return known - 1;
    }
    const text = this.texts[id]!;
    const lower = text.toLowerCase();
    const lowerId = lower === text ? id : this.intern(lower);
    if (id >= this.lowers.length) this.lowers = grown(this.lowers, id);
    this.lowers[id] = lowerId + 1;
    return lowerId;
  }

  /** The lower case of the text of `id` (`text(id).toLowerCase()`, one string per word). */
  lowerText(id: number): string {
    return this.texts[this.lowerId(id)]!;
  }

  /** Our id of the text wink-nlp holds at lexicon index `wink` (`text` is that string). */
  fromWink(wink: number, text: string): number {
    const winks = this.winks;
    if (wink < winks.length) {
      const known = winks[wink]!;
      if (known !== 0) return known - 1;
    }
    const id = this.intern(text);
    if (wink >= this.winks.length) this.winks = grown(this.winks, wink);
    this.winks[wink] = id + 1;
    return id;
  }
}

/** A copy of `array` long enough to hold index `at`, zero beyond the old length. */
function grown(array: Int32Array, at: number): Int32Array<ArrayBuffer> {
  let size = array.length * 2;
  while (size <= at) size *= 2;
  const out = new Int32Array(size);
  out.set(array);
  return out;
}

/** The process's one table: every layer's ids come from it. */
export const wordTable = new WordTable();

/**
 * Values per word id, worked out on first use and then read from an array: `get(id)` is `compute(id)`
 * for every id (the function must depend on the id's text only).
 */
export class PerWord<T> {
  private values: Array<T | undefined> = [];

  constructor(private readonly compute: (id: number) => T) {}

  get(id: number): T {
    const values = this.values;
    const known = id < values.length ? values[id] : undefined;
    if (known !== undefined) return known;
    const value = this.compute(id);
    if (id >= values.length) {
      const more = new Array<T | undefined>(Math.max(id + 1, values.length * 2, 1024));
      for (let k = 0; k < values.length; k++) more[k] = values[k];
      this.values = more;
    }
    this.values[id] = value;
    return value;
  }
}

/**
 * Small non-negative numbers per word id (e.g. a lexicon's bits for the word), in a typed array:
 * `get(id)` is `compute(id)`, which must be below 65,535.
 */
export class PerWordBits {
  // Value + 1 per id (0: not worked out yet).
  private values = new Uint16Array(1024);

  constructor(private readonly compute: (id: number) => number) {}

  get(id: number): number {
    const values = this.values;
    if (id < values.length) {
      const known = values[id]!;
      if (known !== 0) return known - 1;
    }
    const value = this.compute(id);
    if (id >= this.values.length) {
      let size = this.values.length * 2;
      while (size <= id) size *= 2;
      const more = new Uint16Array(size);
      more.set(this.values);
      this.values = more;
    }
    this.values[id] = value + 1;
    return value;
  }
}
