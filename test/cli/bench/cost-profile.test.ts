import { type FunctionSizing, priceUsage, scaleCost } from '../../../cli/bench/cost';
import { bucketOf, groupOf, summariseProfile } from '../../../cli/bench/profile';
import { readAwsPrices } from '../../../lib/cost-model';

describe('bench cost model', () => {
  const prices = readAwsPrices();
  const sizing: FunctionSizing = { dispatchMb: 256, pollMb: 512, extractMb: 1024, pollBatch: 2 };

  it('prices each counted request at its list price', () => {
    const cost = priceUsage(
      {
        feeds: 10,
        articles: 100,
        lambdaSeconds: { dispatch: 1, poll: 4, extract: 10 },
        dispatchInvocations: 1,
        s3Puts: 200,
        s3Gets: 200,
        dynamoWriteUnits: 1000,
        dynamoReadUnits: 100,
        eventEntries: 40,
      },
      sizing,
      prices,
    );
    const gbSeconds = 1 * 0.25 + 4 * 0.5 + 10 * 1;
    expect(cost.lambdaCompute).toBeCloseTo(gbSeconds * prices.lambda.arm64PerGbSecond, 12);
    // 1 dispatch + 5 poll invocations (batches of two) + 100 extract invocations.
    expect(cost.lambdaRequests).toBeCloseTo((106 / 1e6) * prices.lambda.perMillionRequests, 12);
    // 1 batched send + 2 × 5 poll receives/deletes + 3 per article notification.
    expect(cost.sqs).toBeCloseTo((311 / 1e6) * prices.sqs.standardPerMillionRequests, 12);
    expect(cost.s3).toBeCloseTo(0.2 * prices.s3.putPerThousand + 0.2 * prices.s3.getPerThousand, 12);
    expect(cost.eventbridge).toBeCloseTo((40 / 1e6) * prices.eventbridge.customEventsPerMillion, 12);
    const sum =
      cost.lambdaCompute + cost.lambdaRequests + cost.sqs + cost.s3 + cost.dynamodb + cost.eventbridge;
    expect(cost.total).toBeCloseTo(sum, 12);
    expect(scaleCost(cost, 10).total).toBeCloseTo(cost.total * 10, 6);
  });
});

describe('profile summary', () => {
  it('buckets functions by package, source folder, Node internals, GC and idle', () => {
    expect(bucketOf('parse', '/x/node_modules/linkedom/cjs/index.js')).toBe('linkedom');
    expect(bucketOf('send', '/x/node_modules/@smithy/core/dist-cjs/index.js')).toBe('@smithy/core');
    expect(bucketOf('tokenize', '/work/main/lambdas/core/classify/text.ts')).toBe('lambdas/core/classify/');
    expect(groupOf('lambdas/core/classify/')).toBe('classification');
    expect(groupOf('@smithy/core')).toMatch(/^AWS SDK/);
    expect(groupOf('linkedom')).toMatch(/^main-text extraction/);
    expect(bucketOf('emit', 'node:events')).toBe('node (internals)');
    expect(bucketOf('(garbage collector)', '')).toBe('(garbage collection)');
    expect(bucketOf('(idle)', '')).toBe('(idle)');
  });

  it('charges native frames to their nearest packaged caller', () => {
    const summary = summariseProfile({
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2] },
        {
          id: 2,
          callFrame: { functionName: 'send', url: '/p/node_modules/@smithy/core/a.js' },
          children: [3],
        },
        { id: 3, callFrame: { functionName: 'writev', url: '' } },
      ],
      samples: [3, 3],
      timeDeltas: [1000, 1000],
    });
    expect(summary).toEqual([{ name: '@smithy/core', ms: 2, share: 1 }]);
  });

  it('adds self time per bucket and sorts the largest first', () => {
    const summary = summariseProfile({
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '' } },
        { id: 2, callFrame: { functionName: 'a', url: '/p/node_modules/linkedom/x.js' } },
        { id: 3, callFrame: { functionName: 'b', url: '/p/node_modules/linkedom/y.js' } },
        { id: 4, callFrame: { functionName: '(garbage collector)', url: '' } },
      ],
      samples: [2, 3, 4, 2],
      timeDeltas: [1000, 2000, 500, 1500],
    });
    expect(summary[0]).toEqual({ name: 'linkedom', ms: 5, share: 0.9 });
    expect(summary[1]?.name).toBe('(garbage collection)');
  });
});
