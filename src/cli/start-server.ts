/** What `truce serve` and `truce demo` share: their service options, build the app on a store, listen, stop cleanly. */
import type { Command } from 'commander';
import { TruceError } from '../core/errors.js';
import type { AnalyzeService } from '../services/analyze.service.js';
import type { Store } from '../store/store.js';

export interface Listen {
  readonly host: string;
  readonly port: number;
  /** When the port is taken, try the next ones (up to this many) instead of failing. */
  readonly tryNext?: number;
}

export interface StartOptions extends Listen {
  readonly store: Store;
  readonly agreement?: string;
  readonly insecureCookies?: boolean;
  readonly logger?: boolean;
  readonly analyze?: AnalyzeService;
  /** A raster tile URL template for the dashboard's map (none: the bundled Natural Earth base only). */
  readonly tileUrl?: string;
  /** The tiles' attribution, shown on the map (operator-set HTML). */
  readonly tileAttribution?: string;
  /** Reverse proxies whose X-Forwarded-For is believed (parsed by parseTrustProxy). */
  readonly trustProxy?: readonly string[];
  /** Ports that URLs submitted for fetching may use besides 80 and 443 (parsed by parseFetchPorts). */
  readonly fetchPorts?: readonly number[];
}

export interface Started {
  readonly url: string;
  readonly secure: boolean;
  close(): Promise<void>;
}

const LOCAL = new Set(['127.0.0.1', 'localhost', '::1']);

const TILE_URL_FLAG = '--tile-url <url>';
const TILE_URL_HELP =
  'raster tiles for the dashboard map instead of the bundled Natural Earth base, e.g. https://tiles.example.org/{z}/{x}/{y}.png (its origin is added to the CSP img-src)';
const TILE_ATTRIBUTION_FLAG = '--tile-attribution <text>';
const TILE_ATTRIBUTION_HELP = "the tiles' attribution shown on the map (with --tile-url)";

/** Checks --tile-url and --tile-attribution before anything is opened (the CSP check runs at start-up too). */
export function checkTileOptions(flags: { tileUrl?: string; tileAttribution?: string }): void {
  if (flags.tileAttribution !== undefined && !flags.tileUrl)
    throw new TruceError('E007_BAD_OPTION', { option: '--tile-attribution', reason: 'it needs --tile-url' });
  if (flags.tileUrl === undefined) return;
  const url = flags.tileUrl.trim();
  if (!/^https?:\/\//i.test(url))
    throw new TruceError('E007_BAD_OPTION', { option: '--tile-url', reason: 'tiles must come over http(s)' });
  for (const part of ['{z}', '{x}', '{y}'])
    if (!url.includes(part))
      throw new TruceError('E007_BAD_OPTION', {
        option: '--tile-url',
        reason: `a tile URL template needs ${part}, as in https://tiles.example.org/{z}/{x}/{y}.png`,
      });
}

const TRUST_PROXY_FLAG = '--trust-proxy <addresses>';
const TRUST_PROXY_HELP =
  'comma-separated addresses or CIDR ranges of your reverse proxies (e.g. 127.0.0.1,10.0.0.0/8): their X-Forwarded-For names the client that rate limits count';

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The items of a comma-separated option, trimmed; E007 naming the option when there are none. */
function commaList(value: string, option: string, what: string): string[] {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) throw new TruceError('E007_BAD_OPTION', { option, reason: `give at least one ${what}` });
  return parts;
}

/** --trust-proxy: explicit IPv4/IPv6 addresses or CIDR ranges only (never "all", which a client could abuse). */
export function parseTrustProxy(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = commaList(value, '--trust-proxy', 'address');
  for (const part of parts) {
    const [address = '', bits, extra] = part.split('/');
    const v4 = IPV4.test(address);
    const v6 = !v4 && address.includes(':') && /^[0-9a-f:.]+$/i.test(address);
    const max = v4 ? 32 : 128;
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
    if (!(v4 || v6) || !okBits || extra !== undefined)
      throw new TruceError('E007_BAD_OPTION', {
        option: '--trust-proxy',
        reason: `"${part}" is not an IP address or CIDR range (e.g. 127.0.0.1 or 10.0.0.0/8)`,
      });
  }
  return parts;
}

