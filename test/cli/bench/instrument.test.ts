import {
  indexWriteUnitsForPut,
  indexWriteUnitsForUpdate,
  percentile,
  StageTimer,
  timedPort,
} from '../../../cli/bench/instrument';

describe('bench instrumentation', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it('times the mapped methods of a port and passes the others through', async () => {
    const timer = new StageTimer();
    const calls: string[] = [];
    const port = timedPort(
      {
        async put(x: number) {
          return x * 2;
        },
        name: 'store',
        plain() {
          return 'untimed';
        },
      },
      () => timer,
      { put: 's3 put' },
      (method) => calls.push(method),
    );
    expect(await port.put(4)).toBe(8);
    expect(port.plain()).toBe('untimed');
    expect(port.name).toBe('store');
    expect(timer.count('s3 put')).toBe(1);
    expect(calls).toEqual(['put']);
    expect(timer.stats()['s3 put']?.count).toBe(1);
  });

  it('counts an index write for each index a put item lands in', () => {
    const feedState = {
      pk: { S: 'FEED#a' },
      sk: { S: 'STATE' },
      healthGroup: { S: 'FEEDS' },
      healthKey: { S: 'ok#a' },
      dueGroup: { S: 'DUE' },
      nextPollAt: { S: '2024-05-01T00:00:00Z' },
    };
    expect(indexWriteUnitsForPut(feedState)).toBe(2);
    const { dueGroup: _d, ...parked } = feedState;
    expect(indexWriteUnitsForPut(parked)).toBe(1);
    expect(indexWriteUnitsForPut({ pk: { S: 'COUNTRY#FRA' }, sk: { S: 'x' } })).toBe(0);
  });

  it('counts an index write when an update sets or removes an index partition key', () => {
    expect(
      indexWriteUnitsForUpdate({
        UpdateExpression: 'SET eventStatus = :published, eventPublishedAt = :at REMOVE outbox, leaseUntil',
      }),
    ).toBe(1);
    expect(
      indexWriteUnitsForUpdate({
        UpdateExpression:
          'SET claimState = :claimed, firstSeenAt = if_not_exists(firstSeenAt, :now) ADD feedIds :feed',
      }),
    ).toBe(0);
    expect(
      indexWriteUnitsForUpdate({
        UpdateExpression: 'SET #d = :dyad, title = :t',
        ExpressionAttributeNames: { '#d': 'dyad' },
      }),
    ).toBe(1);
  });
});
