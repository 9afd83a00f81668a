import {
  aggregateScores,
  benchmarkTokens,
  pageScores,
  shingleMatch,
  shingles,
  tokensMatchExactly,
} from '../../../../lambdas/core/articles/shingle-score';

describe('benchmark metric', () => {
  it('tokenizes on Unicode letters, digits and underscore', () => {
    expect(benchmarkTokens("Zoë's café, 2019—snake_case! Мир")).toEqual([
      'Zoë',
      's',
      'café',
      '2019',
      'snake_case',
      'Мир',
    ]);
  });

  it('counts overlapping 4-word shingles, and one shingle for a short text', () => {
    expect([...shingles('a b c d e').entries()]).toHaveLength(2);
    expect(shingles('a b').size).toBe(1);
    expect(shingles('').size).toBe(0);
    expect(shingles('x y z w x y z w').get('x\u0001y\u0001z\u0001w')).toBe(2);
  });

  it('scores a perfect match as precision and recall 1', () => {
    const c = shingleMatch('one two three four five', 'one two three four five');
    expect(c).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(pageScores(c)).toEqual({ precision: 1, recall: 1 });
  });

  it('normalises counts per page and computes precision and recall', () => {
    // truth has 3 shingles; prediction adds 1 extra shingle at the end -> tp 3, fp 1, fn 0
    const c = shingleMatch('a b c d e f', 'a b c d e f g');
    expect(c.tp).toBeCloseTo(0.75);
    expect(c.fp).toBeCloseTo(0.25);
    expect(pageScores(c).precision).toBeCloseTo(0.75);
    expect(pageScores(c).recall).toBe(1);
  });

  it('averages precision only over pages that predicted something', () => {
    const pages = [shingleMatch('a b c d e', 'a b c d e'), shingleMatch('a b c d e', '')];
    const s = aggregateScores(pages);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo((2 * 0.5) / 1.5);
  });

  it('judges exact token equality ignoring punctuation and spacing', () => {
    expect(tokensMatchExactly('Hello, world!', 'Hello world')).toBe(true);
    expect(tokensMatchExactly('Hello world', 'hello world')).toBe(false);
  });
});
