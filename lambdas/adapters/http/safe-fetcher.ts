/**
 * The HTTP adapter: fetches feeds and article pages from the open web without becoming a liability.
 * - SSRF guard: only http/https; every hop's resolved addresses are checked (loopback, private, link-local
 *   including the cloud metadata address 169.254.169.254, unique-local, multicast, reserved) and the connection
 *   is pinned to the address that was checked, so a DNS answer cannot change between check and connect.
 * - Limits: connect timeout, a deadline for the whole response, a cap on the decompressed body (a gzip bomb
 *   fails cleanly), at most five redirects, loops detected.
 * - Politeness: conditional GET, a per-host concurrency limit and a minimum delay between requests to a host.
 * Non-2xx statuses are returned, not thrown: the caller records 304, 404, 410, 429 and 503 in the feed state.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { FetchOptions, FetchResponse, HttpFetcher } from '../../core/ports';

export type FetchErrorCode =
  | 'timeout'
  | 'too-large'
  | 'ssrf-blocked'
  | 'bad-scheme'
  | 'bad-url'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'network'
  | 'decompression'
  | 'dns';

/** A fetch that failed before a usable HTTP response: network, limits or safety. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly code: FetchErrorCode;
  readonly url: string;
  constructor(code: FetchErrorCode, message: string, url: string) {
    super(message);
    this.code = code;
    this.url = url;
  }
}

export interface SafeHttpFetcherOptions {
  readonly userAgent?: string;
  /** Hostnames, IP addresses or CIDR ranges exempt from the SSRF guard (tests and the local demo use loopback). */
  readonly allowHosts?: readonly string[];
  readonly connectTimeoutMs?: number;
  /** Deadline for receiving the whole response once connected (headers and body), against slow trickles. */
  readonly readTimeoutMs?: number;
  readonly maxFeedBytes?: number;
  readonly maxPageBytes?: number;
  readonly perHostConcurrency?: number;
  /** Minimum gap between the starts of two requests to one host. */
  readonly perHostDelayMs?: number;
  /** DNS resolution, injectable for tests: all addresses of a host. */
  readonly lookup?: (host: string) => Promise<string[]>;
  readonly maxRedirects?: number;
}

const DEFAULTS = {
  userAgent: 'Newswire/0.1 (+https://github.com/newswire; feed reader)',
  connectTimeoutMs: 10_000,
  readTimeoutMs: 30_000,
  maxFeedBytes: 10 * 1024 * 1024,
  maxPageBytes: 5 * 1024 * 1024,
  perHostConcurrency: 2,
  perHostDelayMs: 1_000,
  maxRedirects: 5,
};

/** Address ranges that must never be fetched from the open web. */
const BLOCKED_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const BLOCKED_V6: [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];

const BLOCKED = (() => {
  const list = new BlockList();
  for (const [net, prefix] of BLOCKED_V4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of BLOCKED_V6) list.addSubnet(net, prefix, 'ipv6');
  return list;
})();

