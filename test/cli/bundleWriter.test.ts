import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MARKER_PATH } from '../../cli/bundle';
import type { BundleFile } from '../../cli/bundle';
import { writeBundle } from '../../cli/bundleWriter';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'securejoin-writer-test-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const file = (path: string, content = path): BundleFile => ({ path, content, encoding: 'utf8' });
const marker = (paths: string[]): BundleFile => file(MARKER_PATH, JSON.stringify({ securejoinBundle: 1, files: paths }));

describe('writeBundle: all or nothing', () => {
  it('a write failing half-way (here: the same path twice) leaves no folder and no staging folder', () => {
    const files = [file('a.txt'), file('sub/b.txt'), file('sub/b.txt')];
    expect(() => writeBundle(join(work, 'out'), 'out', files, false)).toThrow(/cannot write out: .*\(nothing was changed\)/);
    expect(readdirSync(work)).toEqual([]);
  });

  it('a failure while replacing a previous bundle keeps the previous one as it was', () => {
    const out = join(work, 'out');
    writeBundle(out, 'out', [file('a.txt', 'old'), marker(['a.txt'])], false);
    expect(() => writeBundle(out, 'out', [file('a.txt', 'new'), file('a.txt', 'again'), marker(['a.txt'])], true)).toThrow(/nothing was changed/);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old');
    expect(readdirSync(work)).toEqual(['out']);
  });

  it('an empty folder that gets a file before the swap is not replaced', () => {
    const out = join(work, 'out');
    mkdirSync(out);
    // Simulates a file appearing between the check and the swap: the emptiness check passed on an empty folder.
    const files: BundleFile[] = [file('a.txt')];
    files[Symbol.iterator] = function* () {
      yield file('a.txt');
      writeFileSync(join(out, 'late.txt'), 'x');
    } as () => ArrayIterator<BundleFile>;
    expect(() => writeBundle(out, 'out', files, false)).toThrow(/nothing was changed/);
    expect(readdirSync(out)).toEqual(['late.txt']);
    expect(readdirSync(work)).toEqual(['out']);
  });
});
