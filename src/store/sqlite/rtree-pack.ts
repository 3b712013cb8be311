/**
 * Packs the event_geo R*Tree in one pass (bulk loads, import-writer.ts): instead of one R*Tree
 * insert per event (SQLite's rtree module: a descent and, often, a node split per row, about half of
 * a 1 M-row import's main-thread time), the points are sorted by Sort-Tile-Recursive (STR) on
 * longitude, latitude and day, cut into full leaves, and the levels above built the same way; the
 * nodes are then written straight into the R*Tree's three shadow tables (%_node, %_parent, %_rowid)
 * in the layout rtree.c documents (big-endian; node 1 is the root and holds the depth; a cell is an
 * 8-byte id and a 4-byte float per bound). The stored bounds are what the module would have stored
 * for the same rows: the same SQL expression for the day, and its rounding of a double to a float
 * (down for a minimum, up for a maximum), so `SELECT * FROM event_geo` is identical to a tree
 * filled by the trigger; only the shape of the tree differs (packed, which queries like).
 * import.test.ts checks the rows, `rtreecheck()` the structure, and later trigger writes on it.
 *
 * better-sqlite3 opens connections in defensive mode, where shadow tables are read-only; the pack
 * lifts it (`unsafeMode`) only around its own statements, inside the caller's transaction.
 */
import type Database from 'better-sqlite3';

const TABLE = 'event_geo';
/** The trigger's day bound (migration 0004): days since 1970-01-01, -1,000,000 without a date. */
const DAY_SQL = 'coalesce(julianday(event_date) - 2440587.5, -1000000)';
/** 8-byte id + 6 bounds x 4 bytes. */
const BYTES_PER_CELL = 32;
const DIMS = 3;
/** rtree.c's rounding constants (RNDTOWARDS, RNDAWAY). */
const RND_TOWARDS = 1.0 - 1.0 / 8388608.0;
const RND_AWAY = 1.0 + 1.0 / 8388608.0;
/** Statement width for the %_rowid rows: 2 parameters x 500. */
const ROWID_ROWS = 500;
/** Rows per read of the events table. */
const READ_PAGE = 20_000;

/** rtree.c's rtreeValueDown: the largest float not above `d` (as the module computes it). */
export function floatDown(d: number): number {
  let f = Math.fround(d);
  if (f > d) f = Math.fround(d * (d < 0 ? RND_AWAY : RND_TOWARDS));
  return f;
}

/** rtree.c's rtreeValueUp: the smallest float not below `d` (as the module computes it). */
export function floatUp(d: number): number {
  let f = Math.fround(d);
  if (f < d) f = Math.fround(d * (d < 0 ? RND_TOWARDS : RND_AWAY));
  return f;
}

/** Boxes of one tree level: `lo`/`hi` hold DIMS bounds per entry, `ids` the id or child node. */
interface Level {
  readonly n: number;
  readonly ids: Float64Array;
  readonly lo: Float32Array;
  readonly hi: Float32Array;
}

/**
 * Reorders `order[from, to)` by `key(order[i])`, with the typed array's own numeric sort: each key
 * is scaled to an integer and the position packed into the low bits, so no comparator runs. Ties
 * and the scaling's rounding only change the tree's shape, never its content.
 */
function sortRange(order: Uint32Array, from: number, to: number, key: (i: number) => number): void {
  const n = to - from;
  if (n < 2) return;
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const k = key(order[i]!);
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (!(max > min)) return;
  const posBits = Math.max(1, Math.ceil(Math.log2(n)));
  const posScale = 2 ** posBits;
  const scale = (2 ** (52 - posBits) - 1) / (max - min);
  const packed = new Float64Array(n);
  for (let j = 0; j < n; j++) packed[j] = Math.floor((key(order[from + j]!) - min) * scale) * posScale + j;
  packed.sort();
  const old = order.slice(from, to);
  for (let j = 0; j < n; j++) order[from + j] = old[packed[j]! % posScale]!;
}

/** STR order of a level's boxes (by centre), for groups of `m`. */
function strOrder(level: Level, m: number): Uint32Array {
  const { n, lo, hi } = level;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const centre = (d: number) => (i: number) => lo[i * DIMS + d]! + hi[i * DIMS + d]!;
  const groups = Math.ceil(n / m);
  const slices = Math.ceil(Math.cbrt(groups));
  const slabX = m * slices * slices;
  const slabY = m * slices;
  sortRange(order, 0, n, centre(0));
  for (let a = 0; a < n; a += slabX) {
    const aEnd = Math.min(a + slabX, n);
    sortRange(order, a, aEnd, centre(1));
    for (let b = a; b < aEnd; b += slabY) sortRange(order, b, Math.min(b + slabY, aEnd), centre(2));
  }
  return order;
}

/** Writes one node's blob: depth (root only), cell count, cells (big-endian). */
function nodeBlob(size: number, depth: number, level: Level, order: Uint32Array, from: number, to: number): Buffer {
  const buf = Buffer.alloc(size);
  const view = new DataView(buf.buffer, buf.byteOffset, size);
  view.setUint16(0, depth);
  view.setUint16(2, to - from);
  let at = 4;
  for (let k = from; k < to; k++) {
    const i = order[k]!;
    const id = level.ids[i]!;
    view.setInt32(at, Math.floor(id / 4294967296));
    view.setUint32(at + 4, (id % 4294967296) >>> 0);
    at += 8;
    for (let d = i * DIMS, end = d + DIMS; d < end; d++) {
      view.setFloat32(at, level.lo[d]!);
      view.setFloat32(at + 4, level.hi[d]!);
      at += 8;
    }
  }
  return buf;
}

