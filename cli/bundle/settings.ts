/**
 * What every artifact of the admin bundle is made from: the validated policy, the service URL
 * (where the add-in, the meetings API and the policy API are served) and the extension's ids in
 * each store. Built once by {@link bundleSettings}, which refuses anything inconsistent.
 */
import { DEV_EXTENSION_ID, GECKO_EXTENSION_ID } from '../../core/extensionIdentity';
import type { MeetingServicePolicy, Policy } from '../../core/policy';
import { serviceUrlProblem } from '../../core/policy';
import { CHROMIUM_ID } from '../export';

/** The Chrome Web Store's update URL (ExtensionInstallForcelist installs from the store). */
export const CHROME_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
/** Microsoft Edge Add-ons' update URL. */
export const EDGE_UPDATE_URL = 'https://edge.microsoft.com/extensionwebstorebase/v1/crx';

/** addons.mozilla.org's "latest version" download for an add-on id (Mozilla's ExtensionSettings docs). */
export const amoLatestUrl = (id: string): string => `https://addons.mozilla.org/firefox/downloads/latest/${id}/latest.xpi`;

/** One Chromium browser's extension: its id and where it updates from. */
export interface ChromiumTarget {
  id: string;
  updateUrl: string;
  /** True when the id is the development build's (no store id was given): README.txt warns. */
  developmentId: boolean;
}

/** Everything the artifacts are made from. */
export interface BundleSettings {
  policy: Policy;
  /** The policy file's text as the admin wrote it (served beside the add-in as policy.json). */
  policyText: string;
  /** The service URL without a trailing slash, e.g. https://securejoin.example.com. */
  serviceUrl: string;
  /** The policy's meeting service (sign-in settings); the bundle needs one. */
  meetingService: MeetingServicePolicy;
  chrome: ChromiumTarget;
  edge: ChromiumTarget;
  firefox: { id: string; installUrl: string };
  /** The username Infinity's policy profile sends (the password comes from the environment). */
  policyUsername: string;
}

/** Options the admin may give; everything else comes from the policy. */
export interface BundleOptions {
  serviceUrl: string;
  chromeExtensionId?: string;
  edgeExtensionId?: string;
  firefoxInstallUrl?: string;
  policyUsername?: string;
}

/** A problem with an option or the policy, as `path: problem` (the path an option name or a policy path). */
export interface BundleProblem {
  path: string;
  message: string;
}

/** The username Infinity's policy profile sends by default. */
export const DEFAULT_POLICY_USERNAME = 'infinity';

/** Builds the settings, or lists every problem (nothing is written then). */
export function bundleSettings(policy: Policy, policyText: string, opts: BundleOptions): { ok: true; value: BundleSettings } | { ok: false; problems: BundleProblem[] } {
  const problems: BundleProblem[] = [];
  const serviceUrl = opts.serviceUrl.replace(/\/+$/, '');
  const urlProblem = serviceUrlProblem(opts.serviceUrl);
  if (urlProblem) problems.push({ path: '--service-url', message: urlProblem });
  else if (!serviceUrl.startsWith('https://')) problems.push({ path: '--service-url', message: 'must use https:// (Outlook loads add-ins only over https, and Infinity sends its password to it)' });
  const meetingService = policy.meetingService;
  if (!meetingService) {
    problems.push({ path: 'meetingService', message: `is required for a deployment: the add-in registers meetings there and Infinity asks it about them (set url to ${serviceUrl})` });
  } else if (meetingService.url.replace(/\/+$/, '') !== serviceUrl) {
    problems.push({ path: 'meetingService.url', message: `must be the --service-url ${serviceUrl} (one service serves the add-in, the meetings and the policy API), got ${meetingService.url}` });
  }
  const chromium = (given: string | undefined, flag: string, updateUrl: string): ChromiumTarget => {
    if (given !== undefined && !CHROMIUM_ID.test(given)) problems.push({ path: flag, message: `"${given}" is not a Chromium extension id (32 letters a-p)` });
    return { id: given ?? DEV_EXTENSION_ID, updateUrl, developmentId: given === undefined };
  };
  const chrome = chromium(opts.chromeExtensionId, '--chrome-extension-id', CHROME_UPDATE_URL);
  const edge = chromium(opts.edgeExtensionId, '--edge-extension-id', EDGE_UPDATE_URL);
  const installUrl = opts.firefoxInstallUrl ?? amoLatestUrl(GECKO_EXTENSION_ID);
  if (!/^(https:\/\/[^\s"<>]+|file:\/\/\/[^\s"<>]+)$/.test(installUrl)) problems.push({ path: '--firefox-install-url', message: `must be an https:// or file:/// URL of the signed .xpi, got "${installUrl}"` });
  const policyUsername = opts.policyUsername ?? DEFAULT_POLICY_USERNAME;
  if (!/^[A-Za-z0-9._@-]{1,100}$/.test(policyUsername)) problems.push({ path: '--policy-username', message: 'must be 1-100 letters, digits, ".", "_", "@" or "-" (HTTP Basic forbids ":")' });
  if (problems.length > 0 || !meetingService) return { ok: false, problems };
  return {
    ok: true,
    value: { policy, policyText, serviceUrl, meetingService, chrome, edge, firefox: { id: GECKO_EXTENSION_ID, installUrl }, policyUsername },
  };
}
