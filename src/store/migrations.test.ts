import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadMigrations, pendingMigrations } from './migrations.js';

describe('migrations', () => {
  it('have the same numbers and names for SQLite and PostgreSQL', () => {
    const sqlite = loadMigrations('sqlite').map((m) => `${m.version}_${m.name}`);
    const postgres = loadMigrations('postgres').map((m) => `${m.version}_${m.name}`);
    assert.ok(sqlite.length > 0);
    assert.deepEqual(postgres, sqlite);
  });

  it('refuses a database whose applied migration was edited or is unknown', () => {
    const all = loadMigrations('sqlite');
    const first = all[0]!;
    assert.deepEqual(pendingMigrations(all, []), all);
    assert.deepEqual(pendingMigrations(all, [{ version: 1, checksum: first.checksum }]), all.slice(1));
    assert.throws(() => pendingMigrations(all, [{ version: 1, checksum: 'x' }]), /edited after it was applied/);
    assert.throws(() => pendingMigrations(all, [{ version: 999, checksum: 'x' }]), /does not know/);
  });
});
