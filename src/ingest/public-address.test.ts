import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressRefusal, guardedLookup, isSpecialAddress, portOf, portRefusal, refusalOf } from './public-address.js';

describe('isSpecialAddress', () => {
  const table: [string, boolean][] = [
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true], // cloud metadata
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['::1', true],
    ['::', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:8.8.8.8', false],
    ['::ffff:808:808', false], // 8.8.8.8 mapped, hex form
    ['::ffff:a00:1', true], // 10.0.0.1 mapped, hex form
    ['0:0:0:0:0:ffff:7f00:1', true],
    ['::127.0.0.1', true], // IPv4-compatible (deprecated)
    ['::ffff:0:7f00:1', true], // IPv4-translated
    ['2002:7f00:1::1', true], // 6to4 of 127.0.0.1
    ['2002:808:808::1', false], // 6to4 of 8.8.8.8
    ['64:ff9b::7f00:1', true], // NAT64
    ['2001::1', true], // Teredo
    ['fe80::1%eth0', true],
    ['fec0::1', true],
    ['fe80::1', true],
    ['fd12:3456::1', true],
    ['ff02::1', true],
    ['2001:db8::1', true],
    ['2606:4700:4700::1111', false],
    ['not an address', true],
  ];
  for (const [address, special] of table)
    it(`${address} -> ${special ? 'refused' : 'allowed'}`, () => assert.equal(isSpecialAddress(address), special));
});

describe('refusalOf', () => {
  it('refuses other schemes, credentials and private hosts by literal address', async () => {
    assert.match((await refusalOf(new URL('file:///etc/passwd'))) ?? '', /only http and https/);
    assert.match((await refusalOf(new URL('ftp://example.org/x'))) ?? '', /only http and https/);
    assert.match((await refusalOf(new URL('http://user:pw@example.org/'))) ?? '', /user name or password/);
    assert.match((await refusalOf(new URL('http://127.0.0.1:8080/'))) ?? '', /private or special/);
    assert.match((await refusalOf(new URL('http://[::1]/'))) ?? '', /private or special/);
    assert.match((await refusalOf(new URL('http://169.254.169.254/latest/meta-data/'))) ?? '', /private/);
    assert.equal(await refusalOf(new URL('http://93.184.216.34/')), null);
  });

  it('checks the port after the addresses: 80 and 443 only, unless the policy allows more', async () => {
    const resolve = async () => [{ address: '93.184.216.34', family: 4 as const }];
    assert.match((await refusalOf(new URL('http://news.example:8080/'), { resolve })) ?? '', /port 8080 is not/);
    assert.equal(
      await refusalOf(new URL('http://news.example:8080/'), { resolve, policy: { allowPorts: [8080] } }),
      null,
    );
    assert.equal(await refusalOf(new URL('https://news.example/'), { resolve }), null);
    // A private address is named first, whatever the port.
    assert.match((await refusalOf(new URL('http://10.0.0.1:25/'))) ?? '', /private or special/);
  });

  it('resolves names (localhost is loopback)', async () => {
    assert.match((await refusalOf(new URL('http://localhost:9/'))) ?? '', /private or special/);
  });
});

describe('portOf and portRefusal', () => {
  it("takes the explicit port, or the scheme's", () => {
    assert.equal(portOf(new URL('http://example.org/')), 80);
    assert.equal(portOf(new URL('https://example.org/')), 443);
    assert.equal(portOf(new URL('http://example.org:80/')), 80);
    assert.equal(portOf(new URL('https://example.org:8443/')), 8443);
    assert.equal(portOf(new URL('http://[::1]:25/')), 25);
  });

  it('allows 80 and 443 (with either scheme) and the ports the policy names, nothing else', () => {
    for (const url of ['http://e.org/', 'https://e.org/', 'http://e.org:443/', 'https://e.org:80/'])
      assert.equal(portRefusal(new URL(url)), null, url);
    for (const port of [25, 22, 6379, 8080, 3000])
      assert.equal(
        portRefusal(new URL(`http://e.org:${port}/`)),
        `port ${port} is not allowed (only ports 80 and 443 are fetched)`,
      );
    assert.equal(portRefusal(new URL('http://e.org:8080/'), { allowPorts: [8080] }), null);
    assert.notEqual(portRefusal(new URL('http://e.org:8081/'), { allowPorts: [8080] }), null);
    // allowPrivate opens addresses, not ports.
    assert.notEqual(portRefusal(new URL('http://e.org:8080/'), { allowPrivate: true }), null);
  });
});

describe('addressRefusal and guardedLookup', () => {
  it('lets only the exact addresses a test names through, or everything with allowPrivate', () => {
    assert.match(addressRefusal('h', '127.0.0.1') ?? '', /h is a private or special address \(127\.0\.0\.1\)/);
    assert.equal(addressRefusal('h', '127.0.0.1', { allowAddresses: ['127.0.0.1'] }), null);
    assert.notEqual(addressRefusal('h', '127.0.0.2', { allowAddresses: ['127.0.0.1'] }), null);
    assert.equal(addressRefusal('h', '10.0.0.1', { allowPrivate: true }), null);
    assert.equal(addressRefusal('h', '8.8.8.8'), null);
  });

  const lookupOnce = (answer: string[], options: { all?: boolean; family?: number }) =>
    new Promise<{ err: Error | null; address: unknown; family?: number }>((resolve) =>
      guardedLookup(
        async () => answer.map((address) => ({ address, family: address.includes(':') ? (6 as const) : (4 as const) })),
        {},
      )('x.example', options, (err, address, family) => resolve({ err, address, family })),
    );

  it('hands the socket exactly the checked addresses, in the forms net asks for', async () => {
    assert.deepEqual(await lookupOnce(['8.8.8.8', '2606:4700::1'], {}), { err: null, address: '8.8.8.8', family: 4 });
    const all = await lookupOnce(['8.8.8.8', '2606:4700::1'], { all: true });
    assert.deepEqual(all.address, [
      { address: '8.8.8.8', family: 4 },
      { address: '2606:4700::1', family: 6 },
    ]);
    assert.deepEqual((await lookupOnce(['8.8.8.8', '2606:4700::1'], { family: 6 })).address, '2606:4700::1');
  });

  it('refuses the whole name when one address is special, even of a family not asked for', async () => {
    const r = await lookupOnce(['8.8.8.8', '::1'], { family: 4 });
    assert.equal(r.err?.name, 'AddressRefused');
    assert.equal((await lookupOnce([], {})).err?.message, 'the host x.example does not resolve');
  });
});
