import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { AnalysisSchema } from '../../src/core/analysis.js';
import { ROOT, runCli } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'truce-cli-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

test('analyze --format json prints the Analysis contract for a text report', () => {
  const r = runCli(['analyze', 'examples/aleppo-air-strikes.txt', '--published', '2016-09-20', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const analysis = AnalysisSchema.parse(JSON.parse(r.stdout));
  assert.equal(analysis.report.published, '2016-09-20');
  assert.ok(analysis.events.length > 0);
  for (const e of [...analysis.entities, ...analysis.quotes])
    assert.equal(analysis.report.body.slice(e.start, e.end), e.text);
  for (const e of analysis.events) assert.equal(analysis.report.body.slice(e.start, e.end), e.evidence);
});

test('analyze reads standard input with -', () => {
  const r = runCli(
    ['analyze', '-', '--format', 'json', '--published', '2020-03-10'],
    'Police arrested two men in Kabul on Monday.\n',
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal(AnalysisSchema.parse(JSON.parse(r.stdout)).report.published, '2020-03-10');
});

test('the text summary shows headline, date, events and quotes', () => {
  const r = runCli(['analyze', 'examples/aleppo-air-strikes.txt', '--published', '2016-09-20']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Headline: +Air strikes pound eastern Aleppo/);
  assert.match(r.stdout, /Published: 2016-09-20/);
  assert.match(r.stdout, /Events \(\d+\):/);
  assert.match(r.stdout, /Quotes \(\d+\):/);
});

test('npm run examples: the manifest of examples analyses every report', () => {
  const r = runCli(['analyze', '--manifest', 'examples/manifest.yaml']);
  assert.equal(r.status, 0, r.stderr);
  const listed = readFileSync(join(ROOT, 'examples/manifest.yaml'), 'utf8').match(/^\s+- file: /gm)?.length;
  assert.ok(listed !== undefined && listed >= 6);
  assert.equal(r.stdout.match(/^== /gm)?.length, listed);
});

test('bad input gets a clear error naming what is wrong, and other inputs still run', () => {
  const big = join(dir, 'huge.txt');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  const rows: Array<[string, string, RegExp]> = [
    ['empty file', file('empty.txt', ''), /E002.*empty/],
    ['binary file', file('photo.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])), /E004.*PNG/],
    ['50 MB file', big, /E003.*52428800 bytes; the limit is 10485760/],
    ['invalid UTF-8', file('latin.txt', Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61])), /E005.*byte 3/],
    ['missing file', join(dir, 'nope.txt'), /E001.*not found/],
    [
      'HTML with no article',
      file('empty.html', '<html><head><title>x</title></head><body><nav>Home</nav></body></html>'),
      /E008/,
    ],
  ];
  for (const [name, path, expected] of rows) {
    const r = runCli(['analyze', path, 'examples/helmand-roadside-bomb.txt', '--published', '2020-03-10']);
    assert.equal(r.status, 2, name);
    assert.match(r.stderr, expected, name);
    assert.match(r.stdout, /Roadside bomb kills three Afghan soldiers/, `${name}: the good report still ran`);
  }
});

test('a bad --published date is refused with its field named', () => {
  const r = runCli(['analyze', 'examples/taiz-convoy.txt', '--published', '2018-02-30']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /E006.*--published.*2018-02-30/);
});

test('a report in another language gets a warning, not invented events', () => {
  const french = file(
    'fr.txt',
    "Des frappes aériennes ont visé les quartiers est d'Alep lundi, selon une organisation de surveillance. " +
      "Les combats se sont poursuivis dans la province d'Idleb, où les rebelles ont repris plusieurs villages.\n",
  );
  const r = runCli(['analyze', french, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const a = AnalysisSchema.parse(JSON.parse(r.stdout));
  assert.equal(a.events.length, 0);
  assert.ok(a.warnings.some((w) => w.startsWith('W101')));
});

test('control characters in a report cannot reach the terminal raw', () => {
  const hostile = file(
    'hostile.txt',
    'Militants \u001b[2J\u001b]0;pwned\u0007attacked a checkpoint in Kabul on Monday, police said.\n',
  );
  const r = runCli(['analyze', hostile, '--published', '2020-03-10']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!r.stdout.includes('\u001b[2J'));
});
