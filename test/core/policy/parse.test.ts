import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, parsePolicy, parsePolicyJson } from '../../../core/policy';
import { findJsonSyntaxError } from '../../../core/policy/jsonError';
import type { Issue } from '../../../core/types';

const errorsOf = (input: unknown): Issue[] => {
  const result = parsePolicy(input);
  if (result.ok) throw new Error('expected the policy to be rejected');
  return result.errors;
};

describe('parsePolicy', () => {
  it('fills every default from { version: 1 } and equals DEFAULT_POLICY', () => {
    const result = parsePolicy({ version: 1 });
    expect(result).toEqual({ ok: true, value: DEFAULT_POLICY });
    expect(DEFAULT_POLICY.organizer.accessCode.required).toEqual({ value: true, locked: true });
    expect(DEFAULT_POLICY.organizer.activation.leadMinutes).toEqual({ value: 15, locked: false });
    expect(DEFAULT_POLICY.attempts).toEqual({ web: 5, sip: 3, roomFailures: 20, roomWindowMinutes: 10, warnAtRemaining: 2 });
    expect(DEFAULT_POLICY.maxGuessProbability).toBe(1e-4);
    expect(DEFAULT_POLICY.nodes).toEqual([]);
  });

  it('keeps DEFAULT_POLICY immutable so no caller can weaken the fallback', () => {
    expect(() => {
      (DEFAULT_POLICY.organizer.accessCode.required as { value: boolean }).value = false;
    }).toThrow(TypeError);
    expect(DEFAULT_POLICY.organizer.accessCode.required.value).toBe(true);
  });

  it('fills a setting\'s missing half from its own default', () => {
    const result = parsePolicy({ version: 1, organizer: { accessCode: { length: { value: 10 } } } });
    expect(result.ok && result.value.organizer.accessCode.length).toEqual({ value: 10, locked: false });
  });

  it('accepts the shipped example policy', () => {
    const result = parsePolicyJson(readFileSync('examples/policy.json', 'utf8'));
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.nodes.map((n) => n.origin)).toEqual(['https://meet.example.com', 'https://meet-us.example.com']);
  });

  it('rejects newer, missing and wrong versions with a clear message', () => {
    expect(errorsOf({ version: 2, futureKey: true })).toEqual([{ path: 'version', message: expect.stringMatching(/version 2 is newer.*upgrade SecureJoin/) }]);
    expect(errorsOf({})).toEqual([{ path: 'version', message: expect.stringContaining('"version": 1') }]);
    expect(errorsOf({ version: '1' })[0]?.message).toContain('must be 1');
    expect(errorsOf([])[0]?.path).toBe('(root)');
  });

  it('names the path and the problem in plain words', () => {
    const errors = errorsOf({ version: 1, organizer: { accessCode: { length: { value: 16 } } }, attempts: { web: 'five' } });
    expect(errors).toContainEqual({ path: 'organizer.accessCode.length.value', message: 'must be at most 15, got the number 16' });
    expect(errors).toContainEqual({ path: 'attempts.web', message: 'must be a number, got the text "five"' });
  });

  it('rejects unknown keys and suggests the intended one', () => {
    const errors = errorsOf({ version: 1, organizer: { acessCode: {}, pin: { minLength: { value: 6, lockd: true } } } });
    expect(errors).toContainEqual({ path: 'organizer.acessCode', message: 'unknown setting "acessCode" (did you mean "accessCode"?)' });
    expect(errors).toContainEqual({ path: 'organizer.pin.minLength.lockd', message: 'unknown setting "lockd" (did you mean "locked"?)' });
  });

  it('rejects enum values outside the list, naming the allowed ones', () => {
    const errors = errorsOf({ version: 1, attendee: { autofill: { mode: { value: 'always' } } } });
    expect(errors).toEqual([{ path: 'attendee.autofill.mode.value', message: 'must be one of "off", "fill", "fill-and-join", got the text "always"' }]);
  });

  it('checks node origins exactly and rejects duplicates', () => {
    const origin = (o: string) => errorsOf({ version: 1, nodes: [{ origin: o }] })[0]?.message;
    expect(origin('http://meet.example.com')).toMatch(/https/);
    expect(origin('https://meet.example.com/')).toMatch(/remove "\/"/);
    expect(origin('https://meet.example.com/webapp3')).toMatch(/remove "\/webapp3"/);
    expect(origin('https://Meet.example.com')).toMatch(/lowercase/);
    expect(origin('https://meet.example.com:443')).toMatch(/default port/);
    expect(origin('https://user@meet.example.com')).toMatch(/user name/);
    expect(parsePolicy({ version: 1, nodes: [{ origin: 'https://meet.example.com:8443' }] }).ok).toBe(true);
    const dup = errorsOf({ version: 1, nodes: [{ origin: 'https://a.example' }, { origin: 'https://a.example' }] });
    expect(dup).toEqual([{ path: 'nodes[1].origin', message: 'duplicates nodes[0].origin' }]);
  });

  it('refuses a policy of the earlier format (nodes[].provisioningUrl) and says what to change', () => {
    const errors = errorsOf({ version: 1, nodes: [{ origin: 'https://a.example' }, { origin: 'https://b.example', provisioningUrl: 'https://b.example/p' }] });
    expect(errors).toEqual([{ path: 'nodes[1].provisioningUrl', message: expect.stringContaining('Remove "provisioningUrl" from this node and add a top-level "meetingService"') }]);
  });

  it('checks the meeting service: https (http only on loopback), a client id GUID, an authority and one scope', () => {
    const service = { url: 'https://securejoin.example.com', clientId: '8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f', authority: 'https://login.microsoftonline.com/common', scope: 'api://securejoin.example.com/Meetings.ReadWrite' };
    const ok = parsePolicy({ version: 1, meetingService: service });
    expect(ok.ok && ok.value.meetingService).toEqual(service);
    expect(parsePolicy({ version: 1, meetingService: { ...service, url: 'http://127.0.0.1:8444' } }).ok).toBe(true);
    expect(errorsOf({ version: 1, meetingService: { ...service, url: 'http://securejoin.example.com' } })).toEqual([{ path: 'meetingService.url', message: expect.stringMatching(/must use https:\/\/.*loopback|127\.0\.0\.1/) }]);
    expect(errorsOf({ version: 1, meetingService: { ...service, url: 'https://securejoin.example.com/?x=1' } })[0]?.message).toMatch(/query/);
    expect(errorsOf({ version: 1, meetingService: { ...service, clientId: 'securejoin' } })[0]).toEqual({ path: 'meetingService.clientId', message: expect.stringMatching(/Application \(client\) ID/) });
    expect(errorsOf({ version: 1, meetingService: { ...service, scope: 'a b' } })[0]?.path).toBe('meetingService.scope');
    expect(errorsOf({ version: 1, meetingService: { url: service.url } }).map((e) => e.path)).toEqual(['meetingService.clientId', 'meetingService.authority', 'meetingService.scope']);
    expect(errorsOf({ version: 1, meetingService: { ...service, token: 'x' } })[0]?.path).toBe('meetingService.token');
  });

  it('rejects a warning threshold that would warn on every attempt', () => {
    expect(errorsOf({ version: 1, attempts: { sip: 2, warnAtRemaining: 2 } })).toEqual([
      { path: 'attempts.warnAtRemaining', message: expect.stringContaining('below the smallest attempt limit (2)') },
    ]);
  });

  it('rejects too-guessable codes and says what to change', () => {
    const errors = errorsOf({ version: 1, organizer: { accessCode: { length: { value: 6 } } }, attempts: { roomFailures: 200 } });
    expect(errors[0]?.path).toBe('organizer.accessCode.length.value');
    expect(errors[0]?.message).toMatch(/raise organizer\.accessCode\.length\.value to at least \d+/);
    expect(errors[0]?.message).toMatch(/attempts\.roomFailures/);
  });

  it('checks the PIN when organizers may turn the access code off', () => {
    const errors = errorsOf({ version: 1, organizer: { accessCode: { required: { value: true, locked: false } } } });
    expect(errors).toEqual([{ path: 'organizer.pin.minLength.value', message: expect.stringMatching(/raise organizer\.pin\.minLength\.value to at least 7.*require and lock access codes/) }]);
    expect(parsePolicy({ version: 1, organizer: { accessCode: { required: { locked: false } }, pin: { minLength: { value: 8 } } } }).ok).toBe(true);
  });

  it('never throws and never accepts garbage', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parsePolicy(input);
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
        return true;
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), (extra) => {
        const result = parsePolicy({ ...extra, version: 1 });
        return result.ok === (Object.keys(extra).filter((k) => k !== 'version').length === 0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parsePolicyJson', () => {
  it('reports JSON syntax errors with line and column', () => {
    const result = parsePolicyJson('{\n  "version": 1,\n  "nodes": [,]\n}');
    expect(result).toEqual({ ok: false, errors: [{ path: 'line 3, column 13', message: expect.stringMatching(/^invalid JSON/) }] });
    const truncated = parsePolicyJson('{"version": 1');
    expect(!truncated.ok && truncated.errors[0]?.path).toMatch(/^line 1, column \d+$/);
  });

  it('ignores a UTF-8 byte-order mark', () => {
    expect(parsePolicyJson('\uFEFF{"version":1}').ok).toBe(true);
  });

  it('locates errors exactly where JSON.parse fails, and only then', () => {
    const agrees = (text: string) => {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      return (findJsonSyntaxError(text) === null) === valid;
    };
    fc.assert(fc.property(fc.json(), agrees), { numRuns: 300 });
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\\', '\n'), (json, at, junk) => {
        const cut = at % (json.length + 1);
        return agrees(json.slice(0, cut) + junk + json.slice(cut + 1));
      }),
      { numRuns: 500 },
    );
    expect(findJsonSyntaxError('{"a": 1,}')).toEqual({ offset: 8, message: 'expected a "key" in double quotes, found "}"' });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof parsePolicyJson(text).ok === 'boolean'), { numRuns: 300 });
  });
});

