import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSpecialAddress, refusalOf } from './public-address.js';

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

  it('resolves names (localhost is loopback)', async () => {
    assert.match((await refusalOf(new URL('http://localhost:9/'))) ?? '', /private or special/);
  });
});
