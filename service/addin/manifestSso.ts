/**
 * The served manifest's `<WebApplicationInfo>` (Office single sign-on, which classic Outlook's
 * event runtime signs in with) for the admin's policy and the service's public URL. The add-in
 * is built once for a placeholder origin with the example policy, so the client id and host the
 * build wrote are not this deployment's: the element is taken out and, when the admin's policy
 * names a meeting service, written anew as the last child of VersionOverrides 1.1 (the first
 * `</VersionOverrides>` closes 1.1, which sits inside 1.0), as core/policy/officeSso.ts decides.
 */
import { officeSsoApp, parsePolicyJson, webApplicationInfoLines } from '../../core/policy';

const BLOCK = /\n[ \t]*<WebApplicationInfo>[\s\S]*?<\/WebApplicationInfo>/g;
const INNER_CLOSE = /\n([ \t]*)<\/VersionOverrides>/;

/** `manifest` with the WebApplicationInfo for `policyText`'s meeting service at `publicUrl` (none when it names none or is invalid). */
export function withOfficeSso(manifest: string, policyText: string, publicUrl: string): string {
  const without = manifest.replace(BLOCK, '');
  const policy = parsePolicyJson(policyText);
  const app = policy.ok ? officeSsoApp(policy.value.meetingService, publicUrl) : null;
  const close = INNER_CLOSE.exec(without);
  if (!app || !close) return without;
  const indent = `${close[1] ?? ''}  `;
  const block = webApplicationInfoLines(app).map((line) => `\n${indent}${line}`).join('');
  return `${without.slice(0, close.index)}${block}${without.slice(close.index)}`;
}
