/**
 * Chrome and Edge on macOS: one configuration profile (.mobileconfig) each, for an MDM or a double
 * click. It holds two payloads, each a preference domain the browser reads: the browser's own
 * (`com.google.Chrome` / `com.microsoft.Edge`) with `ExtensionInstallForcelist`, and the
 * extension's 3rd-party policy domain (`com.google.Chrome.extensions.<id>` /
 * `com.microsoft.Edge.extensions.<id>`) with the managed policy as top-level keys. UUIDs are
 * derived from the service URL, browser and extension id, so a profile made again replaces the
 * installed one instead of adding a second.
 */
import { createHash } from 'node:crypto';
import { managedStorageSchema, policyToManaged } from '../../core/policy';
import { generatedBy } from './file';
import type { BundleFile } from './file';
import { plistXml, typedBySchema } from './plist';
import type { PlistValue } from './plist';
import type { BundleSettings, ChromiumTarget } from './settings';

/** A stable UUID (version-4 layout) from `seed`. */
export function stableUuid(seed: string): string {
  const h = createHash('sha256').update(`securejoin-profile:${seed}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

/** The service host reversed, as profile identifiers are written (securejoin.example.com -> com.example.securejoin). */
export const reversedHost = (serviceUrl: string): string => new URL(serviceUrl).hostname.split('.').reverse().join('.');

interface Browser {
  name: string;
  /** The browser's preference domain. */
  domain: string;
  key: 'chrome' | 'edge';
}

const CHROME: Browser = { name: 'Google Chrome', domain: 'com.google.Chrome', key: 'chrome' };
const EDGE: Browser = { name: 'Microsoft Edge', domain: 'com.microsoft.Edge', key: 'edge' };

function profile(settings: BundleSettings, browser: Browser, target: ChromiumTarget): string {
  const base = `${reversedHost(settings.serviceUrl)}.securejoin.${browser.key}`;
  const uuid = (part: string) => stableUuid(`${settings.serviceUrl}|${browser.key}|${target.id}|${part}`);
  const managed = typedBySchema(policyToManaged(settings.policy), managedStorageSchema()) as Record<string, PlistValue>;
  const root: PlistValue = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: base,
    PayloadUUID: uuid('profile'),
    PayloadDisplayName: `SecureJoin for ${browser.name}`,
    PayloadDescription: `Installs the SecureJoin extension in ${browser.name} and sets its policy. ${generatedBy(settings.serviceUrl)}`,
    PayloadOrganization: new URL(settings.serviceUrl).hostname,
    PayloadScope: 'System',
    PayloadContent: [
      {
        PayloadType: browser.domain,
        PayloadVersion: 1,
        PayloadIdentifier: `${base}.install`,
        PayloadUUID: uuid('install'),
        PayloadDisplayName: `${browser.name}: install SecureJoin`,
        ExtensionInstallForcelist: [`${target.id};${target.updateUrl}`],
      },
      {
        PayloadType: `${browser.domain}.extensions.${target.id}`,
        PayloadVersion: 1,
        PayloadIdentifier: `${base}.policy`,
        PayloadUUID: uuid('policy'),
        PayloadDisplayName: `${browser.name}: SecureJoin policy`,
        ...managed,
      },
    ],
  };
  return plistXml(root);
}

export const CHROME_PROFILE_PATH = 'browsers/macos/securejoin-chrome.mobileconfig';
export const EDGE_PROFILE_PATH = 'browsers/macos/securejoin-edge.mobileconfig';

/** The two configuration profiles. */
export function macosFiles(settings: BundleSettings): BundleFile[] {
  return [
    { path: CHROME_PROFILE_PATH, content: profile(settings, CHROME, settings.chrome), encoding: 'utf8' },
    { path: EDGE_PROFILE_PATH, content: profile(settings, EDGE, settings.edge), encoding: 'utf8' },
  ];
}
