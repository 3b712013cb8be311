import { Command } from 'commander';
import { openStore, storePath } from '../services/open-store.js';
import {
  parsePort,
  startServer,
  stopOnSignal,
  serviceOptions,
  withServiceOptions,
  type ServiceFlags,
} from './start-server.js';

/** `truce serve`: the HTTP service on the SQLite store; the first start creates an admin. */
export function registerServe(program: Command): void {
  withServiceOptions(
    program
      .command('serve')
      .description('Start the HTTP service (dashboard at /, API under /api, OpenAPI at /docs)')
      .option('--db <file>', 'SQLite database file (default: $TRUCE_DB or ./truce.db)')
      .option('--port <n>', 'port to listen on', '8080')
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--agreement <id|file>', 'the agreement the dashboard judges by (default: syria-2016-09-arrangement)')
      .option('--insecure-cookies', 'cookies without Secure (plain HTTP on localhost only)'),
  ).action(
    async (
      flags: {
        db?: string;
        port: string;
        host: string;
        agreement?: string;
        insecureCookies?: boolean;
      } & ServiceFlags,
    ) => {
      const { AccountsService } = await import('../services/accounts.service.js');
      const port = parsePort(flags.port);
      const service = serviceOptions(flags);
      const store = await openStore(flags.db);
      const { cliActor } = await import('../services/audit.service.js');
      const admin = await new AccountsService(store).bootstrapAdmin(undefined, cliActor());
      if (admin) {
        console.log(`First start: created the admin account ${admin.email}`);
        console.log(`One-time password (shown once, change it after signing in): ${admin.password}`);
      }
      let started;
      try {
        started = await startServer({
          store,
          host: flags.host,
          port,
          agreement: flags.agreement,
          insecureCookies: flags.insecureCookies,
          ...service,
          logger: true,
        });
      } catch (err) {
        await store.close();
        throw err;
      }
      stopOnSignal(started, store);
      console.log(`Truce Monitor serving ${storePath(flags.db)} at ${started.url} (API docs: ${started.url}/docs)`);
      if (!started.secure) console.log('Cookies are not Secure: use only over localhost or behind HTTPS.');
    },
  );
}
