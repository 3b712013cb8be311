import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDelimited, readRecords } from './records.js';

describe('record files', () => {
  it('parses quoted CSV fields with commas, quotes and newlines', () => {
    assert.deepEqual(parseDelimited('id,text\n1,"Shelling hit Idlib, ""again""\nat dawn"\r\n2,plain\n'), [
      ['id', 'text'],
      ['1', 'Shelling hit Idlib, "again"\nat dawn'],
      ['2', 'plain'],
    ]);
  });
  it('reads TSV, CSV and JSONL records by file name', () => {
    assert.deepEqual(readRecords('id\ttext\na\tClashes in Marib.\n', 'x.tsv'), [
      { id: 'a', text: 'Clashes in Marib.' },
    ]);
    assert.deepEqual(readRecords('data_id,notes\n7,A convoy was stopped.\n', 'x.csv'), [
      { id: '7', text: 'A convoy was stopped.' },
    ]);
    assert.deepEqual(readRecords('{"text":"Talks resumed."}\n', 'x.jsonl'), [{ id: '1', text: 'Talks resumed.' }]);
  });
  it('a record without text is an error', () => {
    assert.throws(() => readRecords('{"id":"1"}\n', 'x.jsonl'), /no text field/);
  });
});
