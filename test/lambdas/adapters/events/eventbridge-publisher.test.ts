import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import {
  EventBridgeStoryPublisher,
  EventPublishError,
} from '../../../../lambdas/adapters/events/eventbridge-publisher';
import type { DiplomaticStoryDetected } from '../../../../lambdas/core/model';

const eventBridge = mockClient(EventBridgeClient);

function story(n: number): DiplomaticStoryDetected {
  return {
    schemaVersion: '1',
    storyId: `story${String(n).padStart(6, '0')}`,
    articleId: `story${String(n).padStart(6, '0')}`,
    url: `https://news.example/${n}`,
    title: `Story ${n}`,
    publisher: 'News',
    feedId: 'news',
    publishedAt: '2024-03-19T08:00:00.000Z',
    detectedAt: '2024-03-19T09:00:00.000Z',
    subtype: 'cooperative',
    eventType: { plover: 'SUPPORT' },
    dyad: 'KHM-RUS',
    countries: ['KHM', 'RUS'],
    confidence: 0.9,
    evidence: [],
    raw: { bucket: 'b', pageKey: 'raw/2024/03/19/x/page.html.gz', itemKey: 'raw/2024/03/19/x/item.json' },
    metadata: { table: 't', key: { pk: 'ARTICLE#x', sk: 'META' } },
  };
}

const publisher = () =>
  new EventBridgeStoryPublisher(new EventBridgeClient({ region: 'us-east-1' }), 'newswire', {
    baseDelayMs: 1,
  });
const sentTitles = () =>
  eventBridge
    .commandCalls(PutEventsCommand)
    .map((c) => (c.args[0].input.Entries ?? []).map((e) => JSON.parse(e.Detail as string).title));

beforeEach(() => eventBridge.reset());

test('sends at most ten entries per PutEvents call, on the bus, with the source and detail type', async () => {
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });

  await publisher().publish(Array.from({ length: 23 }, (_, i) => story(i)));

  const calls = eventBridge.commandCalls(PutEventsCommand);
  expect(calls.map((c) => c.args[0].input.Entries?.length)).toEqual([10, 10, 3]);
  expect(calls[0]?.args[0].input.Entries?.[0]).toMatchObject({
    EventBusName: 'newswire',
    Source: 'newswire.pipeline',
    DetailType: 'Diplomatic Story Detected',
    Resources: ['https://news.example/0'],
  });
});

test('retries only the entries EventBridge reports as failed', async () => {
  eventBridge
    .on(PutEventsCommand)
    .resolvesOnce({
      FailedEntryCount: 1,
      Entries: [
        { EventId: 'a' },
        { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' },
        { EventId: 'c' },
      ],
    })
    .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'b' }] });

  await publisher().publish([story(1), story(2), story(3)]);

  expect(sentTitles()).toEqual([['Story 1', 'Story 2', 'Story 3'], ['Story 2']]);
});

test('fails loudly, naming the stories, when entries still fail after every retry', async () => {
  eventBridge
    .on(PutEventsCommand)
    .resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'boom' }] });

  const error = await publisher()
    .publish([story(7)])
    .catch((e: unknown) => e);

  expect(error).toBeInstanceOf(EventPublishError);
  expect((error as EventPublishError).failedStoryIds).toEqual(['story000007']);
  expect((error as Error).message).toMatch(/InternalFailure: boom/);
  expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(4);
});
