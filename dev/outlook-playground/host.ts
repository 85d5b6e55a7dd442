/**
 * The playground page: plays Outlook's appointment compose window. It owns the item (subject,
 * times in a zone, attendees, recurrence, HTML body), publishes it to the frames' fake office.js,
 * hosts the real task pane and the real event runtime, raises launch events on edits, and runs
 * Smart Alerts on Send. Everything user-supplied is written with textContent/value, never as HTML;
 * the body is shown in a sandboxed frame without scripts.
 * Query options: `?mailbox=1.5` (requirement set), `?tz=Europe/Berlin` (the meeting's zone),
 * `?mailboxTz=America/New_York` (a mailbox in another zone than the meeting's), `?failBodyWrites=1`,
 * `?signIn=refused` (the local development issuer gives the organizer no token), `?officeDelay=60`
 * (every async Office call answers 60 ms late, as a slow Outlook would).
 */
import { toWallTime, wallTimeToInstant } from '../../core/time';
import { createPlaygroundHost, PLAYGROUND_HOST_GLOBAL } from './hostState';
import type { OfficeDay, PlaygroundItem, PlaygroundRecurrence } from './hostState';
import { createLauncher, sendVerdict } from './launch';
import { DEFAULT_MANIFEST_INFO, readManifest } from './manifestInfo';
import type { ManifestInfo } from './manifestInfo';
import { bodyText } from './rewriteBody';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`playground page is missing #${id}`);
  return el as T;
};
const input = (id: string) => $<HTMLInputElement>(id);
const params = new URLSearchParams(location.search);
const DAYS: OfficeDay[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** "YYYY-MM-DDTHH:mm" for a datetime-local input, in `zone`. */
function localValue(ms: number, zone: string): string {
  const w = toWallTime(ms, zone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}
/** The instant of a datetime-local value in `zone`, or null when it is not a full date and time. */
function instantOf(value: string, zone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return wallTimeToInstant({ year, month, day, hour, minute }, zone);
}

/** A blank new meeting tomorrow 10:00-11:00 in `zone`. */
function newMeeting(zone: string): PlaygroundItem {
  const t = toWallTime(Date.now() + 86_400_000, zone);
  const start = wallTimeToInstant({ year: t.year, month: t.month, day: t.day, hour: 10, minute: 0 }, zone);
  return { subject: '', location: '', start, end: start + 3_600_000, timeZone: zone, requiredAttendees: [], optionalAttendees: [], recurrence: null, bodyHtml: '' };
}

const zone = params.get('tz') ?? 'Europe/London';
const host = createPlaygroundHost(newMeeting(zone), {
  mailboxVersion: params.get('mailbox') ?? '1.13',
  failBodyWrites: Number(params.get('failBodyWrites') ?? 0) || 0,
  answerDelayMs: Math.max(0, Number(params.get('officeDelay') ?? 0) || 0),
  mailboxTimeZone: params.get('mailboxTz'),
  signIn: params.get('signIn') === 'refused' ? 'refused' : 'ok',
  roamingStore: { get: () => localStorage.getItem('securejoin.playground.roaming'), set: (t) => localStorage.setItem('securejoin.playground.roaming', t) },
});
(window as unknown as Record<string, unknown>)[PLAYGROUND_HOST_GLOBAL] = host;
const supports = (v: string) => {
  const [a = 0, b = 0] = host.options.mailboxVersion.split('.').map(Number);
  const [c = 0, d = 0] = v.split('.').map(Number);
  return a > c || (a === c && b >= d);
};
let manifest: ManifestInfo = DEFAULT_MANIFEST_INFO;
const launcher = createLauncher(host, () => manifest, supports);

function log(text: string): void {
  const li = document.createElement('li');
  li.textContent = text;
  $('event-log').prepend(li);
}
function status(text: string): void {
  $('host-status').textContent = text;
}

async function dispatch(type: string, init: Parameters<typeof launcher.dispatch>[1]) {
  const outcome = await launcher.dispatch(type, init);
  if (outcome.skipped) log(`${type}: skipped (${outcome.skipped})`);
  else log(`${type}: ${outcome.functionName} completed ${JSON.stringify(outcome.completed)}`);
  return outcome;
}

// ---- rendering (values and textContent only) ----
function renderAttendees(item: PlaygroundItem): void {
  const list = $('attendees');
  list.replaceChildren();
  (['requiredAttendees', 'optionalAttendees'] as const).forEach((kind) =>
    item[kind].forEach((a, i) => {
      const li = document.createElement('li');
      li.dataset.email = a.email;
      const label = document.createElement('span');
      label.textContent = `${a.name} <${a.email}> (${kind === 'requiredAttendees' ? 'required' : 'optional'})`;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', `Remove ${a.email}`);
      remove.addEventListener('click', () => host.updateItem({ [kind]: host.readItem()[kind].filter((_, j) => j !== i) }));
      li.append(label, ' ', remove);
      list.append(li);
    }),
  );
}
function renderForm(): void {
  const item = host.readItem();
  if (document.activeElement !== input('subject')) input('subject').value = item.subject;
  input('location').value = item.location;
  $<HTMLSelectElement>('time-zone').value = item.timeZone;
  input('start').value = localValue(item.start, item.timeZone);
  input('end').value = localValue(item.end, item.timeZone);
  renderAttendees(item);
  const r = item.recurrence;
  $<HTMLSelectElement>('recurrence').value = r?.type ?? 'none';
  input('interval').value = String(r?.interval ?? 1);
  input('recurrence-end').value = r?.endDate ?? '';
  DAYS.forEach((d) => (input(`day-${d}`).checked = r?.days.includes(d) ?? false));
}
function renderBody(): void {
  const html = host.readItem().bodyHtml;
  $<HTMLIFrameElement>('body-view').srcdoc = html;
  $('body-text').textContent = bodyText(html);
  if (document.activeElement !== $('body-html')) $<HTMLTextAreaElement>('body-html').value = html;
}

// ---- edits -> item (and launch events) ----
host.subscribe((change) => {
  if (change === 'body') renderBody();
  else {
    renderForm();
    if (change === 'reset') renderBody();
  }
  const item = host.readItem();
  if (change === 'time') void dispatch('OnAppointmentTimeChanged', { type: 'appointmentTimeChanged', start: item.start, end: item.end });
  if (change === 'recipients') void dispatch('OnAppointmentAttendeesChanged', { type: 'appointmentAttendeesChanged' });
  if (change === 'recurrence') void dispatch('OnAppointmentRecurrenceChanged', { type: 'appointmentRecurrenceChanged' });
});

function editTimes(which: 'start' | 'end' | 'zone'): void {
  const item = host.readItem();
  const tz = $<HTMLSelectElement>('time-zone').value;
  const start = instantOf(input('start').value, tz);
  const end = instantOf(input('end').value, tz);
  if (start === null || end === null) return status('Enter a full start and end date and time.');
  // Like Outlook: moving the start keeps the duration; the end must stay after the start.
  const patch = which === 'start' ? { start, end: start + (item.end - item.start) } : { start, end, timeZone: tz };
  if (!(patch.end > patch.start)) {
    renderForm();
    return status('The end must be after the start.');
  }
  status('');
  host.updateItem(which === 'zone' ? patch : { start: patch.start, end: patch.end });
}

function editRecurrence(): void {
  const type = $<HTMLSelectElement>('recurrence').value;
  if (type === 'none') return host.updateItem({ recurrence: null });
  const days = DAYS.filter((d) => input(`day-${d}`).checked);
  const start = toWallTime(host.readItem().start, host.readItem().timeZone);
  const recurrence: PlaygroundRecurrence = {
    type: type as PlaygroundRecurrence['type'],
    interval: Math.max(1, Math.min(999, Number(input('interval').value) || 1)),
    days: type === 'weekly' ? (days.length ? days : [DAYS[(new Date(Date.UTC(start.year, start.month - 1, start.day)).getUTCDay() + 6) % 7]!]) : [],
    endDate: input('recurrence-end').value || null,
  };
  host.updateItem({ recurrence });
}

function addAttendee(): void {
  const email = input('attendee-email').value.trim();
  const name = input('attendee-name').value.trim() || email;
  if (!EMAIL.test(email)) return status('Enter an email address such as ana@example.com.');
  const kind = $<HTMLSelectElement>('attendee-kind').value === 'optional' ? 'optionalAttendees' : 'requiredAttendees';
  status('');
  input('attendee-email').value = '';
  input('attendee-name').value = '';
  host.updateItem({ [kind]: [...host.readItem()[kind], { email, name }] });
}

/** Send: OnAppointmentSend decides; a block shows the Smart Alert with the add-in's message. */
async function send(): Promise<void> {
  status('Checking with add-ins…');
  const entry = manifest.launchEvents.find((e) => e.type === 'OnAppointmentSend');
  const verdict = sendVerdict(await dispatch('OnAppointmentSend', { type: 'appointmentSend' }), entry?.sendMode ?? null);
  if (verdict.send || (await smartAlert(verdict.message, verdict.canSendAnyway))) {
    const item = host.readItem();
    $('sent-subject').textContent = item.subject || '(no subject)';
    $('sent-body').textContent = bodyText(item.bodyHtml);
    $('sent').hidden = false;
    return status('Meeting sent.');
  }
  status('Not sent.');
}

function smartAlert(message: string, canSendAnyway: boolean): Promise<boolean> {
  const dialog = $<HTMLDialogElement>('smart-alert');
  $('smart-alert-message').textContent = message;
  $('smart-alert-send-anyway').hidden = !canSendAnyway;
  dialog.showModal();
  return new Promise((resolve) => {
    const done = (sendAnyway: boolean) => () => {
      dialog.close();
      resolve(sendAnyway);
    };
    $('smart-alert-dont-send').onclick = done(false);
    $('smart-alert-send-anyway').onclick = done(true);
    dialog.oncancel = done(false);
  });
}

/** A new compose window: fresh item, fresh task pane, then OnNewAppointmentOrganizer. */
async function startNewMeeting(): Promise<void> {
  host.replaceItem(newMeeting($<HTMLSelectElement>('time-zone').value || zone));
  $('sent').hidden = true;
  status('');
  $<HTMLIFrameElement>('taskpane').src = 'about:blank';
  await dispatch('OnNewAppointmentOrganizer', { type: 'newAppointmentOrganizer' });
  $<HTMLIFrameElement>('taskpane').src = `addin/${manifest.taskpanePath}`;
}

async function main(): Promise<void> {
  try {
    const res = await fetch('addin/manifest.xml');
    if (res.ok) manifest = readManifest(await res.text());
    else log(`manifest.xml: HTTP ${res.status}, using default names`);
  } catch {
    log('manifest.xml could not be loaded, using default names');
  }
  input('subject').addEventListener('input', () => host.updateItem({ subject: input('subject').value }));
  input('location').addEventListener('change', () => host.updateItem({ location: input('location').value }));
  input('start').addEventListener('change', () => editTimes('start'));
  input('end').addEventListener('change', () => editTimes('end'));
  $('time-zone').addEventListener('change', () => editTimes('zone'));
  ['recurrence', 'interval', 'recurrence-end', ...DAYS.map((d) => `day-${d}`)].forEach((id) => $(id).addEventListener('change', editRecurrence));
  $('add-attendee').addEventListener('click', addAttendee);
  $('apply-body').addEventListener('click', () => host.typeBody($<HTMLTextAreaElement>('body-html').value));
  $('send').addEventListener('click', () => void send());
  $('new-meeting').addEventListener('click', () => void startNewMeeting());
  $('mailbox-version').textContent = host.options.mailboxVersion;
  const zones = $<HTMLSelectElement>('time-zone');
  if (![...zones.options].some((o) => o.value === zone)) zones.append(new Option(zone, zone));
  renderForm();
  renderBody();
  $<HTMLIFrameElement>('runtime').src = `addin/${manifest.runtimePath}`;
  // Like Outlook: the new-meeting event runs as the form opens; the organizer opens the pane later.
  await dispatch('OnNewAppointmentOrganizer', { type: 'newAppointmentOrganizer' });
  $<HTMLIFrameElement>('taskpane').src = `addin/${manifest.taskpanePath}`;
  document.body.dataset.ready = 'true';
}

void main();