/** Row count of event_geo (its %_rowid table: no R*Tree scan). */
export function geoRows(db: Database.Database): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${TABLE}_rowid`).get() as { n: number }).n;
}

/**
 * Rebuilds event_geo from every event with a point (the rows the triggers keep in it), packed.
 * Runs inside the caller's transaction; a rollback restores the old tree. Returns the rows written.
 */
export function packEventGeo(db: Database.Database): number {
  const size = (db.prepare(`SELECT length(data) AS n FROM ${TABLE}_node WHERE nodeno = 1`).get() as { n: number }).n;
  const m = Math.floor((size - 4) / BYTES_PER_CELL);
  const count = (db.prepare('SELECT count(*) AS n FROM events WHERE latitude IS NOT NULL').get() as { n: number }).n;
  const leaves: Level = {
    n: count,
    ids: new Float64Array(count),
    lo: new Float32Array(count * DIMS),
    hi: new Float32Array(count * DIMS),
  };
  // Read in pages of id order (one native call per page rather than per row).
  const read = db
    .prepare(
      `SELECT id, longitude, latitude, ${DAY_SQL} FROM events
       WHERE latitude IS NOT NULL AND id > ? ORDER BY id LIMIT ${READ_PAGE}`,
    )
    .raw();
  let n = 0;
  let after = -Infinity;
  for (;;) {
    const page = read.all(after) as [number, number, number, number][];
    if (page.length === 0) break;
    if (n + page.length > count) throw new Error('event_geo pack: events changed while read');
    for (const r of page) {
      leaves.ids[n] = r[0];
      for (let d = 0; d < DIMS; d++) {
        const v = r[d + 1]!;
        leaves.lo[n * DIMS + d] = floatDown(v);
        leaves.hi[n * DIMS + d] = floatUp(v);
      }
      n++;
    }
    after = page[page.length - 1]![0];
  }
  if (n !== count) throw new Error('event_geo pack: events changed while read');

  // Nodes: root = 1, the others numbered from 2 level by level (leaves first).
  const nodes: { no: number; data: Buffer }[] = [];
  const leafOf = new Float64Array(count); // the leaf node of each event, in id order
  const parentOf = new Map<number, number>(); // node number -> its parent's, for every node but the root
  let level = leaves;
  let depth = 0;
  let nextNo = 2;
  for (;;) {
    if (level.n <= m) {
      const order = new Uint32Array(level.n);
      for (let i = 0; i < level.n; i++) order[i] = i;
      nodes.push({ no: 1, data: nodeBlob(size, depth, level, order, 0, level.n) });
      if (depth === 0) leafOf.fill(1);
      else for (const child of level.ids) parentOf.set(child, 1);
      break;
    }
    const order = strOrder(level, m);
    const groups = Math.ceil(level.n / m);
    const up: Level = {
      n: groups,
      ids: new Float64Array(groups),
      lo: new Float32Array(groups * DIMS),
      hi: new Float32Array(groups * DIMS),
    };
    for (let g = 0; g < groups; g++) {
      const from = g * m;
      const to = Math.min(from + m, level.n);
      const no = nextNo++;
      nodes.push({ no, data: nodeBlob(size, 0, level, order, from, to) });
      up.ids[g] = no;
      for (let d = 0; d < DIMS; d++) {
        let lo = Infinity;
        let hi = -Infinity;
        for (let k = from; k < to; k++) {
          const i = order[k]!;
          lo = Math.min(lo, level.lo[i * DIMS + d]!);
          hi = Math.max(hi, level.hi[i * DIMS + d]!);
        }
        up.lo[g * DIMS + d] = lo;
        up.hi[g * DIMS + d] = hi;
      }
      for (let k = from; k < to; k++) {
        if (depth === 0) leafOf[order[k]!] = no;
        else parentOf.set(level.ids[order[k]!]!, no);
      }
    }
    level = up;
    depth++;
  }

  db.unsafeMode(true);
  try {
    db.exec(`DELETE FROM ${TABLE}_rowid; DELETE FROM ${TABLE}_parent; DELETE FROM ${TABLE}_node;`);
    const putNode = db.prepare(`INSERT INTO ${TABLE}_node (nodeno, data) VALUES (?, ?)`);
    const putParent = db.prepare(`INSERT INTO ${TABLE}_parent (nodeno, parentnode) VALUES (?, ?)`);
    for (const node of nodes) {
      putNode.run(node.no, node.data);
      if (node.no !== 1) putParent.run(node.no, parentOf.get(node.no)!);
    }
    const many = db.prepare(
      `INSERT INTO ${TABLE}_rowid (rowid, nodeno) VALUES ${Array.from({ length: ROWID_ROWS }, () => '(?, ?)').join(', ')}`,
    );
    const one = db.prepare(`INSERT INTO ${TABLE}_rowid (rowid, nodeno) VALUES (?, ?)`);
    const flat: number[] = new Array(ROWID_ROWS * 2);
    let i = 0;
    for (; i + ROWID_ROWS <= count; i += ROWID_ROWS) {
      for (let k = 0; k < ROWID_ROWS; k++) {
        flat[2 * k] = leaves.ids[i + k]!;
        flat[2 * k + 1] = leafOf[i + k]!;
      }
      many.run(flat);
    }
    for (; i < count; i++) one.run(leaves.ids[i]!, leafOf[i]!);
  } finally {
    db.unsafeMode(false);
  }
  return count;
}
