/**
 * Writes the add-in's XML manifest for a host URL (https://localhost:3000 in development, the
 * admin's host in production). Requirement sets are chosen so older clients still get the
 * button: the base manifest and VersionOverrides 1.0 need Mailbox 1.3 (body get/set with
 * coercion); VersionOverrides 1.1 adds the event runtime and launch events and needs the highest
 * set any of them needs (1.12 for Smart Alerts), so clients without it fall back to 1.0.
 */
import { escapeXml } from '../../core/invite/escape';
import { officeSsoApp, webApplicationInfoLines } from '../../core/policy/officeSso';
import type { MeetingServicePolicy } from '../../core/policy';
import { LAUNCH_EVENTS } from '../events/launchEvents';
import type { LaunchEventSpec } from '../events/launchEvents';

/** Options for {@link renderManifest}. */
export interface ManifestOptions {
  /** Where the add-in is served: https origin, optionally with a path ("https://addins.example.com/securejoin"). */
  hostUrl: string;
  /** The add-in's GUID. Default {@link DEFAULT_ADDIN_ID}. */
  id?: string;
  /** Four-part version "1.0.0.0". Default "1.0.0.0". */
  version?: string;
  /**
   * The policy's meeting service: with one, VersionOverrides 1.1 ends with `<WebApplicationInfo>`
   * (Office single sign-on for classic Outlook's event runtime, see core/policy/officeSso.ts).
   */
  meetingService?: MeetingServicePolicy;
}

/** The development add-in id (admins may keep it or use their own GUID). */
export const DEFAULT_ADDIN_ID = '5f0c7a4e-2b6d-4c1e-9a53-7d2e8b1f4c60';
/** Mailbox set for the button, task pane and body editing. */
export const BASE_MAILBOX_VERSION = '1.3';
/** Files the manifest points at, relative to the host URL (the build writes exactly these). */
export const ADDIN_FILES = {
  taskpane: 'taskpane.html',
  runtimePage: 'commands.html',
  runtimeScript: 'commands.js',
  icons: { 16: 'assets/icon-16.png', 32: 'assets/icon-32.png', 64: 'assets/icon-64.png', 80: 'assets/icon-80.png', 128: 'assets/icon-128.png' },
} as const;

/** A GUID, as the manifest's ids (the add-in's, the app registration's) must be. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;

export { escapeXml };

/**
 * The host URL without a trailing slash. Throws RangeError unless it is https (http is accepted
 * for loopback hosts only, for the playground) without query, fragment or credentials.
 */
export function normaliseHostUrl(hostUrl: string): string {
  let url: URL;
  try {
    url = new URL(hostUrl);
  } catch {
    throw new RangeError(`hostUrl must be an https URL such as "https://localhost:3000", got "${String(hostUrl).slice(0, 100)}"`);
  }
  // http only on loopback, for the playground and tests; Outlook itself loads add-ins only over https.
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new RangeError(`hostUrl must use https (Outlook loads add-ins only over https), got "${url.protocol}"`);
  }
  if (url.search || url.hash || url.username || url.password) throw new RangeError('hostUrl must not have a query, fragment or credentials');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The highest Mailbox version any launch event needs, e.g. "1.12". */
export function eventsMailboxVersion(events: readonly LaunchEventSpec[] = LAUNCH_EVENTS): string {
  return events.map((e) => e.minMailbox).reduce((a, b) => (Number(b.split('.')[1]) > Number(a.split('.')[1]) ? b : a), '1.10');
}

