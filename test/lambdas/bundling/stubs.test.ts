import { parse } from '../../../lambdas/bundling/css-parser-stub';
import { gte } from '../../../lambdas/bundling/semver-gte';

test.each([
  ['20.20.2', '8.0.0', true],
  ['8.0.0', '8.0.0', true],
  ['3.1169.0', '2.7.0', true],
  ['2.6.9', '2.7.0', false],
  ['v22.1.0', '22.1.1', false],
])('semver stub: gte(%s, %s) is %s', (a, b, expected) => {
  expect(gte(a, b)).toBe(expected);
});

test('the CSS parser stub says why it is there', () => {
  expect(() => parse()).toThrow(/left out of the Newswire function bundles/);
});
