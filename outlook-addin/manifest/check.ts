/**
 * The manifest's invariants, checked offline (Microsoft's validator needs its web service):
 * well-formed XML, schema element order, every resid defined, the LaunchEvent runtime equal to
 * the Runtime, https everywhere, and requirement sets that keep the button on older clients.
 */
import { LAUNCH_EVENTS } from '../events/launchEvents';
import { BASE_MAILBOX_VERSION, eventsMailboxVersion } from './render';
import { webApplicationInfoProblems } from './checkSso';
import { findAll, localNameOf, parseXml } from './xml';
import type { XmlElement } from './xml';

/** OfficeApp's children in the order the MailApp schema requires (those we use, and their neighbours). */
export const OFFICE_APP_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl',
  'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'FormSettings', 'Permissions', 'Rule', 'DisableEntityHighlighting', 'VersionOverrides',
] as const;
/** VersionOverrides 1.0's children in schema order. */
export const VERSION_OVERRIDES_ORDER = ['Description', 'Requirements', 'Hosts', 'Resources', 'EquivalentAddins', 'VersionOverrides'] as const;
/**
 * VersionOverrides 1.1's children in schema order ([MS-OWEMXML] VersionOverridesV1_1; Microsoft's
 * SSO-in-events sample has WebApplicationInfo after Resources, then ExtendedPermissions).
 */
export const VERSION_OVERRIDES_1_1_ORDER = ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins', 'ExtendedPermissions'] as const;
/** Resources' children in schema order. */
export const RESOURCES_ORDER = ['Images', 'Urls', 'ShortStrings', 'LongStrings'] as const;
/** A V1_1 MailHost's children in schema order. */
export const MAIL_HOST_ORDER = ['Runtimes', 'DesktopFormFactor', 'MobileFormFactor'] as const;

const children = (el: XmlElement, name: string): XmlElement[] => el.children.filter((c) => localNameOf(c.name) === name);
const child = (el: XmlElement | undefined, name: string): XmlElement | undefined => (el ? children(el, name)[0] : undefined);

/** Problems with the order of `el`'s children against `order` (unknown children are problems too). */
function orderProblems(el: XmlElement, order: readonly string[], where: string): string[] {
  const problems: string[] = [];
  let last = -1;
  for (const c of el.children) {
    const name = localNameOf(c.name);
    const at = order.indexOf(name);
    if (at < 0) problems.push(`${where}: unexpected element <${c.name}>`);
    else if (at < last) problems.push(`${where}: <${c.name}> must come before <${order[last]}>`);
    else last = at;
  }
  return problems;
}

/** "1.12" > "1.3": compares Mailbox versions numerically by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Checks of one VersionOverrides level: order, resids, requirement set. */
function versionOverridesProblems(vo: XmlElement, label: string, minVersion: string, order: readonly string[]): string[] {
  const problems = orderProblems(vo, order, label);
  const resources = child(vo, 'Resources');
  if (!resources) return [...problems, `${label}: has no <Resources>`];
  problems.push(...orderProblems(resources, RESOURCES_ORDER, `${label} Resources`));
  const defined = new Set<string>();
  for (const group of resources.children) {
    for (const item of group.children) {
      const id = item.attributes.id;
      if (!id) problems.push(`${label}: <${item.name}> without id`);
      else if (defined.has(id)) problems.push(`${label}: resource id "${id}" defined twice`);
      else defined.add(id);
    }
  }
  const hosts = child(vo, 'Hosts');
  for (const el of hosts ? collect(hosts) : []) {
    const resid = el.attributes.resid;
    if (resid !== undefined && !defined.has(resid)) problems.push(`${label}: resid "${resid}" on <${el.name}> is not defined in its Resources`);
    if (resid !== undefined && resid.length > 32) problems.push(`${label}: resid "${resid}" is longer than 32 characters`);
  }
  const sets = child(child(vo, 'Requirements'), 'Sets');
  const version = sets?.attributes.DefaultMinVersion;
  if (version !== minVersion) problems.push(`${label}: Requirements DefaultMinVersion must be ${minVersion}, got ${version ?? 'none'}`);
  if (!sets || !children(sets, 'Set').some((s) => s.attributes.Name === 'Mailbox')) problems.push(`${label}: Requirements must name the Mailbox set`);
  for (const host of hosts ? children(hosts, 'Host') : []) {
    problems.push(...orderProblems(host, MAIL_HOST_ORDER, `${label} Host`));
    for (const dff of children(host, 'DesktopFormFactor')) {
      const names = dff.children.map((c) => localNameOf(c.name));
      if (names[0] !== 'FunctionFile') problems.push(`${label}: DesktopFormFactor must start with <FunctionFile>`);
      if (names.slice(1).some((n) => n !== 'ExtensionPoint')) problems.push(`${label}: DesktopFormFactor may only hold ExtensionPoints after FunctionFile`);
    }
  }
  return problems;
}

/** Every element in document order. */
function collect(el: XmlElement): XmlElement[] {
  return el.children.flatMap((c) => [c, ...collect(c)]);
}

