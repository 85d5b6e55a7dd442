/** The example policy as the admin bundle's input, and readers the tests check its files with. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { bundleFiles, bundleSettings } from '../../../cli/bundle';
import type { BundleFile, BundleOptions, BundleSettings } from '../../../cli/bundle';
import { parsePolicyJson } from '../../../core/policy';
import type { Policy } from '../../../core/policy';

export const SERVICE_URL = 'https://securejoin.example.com';
export const EXAMPLE_TEXT = readFileSync('examples/policy.json', 'utf8');

export function examplePolicy(text = EXAMPLE_TEXT): Policy {
  const result = parsePolicyJson(text);
  if (!result.ok) throw new Error(`example invalid: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** Settings for the example policy (its meetingService.url is SERVICE_URL). */
export function exampleSettings(opts: Partial<BundleOptions> = {}, text = EXAMPLE_TEXT): BundleSettings {
  const result = bundleSettings(examplePolicy(text), text, { serviceUrl: SERVICE_URL, ...opts });
  if (!result.ok) throw new Error(`settings refused: ${JSON.stringify(result.problems)}`);
  return result.value;
}

/** The example policy with another meeting service URL (for host/port/path cases). */
export function policyTextAt(serviceUrl: string): string {
  const doc = JSON.parse(EXAMPLE_TEXT) as { meetingService: { url: string } };
  doc.meetingService.url = serviceUrl;
  return JSON.stringify(doc, null, 2);
}

export function fileOf(files: BundleFile[], path: string): BundleFile {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} in the bundle: ${files.map((f) => f.path).join(', ')}`);
  return file;
}

export const exampleFiles = (opts: Partial<BundleOptions> = {}) => bundleFiles(exampleSettings(opts));

/**
 * Parses a property list with Python's plistlib (the reader macOS tooling uses) into JSON, reals
 * tagged as {"$real": x} so a test can tell them from integers.
 */
export function readPlist(bytes: string | Buffer): unknown {
  const script = [
    'import json, plistlib, sys',
    'def tag(v):',
    '    if isinstance(v, bool): return v',
    '    if isinstance(v, float): return {"$real": v}',
    '    if isinstance(v, dict): return {k: tag(x) for k, x in v.items()}',
    '    if isinstance(v, list): return [tag(x) for x in v]',
    '    return v',
    'print(json.dumps(tag(plistlib.loads(sys.stdin.buffer.read()))))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script], { input: bytes, timeout: 20_000 });
  if (result.status !== 0) throw new Error(`plistlib refused the file: ${result.stderr.toString()}`);
  return JSON.parse(result.stdout.toString());
}

/** Undoes the {"$real": x} tags (for comparing values). */
export function untag(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(untag);
  if (value && typeof value === 'object') {
    if ('$real' in value) return (value as { $real: number }).$real;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, untag(v)]));
  }
  return value;
}

/**
 * Reads a .reg file's text (version 5.00) into key -> values, applying deletions (`[-KEY]`) as
 * regedit does in order. Values are kept as written (`"x"`, `dword:...`).
 */
export function readRegKeys(text: string): { header: string; keys: Map<string, Map<string, string>>; deleted: string[] } {
  const lines = text.split('\r\n');
  const keys = new Map<string, Map<string, string>>();
  const deleted: string[] = [];
  let current: Map<string, string> | null = null;
  for (const line of lines.slice(1)) {
    if (line === '' || line.startsWith(';')) continue;
    const del = /^\[-(.+)\]$/.exec(line);
    if (del?.[1]) {
      deleted.push(del[1]);
      keys.delete(del[1]);
      current = null;
      continue;
    }
    const key = /^\[(.+)\]$/.exec(line);
    if (key?.[1]) {
      current = keys.get(key[1]) ?? new Map();
      keys.set(key[1], current);
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(.+)$/.exec(line);
    if (!value?.[1] || !value[2] || !current) throw new Error(`not a .reg line: ${line}`);
    current.set(value[1], value[2]);
  }
  return { header: lines[0] ?? '', keys, deleted };
}