/** The task-pane button on the appointment organizer ribbon (same in 1.0 and 1.1). */
function commandSurface(indent: string): string {
  return [
    '<ExtensionPoint xsi:type="AppointmentOrganizerCommandSurface">',
    '  <OfficeTab id="TabDefault">',
    '    <Group id="secureJoinGroup">',
    '      <Label resid="Group.Label"/>',
    '      <Control xsi:type="Button" id="secureJoinTaskpaneButton">',
    '        <Label resid="TaskpaneButton.Label"/>',
    '        <Supertip>',
    '          <Title resid="TaskpaneButton.Label"/>',
    '          <Description resid="TaskpaneButton.Tooltip"/>',
    '        </Supertip>',
    '        <Icon>',
    '          <bt:Image size="16" resid="Icon.16x16"/>',
    '          <bt:Image size="32" resid="Icon.32x32"/>',
    '          <bt:Image size="80" resid="Icon.80x80"/>',
    '        </Icon>',
    '        <Action xsi:type="ShowTaskpane">',
    '          <SourceLocation resid="Taskpane.Url"/>',
    '        </Action>',
    '      </Control>',
    '    </Group>',
    '  </OfficeTab>',
    '</ExtensionPoint>',
  ].map((l) => indent + l).join('\n');
}

/** The Resources block; `withRuntime` adds the runtime page and the classic-Windows script. */
function resources(base: string, indent: string, withRuntime: boolean): string {
  const urls: Array<[string, string]> = [
    ['Taskpane.Url', `${base}/${ADDIN_FILES.taskpane}`],
    ['Commands.Url', `${base}/${ADDIN_FILES.runtimePage}`],
  ];
  if (withRuntime) {
    urls.push(['WebViewRuntime.Url', `${base}/${ADDIN_FILES.runtimePage}`], ['JSRuntime.Url', `${base}/${ADDIN_FILES.runtimeScript}`]);
  }
  const i = ADDIN_FILES.icons;
  return [
    '<Resources>',
    '  <bt:Images>',
    `    <bt:Image id="Icon.16x16" DefaultValue="${escapeXml(`${base}/${i[16]}`)}"/>`,
    `    <bt:Image id="Icon.32x32" DefaultValue="${escapeXml(`${base}/${i[32]}`)}"/>`,
    `    <bt:Image id="Icon.80x80" DefaultValue="${escapeXml(`${base}/${i[80]}`)}"/>`,
    '  </bt:Images>',
    '  <bt:Urls>',
    ...urls.map(([id, url]) => `    <bt:Url id="${id}" DefaultValue="${escapeXml(url)}"/>`),
    '  </bt:Urls>',
    '  <bt:ShortStrings>',
    '    <bt:String id="Group.Label" DefaultValue="SecureJoin"/>',
    '    <bt:String id="TaskpaneButton.Label" DefaultValue="Secure access"/>',
    '  </bt:ShortStrings>',
    '  <bt:LongStrings>',
    '    <bt:String id="TaskpaneButton.Tooltip" DefaultValue="Add an access code and passcodes to this meeting."/>',
    '  </bt:LongStrings>',
    '</Resources>',
  ].map((l) => indent + l).join('\n');
}

/** The launch events as `<LaunchEvent .../>` lines. */
function launchEvents(indent: string): string {
  return LAUNCH_EVENTS.map((e) => `${indent}<LaunchEvent Type="${e.type}" FunctionName="${e.functionName}"${e.sendMode ? ` SendMode="${e.sendMode}"` : ''}/>`).join('\n');
}

/**
 * The manifest XML for `opts.hostUrl`. Throws RangeError for a non-https host URL, a malformed
 * id (GUID) or version (four numbers).
 */