/**
 * Every invariant the manifest breaks (empty: fine). `xml` is the manifest text; never throws
 * (a syntax error is reported as a problem).
 */
export function manifestProblems(xml: string): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`];
  }
  const problems: string[] = [];
  if (root.name !== 'OfficeApp' || root.attributes['xsi:type'] !== 'MailApp') problems.push('the root must be <OfficeApp xsi:type="MailApp">');
  problems.push(...orderProblems(root, OFFICE_APP_ORDER, 'OfficeApp'));

  const baseSet = findAll(child(root, 'Requirements') ?? root, 'Set').find((s) => s.attributes.Name === 'Mailbox');
  if (baseSet?.attributes.MinVersion !== BASE_MAILBOX_VERSION) problems.push(`OfficeApp Requirements: Mailbox MinVersion must be ${BASE_MAILBOX_VERSION}`);

  const vo10 = child(root, 'VersionOverrides');
  const vo11 = child(vo10, 'VersionOverrides');
  if (vo10?.attributes['xsi:type'] !== 'VersionOverridesV1_0') problems.push('OfficeApp must hold <VersionOverrides xsi:type="VersionOverridesV1_0">');
  if (vo11?.attributes['xsi:type'] !== 'VersionOverridesV1_1') problems.push('VersionOverrides 1.0 must hold <VersionOverrides xsi:type="VersionOverridesV1_1"> last');
  if (vo10) problems.push(...versionOverridesProblems({ ...vo10, children: vo10.children.filter((c) => c !== vo11) }, 'VersionOverrides 1.0', BASE_MAILBOX_VERSION, VERSION_OVERRIDES_ORDER));
  if (vo11) problems.push(...versionOverridesProblems(vo11, 'VersionOverrides 1.1', eventsMailboxVersion(), VERSION_OVERRIDES_1_1_ORDER));
  if (vo11) problems.push(...webApplicationInfoProblems(vo11, findAll(root, 'AppDomain')[0]?.text.trim() ?? ''));
  if (vo10 && findAll({ ...vo10, children: vo10.children.filter((c) => c !== vo11) }, 'ExtensionPoint').every((e) => e.attributes['xsi:type'] !== 'AppointmentOrganizerCommandSurface')) {
    problems.push('VersionOverrides 1.0 must have the AppointmentOrganizerCommandSurface button (older clients)');
  }
  if (vo11) problems.push(...eventProblems(vo11));

  for (const el of collect(root)) {
    for (const [name, value] of Object.entries(el.attributes)) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !name.startsWith('xmlns') && !value.startsWith('https://')) problems.push(`<${el.name} ${name}> must be an https URL, got ${value}`);
    }
    if (localNameOf(el.name) === 'AppDomain' && !el.text.trim().startsWith('https://')) problems.push(`<AppDomain> must be https, got ${el.text.trim()}`);
  }
  return problems;
}

/** The runtime and launch events of VersionOverrides 1.1. */
function eventProblems(vo11: XmlElement): string[] {
  const problems: string[] = [];
  const runtimes = findAll(vo11, 'Runtime');
  if (runtimes.length !== 1) return [`VersionOverrides 1.1 must have exactly one <Runtime>, found ${runtimes.length}`];
  const runtime = runtimes[0] as XmlElement;
  const override = children(runtime, 'Override').find((o) => o.attributes.type === 'javascript');
  if (!override?.attributes.resid) problems.push('the Runtime needs <Override type="javascript" resid=...> for classic Outlook on Windows');
  const points = findAll(vo11, 'ExtensionPoint').filter((e) => e.attributes['xsi:type'] === 'LaunchEvent');
  if (points.length !== 1) return [...problems, `VersionOverrides 1.1 must have one LaunchEvent ExtensionPoint, found ${points.length}`];
  const point = points[0] as XmlElement;
  const source = child(point, 'SourceLocation')?.attributes.resid;
  if (source !== runtime.attributes.resid) problems.push(`LaunchEvent SourceLocation resid "${source}" must equal the Runtime resid "${runtime.attributes.resid}"`);
  const events = findAll(point, 'LaunchEvent').map((e) => e.attributes);
  for (const spec of LAUNCH_EVENTS) {
    const found = events.find((e) => e.Type === spec.type);
    if (!found) problems.push(`LaunchEvent ${spec.type} is missing`);
    else if (found.FunctionName !== spec.functionName) problems.push(`LaunchEvent ${spec.type} must call ${spec.functionName}, not ${found.FunctionName}`);
    else if ((found.SendMode ?? undefined) !== spec.sendMode) problems.push(`LaunchEvent ${spec.type} SendMode must be ${spec.sendMode ?? 'absent'}`);
  }
  if (events.length !== LAUNCH_EVENTS.length) problems.push(`expected ${LAUNCH_EVENTS.length} LaunchEvents, found ${events.length}`);
  return problems;
}

/** The FunctionName of every LaunchEvent in the manifest text (for the bundle check). */
export function launchFunctionNames(xml: string): string[] {
  return findAll(parseXml(xml), 'LaunchEvent').map((e) => e.attributes.FunctionName ?? '');
}
