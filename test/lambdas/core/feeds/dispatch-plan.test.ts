import { hostKey, planPolls } from '../../../../lambdas/core/feeds/dispatch-plan';
import { initialFeedState } from '../../../../lambdas/core/feeds/schedule';

const now = new Date('2024-03-19T12:00:00Z');
const feed = (id: string, url: string) => initialFeedState({ id, url, publisher: id }, now);

describe('planPolls', () => {
  it('spreads the feeds of one host at least the minimum gap apart', () => {
    const due = Array.from({ length: 10 }, (_, i) => feed(`same-${i}`, `https://big.example.com/feed/${i}`));
    for (const r of [() => 0, () => 0.999, Math.random]) {
      const plan = planPolls(due, { minHostGapSeconds: 20, random: r });
      expect(plan).toHaveLength(10);
      const delays = plan.map((p) => p.delaySeconds).sort((a, b) => a - b);
      for (let i = 1; i < delays.length; i++) expect(delays[i]! - delays[i - 1]!).toBeGreaterThanOrEqual(20);
    }
  });

  it('lets different hosts go out together, with a little jitter', () => {
    const due = ['a', 'b', 'c'].map((h) => feed(h, `https://${h}.example.org/rss`));
    const plan = planPolls(due, { minHostGapSeconds: 20, random: () => 0.5 });
    expect(plan.map((p) => p.delaySeconds)).toEqual([10, 10, 10]);
    const spread = planPolls(due, {
      minHostGapSeconds: 20,
      random: (() => {
        const v = [0, 0.4, 0.9];
        let i = 0;
        return () => v[i++ % 3]!;
      })(),
    });
    expect(new Set(spread.map((p) => p.delaySeconds)).size).toBe(3);
  });

  it('never exceeds the SQS delay limit and leaves overflow for the next dispatch', () => {
    const due = Array.from({ length: 100 }, (_, i) => feed(`f${i}`, `https://one.example.net/${i}`));
    const plan = planPolls(due, { minHostGapSeconds: 30, random: () => 0.5 });
    expect(plan.length).toBeGreaterThan(5);
    expect(plan.length).toBeLessThan(100);
    expect(Math.max(...plan.map((p) => p.delaySeconds))).toBeLessThanOrEqual(900);
    // the longest-due feeds are the ones sent
    expect(plan.map((p) => p.feedId).slice(0, 3)).toEqual(['f0', 'f1', 'f2']);
  });

  it('honours a smaller maximum delay, always sending the first feed of each host', () => {
    const due = [
      feed('x1', 'https://x.example/1'),
      feed('x2', 'https://x.example/2'),
      feed('y', 'https://y.example/'),
    ];
    const plan = planPolls(due, { minHostGapSeconds: 10, maxDelaySeconds: 0, random: () => 0.9 });
    expect(plan.map((p) => p.feedId).sort()).toEqual(['x1', 'y']);
    expect(plan.every((p) => p.delaySeconds === 0)).toBe(true);
  });

  it('skips parked feeds and repeats', () => {
    const a = feed('a', 'https://a.example/');
    const parked = {
      ...feed('p', 'https://p.example/'),
      parked: { reason: 'gone' as const, at: now.toISOString() },
    };
    expect(planPolls([a, a, parked], { minHostGapSeconds: 5 }).map((p) => p.feedId)).toEqual(['a']);
  });

  it('treats www and case variants as one host', () => {
    expect(hostKey('https://WWW.Example.com/rss')).toBe(hostKey('http://example.com/atom'));
  });
});
