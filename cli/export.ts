/**
 * Renders a validated policy into what each browser reads as the extension's managed storage.
 * Pure: returns the file content and the install instructions; the command writes them.
 *
 * - Chromium/Chrome on Linux: a JSON file in the managed policy folder,
 *   `{"3rdparty":{"extensions":{"<id>":{...policy...}}}}`.
 * - Chrome/Edge on Windows: a .reg file for
 *   `HKLM\Software\Policies\<vendor>\3rdparty\extensions\<id>\policy`. Each top-level policy key
 *   is one registry value typed by the managed schema: integers and booleans as REG_DWORD,
 *   strings as REG_SZ, numbers as REG_SZ (Chrome parses string-encoded doubles), objects and
 *   lists as REG_SZ holding JSON (Chrome parses JSON strings where its schema expects a
 *   dictionary or list: chromium registry_dict.cc, "Dictionaries may be encoded as JSON strings").
 * - Firefox: `policies.json`, `{"policies":{"3rdparty":{"Extensions":{"<gecko id>":{...}}}}}`.
 */
import { DEV_EXTENSION_ID, GECKO_EXTENSION_ID } from '../core/extensionIdentity';
import { managedStorageSchema, policyToManaged } from '../core/policy';
import type { Policy } from '../core/policy';
import { UsageError } from './errors';

/** Supported `--target` values. */
export const EXPORT_TARGETS = ['chromium-linux', 'chrome-linux', 'chrome-windows', 'edge-windows', 'firefox'] as const;
/** One of {@link EXPORT_TARGETS}. */
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/** A file to deploy and how. */
export interface PolicyExport {
  /** Suggested file name when no --out is given (the instructions name this file then). */
  fileName: string;
  content: string;
  /** .reg files are written as UTF-16LE with BOM, what regedit expects of version 5.00 files. */
  encoding: 'utf8' | 'utf16le';
  /** Lines telling the admin where the file goes and how to check it took effect. */
  instructions: string[];
}

/** A Chromium extension id: 32 letters a-p. */
export const CHROMIUM_ID = /^[a-p]{32}$/;
/** A Firefox add-on id: "name@domain" or a GUID in braces. */
export const GECKO_ID = /^(?:[A-Za-z0-9._+-]*@[A-Za-z0-9.-]+|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

/** The default extension id for a target and a check of a given one. @throws UsageError when malformed. */
export function extensionIdFor(target: ExportTarget, given: string | undefined): string {
  if (target === 'firefox') {
    const id = given ?? GECKO_EXTENSION_ID;
    if (!GECKO_ID.test(id)) throw new UsageError(`--extension-id "${id}" is not a Firefox add-on id (like "name@example.com" or "{GUID}")`, 'policy export');
    return id;
  }
  const id = given ?? DEV_EXTENSION_ID;
  if (!CHROMIUM_ID.test(id)) throw new UsageError(`--extension-id "${id}" is not a Chromium extension id (32 letters a-p)`, 'policy export');
  return id;
}

/** Escapes text for a double-quoted .reg string. */
function regString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function regValue(value: unknown, schemaType: unknown): string {
  if ((schemaType === 'integer' || schemaType === 'boolean') && (typeof value === 'number' || typeof value === 'boolean')) {
    const n = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    if (Number.isInteger(n) && n >= 0 && n <= 0xffffffff) return `dword:${n.toString(16).padStart(8, '0')}`;
  }
  if (typeof value === 'string') return regString(value);
  if (typeof value === 'number') return regString(String(value));
  return regString(JSON.stringify(value));
}

/** Without --out the file goes to stdout: say what the steps below call it. */
const saveAs = (fileName: string, file: string | undefined): string[] => (file === undefined ? [`Save the output as ${fileName} (or pass --out FILE); then:`] : []);

/** `path` as one POSIX shell word. */
const shellWord = (path: string) => (/^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`);
/** `path` as one cmd.exe argument. */
const cmdWord = (path: string) => (/[\s&()^|<>,;=]/.test(path) ? `"${path}"` : path);

/** The registry vendor path of a Chromium browser's policies. */
export type RegVendor = 'Google\\Chrome' | 'Microsoft\\Edge';

/** Where the browser reads the extension's managed policy on Windows. */
export const regPolicyKey = (vendor: RegVendor, id: string): string => `HKEY_LOCAL_MACHINE\\Software\\Policies\\${vendor}\\3rdparty\\extensions\\${id}\\policy`;

/**
 * The .reg lines of the extension's managed policy: first the key's removal (so no stale value of
 * an earlier policy survives), then every top-level policy key as one typed value.
 */
export function regPolicyLines(policy: Policy, id: string, vendor: RegVendor): string[] {
  const key = regPolicyKey(vendor, id);
  const properties = (managedStorageSchema().properties ?? {}) as Record<string, { type?: unknown }>;
  const managed = policyToManaged(policy);
  return [`[-${key}]`, '', `[${key}]`, ...Object.entries(managed).map(([name, value]) => `${regString(name)}=${regValue(value, properties[name]?.type)}`)];
}

/** Escapes text for a double-quoted .reg string (exported for the admin bundle's other values). */
export const regQuoted = (text: string): string => regString(text);

function windowsExport(policy: Policy, id: string, vendor: RegVendor, file: string | undefined): PolicyExport {
  const key = regPolicyKey(vendor, id);
  const lines = [
    'Windows Registry Editor Version 5.00',
    '',
    '; SecureJoin extension policy, generated by `securejoin policy export`. Do not edit by hand:',
    '; change the policy JSON, check it, and export again.',
    '; The first line removes any previous SecureJoin policy so no stale value survives.',
    ...regPolicyLines(policy, id, vendor),
    '',
  ];
  const browser = vendor === 'Google\\Chrome' ? 'Chrome' : 'Edge';
  const page = vendor === 'Google\\Chrome' ? 'chrome://policy' : 'edge://policy';
  const fileName = `securejoin-${browser.toLowerCase()}-policy.reg`;
  return {
    fileName,
    content: lines.join('\r\n'),
    encoding: 'utf16le',
    instructions: [
      ...saveAs(fileName, file),
      `Import on each Windows machine as administrator: reg import ${cmdWord(file ?? fileName)}`,
      `  (or deploy the values under ${key} with Group Policy Preferences / Intune).`,
      `${browser} applies extension policy from the registry on managed (domain-joined or cloud-managed) machines.`,
      `Check: open ${page}, press "Reload policies", and look for extension ${id}.`,
    ],
  };
}

function linuxExport(policy: Policy, id: string, folder: string, browser: string, file: string | undefined): PolicyExport {
  const document = { '3rdparty': { extensions: { [id]: policyToManaged(policy) } } };
  const fileName = 'securejoin.json';
  return {
    fileName,
    content: `${JSON.stringify(document, null, 2)}\n`,
    encoding: 'utf8',
    instructions: [
      ...saveAs(fileName, file),
      `Install as root: install -D -m 0644 ${shellWord(file ?? fileName)} ${folder}/securejoin.json`,
      `${browser} picks it up within seconds. Check: open chrome://policy and look for extension ${id}.`,
    ],
  };
}

