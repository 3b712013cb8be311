/**
 * The fetcher against a local HTTP server, with a fake resolver (no real DNS): the connection goes to
 * exactly the address that was checked, so a name that answers a public address first and loopback
 * next (DNS rebinding) is refused without any request reaching the server.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { TruceError } from '../core/errors.js';
import { decodeReportBytes } from './decode.js';
import { fetchBounded, type FetchLimits } from './fetch-url.js';
import { refusalOf, type ResolvedAddress, type Resolver } from './public-address.js';

let site: Server;
let port: number;
let hits: { url: string; host: string; acceptEncoding?: string }[] = [];
/** A second server on another random port, for redirects to a port the policy does not allow. */
let other: Server;
let otherPort: number;
let otherHits = 0;

const STORY = 'Café talks resumed — “a quiet day”, said the mayor of Šibenik.';
const BOMB = gzipSync(Buffer.alloc(50_000_000)); // 50 MB of zeros, about 49 KB compressed
/** Bytes of the paced bomb written before the client hung up, and whether the server saw it go. */
let bombSent = 0;
let bombClosed = false;

before(async () => {
  site = createServer((req, res) => {
    const hit = { url: req.url ?? '', host: req.headers.host ?? '' };
    hits.push(req.url?.startsWith('/z/') ? { ...hit, acceptEncoding: req.headers['accept-encoding'] ?? '' } : hit);
    const coded = (encoding: string, body: Buffer) =>
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': encoding }).end(body);
    if (req.url === '/z/gzip') return coded('gzip', gzipSync(STORY));
    if (req.url === '/z/deflate') return coded('deflate', deflateSync(STORY));
    if (req.url === '/z/deflate-raw') return coded('deflate', deflateRawSync(STORY));
    if (req.url === '/z/deflate-raw-bomb') return coded('deflate', deflateRawSync(Buffer.alloc(50_000_000)));
    if (req.url === '/z/deflate-one-byte') return coded('deflate', Buffer.from([0x78]));
    if (req.url === '/z/deflate-empty') return coded('deflate', Buffer.alloc(0));
    if (req.url === '/z/br') return coded('br', brotliCompressSync(STORY));
    if (req.url === '/z/gzip-br') return coded('gzip, br', brotliCompressSync(gzipSync(STORY)));
    if (req.url === '/z/zstd') return coded('zstd', Buffer.from(STORY));
    if (req.url === '/z/corrupt') return coded('gzip', Buffer.from('this was never gzip'));
    if (req.url === '/z/truncated') return coded('gzip', gzipSync(STORY).subarray(0, 20));
    if (req.url === '/z/bomb') return coded('gzip', BOMB);
    if (req.url === '/z/empty-members')
      return coded('gzip', Buffer.concat(Array.from({ length: 5000 }, () => gzipSync(''))));
    if (req.url === '/z/paced-bomb') {
      // The bomb in 512-byte pieces, 20 ms apart (about 95 of them), until the client hangs up.
      bombSent = 0;
      bombClosed = false;
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.on('close', () => (bombClosed = true));
      const next = () => {
        if (bombClosed || res.destroyed) return;
        if (bombSent >= BOMB.length) return void res.end();
        res.write(BOMB.subarray(bombSent, bombSent + 512));
        bombSent += 512;
        setTimeout(next, 20);
      };
      return next();
    }
    if (req.url === '/story') return res.writeHead(200, { 'content-type': 'text/plain' }).end('a quiet day');
    if (req.url === '/to-other-port')
      return res.writeHead(302, { location: `http://127.0.0.1:${otherPort}/story` }).end();
    if (req.url === '/to-internal')
      return res.writeHead(302, { location: `http://internal.example:${port}/story` }).end();
    if (req.url === '/to-literal') return res.writeHead(302, { location: `http://[::1]:${port}/story` }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  port = (site.address() as AddressInfo).port;
  other = createServer((_req, res) => {
    otherHits++;
    res.writeHead(200, { 'content-type': 'text/plain' }).end('from the other port');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherPort = (other.address() as AddressInfo).port;
});
after(async () => {
  for (const s of [site, other]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});
beforeEach(() => {
  hits = [];
});

const family = (a: string): 4 | 6 => (a.includes(':') ? 6 : 4);

/** A resolver that answers each name from a list of answers, one per query (the last one repeats). */
function fakeResolver(answers: Record<string, string[][]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (host: string): Promise<ResolvedAddress[]> => {
    const seq = answers[host];
    if (!seq) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    const n = calls.filter((c) => c === host).length;
    calls.push(host);
    return (seq[Math.min(n, seq.length - 1)] ?? []).map((address) => ({ address, family: family(address) }));
  };
  return Object.assign(resolve, { calls });
}

const refusedCode = async (p: Promise<unknown>, address: RegExp) => {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof TruceError, String(e));
    assert.equal(e.shortCode, 'E028');
    assert.match(e.message, address);
    return true;
  });
};

describe('fetchBounded with an address policy', () => {
  it('connects to the address it checked, keeping the name in the Host header (one lookup per connection)', async () => {
    const resolve = fakeResolver({ 'news.example': [['127.0.0.1'], ['10.9.9.9']] });
    const got = await fetchBounded(`http://news.example:${port}/story`, {
      resolve,
      addresses: { allowAddresses: ['127.0.0.1'], allowPorts: [port] }, // test only: this loopback server counts as public
    });
    assert.equal(Buffer.from(got.bytes).toString(), 'a quiet day');
    assert.deepEqual(hits, [{ url: '/story', host: `news.example:${port}` }]);
    assert.deepEqual(resolve.calls, ['news.example']);
  });

  it('DNS rebinding: public to the check, loopback to the connection -> refused, nothing reaches the server', async () => {
    const resolve = fakeResolver({ 'rebind.example': [['93.184.216.34'], ['127.0.0.1']] });
    const limits: FetchLimits = {
      resolve,
      addresses: { allowPorts: [port] },
      // The check the service makes first (and the only one there was before): it sees a public address.
      checkUrl: async (u) => {
        const reason = await refusalOf(u, { resolve, policy: { allowPorts: [port] } });
        if (reason) throw new Error(reason);
      },
    };
    await refusedCode(fetchBounded(`http://rebind.example:${port}/story`, limits), /\(127\.0\.0\.1\)/);
    assert.deepEqual(resolve.calls, ['rebind.example', 'rebind.example']);
    assert.equal(hits.length, 0);
  });

  it('refuses a name when ANY of its addresses is special, whatever the order', async () => {
    for (const answer of [
      ['93.184.216.34', '127.0.0.1'],
      ['2606:4700::1', '::1'],
    ]) {
      const resolve = fakeResolver({ 'mixed.example': [answer] });
      await refusedCode(
        fetchBounded(`http://mixed.example:${port}/story`, { resolve, addresses: { allowPorts: [port] } }),
        /private/,
      );
    }
    assert.equal(hits.length, 0);
  });

  it('refuses names resolving to IPv6 loopback, unique-local, mapped IPv4, 0.0.0.0, link-local', async () => {
    for (const address of [
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '::127.0.0.1',
      '0.0.0.0',
      '169.254.169.254',
      'fe80::1',
    ]) {
      const resolve = fakeResolver({ 'inside.example': [[address]] });
      await refusedCode(
        fetchBounded(`http://inside.example:${port}/story`, { resolve, addresses: { allowPorts: [port] } }),
        new RegExp(`\\(${address.replace(/[.]/g, '\\.')}\\)`),
      );
    }
    assert.equal(hits.length, 0);
  });

  it('refuses literal addresses in any form the URL parser accepts, without resolving or connecting', async () => {
    const resolve = fakeResolver({});
    for (const host of [
      '127.0.0.1',
      '2130706433', // decimal
      '0177.0.0.1', // octal
      '0x7f.0.0.1', // hex
      '0x7f000001',
      '127.1',
      '017700000001',
      '0.0.0.0',
      '0',
      '[::1]',
      '[::]',
      '[::ffff:127.0.0.1]',
      '[::ffff:7f00:1]',
      '[fc00::1]',
      '[fd00::1]',
      '[fe80::1]',
    ]) {
      await refusedCode(
        fetchBounded(`http://${host}:${port}/story`, { resolve, addresses: { allowPorts: [port] } }),
        /private or special address/,
      );
    }
    assert.deepEqual(resolve.calls, []);
    assert.equal(hits.length, 0);
    // The forms are real: allowed, the decimal one reaches this loopback server.
    const got = await fetchBounded(`http://2130706433:${port}/story`, {
      addresses: { allowPrivate: true, allowPorts: [port] },
    });
    assert.equal(Buffer.from(got.bytes).toString(), 'a quiet day');
  });

  it('checks the address of every redirect hop at connection time', async () => {
    const resolve = fakeResolver({ 'news.example': [['127.0.0.1']], 'internal.example': [['10.0.0.5']] });
    const addresses = { allowAddresses: ['127.0.0.1'], allowPorts: [port] };
    await refusedCode(fetchBounded(`http://news.example:${port}/to-internal`, { resolve, addresses }), /10\.0\.0\.5/);
    await refusedCode(fetchBounded(`http://news.example:${port}/to-literal`, { resolve, addresses }), /::1/);
    assert.deepEqual(
      hits.map((h) => h.url),
      ['/to-internal', '/to-literal'],
    );
  });

  it('a name that does not resolve is a fetch failure, not a refusal', async () => {
    await assert.rejects(
      fetchBounded(`http://nowhere.example:${port}/story`, {
        resolve: fakeResolver({}),
        addresses: { allowPorts: [port] },
      }),
      (e: unknown) => !(e instanceof TruceError) && /nowhere\.example/.test(String(e)),
    );
  });
});

describe('fetchBounded: ports', () => {
  const loopback = { allowAddresses: ['127.0.0.1'] }; // test only: this loopback server counts as public

  it('refuses any port but 80 and 443 under a policy (E028 naming the port), before resolving or connecting', async () => {
    const resolve = fakeResolver({ 'news.example': [['127.0.0.1']] });
    for (const url of [`http://news.example:${port}/story`, `http://127.0.0.1:${port}/story`])
      await refusedCode(fetchBounded(url, { resolve, addresses: loopback }), new RegExp(`port ${port} is not allowed`));
    assert.deepEqual(resolve.calls, []);
    assert.equal(hits.length, 0);
  });

  it('fetches from a port the policy names in allowPorts', async () => {
    const resolve = fakeResolver({ 'news.example': [['127.0.0.1']] });
    const got = await fetchBounded(`http://news.example:${port}/story`, {
      resolve,
      addresses: { ...loopback, allowPorts: [port] },
    });
    assert.equal(Buffer.from(got.bytes).toString(), 'a quiet day');
  });

  it('refuses a redirect to a port that is not allowed, without connecting to it', async () => {
    const before = otherHits;
    await refusedCode(
      fetchBounded(`http://127.0.0.1:${port}/to-other-port`, { addresses: { ...loopback, allowPorts: [port] } }),
      new RegExp(`port ${otherPort} is not allowed`),
    );
    assert.equal(otherHits, before);
    assert.deepEqual(
      hits.map((h) => h.url),
      ['/to-other-port'],
    );
    // Both ports allowed: the redirect is followed.
    const got = await fetchBounded(`http://127.0.0.1:${port}/to-other-port`, {
      addresses: { ...loopback, allowPorts: [port, otherPort] },
    });
    assert.equal(Buffer.from(got.bytes).toString(), 'from the other port');
    assert.equal(otherHits, before + 1);
  });

  it('without a policy (the CLI) any port is fetched', async () => {
    const got = await fetchBounded(`http://127.0.0.1:${port}/story`);
    assert.equal(Buffer.from(got.bytes).toString(), 'a quiet day');
  });
});

describe('fetchBounded: compressed bodies', () => {
  const at = (path: string) => `http://127.0.0.1:${port}${path}`;

  it('asks for gzip, deflate and br, and decodes each (and two stacked) to the bytes stored', async () => {
    for (const path of ['/z/gzip', '/z/deflate', '/z/br', '/z/gzip-br']) {
      const got = await fetchBounded(at(path));
      assert.equal(Buffer.from(got.bytes).toString('utf8'), STORY, path);
      // The charset decoding the callers do works on the decoded bytes.
      assert.equal(decodeReportBytes(got.bytes, { what: path }), STORY, path);
    }
    assert.deepEqual(
      hits.map((h) => h.acceptEncoding),
      Array(4).fill('gzip, deflate, br'),
    );
  });

  it('takes raw deflate under "deflate" too, as browsers do; an empty body is empty, one byte is corrupt', async () => {
    const got = await fetchBounded(at('/z/deflate-raw'));
    assert.equal(Buffer.from(got.bytes).toString('utf8'), STORY);
    assert.equal((await fetchBounded(at('/z/deflate-empty'))).bytes.length, 0);
    await assert.rejects(
      fetchBounded(at('/z/deflate-one-byte')),
      /^Error: corrupt deflate body: unexpected end of file/,
    );
    await assert.rejects(fetchBounded(at('/z/deflate-raw-bomb'), { maxBytes: 64 * 1024 }), (e: unknown) => {
      assert.ok(e instanceof TruceError && e.shortCode === 'E003', String(e));
      return true;
    });
  });

  it('stops a gzip bomb at the limit of DECODED bytes (E003), though its raw bytes are within it', async () => {
    assert.ok(BOMB.length < 64 * 1024, `the bomb is ${BOMB.length} bytes compressed`);
    await assert.rejects(fetchBounded(at('/z/bomb'), { maxBytes: 64 * 1024 }), (e: unknown) => {
      assert.ok(e instanceof TruceError && e.shortCode === 'E003', String(e));
      assert.match(e.message, /more than 65536 bytes/);
      return true;
    });
  });

  it('reads no more of a streamed bomb than it needs to pass the limit', async () => {
    await assert.rejects(fetchBounded(at('/z/paced-bomb'), { maxBytes: 64 * 1024 }), /E003|too large/);
    for (let i = 0; i < 300 && !bombClosed; i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(bombClosed, 'the client hung up');
    // 512 bytes of zeros' gzip decode to about 500 KB: the first piece passes a 64 KB limit, and the
    // client hangs up long before the ~49 KB are all sent: half of them take about a second, a margin
    // for a loaded machine's timers (CI runs test files in parallel).
    assert.ok(bombSent < BOMB.length / 2, `${bombSent} of ${BOMB.length} compressed bytes were sent`);
  });

  it('keeps a limit on the raw bytes too: 100 KB of empty gzip members decode to nothing but stop at 64 KB', async () => {
    await assert.rejects(fetchBounded(at('/z/empty-members'), { maxBytes: 64 * 1024 }), (e: unknown) => {
      assert.ok(e instanceof TruceError && e.shortCode === 'E003', String(e));
      return true;
    });
  });

  it('a corrupt or truncated gzip body is a clear error, not a crash', async () => {
    await assert.rejects(fetchBounded(at('/z/corrupt')), /^Error: corrupt gzip body: incorrect header check/);
    await assert.rejects(fetchBounded(at('/z/truncated')), /^Error: corrupt gzip body: unexpected end of file/);
  });

  it('refuses a content-encoding it does not know, naming it', async () => {
    await assert.rejects(fetchBounded(at('/z/zstd')), /unsupported content-encoding "zstd"/);
  });
});
