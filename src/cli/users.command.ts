import { Command } from 'commander';
import { openStore } from '../services/open-store.js';

/** `truce users list` and `truce users outbox`: what an admin checks from the terminal. */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('Accounts (invitations are made through the API)');
  users
    .command('list')
    .option('--db <file>', 'SQLite database file (default: $TRUCE_DB or ./truce.db)')
    .action(async (flags: { db?: string }) => {
      const store = await openStore(flags.db);
      try {
        for (const u of await store.accounts.listUsers())
          console.log(
            `${u.id}\t${u.role}${u.partyId ? `(${u.partyId})` : ''}\t${u.email}${u.disabled ? '\tdisabled' : ''}`,
          );
      } finally {
        await store.close();
      }
    });
  users
    .command('outbox')
    .description('Mail waiting to be sent (invitation and reset links; SMTP is not wired yet)')
    .option('--db <file>', 'SQLite database file (default: $TRUCE_DB or ./truce.db)')
    .action(async (flags: { db?: string }) => {
      const store = await openStore(flags.db);
      try {
        for (const m of await store.accounts.listOutbox())
          console.log(`${m.createdAt}\t${m.recipient}\t${m.subject}\n  ${m.body}`);
      } finally {
        await store.close();
      }
    });
}
