import { Command } from 'commander';
import { openStore, storePath } from '../services/open-store.js';

/** `truce serve`: the HTTP service on the SQLite store; the first start creates an admin. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the HTTP service (API, OpenAPI at /docs)')
    .option('--db <file>', 'SQLite database file (default: $TRUCE_DB or ./truce.db)')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--insecure-cookies', 'cookies without Secure (plain HTTP on localhost only)')
    .action(async (flags: { db?: string; port: string; host: string; insecureCookies?: boolean }) => {
      const { buildServer } = await import('../server/app.js');
      const { AccountsService } = await import('../services/accounts.service.js');
      const store = await openStore(flags.db);
      const local = flags.host === '127.0.0.1' || flags.host === 'localhost' || flags.host === '::1';
      const secure = !(flags.insecureCookies ?? local);
      const base = `http://${flags.host}:${flags.port}`;
      const admin = await new AccountsService(store).bootstrapAdmin();
      if (admin) {
        console.log(`First start: created the admin account ${admin.email}`);
        console.log(`One-time password (shown once, change it after signing in): ${admin.password}`);
      }
      const app = await buildServer({ store, secureCookies: secure, baseUrl: base, logger: true });
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await app.listen({ port: Number(flags.port), host: flags.host });
      console.log(`Truce Monitor serving ${storePath(flags.db)} at ${base} (API docs: ${base}/docs)`);
      if (!secure) console.log('Cookies are not Secure: use only over localhost or behind HTTPS.');
    });
}