describe('parsePolicyJson: every problem in one round', () => {
  it('reports schema errors, guess-risk errors and duplicate keys together', () => {
    const text = JSON.stringify({
      version: 1,
      organizer: { accessCode: { length: { value: 6 } }, pin: { minLenght: { value: 6 } } },
      nodes: [{ origin: 'http://meet.example.com' }],
      assumedMeetingMinutes: 1440,
    }).replace('"version":1', '"version":1,"assumedInvitees":5,"assumedInvitees":25');
    const result = parsePolicyJson(text);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['assumedInvitees', 'organizer.pin.minLenght', 'nodes[0].origin', 'organizer.accessCode.length.value']));
    const risk = result.ok ? undefined : result.errors.find((e) => e.path === 'organizer.accessCode.length.value');
    expect(risk?.message).toMatch(/can be guessed with probability/);
  });

  it('does not repeat a risk problem at a path that already has a schema error', () => {
    const result = parsePolicyJson(JSON.stringify({ version: 1, organizer: { accessCode: { length: { value: 30 } } }, assumedMeetingMinutes: 1440 }));
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths.filter((p) => p === 'organizer.accessCode.length.value')).toHaveLength(1);
  });
});

describe('parsePolicy never throws on odd input', () => {
  it('reports a cyclic object with schema errors instead of throwing', () => {
    const input: Record<string, unknown> = { version: 1, nodes: 'x' };
    input.self = input;
    expect(parsePolicy(input).ok).toBe(false);
  });
});