export function renderManifest(opts: ManifestOptions): string {
  const base = normaliseHostUrl(opts.hostUrl);
  const id = opts.id ?? DEFAULT_ADDIN_ID;
  const version = opts.version ?? '1.0.0.0';
  if (!GUID.test(id)) throw new RangeError(`id must be a GUID like "${DEFAULT_ADDIN_ID}", got "${id.slice(0, 60)}"`);
  if (!VERSION.test(version)) throw new RangeError(`version must be four numbers like "1.0.0.0", got "${version.slice(0, 30)}"`);
  if (opts.meetingService && !GUID.test(opts.meetingService.clientId)) throw new RangeError(`meetingService.clientId must be a GUID (WebApplicationInfo Id), got "${opts.meetingService.clientId.slice(0, 60)}"`);
  const origin = new URL(base).origin;
  const b = escapeXml(base);
  const sso = officeSsoApp(opts.meetingService, base);
  // Last child of VersionOverrides 1.1 (after Resources), as Microsoft's schema and samples place it.
  const ssoXml = sso ? `\n${webApplicationInfoLines(sso).map((l) => `      ${l}`).join('\n')}` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by outlook-addin/manifest (renderManifest); do not edit by hand (the root copy is written by scripts/build/outlookAddin.ts, flag root-manifest). -->
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xmlns:mailappor="http://schemas.microsoft.com/office/mailappversionoverrides/1.0" xsi:type="MailApp">
  <Id>${id}</Id>
  <Version>${version}</Version>
  <ProviderName>SecureJoin</ProviderName>
  <DefaultLocale>en-US</DefaultLocale>
  <DisplayName DefaultValue="SecureJoin"/>
  <Description DefaultValue="Time-limited access codes and personal passcodes in meeting invites, kept right when the meeting changes and checked at send."/>
  <IconUrl DefaultValue="${b}/${ADDIN_FILES.icons[64]}"/>
  <HighResolutionIconUrl DefaultValue="${b}/${ADDIN_FILES.icons[128]}"/>
  <SupportUrl DefaultValue="${b}/${ADDIN_FILES.taskpane}"/>
  <AppDomains>
    <AppDomain>${escapeXml(origin)}</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Mailbox"/>
  </Hosts>
  <Requirements>
    <Sets>
      <Set Name="Mailbox" MinVersion="${BASE_MAILBOX_VERSION}"/>
    </Sets>
  </Requirements>
  <FormSettings>
    <Form xsi:type="ItemEdit">
      <DesktopSettings>
        <SourceLocation DefaultValue="${b}/${ADDIN_FILES.taskpane}"/>
      </DesktopSettings>
    </Form>
  </FormSettings>
  <Permissions>ReadWriteItem</Permissions>
  <Rule xsi:type="RuleCollection" Mode="Or">
    <Rule xsi:type="ItemIs" ItemType="Appointment" FormType="Edit"/>
  </Rule>
  <DisableEntityHighlighting>false</DisableEntityHighlighting>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Requirements>
      <bt:Sets DefaultMinVersion="${BASE_MAILBOX_VERSION}">
        <bt:Set Name="Mailbox"/>
      </bt:Sets>
    </Requirements>
    <Hosts>
      <Host xsi:type="MailHost">
        <DesktopFormFactor>
          <FunctionFile resid="Commands.Url"/>
${commandSurface('          ')}
        </DesktopFormFactor>
      </Host>
    </Hosts>
${resources(base, '    ', false)}
    <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.1" xsi:type="VersionOverridesV1_1">
      <Requirements>
        <bt:Sets DefaultMinVersion="${eventsMailboxVersion()}">
          <bt:Set Name="Mailbox"/>
        </bt:Sets>
      </Requirements>
      <Hosts>
        <Host xsi:type="MailHost">
          <Runtimes>
            <Runtime resid="WebViewRuntime.Url" lifetime="short">
              <Override type="javascript" resid="JSRuntime.Url"/>
            </Runtime>
          </Runtimes>
          <DesktopFormFactor>
            <FunctionFile resid="Commands.Url"/>
${commandSurface('            ')}
            <ExtensionPoint xsi:type="LaunchEvent">
              <LaunchEvents>
${launchEvents('                ')}
              </LaunchEvents>
              <SourceLocation resid="WebViewRuntime.Url"/>
            </ExtensionPoint>
          </DesktopFormFactor>
        </Host>
      </Hosts>
${resources(base, '      ', true)}${ssoXml}
    </VersionOverrides>
  </VersionOverrides>
</OfficeApp>
`;
}
