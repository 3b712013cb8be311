import { Command } from 'commander';
import pc from 'picocolors';
import {
  parsePort,
  startServer,
  stopOnSignal,
  serviceOptions,
  withServiceOptions,
  type ServiceFlags,
} from './start-server.js';

export const DEMO_DB = './truce-demo.db';

interface DemoFlags extends ServiceFlags {
  db: string;
  port?: string;
  host: string;
  resetAdmin?: boolean;
  log?: boolean;
}

/**
 * `truce demo` (what `npm start` runs): the service on its own database, filled with the example
 * reports and judged against the September 2016 arrangement, with an admin to sign in as.
 */
export function registerDemo(program: Command): void {
  withServiceOptions(
    program
      .command('demo')
      .description('Start the service with the example reports and the September 2016 agreement (npm start)')
      .option('--db <file>', 'SQLite database file for the demo', DEMO_DB)
      .option('--port <n>', 'port to listen on (default 8080, or the next free one)')
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--reset-admin', 'give admin@localhost a new one-time password')
      .option('--log', 'log every request (JSON lines)'),
  ).action(async (flags: DemoFlags) => {
    const { openSqliteStore } = await import('../store/sqlite/sqlite.store.js');
    const { DemoService, DEMO_AGREEMENT } = await import('../services/demo.service.js');
    const { AnalyzeService } = await import('../services/analyze.service.js');
    const port = flags.port === undefined ? 8080 : parsePort(flags.port);
    const service = serviceOptions(flags);
    console.log(pc.bold('Truce Monitor demo'));
    console.log(`  database   ${flags.db}`);
    const store = await openSqliteStore({ path: flags.db });
    const analyze = new AnalyzeService();
    let started;
    try {
      const demo = await new DemoService(store, { analyze, resetAdmin: flags.resetAdmin }).prepare();
      const r = demo.reports;
      const stored = r.new > 0 ? `${r.new} stored now` : 'all stored before';
      console.log(`  reports    ${r.read} example reports (${stored}${r.failed ? `, ${r.failed} failed` : ''})`);
      console.log(`  incidents  ${demo.incidents.total}`);
      const f = demo.findings;
      console.log(`  agreement  ${demo.agreement.title}`);
      console.log(
        `             ${f.violations} violation(s), ${f.possible} possible violation(s), ${f.permitted} permitted act(s)`,
      );
      started = await startServer({
        store,
        host: flags.host,
        port,
        tryNext: flags.port === undefined ? 20 : 0,
        agreement: DEMO_AGREEMENT,
        logger: flags.log ?? false,
        analyze,
        ...service,
      });
      if (demo.admin) {
        const why = demo.admin.reset ? 'password reset' : 'new admin account';
        console.log(`  sign in    ${demo.admin.email}  (${why})`);
        console.log(`  password   ${pc.bold(demo.admin.password)}  (one-time: you will be asked to change it)`);
      } else
        console.log(`  sign in    admin@localhost with the password you set (forgotten: npm start -- --reset-admin)`);
    } catch (err) {
      await store.close();
      throw err;
    }
    stopOnSignal(started, store);
    if (port !== 0 && !started.url.endsWith(`:${port}`))
      console.log(pc.yellow(`  port ${port} was taken: listening on ${started.url} instead`));
    console.log('');
    console.log(`Open ${pc.bold(started.url)}   (API docs: ${started.url}/docs; Ctrl+C stops)`);
  });
}
