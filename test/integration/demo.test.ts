/**
 * `npm start` as a user runs it: the demo command, twice, in a fresh data folder. The first run finds the
 * seed story as diplomatic KHM-RUS; the second finds nothing new and raises nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CLI = join(__dirname, '..', '..', 'bin', 'newswire.js');
// A free port of its own, so this test can run beside a developer's `npm start` or another test run. Both runs
// use the same port: article ids come from URLs, and the second run must see the same ones.
async function freePort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return String(port);
}

test('npm start shows the stories, and a second run finds nothing new', async () => {
  const data = mkdtempSync(join(tmpdir(), 'newswire-demo-'));
  const env = {
    ...process.env,
    POWERTOOLS_METRICS_DISABLED: 'true',
    AWS_ENDPOINT_URL: '',
    AWS_ENDPOINT_URL_DYNAMODB: '',
  };
  const args = [CLI, 'demo', '--data', data, '--site-port', await freePort()];

  const first = await run(process.execPath, args, { env });
  const second = await run(process.execPath, args, { env });

  const seedRow = first.stdout.split('\n').find((line) => /^Hun Sen/.test(line));
  expect(seedRow).toMatch(/\byes\b.*KHM-RUS.*SUPPORT/);
  const summary = first.stdout.trim().split('\n').at(-1) ?? '';
  const [, feeds, articles, diplomatic, events] =
    /^(\d+) feeds polled, (\d+) new articles, (\d+) diplomatic stories, (\d+) events raised$/.exec(summary) ??
    [];
  expect(Number(feeds)).toBe(3);
  expect(Number(articles)).toBeGreaterThanOrEqual(12);
  expect(Number(diplomatic)).toBeGreaterThanOrEqual(6);
  expect(Number(events)).toBe(Number(diplomatic));
  const sink = readFileSync(join(data, 'events.jsonl'), 'utf8').trim().split('\n');
  expect(sink).toHaveLength(Number(events));

  expect(second.stdout.trim().split('\n').at(-1)).toBe(
    '3 feeds polled, 0 new articles, 0 diplomatic stories, 0 events raised',
  );
  expect(readFileSync(join(data, 'events.jsonl'), 'utf8').trim().split('\n')).toHaveLength(Number(events));

  // The stored data answers the CLI's queries and can be reprocessed without raising any event again.
  const query = await run(process.execPath, [CLI, 'query', '--data', data, '--dyad', 'KHM-RUS'], { env });
  expect(query.stdout).toMatch(/Hun Sen.*KHM-RUS\s+SUPPORT/);
  const feedList = await run(process.execPath, [CLI, 'feeds', '--data', data], { env });
  expect(feedList.stdout).toMatch(/^world-wire\s+ok\s+304\s+0\b/m);
  const reprocess = await run(process.execPath, [CLI, 'reprocess', '--data', data], { env });
  expect(reprocess.stdout.trim()).toBe(`${articles} articles reprocessed, 0 failed, 0 events raised`);
}, 180_000);
