import * as path from 'node:path';
import { DEFAULT_DEPLOY_CONFIG, parseDeployConfig, parseFeedList, readConfigFolder } from '../../lib/config';

describe('parseDeployConfig', () => {
  it('fills every default when the file names nothing', () => {
    expect(parseDeployConfig({})).toEqual({
      ...DEFAULT_DEPLOY_CONFIG,
      alertEmail: undefined,
      storyEmail: undefined,
      functions: {
        dispatch: { ...DEFAULT_DEPLOY_CONFIG.functions.dispatch, reservedConcurrency: 1 },
        poll: { ...DEFAULT_DEPLOY_CONFIG.functions.poll, reservedConcurrency: undefined },
        extract: { ...DEFAULT_DEPLOY_CONFIG.functions.extract, reservedConcurrency: undefined },
      },
      raw: { ...DEFAULT_DEPLOY_CONFIG.raw, expireAfterDays: undefined },
    });
  });

  it('keeps what the file sets and defaults the rest of a section', () => {
    const config = parseDeployConfig({
      alertEmail: 'ops@example.org',
      functions: { poll: { batchSize: 5 } },
      raw: { archiveAfterDays: null, expireAfterDays: 3650 },
    });
    expect(config.alertEmail).toBe('ops@example.org');
    expect(config.functions.poll.batchSize).toBe(5);
    expect(config.functions.poll.timeoutSeconds).toBe(DEFAULT_DEPLOY_CONFIG.functions.poll.timeoutSeconds);
    expect(config.raw.archiveAfterDays).toBeUndefined();
    expect(config.raw.expireAfterDays).toBe(3650);
  });

  it('runs one dispatch at a time unless reservedConcurrency is set to null', () => {
    expect(parseDeployConfig({}).functions.dispatch.reservedConcurrency).toBe(1);
    expect(
      parseDeployConfig({ functions: { dispatch: { reservedConcurrency: null } } }).functions.dispatch
        .reservedConcurrency,
    ).toBeUndefined();
    expect(parseDeployConfig({}).functions.poll.reservedConcurrency).toBeUndefined();
  });

  it.each([
    [{ logLevel: 'LOUD' }, /logLevel/],
    [{ logRetentionDays: 10 }, /logRetentionDays/],
    [{ dispatchSchedule: 'every 5 minutes' }, /dispatchSchedule/],
    [{ eventBusName: 'default' }, /eventBusName/],
    [{ alertEmail: 'not-an-address' }, /alertEmail/],
    [{ functions: { poll: { batchSize: 11 } } }, /batchSize/],
    [{ functions: { extract: { maxConcurrency: 1 } } }, /maxConcurrency/],
    [{ functions: { dispatch: { timeoutSeconds: 901 } } }, /timeoutSeconds/],
    [{ raw: { archiveAfterDays: 90, expireAfterDays: 30 } }, /expireAfterDays/],
    [{ retainData: 'yes' }, /retainData/],
    [{ tags: { team: 7 } }, /tag "team"/],
    [[], /JSON object/],
  ])('rejects %j', (raw, message) => {
    expect(() => parseDeployConfig(raw)).toThrow(message);
  });
});

describe('parseFeedList', () => {
  const feed = { id: 'wire-one', url: 'https://news.example.org/rss.xml', publisher: 'Example Wire' };

  it('accepts feeds with and without a language', () => {
    expect(parseFeedList([feed, { ...feed, id: 'wire-two', language: 'fr' }])).toEqual([
      feed,
      { ...feed, id: 'wire-two', language: 'fr' },
    ]);
  });

  it.each([
    [[feed, feed], /duplicate feed id/],
    [[{ ...feed, id: 'Has Spaces' }], /"id"/],
    [[{ ...feed, url: 'ftp://news.example.org/rss' }], /http or https/],
    [[{ ...feed, url: 'not a url' }], /not a URL/],
    [[{ ...feed, publisher: ' ' }], /publisher/],
    [{ feeds: [] }, /JSON array/],
  ])('rejects %j', (raw, message) => {
    expect(() => parseFeedList(raw)).toThrow(message);
  });
});

describe('the repository config folder', () => {
  it('is valid and lists at least a handful of feeds', () => {
    const { deploy, feeds } = readConfigFolder(path.join(__dirname, '..', '..', 'config'));
    expect(deploy.eventBusName).toBe('newswire');
    expect(feeds.length).toBeGreaterThanOrEqual(5);
  });
});
