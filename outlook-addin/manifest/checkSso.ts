/**
 * The manifest's Office single sign-on invariants (`<WebApplicationInfo>` in VersionOverrides
 * 1.1, present when the policy names a meeting service): Microsoft's rules that make Office
 * refuse or fail it at run time, checked offline. Id a GUID (the app's client id); Resource
 * `api://<the add-in's host, port included>/<Id>` (else 13004); Scopes naming openid and profile
 * (else 13007); its children Id, Resource, Scopes in that order; at most one.
 */
import { OFFICE_SSO_SCOPES } from '../../core/policy/officeSso';
import { GUID } from './render';
import { localNameOf } from './xml';
import type { XmlElement } from './xml';

/** Problems of VersionOverrides 1.1's `<WebApplicationInfo>` for an add-in whose AppDomain is `appDomain` (none: no problems). */
export function webApplicationInfoProblems(vo11: XmlElement, appDomain: string): string[] {
  const infos = vo11.children.filter((c) => localNameOf(c.name) === 'WebApplicationInfo');
  if (infos.length === 0) return [];
  if (infos.length > 1) return [`VersionOverrides 1.1 has ${infos.length} <WebApplicationInfo>, at most one is allowed`];
  const info = infos[0] as XmlElement;
  const problems: string[] = [];
  const names = info.children.map((c) => localNameOf(c.name));
  if (names.join(',') !== 'Id,Resource,Scopes') problems.push(`WebApplicationInfo must hold <Id>, <Resource>, <Scopes> in that order, got ${names.map((n) => `<${n}>`).join(', ') || 'nothing'}`);
  const text = (name: string): string => info.children.find((c) => localNameOf(c.name) === name)?.text.trim() ?? '';
  const id = text('Id');
  if (!GUID.test(id)) problems.push(`WebApplicationInfo Id must be the app registration's client id (a GUID), got "${id.slice(0, 60)}"`);
  let host = '';
  try {
    host = new URL(appDomain).host;
  } catch {
    host = '';
  }
  const resource = text('Resource');
  const expected = `api://${host}/${id}`;
  if (resource !== expected) problems.push(`WebApplicationInfo Resource must be ${expected} (the add-in's host, port included, then the client id), got "${resource.slice(0, 200)}"`);
  const scopes = (info.children.find((c) => localNameOf(c.name) === 'Scopes')?.children ?? []).filter((c) => localNameOf(c.name) === 'Scope').map((c) => c.text.trim());
  for (const scope of OFFICE_SSO_SCOPES) if (!scopes.includes(scope)) problems.push(`WebApplicationInfo Scopes must name ${scope}`);
  return problems;
}
