/**
 * S3 adapter for raw articles: `raw/YYYY/MM/DD/<articleId>/page.html.gz` (the page bytes exactly as served,
 * gzipped) and `item.json` beside it (the feed item and the fetch record). `item.json` is written last: its
 * object-created event is what starts extraction, and by then the page is there.
 */
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RawArticleRecord } from '../../core/model';
import type { RawArticleLocation, RawArticleStore } from '../../core/ports';

// Asynchronous: compression runs on libuv's thread pool, so a page being zipped does not hold up the event loop.
const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);

/** The folder of one raw article, dated by when Newswire first saw it. */
export function rawArticlePrefix(articleId: string, firstSeenAt: string): string {
  const day = firstSeenAt.slice(0, 10).replaceAll('-', '/');
  return `raw/${day}/${articleId}/`;
}

/** The day after `day` (`YYYY-MM-DD`). */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Raw article copies in an S3 bucket. */
export class S3RawArticleStore implements RawArticleStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  async put(record: RawArticleRecord, page: Uint8Array): Promise<RawArticleLocation> {
    const prefix = rawArticlePrefix(record.articleId, record.firstSeenAt);
    const pageKey = `${prefix}page.html.gz`;
    const itemKey = `${prefix}item.json`;
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: pageKey,
        Body: await gzip(page),
        ContentType: 'application/gzip',
        Metadata: { 'article-id': record.articleId, 'source-content-type': record.fetch.contentType ?? '' },
      }),
    );
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: itemKey,
        Body: JSON.stringify(record),
        ContentType: 'application/json',
      }),
    );
    return { bucket: this.bucket, pageKey, itemKey };
  }

  async get(
    location: Pick<RawArticleLocation, 'itemKey'>,
  ): Promise<{ record: RawArticleRecord; page: Uint8Array }> {
    const pageKey = location.itemKey.replace(/item\.json$/, 'page.html.gz');
    const [item, page] = await Promise.all([this.read(location.itemKey), this.read(pageKey)]);
    return {
      record: JSON.parse(Buffer.from(item).toString('utf8')) as RawArticleRecord,
      page: new Uint8Array(await gunzip(page)),
    };
  }

  async *listItemKeys(fromDay: string, toDay: string): AsyncIterable<string> {
    // Keys sort by day, so one listing from the first day, stopped after the last, covers any range.
    const startAfter = `raw/${fromDay.replaceAll('-', '/')}/`;
    const endBefore = `raw/${dayAfter(toDay).replaceAll('-', '/')}/`;
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: 'raw/',
          StartAfter: token ? undefined : startAfter,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        if (object.Key >= endBefore) return;
        if (object.Key.endsWith('/item.json')) yield object.Key;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  private async read(key: string): Promise<Uint8Array> {
    const result = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!result.Body) throw new Error(`s3://${this.bucket}/${key} has no body`);
    return result.Body.transformToByteArray();
  }
}
