import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyDocs, SETTING_PATHS } from '../../../core/policy';

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
});
