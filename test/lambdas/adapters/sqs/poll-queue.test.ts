import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { SqsPollQueue } from '../../../../lambdas/adapters/sqs/poll-queue';

const sqs = mockClient(SQSClient);
const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/poll';

beforeEach(() => sqs.reset());

test('sends poll requests in batches of ten with their delay, capped at the SQS maximum', async () => {
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  const requests = Array.from({ length: 12 }, (_, i) => ({
    feedId: `feed-${i}`,
    delaySeconds: i === 11 ? 5000 : i * 1.4,
  }));

  await new SqsPollQueue(new SQSClient({ region: 'us-east-1' }), queueUrl).send(requests);

  const calls = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);
  expect(calls.map((c) => c.Entries?.length)).toEqual([10, 2]);
  expect(calls[0]?.QueueUrl).toBe(queueUrl);
  expect(calls[0]?.Entries?.[3]).toEqual({
    Id: '3',
    MessageBody: JSON.stringify(requests[3]),
    DelaySeconds: 4,
  });
  expect(calls[1]?.Entries?.[1]?.DelaySeconds).toBe(900);
});

test('throws naming the feeds SQS refused', async () => {
  sqs.on(SendMessageBatchCommand).resolves({
    Successful: [],
    Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false, Message: 'x' }],
  });

  await expect(
    new SqsPollQueue(new SQSClient({ region: 'us-east-1' }), queueUrl).send([
      { feedId: 'a', delaySeconds: 0 },
      { feedId: 'b', delaySeconds: 0 },
    ]),
  ).rejects.toThrow(/b: InternalError/);
});
