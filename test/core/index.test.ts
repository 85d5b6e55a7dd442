/**
 * The public surface of core/ as the foundation issue names it, and the rule that keeps core/
 * portable: no DOM, Office, browser-extension or Node-only imports.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from '../../core';

const REQUIRED_FUNCTIONS = [
  'generateAccessCode', 'generatePin', 'generatePinPair', 'generateInviteePasscodes', 'isWeakCode',
  'guessProbability',
  'validatePinConfig', 'resolveRole', 'pinPrompt', 'guestsWaitForHost',
  'activationWindow', 'isCodeActive', 'occurrences', 'formatInstant', 'activationSentence',
  'renderInviteBlock', 'upsertInviteBlock', 'findInviteBlock', 'parseInvite',
  'buildJoinLink', 'parseJoinLink', 'buildCaptureLink', 'parseCaptureLink',
  'createRoster', 'resolvePasscode', 'recordJoin',
  'parsePolicy', 'effectiveSettings', 'managedStorageSchema',
] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('core public API', () => {
  it.each(REQUIRED_FUNCTIONS)('exports %s as a function', (name) => {
    expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports AttemptLedger as a class with an injectable clock', () => {
    let now = 0;
    const ledger = new core.AttemptLedger({}, () => now);
    ledger.recordFailure('room', 'client', 'web');
    expect(ledger.status('room', 'client', 'web').remaining).toBe(4);
    now += 11 * 60_000;
    expect(ledger.status('room', 'client', 'web').remaining).toBe(5);
  });
});

// Globals (document, chrome, Office, process, Buffer...) are caught by `npm run typecheck`, which
// checks core/ alone against lib ES2023 with no DOM and no Node types (tsconfig.core.json).
// Imports are checked here, because a bundler would happily pull a Node module into core/.
describe('core/ stays portable', () => {
  const forbidden = /^\s*(?:import|export)\b[^;]*?from\s+['"](node:|fs|path|os|crypto|http|wxt|dexie|preact|@microsoft\/office-js|puppeteer|vitest)/m;
  for (const file of sourceFiles('core')) {
    it(`${file} imports no platform module`, () => {
      expect(readFileSync(file, 'utf8')).not.toMatch(forbidden);
    });
  }

  it('the pattern catches a platform import', () => {
    expect("import { readFileSync } from 'node:fs';").toMatch(forbidden);
    expect("export { x } from 'dexie';").toMatch(forbidden);
  });
});