const FETCH_PORTS_FLAG = '--fetch-ports <ports>';
const FETCH_PORTS_HELP =
  'comma-separated ports that URLs submitted for fetching may use besides 80 and 443 (e.g. 8080,8443); default none';

/** --fetch-ports: whole port numbers 1-65535, each named when it is not one. */
export function parseFetchPorts(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  return commaList(value, '--fetch-ports', 'port').map((part) => {
    const n = Number(part);
    if (!/^\d{1,5}$/.test(part) || n < 1 || n > 65535)
      throw new TruceError('E007_BAD_OPTION', {
        option: '--fetch-ports',
        reason: `"${part}" is not a port number (1-65535)`,
      });
    return n;
  });
}

/** The flags `truce serve` and `truce demo` both take beyond where to listen: map tiles, trusted proxies, fetch ports. */
export interface ServiceFlags {
  readonly tileUrl?: string;
  readonly tileAttribution?: string;
  readonly trustProxy?: string;
  readonly fetchPorts?: string;
}

/** Adds --tile-url, --tile-attribution, --trust-proxy and --fetch-ports to a command. */
export function withServiceOptions(command: Command): Command {
  return command
    .option(TILE_URL_FLAG, TILE_URL_HELP)
    .option(TILE_ATTRIBUTION_FLAG, TILE_ATTRIBUTION_HELP)
    .option(TRUST_PROXY_FLAG, TRUST_PROXY_HELP)
    .option(FETCH_PORTS_FLAG, FETCH_PORTS_HELP);
}

/** Checks those flags before anything is opened; what startServer takes of them. */
export function serviceOptions(
  flags: ServiceFlags,
): Pick<StartOptions, 'tileUrl' | 'tileAttribution' | 'trustProxy' | 'fetchPorts'> {
  checkTileOptions(flags);
  const trustProxy = parseTrustProxy(flags.trustProxy);
  const fetchPorts = parseFetchPorts(flags.fetchPorts);
  return { tileUrl: flags.tileUrl, tileAttribution: flags.tileAttribution, trustProxy, fetchPorts };
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 65535)
    throw new TruceError('E007_BAD_OPTION', { option: '--port', reason: `"${value}" is not a port number (0-65535)` });
  return n;
}

/** What the dashboard is told through /api/config (and what the page's CSP allows for images). */
export function webOptions(options: Pick<StartOptions, 'agreement' | 'tileUrl' | 'tileAttribution'>): {
  agreement?: string;
  tileUrl?: string;
  tileAttribution?: string;
} {
  return {
    ...(options.agreement ? { agreement: options.agreement } : {}),
    ...(options.tileUrl ? { tileUrl: options.tileUrl } : {}),
    ...(options.tileAttribution ? { tileAttribution: options.tileAttribution } : {}),
  };
}

/** Builds the service and listens; a taken port is reported plainly (or the next free one used). */
export async function startServer(options: StartOptions): Promise<Started> {
  const { buildServer } = await import('../server/app.js');
  // Plain-HTTP cookies only on loopback (a browser drops Secure cookies over http://).
  const secure = !(options.insecureCookies ?? LOCAL.has(options.host));
  const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
  for (let port = options.port, tries = 0; ; port++, tries++) {
    const url = `http://${hostPart}:${port}`;
    const app = await buildServer({
      store: options.store,
      secureCookies: secure,
      baseUrl: url,
      logger: options.logger ?? false,
      ...(options.analyze ? { analyze: options.analyze } : {}),
      ...(options.agreement ? { agreement: options.agreement } : {}),
      web: webOptions(options),
      ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
      ...(options.fetchPorts ? { fetch: { allowPorts: options.fetchPorts } } : {}),
    });
    try {
      await app.listen({ port, host: options.host });
    } catch (err) {
      await app.close();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && tries < (options.tryNext ?? 0)) continue;
      if (code === 'EADDRINUSE')
        throw new TruceError('E007_BAD_OPTION', {
          option: '--port',
          reason: `port ${port} on ${options.host} is already in use: choose another with --port N`,
        });
      throw err;
    }
    const bound = app.server.address();
    const actual = typeof bound === 'object' && bound ? bound.port : port;
    return { url: `http://${hostPart}:${actual}`, secure, close: () => app.close() };
  }
}

/** Closes the server and the store on Ctrl+C or SIGTERM. */
export function stopOnSignal(started: Started, store: Store): void {
  const stop = async () => {
    await started.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
