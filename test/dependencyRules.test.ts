/**
 * The layering rules (.dependency-cruiser.cjs, run by `npm test` over the real tree) catch what
 * they say: dependency-cruiser runs the same config over a small tree written here, holding one
 * violation of each rule beside imports that are allowed, and must report exactly the violations.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** File -> source of the fixture tree. Comments name the rule a line breaks; unmarked imports are allowed. */
const TREE: Record<string, string> = {
  'core/a.ts': [
    "import { b } from './b';", // no-circular (a -> b -> a)
    "import { s } from '../service/s';", // core-imports-only-core
    "import { readFileSync } from 'node:fs';", // decisions-no-node-builtins
    "import { h } from 'preact';", // core-no-dom-only-packages
    "import { z } from 'zod';",
    'export const a = () => [b, s, readFileSync, h, z];',
  ].join('\n'),
  'core/b.ts': "import { a } from './a';\nexport const b = () => a;",
  'core/typeOnly.ts': "import type { Fake } from '../dev/fake';\nexport type T = Fake;", // core-imports-only-core + shipped-not-into-dev
  'core/ok.ts': "export const ok = 1;",
  'service/s.ts': "import { fake } from '../dev/fake';\nimport { ok } from '../core/ok';\nexport const s = () => [fake, ok];", // shipped-not-into-dev (dev/fake)
  'service/missing.ts': "import { nope } from './nope';\nexport const m = nope;", // not-to-unresolvable
  'outlook-addin/x.ts': "import { e } from '../extension/e';\nexport const x = async () => [e, await import('../test/helper')];", // apps-apart, shipped-not-into-dev (dynamic)
  'extension/e.ts': 'export const e = 1;',
  'cli/c.ts': "import { s } from '../service/s';\nimport { x } from '../outlook-addin/x';\nexport const c = [s, x];",
  'dev/fake.ts': "import { e } from '../extension/e';\nimport { ok } from '../core/ok';\nexport type Fake = number;\nexport const fake = [e, ok];",
  'dev/conference-node/decisions/d.ts': "import { randomUUID } from 'node:crypto';\nexport const d = randomUUID;", // decisions-no-node-builtins
  'test/helper.ts': "import { fake } from '../dev/fake';\nexport const helper = fake;",
};

const EXPECTED = [
  'no-circular core/a.ts -> core/b.ts',
  'core-imports-only-core core/a.ts -> service/s.ts',
  'decisions-no-node-builtins core/a.ts -> fs',
  'core-no-dom-only-packages core/a.ts -> package preact',
  'core-imports-only-core core/typeOnly.ts -> dev/fake.ts',
  'shipped-not-into-dev core/typeOnly.ts -> dev/fake.ts',
  'shipped-not-into-dev service/s.ts -> dev/fake.ts',
  'not-to-unresolvable service/missing.ts -> ./nope',
  'apps-apart outlook-addin/x.ts -> extension/e.ts',
  'shipped-not-into-dev outlook-addin/x.ts -> test/helper.ts',
  'decisions-no-node-builtins dev/conference-node/decisions/d.ts -> crypto',
];

const dir = mkdtempSync(join(tmpdir(), 'securejoin-depcruise-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('.dependency-cruiser.cjs', () => {
  it('reports each forbidden import of a small tree, and nothing it allows', () => {
    for (const [file, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), `${text}\n`);
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const run = spawnSync(process.execPath, [DEPCRUISE, 'core', 'service', 'outlook-addin', 'extension', 'cli', 'dev', 'test', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const summary = (JSON.parse(run.stdout) as { summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> } }).summary;
    // A package resolves through the symlinked node_modules to a file of the package: name the package.
    const found = summary.violations.map((v) => `${v.rule.name} ${v.from} -> ${v.to.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, 'package $1')}`);
    expect(found.sort()).toEqual([...EXPECTED].sort());
  });
});