function firefoxExport(policy: Policy, id: string, file: string | undefined): PolicyExport {
  const document = { policies: { '3rdparty': { Extensions: { [id]: policyToManaged(policy) } } } };
  const fileName = 'policies.json';
  return {
    fileName,
    content: `${JSON.stringify(document, null, 2)}\n`,
    encoding: 'utf8',
    instructions: [
      ...saveAs(fileName, file),
      `Install ${file === undefined || file === fileName ? '' : `${file} `}as policies.json (one file holds all Firefox policies: if one exists, merge the "3rdparty" entry into it):`,
      '  Windows: C:\\Program Files\\Mozilla Firefox\\distribution\\policies.json',
      '  Linux:   /etc/firefox/policies/policies.json',
      '  macOS:   /Applications/Firefox.app/Contents/Resources/distribution/policies.json',
      `Restart Firefox. Check: open about:policies and look for 3rdparty / ${id}.`,
    ],
  };
}

/**
 * The deployable file for `target`. `policy` must come from parsePolicy (validated, defaults
 * filled): the export writes every value out, typed as the managed schema declares. `file` is
 * where the file is written (--out), so the instructions name it; without it they name
 * `fileName` and say to save the output under that name.
 * @throws UsageError on a malformed extension id.
 */
export function exportPolicy(policy: Policy, target: ExportTarget, extensionId?: string, file?: string): PolicyExport {
  const id = extensionIdFor(target, extensionId);
  const result = render(policy, target, id, file);
  const note = idNote(target, id, extensionId !== undefined);
  if (note) result.instructions.push(note);
  return result;
}

/**
 * What the admin must know about the id the file is keyed by. Chrome Web Store and Edge Add-ons
 * assign the id of a published build; Firefox takes it from the manifest
 * (browser_specific_settings.gecko.id), the same in every build, store-signed or not.
 */
function idNote(target: ExportTarget, id: string, given: boolean): string | null {
  if (target === 'firefox') {
    if (id === GECKO_EXTENSION_ID) return `Note: keyed by SecureJoin's add-on id ${id}, fixed in its manifest for every build (development and addons.mozilla.org alike).`;
    return `Note: keyed by ${id}; SecureJoin's manifest declares ${GECKO_EXTENSION_ID}, so this reaches only a build whose manifest was changed to ${id}.`;
  }
  if (given) return null;
  return `Note: keyed by the development build's id (${id}); for a store-published build pass --extension-id with the id the store assigned.`;
}

function render(policy: Policy, target: ExportTarget, id: string, file: string | undefined): PolicyExport {
  switch (target) {
    case 'chromium-linux':
      return linuxExport(policy, id, '/etc/chromium/policies/managed', 'Chromium', file);
    case 'chrome-linux':
      return linuxExport(policy, id, '/etc/opt/chrome/policies/managed', 'Chrome', file);
    case 'chrome-windows':
      return windowsExport(policy, id, 'Google\\Chrome', file);
    case 'edge-windows':
      return windowsExport(policy, id, 'Microsoft\\Edge', file);
    case 'firefox':
      return firefoxExport(policy, id, file);
  }
}

/**
 * Reads a .reg file produced by {@link exportPolicy} back into the values Chrome would see,
 * applying Chrome's registry conversions (dword to integer/boolean, JSON strings to objects,
 * numeric strings to numbers) per the managed schema. Used to test the round trip.
 */
export function readRegPolicy(content: string): Record<string, unknown> {
  const properties = (managedStorageSchema().properties ?? {}) as Record<string, { type?: unknown }>;
  const out: Record<string, unknown> = {};
  for (const line of content.split(/\r?\n/)) {
    const match = /^"((?:[^"\\]|\\.)*)"=(?:dword:([0-9a-f]{8})|"((?:[^"\\]|\\.)*)")$/.exec(line);
    if (!match?.[1]) continue;
    const name = match[1];
    const type = properties[name]?.type;
    if (match[2] !== undefined) {
      const n = parseInt(match[2], 16);
      out[name] = type === 'boolean' ? n !== 0 : n;
      continue;
    }
    const text = (match[3] ?? '').replace(/\\(.)/g, '$1');
    out[name] = type === 'object' || type === 'array' ? JSON.parse(text) : type === 'number' || type === 'integer' ? Number(text) : text;
  }
  return out;
}
