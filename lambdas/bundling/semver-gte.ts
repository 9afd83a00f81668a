/**
 * Stands in for `semver` (about 30 KB) in the function bundles. The X-Ray SDK and cls-hooked, pulled in by the
 * Powertools tracer, use only `semver.gte` on plain `x.y.z` versions (Node's and the AWS SDK's).
 */
function parts(version: string): number[] {
  const core = /(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!core) throw new Error(`not a version: ${version}`);
  return [Number(core[1]), Number(core[2]), Number(core[3])];
}

/** True when version `a` is at or above version `b` (pre-release tags are ignored). */
export function gte(a: string, b: string): boolean {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    if ((x[i] as number) !== (y[i] as number)) return (x[i] as number) > (y[i] as number);
  }
  return true;
}
