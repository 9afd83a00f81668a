/**
 * A loopback web server for local feeds and article pages (the demo, the tests, the benchmark farm). It
 * serves a folder, replaces `{{BASE}}` in text files with its own address, and answers conditional GETs with
 * 304, as a well-behaved publisher does.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** A running site server. */
export interface SiteServer {
  /** `http://127.0.0.1:PORT` */
  readonly base: string;
  /** Requests served, by path, for tests and the benchmark. */
  readonly requests: { path: string; status: number }[];
  close(): Promise<void>;
}

/** A response the caller computes itself (the benchmark farm generates its pages). */
export type SiteHandler = (
  path: string,
  base: string,
) => { body: string | Buffer; contentType: string } | undefined;

/** Serves `root` (or what `handler` returns) on 127.0.0.1. Port 0 picks a free one. */
export async function startSiteServer(options: {
  root?: string;
  handler?: SiteHandler;
  port?: number;
  lastModified?: Date;
}): Promise<SiteServer> {
  const requests: { path: string; status: number }[] = [];
  const lastModified = (options.lastModified ?? new Date('2024-03-22T12:00:00Z')).toUTCString();
  let base = '';
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const send = (status: number, headers: Record<string, string>, body?: string | Buffer) => {
      requests.push({ path, status });
      res.writeHead(status, headers);
      res.end(body);
    };
    const found =
      options.handler?.(path, base) ?? (options.root ? readStatic(options.root, path, base) : undefined);
    if (!found) return send(404, { 'content-type': 'text/plain' }, 'not found');
    const etag = `"${createHash('sha1').update(found.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return send(304, { etag, 'last-modified': lastModified });
    send(200, { 'content-type': found.contentType, etag, 'last-modified': lastModified }, found.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port 127.0.0.1:${options.port} is already in use; pick another with --site-port`)
          : error,
      ),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readStatic(
  root: string,
  path: string,
  base: string,
): { body: string; contentType: string } | undefined {
  const file = normalize(join(root, path));
  if (!file.startsWith(normalize(root) + sep)) return undefined;
  try {
    if (!statSync(file).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const contentType = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  return { body: readFileSync(file, 'utf8').replaceAll('{{BASE}}', base), contentType };
}
