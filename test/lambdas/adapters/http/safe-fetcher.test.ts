import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import {
  FetchError,
  isBlockedAddress,
  SafeHttpFetcher,
} from '../../../../lambdas/adapters/http/safe-fetcher';
import { parseFeed } from '../../../../lambdas/core/feeds/parse';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let server: http.Server;
let base: string;
const routes = new Map<string, Handler>();
const seen: { url: string; headers: http.IncomingHttpHeaders; at: number }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers, at: Date.now() });
    const handler = routes.get((req.url ?? '').split('?')[0] ?? '');
    if (handler) handler(req, res);
    else {
      res.writeHead(404);
      res.end('nope');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  routes.clear();
  seen.length = 0;
});

const fetcher = (over: ConstructorParameters<typeof SafeHttpFetcher>[0] = {}) =>
  new SafeHttpFetcher({ allowHosts: ['127.0.0.1'], perHostDelayMs: 0, ...over });

async function fetchError(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FetchError) return e;
    throw e;
  }
  throw new Error('expected a FetchError');
}

describe('SafeHttpFetcher', () => {
  it('sends conditional headers and returns a 304 as a response', async () => {
    routes.set('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { ETag: '"v1"' });
        res.end();
      } else {
        res.writeHead(200, { ETag: '"v1"', 'Content-Type': 'application/rss+xml' });
        res.end('<rss/>');
      }
    });
    const f = fetcher();
    const first = await f.get(`${base}/feed`, { kind: 'feed' });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"v1"');
    expect(Buffer.from(first.body).toString()).toBe('<rss/>');
    const second = await f.get(`${base}/feed`, {
      kind: 'feed',
      etag: '"v1"',
      lastModified: 'Tue, 19 Mar 2024 08:00:00 GMT',
    });
    expect(second.status).toBe(304);
    expect(seen[1]?.headers['if-modified-since']).toBe('Tue, 19 Mar 2024 08:00:00 GMT');
  });

  it('returns 429 with its Retry-After header instead of throwing', async () => {
    routes.set('/busy', (_req, res) => {
      res.writeHead(429, { 'Retry-After': '120' });
      res.end('slow down');
    });
    const r = await fetcher().get(`${base}/busy`, { kind: 'feed' });
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('120');
  });

  it('records a permanent URL only when every hop was permanent', async () => {
    routes.set('/old', (_req, res) => {
      res.writeHead(301, { Location: '/older' });
      res.end();
    });
    routes.set('/older', (_req, res) => {
      res.writeHead(308, { Location: `${base}/new` });
      res.end();
    });
    routes.set('/temp', (_req, res) => {
      res.writeHead(302, { Location: '/old' });
      res.end();
    });
    routes.set('/new', (_req, res) => {
      res.writeHead(200);
      res.end('here');
    });
    const f = fetcher();
    const moved = await f.get(`${base}/old`, { kind: 'feed' });
    expect(moved.url).toBe(`${base}/new`);
    expect(moved.permanentUrl).toBe(`${base}/new`);
    const viaTemp = await f.get(`${base}/temp`, { kind: 'feed' });
    expect(viaTemp.url).toBe(`${base}/new`);
    expect(viaTemp.permanentUrl).toBeUndefined();
  });

  it('detects redirect loops and too many hops', async () => {
    routes.set('/a', (_req, res) => {
      res.writeHead(302, { Location: '/b' });
      res.end();
    });
    routes.set('/b', (_req, res) => {
      res.writeHead(302, { Location: '/a' });
      res.end();
    });
    for (let i = 0; i < 8; i++) {
      routes.set(`/hop${i}`, (_req, res) => {
        res.writeHead(301, { Location: `/hop${i + 1}` });
        res.end();
      });
    }
    const f = fetcher();
    expect((await fetchError(f.get(`${base}/a`, { kind: 'feed' }))).code).toBe('redirect-loop');
    expect((await fetchError(f.get(`${base}/hop0`, { kind: 'feed' }))).code).toBe('too-many-redirects');
    // five hops are fine
    routes.set('/hop5', (_req, res) => {
      res.writeHead(200);
      res.end('ok');
    });
    expect((await f.get(`${base}/hop0`, { kind: 'feed' })).status).toBe(200);
  });

  it('times out on a server that trickles its body', async () => {
    routes.set('/slow', (_req, res) => {
      res.writeHead(200);
      const t = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(t));
    });
    const err = await fetchError(fetcher({ readTimeoutMs: 300 }).get(`${base}/slow`, { kind: 'feed' }));
    expect(err.code).toBe('timeout');
  });

  it('refuses a body over the size limit', async () => {
    routes.set('/huge', (_req, res) => {
      res.writeHead(200);
      res.end(Buffer.alloc(200_000, 0x61));
    });
    const err = await fetchError(fetcher({ maxFeedBytes: 100_000 }).get(`${base}/huge`, { kind: 'feed' }));
    expect(err.code).toBe('too-large');
  });

  it('decompresses gzip, deflate and br', async () => {
    const text = '<rss><channel><title>compressed</title></channel></rss>';
    routes.set('/gz', (_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip' });
      res.end(zlib.gzipSync(text));
    });
    routes.set('/deflate', (_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'deflate' });
      res.end(zlib.deflateSync(text));
    });
    routes.set('/rawdeflate', (_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'deflate' });
      res.end(zlib.deflateRawSync(text));
    });
    routes.set('/br', (_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'br' });
      res.end(zlib.brotliCompressSync(text));
    });
    const f = fetcher();
    for (const path of ['/gz', '/deflate', '/rawdeflate', '/br']) {
      const r = await f.get(`${base}${path}`, { kind: 'feed' });
      expect(Buffer.from(r.body).toString()).toBe(text);
    }
    expect(seen[0]?.headers['accept-encoding']).toContain('br');
  });

  it('fails a gzip bomb cleanly on the decompressed size', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024, 0)); // ~50 KB on the wire
    routes.set('/bomb', (_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip' });
      res.end(bomb);
    });
    const err = await fetchError(
      fetcher({ maxFeedBytes: 1024 * 1024 }).get(`${base}/bomb`, { kind: 'feed' }),
    );
    expect(err.code).toBe('too-large');
    expect(bomb.length).toBeLessThan(1024 * 1024);
  });

  it('reports a corrupt compressed body as a decompression error', async () => {
    routes.set('/corrupt', (_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip' });
      res.end(Buffer.from('definitely not gzip'));
    });
    const err = await fetchError(fetcher().get(`${base}/corrupt`, { kind: 'feed' }));
    expect(err.code).toBe('decompression');
  });

  it('passes wrongly labelled bytes through untouched for the decoder', async () => {
    const bytes = Buffer.from([0x3c, 0x74, 0x3e, 0xe9, 0x3c, 0x2f, 0x74, 0x3e]);
    routes.set('/latin', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
      res.end(bytes);
    });
    const r = await fetcher().get(`${base}/latin`, { kind: 'feed' });
    expect(Buffer.from(r.body)).toEqual(bytes);
    expect(r.headers['content-type']).toBe('text/xml; charset=utf-8');
  });

  it('serves a feed with a wrong charset header that the parse path still reads right', async () => {
    const xml =
      '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новости</title><item><title>Переговоры</title><link>https://ru.example/1</link></item></channel></rss>';
    routes.set('/ru', (_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/rss+xml; charset=utf-8',
        'Content-Encoding': 'gzip',
      });
      res.end(zlib.gzipSync(iconv.encode(xml, 'windows-1251')));
    });
    const r = await fetcher().get(`${base}/ru`, { kind: 'feed' });
    const feed = await parseFeed(r.body, { url: r.url, contentType: r.headers['content-type'] });
    expect(feed.title).toBe('Новости');
    expect(feed.items[0]?.title).toBe('Переговоры');
  });

  it('bounds a DNS lookup that never answers', async () => {
    const f = new SafeHttpFetcher({
      perHostDelayMs: 0,
      connectTimeoutMs: 200,
      lookup: () => new Promise(() => {}),
    });
    expect((await fetchError(f.get('http://slow-dns.example/', { kind: 'feed' }))).code).toBe('timeout');
  });

  it('refuses loopback when not allowed, and a host resolving to the metadata address', async () => {
    const strict = new SafeHttpFetcher({ perHostDelayMs: 0 });
    expect((await fetchError(strict.get(`${base}/feed`, { kind: 'feed' }))).code).toBe('ssrf-blocked');
    const tricked = new SafeHttpFetcher({ perHostDelayMs: 0, lookup: async () => ['169.254.169.254'] });
    const err = await fetchError(tricked.get('http://metadata.attacker.example/latest', { kind: 'feed' }));
    expect(err.code).toBe('ssrf-blocked');
    expect(err.message).toContain('169.254.169.254');
    const mixed = new SafeHttpFetcher({
      perHostDelayMs: 0,
      lookup: async () => ['93.184.216.34', '10.0.0.5'],
    });
    expect((await fetchError(mixed.get('http://mixed.example/', { kind: 'feed' }))).code).toBe(
      'ssrf-blocked',
    );
  });

  it('checks every redirect hop against the guard', async () => {
    routes.set('/to-private', (_req, res) => {
      res.writeHead(302, { Location: 'http://internal.example/secret' });
      res.end();
    });
    const f = fetcher({ lookup: async () => ['192.168.1.10'] });
    expect((await fetchError(f.get(`${base}/to-private`, { kind: 'feed' }))).code).toBe('ssrf-blocked');
  });

  it('refuses schemes other than http and https, also in redirects', async () => {
    expect((await fetchError(fetcher().get('file:///etc/passwd', { kind: 'feed' }))).code).toBe('bad-scheme');
    routes.set('/to-ftp', (_req, res) => {
      res.writeHead(301, { Location: 'ftp://example.com/x' });
      res.end();
    });
    expect((await fetchError(fetcher().get(`${base}/to-ftp`, { kind: 'feed' }))).code).toBe('bad-scheme');
  });

  it('limits concurrency per host and spaces requests', async () => {
    let active = 0;
    let peak = 0;
    routes.set('/count', (_req, res) => {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        res.writeHead(200);
        res.end('x');
      }, 60);
    });
    const f = fetcher({ perHostConcurrency: 1, perHostDelayMs: 100 });
    await Promise.all([1, 2, 3].map(() => f.get(`${base}/count`, { kind: 'page' })));
    expect(peak).toBe(1);
    const starts = seen.map((s) => s.at);
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(190);
  });

  it('reports a refused connection as a network error', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect((await fetchError(fetcher().get(`http://127.0.0.1:${port}/`, { kind: 'feed' }))).code).toBe(
      'network',
    );
  });
});

describe('isBlockedAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.0.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['224.0.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:a9fe:a9fe', true],
    ['93.184.216.34', false],
    ['2606:2800:220:1:248:1893:25c8:1946', false],
  ])('%s blocked: %s', (address, blocked) => {
    expect(isBlockedAddress(address)).toBe(blocked);
  });
});
