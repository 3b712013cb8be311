import { Command } from 'commander';
import { AuditService } from '../services/audit.service.js';
import { openStore } from '../services/open-store.js';

/** `truce audit verify`: walks the hash chain; exit code 1 names the first broken entry. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The hash-chained audit log');
  audit
    .command('verify')
    .description('Check every entry of the audit chain; names the first broken one')
    .option('--db <file>', 'SQLite database file (default: $TRUCE_DB or ./truce.db)')
    .action(async (flags: { db?: string }) => {
      const store = await openStore(flags.db);
      try {
        const r = await new AuditService(store).verify();
        if (r.ok) console.log(`audit chain intact: ${r.entries} entries, head ${r.head}`);
        else {
          console.error(
            `audit chain BROKEN at entry ${r.broken?.id}: ${r.broken?.reason} (${r.entries} entries before it verified)`,
          );
          process.exitCode = 1;
        }
      } finally {
        await store.close();
      }
    });
}
