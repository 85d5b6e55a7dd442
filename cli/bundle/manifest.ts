/**
 * The Outlook add-in's manifest for centralized deployment: every URL at the service URL, which
 * serves the add-in. Checked with the same invariants as the committed development manifest;
 * a manifest that fails them is never written.
 */
import { parsePolicyJson } from '../../core/policy';
import { manifestProblems, renderManifest } from '../../outlook-addin/manifest';
import type { BundleFile } from './file';
import type { BundleSettings } from './settings';

export const MANIFEST_PATH = 'outlook/manifest.xml';
export const ADDIN_POLICY_PATH = 'outlook/policy.json';

/** The add-in's manifest and the policy it reads (`<service URL>/policy.json`). @throws Error when the manifest breaks an invariant. */
export function outlookFiles(settings: BundleSettings): BundleFile[] {
  // With a meeting service the manifest names its app registration for Office SSO (classic Outlook's event runtime).
  const parsed = parsePolicyJson(settings.policyText);
  const meetingService = parsed.ok ? parsed.value.meetingService : undefined;
  const xml = renderManifest({ hostUrl: settings.serviceUrl, ...(meetingService ? { meetingService } : {}) });
  const problems = manifestProblems(xml);
  if (problems.length > 0) throw new Error(`the manifest for ${settings.serviceUrl} breaks its checks:\n  ${problems.join('\n  ')}`);
  const policy = settings.policyText.endsWith('\n') ? settings.policyText : `${settings.policyText}\n`;
  return [
    { path: MANIFEST_PATH, content: xml, encoding: 'utf8' },
    { path: ADDIN_POLICY_PATH, content: policy, encoding: 'utf8' },
  ];
}