/** An IPv4 address embedded in an IPv6 one (mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`), if any. */
function embeddedV4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = Number.parseInt(hex[1]!, 16);
    const lo = Number.parseInt(hex[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return undefined;
}

/** True when the address is in a range the SSRF guard refuses. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) {
    const v4 = embeddedV4(address);
    if (v4) return BLOCKED.check(v4, 'ipv4');
    return BLOCKED.check(address, 'ipv6');
  }
  return true;
}

interface HostSlot {
  active: number;
  lastStart: number;
  waiters: (() => void)[];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The HttpFetcher used in the cloud and locally: safe, bounded and polite. */
export class SafeHttpFetcher implements HttpFetcher {
  private readonly opts: Required<Omit<SafeHttpFetcherOptions, 'allowHosts' | 'lookup'>>;
  private readonly allowNames = new Set<string>();
  private readonly allowList = new BlockList();
  private readonly resolveHost: (host: string) => Promise<string[]>;
  private readonly hosts = new Map<string, HostSlot>();
  /** Keep-alive agents, one per checked address, so a pooled socket only ever serves the address it was checked for. */
  private readonly agents = new Map<string, http.Agent>();

  /** The keep-alive agent for one scheme, host, port and checked address (idle sockets do not hold the process). */
  private agentFor(u: URL, address: string): http.Agent {
    const key = `${u.protocol}//${u.host}@${address}`;
    let agent = this.agents.get(key);
    if (!agent) {
      const options = { keepAlive: true, maxSockets: this.opts.perHostConcurrency, timeout: 30_000 };
      agent = u.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
      this.agents.set(key, agent);
    }
    return agent;
  }

  constructor(options: SafeHttpFetcherOptions = {}) {
    this.opts = {
      userAgent: options.userAgent ?? DEFAULTS.userAgent,
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
      readTimeoutMs: options.readTimeoutMs ?? DEFAULTS.readTimeoutMs,
      maxFeedBytes: options.maxFeedBytes ?? DEFAULTS.maxFeedBytes,
      maxPageBytes: options.maxPageBytes ?? DEFAULTS.maxPageBytes,
      perHostConcurrency: Math.max(1, options.perHostConcurrency ?? DEFAULTS.perHostConcurrency),
      perHostDelayMs: Math.max(0, options.perHostDelayMs ?? DEFAULTS.perHostDelayMs),
      maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
    };
    for (const entry of options.allowHosts ?? []) {
      const [net, prefixText] = entry.split('/');
      const family = isIP(net ?? '');
      if (family) {
        const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
        this.allowList.addSubnet(net!, prefix, family === 4 ? 'ipv4' : 'ipv6');
      } else {
        this.allowNames.add(entry.toLowerCase());
      }
    }
    this.resolveHost =
      options.lookup ??
      (async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address));
  }

  /** GETs a feed or a page, following up to five redirects, and returns whatever status the server gave. */
  async get(url: string, options: FetchOptions): Promise<FetchResponse> {
    const started = Date.now();
    const visited = new Set<string>();
    let current = this.checkUrl(url, url);
    let allPermanent = true;
    for (let hop = 0; ; hop++) {
      visited.add(current.href);
      const res = await this.politely(current.host.toLowerCase(), () => this.request(current, options));
      const location = res.headers.location;
      if ([301, 302, 303, 307, 308].includes(res.status) && location) {
        if (hop >= this.opts.maxRedirects) {
          throw new FetchError(
            'too-many-redirects',
            `more than ${this.opts.maxRedirects} redirects from ${url}`,
            url,
          );
        }
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new FetchError('bad-url', `redirect to an invalid location '${location}'`, current.href);
        }
        next.hash = '';
        next = this.checkUrl(next.href, url);
        if (visited.has(next.href)) {
          throw new FetchError('redirect-loop', `redirect loop: ${current.href} -> ${next.href}`, url);
        }
        if (res.status !== 301 && res.status !== 308) allPermanent = false;
        current = next;
        continue;
      }
      const response: { -readonly [K in keyof FetchResponse]: FetchResponse[K] } = {
        status: res.status,
        url: current.href,
        headers: res.headers,
        body: res.body,
        durationMs: Date.now() - started,
      };
      if (hop > 0 && allPermanent) response.permanentUrl = current.href;
      return response;
    }
  }

  private checkUrl(href: string, original: string): URL {
    let u: URL;
    try {
      u = new URL(href);
    } catch {
      throw new FetchError('bad-url', `not a valid URL: '${href}'`, original);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new FetchError(
        'bad-scheme',
        `refusing ${u.protocol} URL (only http and https): ${href}`,
        original,
      );
    }
    if (u.username || u.password) {
      throw new FetchError('bad-url', 'refusing a URL with credentials in it', original);
    }
    return u;
  }

  private isAllowedAddress(address: string): boolean {
    const family = isIP(address);
    if (!family) return false;
    if (this.allowList.check(address, family === 4 ? 'ipv4' : 'ipv6')) return true;
    const v4 = family === 6 ? embeddedV4(address) : undefined;
    return v4 !== undefined && this.allowList.check(v4, 'ipv4');
  }

  /** Resolves the host and returns the address to connect to, or throws when any address is off limits. */
  private async safeAddress(u: URL): Promise<{ address: string; family: 4 | 6 }> {
    const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const nameAllowed = this.allowNames.has(host);
    let addresses: string[];
    if (isIP(host)) addresses = [host];
    else {
      try {
        // DNS has no timeout of its own: bound it by the connect timeout
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new FetchError(
                  'timeout',
                  `DNS lookup of ${host} took over ${this.opts.connectTimeoutMs} ms`,
                  u.href,
                ),
              ),
            this.opts.connectTimeoutMs,
          );
        });
        try {
          addresses = await Promise.race([this.resolveHost(host), timeout]);
        } finally {
          clearTimeout(timer);
        }
      } catch (e) {
        if (e instanceof FetchError) throw e;
        throw new FetchError('dns', `cannot resolve ${host}: ${(e as Error).message}`, u.href);
      }
      if (!addresses.length) throw new FetchError('dns', `cannot resolve ${host}: no addresses`, u.href);
    }
    if (!nameAllowed) {
      // Every address must be public: otherwise a round-robin answer could still reach the inside.
      const bad = addresses.find((a) => isBlockedAddress(a) && !this.isAllowedAddress(a));
      if (bad) {
        throw new FetchError(
          'ssrf-blocked',
          `refusing ${host}: it resolves to a non-public address (${bad})`,
          u.href,
        );
      }
    }
    const address = addresses[0]!;
    const family = isIP(address);
    if (!family) throw new FetchError('dns', `cannot resolve ${host}: bad address '${address}'`, u.href);
    return { address, family: family as 4 | 6 };
  }

  /** Runs `task` within the per-host concurrency limit and minimum delay. */
  private async politely<T>(host: string, task: () => Promise<T>): Promise<T> {
    let slot = this.hosts.get(host);
    if (!slot) {
      slot = { active: 0, lastStart: 0, waiters: [] };
      this.hosts.set(host, slot);
    }
    while (slot.active >= this.opts.perHostConcurrency) {
      await new Promise<void>((r) => slot!.waiters.push(r));
    }
    slot.active++;
    try {
      // Claim the start time before sleeping so concurrent callers space themselves out.
      const start = Math.max(Date.now(), slot.lastStart + this.opts.perHostDelayMs);
      slot.lastStart = start;
      const wait = start - Date.now();
      if (wait > 0) await sleep(wait);
      return await task();
    } finally {
      slot.active--;
      slot.waiters.shift()?.();
      if (
        slot.active === 0 &&
        !slot.waiters.length &&
        Date.now() - slot.lastStart > this.opts.perHostDelayMs
      ) {
        this.hosts.delete(host);
      }
    }
  }

  private async request(
    u: URL,
    options: FetchOptions,
  ): Promise<{ status: number; headers: Record<string, string>; body: Uint8Array }> {
    const { address, family } = await this.safeAddress(u);
    const maxBytes = options.kind === 'feed' ? this.opts.maxFeedBytes : this.opts.maxPageBytes;
    const headers: Record<string, string> = {
      'user-agent': this.opts.userAgent,
      accept:
        options.kind === 'feed'
          ? 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5'
          : 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    // Connect to the address that passed the check (no second DNS answer), keep the name for Host and TLS.
    const pinned: LookupFunction = (_host, opts, cb) => {
      if ((opts as { all?: boolean }).all)
        (cb as unknown as (e: null, a: object[]) => void)(null, [{ address, family }]);
      else cb(null, address, family);
    };
    const lib = u.protocol === 'https:' ? https : http;

    return new Promise((resolvePromise, rejectPromise) => {
      let settled = false;
      let deadline: NodeJS.Timeout | undefined;
      const fail = (err: FetchError) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(deadline);
        req.destroy();
        rejectPromise(err);
      };
      const req = lib.request(
        u,
        { method: 'GET', headers, lookup: pinned, agent: this.agentFor(u, address) },
        (res) => {
          const status = res.statusCode ?? 0;
          const flat: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v === undefined) continue;
            flat[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
          }
          const declared = Number(flat['content-length']);
          const encoding = (flat['content-encoding'] ?? '').trim().toLowerCase();
          if (!encoding || encoding === 'identity') {
            if (Number.isFinite(declared) && declared > maxBytes) {
              fail(
                new FetchError(
                  'too-large',
                  `body of ${declared} bytes exceeds the ${maxBytes}-byte limit`,
                  u.href,
                ),
              );
              return;
            }
          }
          // Redirect bodies are not needed; drop them without reading.
          if ([301, 302, 303, 307, 308].includes(status) && flat.location) {
            res.resume();
            settled = true;
            clearTimeout(deadline);
            resolvePromise({ status, headers: flat, body: new Uint8Array(0) });
            return;
          }
          let raw = 0;
          res.on('data', (chunk: Buffer) => {
            raw += chunk.length;
            if (raw > maxBytes)
              fail(new FetchError('too-large', `body exceeds the ${maxBytes}-byte limit`, u.href));
          });
          let stream: Readable = res;
          try {
            stream = decompressor(res, encoding);
          } catch (e) {
            fail(new FetchError('decompression', (e as Error).message, u.href));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              if (stream !== res) stream.destroy();
              fail(
                new FetchError(
                  'too-large',
                  `body exceeds the ${maxBytes}-byte limit (after decompression)`,
                  u.href,
                ),
              );
              return;
            }
            chunks.push(chunk);
          });
          stream.on('error', (e: Error) => {
            if (stream !== res)
              fail(
                new FetchError('decompression', `cannot decompress ${encoding} body: ${e.message}`, u.href),
              );
            else fail(new FetchError('network', `response aborted: ${e.message}`, u.href));
          });
          res.on('aborted', () => fail(new FetchError('network', 'response aborted by the server', u.href)));
          stream.on('end', () => {
            if (settled) return;
            settled = true;
            clearTimeout(deadline);
            resolvePromise({ status, headers: flat, body: new Uint8Array(Buffer.concat(chunks, size)) });
          });
        },
      );
      const connectTimer = setTimeout(
        () =>
          fail(
            new FetchError(
              'timeout',
              `no connection to ${u.host} within ${this.opts.connectTimeoutMs} ms`,
              u.href,
            ),
          ),
        this.opts.connectTimeoutMs,
      );
      req.on('socket', (socket) => {
        const connected = () => {
          clearTimeout(connectTimer);
          deadline = setTimeout(
            () =>
              fail(
                new FetchError(
                  'timeout',
                  `no complete response from ${u.host} within ${this.opts.readTimeoutMs} ms`,
                  u.href,
                ),
              ),
            this.opts.readTimeoutMs,
          );
        };
        if ((socket as { connecting?: boolean }).connecting) socket.once('connect', connected);
        else connected();
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        fail(new FetchError('network', `${e.code ?? 'error'}: ${e.message}`, u.href));
      });
      req.end();
    });
  }
}

