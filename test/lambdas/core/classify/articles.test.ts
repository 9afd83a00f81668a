import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseStory } from '../../../../lambdas/core/classify/analyse';

interface Row {
  id: string;
  title: string;
  body: string;
  labels: { diplomatic: boolean; subtype?: string; plover?: string; dyad?: string; countries: string[] };
}

// Short articles written for these tests (not from any corpus), labelled by design/diplomatic-stories.md.
const rows = readFileSync(join(__dirname, '../../../fixtures/classify/articles.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

describe.each(rows.map((r) => [r.id, r] as const))('article %s', (_id, row) => {
  const a = analyseStory({ title: row.title, text: row.body });
  it('gets the diplomatic decision, type, subtype and dyad', () => {
    const d = a.decision;
    expect({ diplomatic: d.diplomatic, plover: d.plover, subtype: d.subtype, dyad: d.dyad }).toEqual({
      diplomatic: row.labels.diplomatic,
      plover: row.labels.plover,
      subtype: row.labels.subtype,
      dyad: row.labels.dyad,
    });
  });
  it('finds exactly the labelled countries', () => {
    expect(a.countries.map((c) => c.code).sort()).toEqual([...row.labels.countries].sort());
  });
});
