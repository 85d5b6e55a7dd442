/**
 * What the playground reads from the add-in's manifest.xml, as Outlook does: the task pane page,
 * the event runtime page, and which function handles each launch event (with Smart Alerts'
 * SendMode). Reading the manifest instead of hard-coding names means the playground exercises
 * the manifest too: a LaunchEvent naming a function the runtime never associates shows up.
 */

/** One `<LaunchEvent Type=... FunctionName=... SendMode=...>`. */
export interface LaunchEventInfo {
  type: string;
  functionName: string;
  sendMode: string | null;
}

/** The parts of the manifest the playground uses. Paths are relative to the add-in's root. */
export interface ManifestInfo {
  taskpanePath: string;
  runtimePath: string;
  launchEvents: LaunchEventInfo[];
}

/** Used when there is no manifest (yet): the names the build writes by default. */
export const DEFAULT_MANIFEST_INFO: ManifestInfo = {
  taskpanePath: 'taskpane.html',
  runtimePath: 'commands.html',
  launchEvents: [
    { type: 'OnNewAppointmentOrganizer', functionName: 'onNewAppointmentOrganizer', sendMode: null },
    { type: 'OnAppointmentTimeChanged', functionName: 'onAppointmentTimeChanged', sendMode: null },
    { type: 'OnAppointmentAttendeesChanged', functionName: 'onAppointmentAttendeesChanged', sendMode: null },
    { type: 'OnAppointmentRecurrenceChanged', functionName: 'onAppointmentRecurrenceChanged', sendMode: null },
    { type: 'OnAppointmentSend', functionName: 'onAppointmentSend', sendMode: 'SoftBlock' },
  ],
};

/** The path of an absolute add-in URL relative to the add-in's root (`https://h:3000/a/b.html` -> `a/b.html`). */
function relativePath(url: string, hostUrl: string | null): string {
  try {
    const u = new URL(url);
    const base = hostUrl ? new URL(hostUrl).pathname.replace(/\/?$/, '/') : '/';
    const path = u.pathname.startsWith(base) ? u.pathname.slice(base.length) : u.pathname.replace(/^\//, '');
    return path + u.search;
  } catch {
    return url.replace(/^\//, '');
  }
}

/**
 * Reads `xml` (the manifest's text) with the browser's DOMParser. Missing parts fall back to
 * {@link DEFAULT_MANIFEST_INFO}; nothing throws.
 */
export function readManifest(xml: string, parser: DOMParser = new DOMParser()): ManifestInfo {
  const doc = parser.parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return DEFAULT_MANIFEST_INFO;
  const all = (tag: string) => Array.from(doc.getElementsByTagNameNS('*', tag));
  const urls = new Map(all('Url').map((el) => [el.getAttribute('id') ?? '', el.getAttribute('DefaultValue') ?? '']));
  const hostUrl = all('AppDomain')[0]?.textContent ?? null;
  const taskpaneResid = all('SourceLocation').find((el) => el.parentElement?.localName === 'Action')?.getAttribute('resid');
  const runtimeResid = all('Runtime').find((el) => el.getElementsByTagNameNS('*', 'LaunchEvents').length > 0 || el.getAttribute('lifetime') === 'short')?.getAttribute('resid');
  const urlOf = (resid: string | null | undefined, fallback: string) => {
    const url = resid ? urls.get(resid) : undefined;
    return url ? relativePath(url, hostUrl) : fallback;
  };
  const launchEvents = all('LaunchEvent').map((el) => ({
    type: el.getAttribute('Type') ?? '',
    functionName: el.getAttribute('FunctionName') ?? '',
    sendMode: el.getAttribute('SendMode'),
  }));
  return {
    taskpanePath: urlOf(taskpaneResid, DEFAULT_MANIFEST_INFO.taskpanePath),
    runtimePath: urlOf(runtimeResid, DEFAULT_MANIFEST_INFO.runtimePath),
    launchEvents: launchEvents.length ? launchEvents : DEFAULT_MANIFEST_INFO.launchEvents,
  };
}