function decompressor(res: Readable, encoding: string): Readable {
  const steps = encoding
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'identity');
  let stream: Readable = res;
  // Content-Encoding lists codings in the order applied: undo them last to first.
  for (const coding of steps.reverse()) {
    let next: zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress;
    if (coding === 'gzip' || coding === 'x-gzip') next = zlib.createGunzip();
    else if (coding === 'deflate') next = createDeflateDecoder();
    else if (coding === 'br') next = zlib.createBrotliDecompress();
    else throw new Error(`unsupported content-encoding '${coding}'`);
    stream.on('error', (e) => next.destroy(e));
    stream = stream.pipe(next);
  }
  return stream;
}

/** "deflate" is zlib-wrapped by the standard and raw deflate on some servers; choose by the first byte. */
function createDeflateDecoder(): zlib.Inflate {
  const { Transform } = require('node:stream') as typeof import('node:stream');
  let inner: zlib.Inflate | zlib.InflateRaw | undefined;
  const t = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (!inner) {
        inner = (chunk[0]! & 0x0f) === 8 ? zlib.createInflate() : zlib.createInflateRaw();
        inner.on('data', (d: Buffer) => t.push(d));
        inner.on('error', (e) => t.destroy(e));
      }
      inner.write(chunk, cb);
    },
    flush(cb) {
      if (!inner) return cb();
      inner.once('end', () => cb());
      inner.end();
    },
  });
  return t as unknown as zlib.Inflate;
}
