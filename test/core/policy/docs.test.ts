import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyDocs, PolicySchema, SETTING_PATHS } from '../../../core/policy';
import { POLICY_DESCRIPTIONS, policyDescription } from '../../../core/policy/descriptions';
import { listFields, schemaAt } from '../../../core/policy/walk';

describe('policyDocs', () => {
  it('examples/POLICY.md is up to date (regenerate: npm run securejoin -- policy docs --out examples/POLICY.md)', () => {
    expect(readFileSync('examples/POLICY.md', 'utf8')).toBe(policyDocs());
  });

  it('documents every setting with its description and default', () => {
    const docs = policyDocs();
    for (const path of SETTING_PATHS) expect(docs).toContain(`- \`${path}\` (*setting*`);
    expect(docs).toContain('- `attempts.roomFailures` (whole number 5-200): Wrong PINs or codes against one room');
    expect(docs).toContain('Default: `20`.');
    expect(docs).toContain('- `nodes[].origin` (text): Exact https origin');
    expect(docs).toContain('**Required.**');
  });

  it('has words for every field of the schema in descriptions.ts, and none for a field that is gone', () => {
    const fields = listFields(PolicySchema).map((field) => field.path);
    expect(fields.filter((path) => !policyDescription(path))).toEqual([]);
    const fieldAt = (path: string) => schemaAt(PolicySchema, path.split('.').flatMap((part) => (part.endsWith('[]') ? [part.slice(0, -2), 0] : [part])));
    expect(Object.keys(POLICY_DESCRIPTIONS).filter((path) => fieldAt(path) === null)).toEqual([]);
  });
});
