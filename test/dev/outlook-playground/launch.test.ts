import { describe, expect, it } from 'vitest';
import { createPlaygroundHost } from '../../../dev/outlook-playground/hostState';
import { createLauncher, sendVerdict } from '../../../dev/outlook-playground/launch';
import { DEFAULT_MANIFEST_INFO } from '../../../dev/outlook-playground/manifestInfo';

const START = Date.UTC(2030, 0, 7, 9);
const host = () =>
  createPlaygroundHost({ subject: '', location: '', start: START, end: START + 3_600_000, timeZone: 'UTC', requiredAttendees: [], optionalAttendees: [], recurrence: null, bodyHtml: '' });

describe('launch events in the playground', () => {
  it('runs the handler the manifest names, one event at a time, in order', async () => {
    const h = host();
    const order: string[] = [];
    h.associate('onAppointmentTimeChanged', async (init) => {
      order.push(`start ${init.type}`);
      await new Promise((r) => setTimeout(r, 20));
      order.push(`end ${init.type}`);
      return {};
    });
    h.associate('onAppointmentSend', async () => {
      order.push('send');
      return { allowEvent: false, errorMessage: 'No block.' };
    });
    const launcher = createLauncher(h, () => DEFAULT_MANIFEST_INFO, () => true);
    const time = launcher.dispatch('OnAppointmentTimeChanged', { type: 'appointmentTimeChanged' });
    const sent = await launcher.dispatch('OnAppointmentSend', { type: 'appointmentSend' });
    await time;
    expect(order).toEqual(['start appointmentTimeChanged', 'end appointmentTimeChanged', 'send']);
    expect(sent.completed).toEqual({ allowEvent: false, errorMessage: 'No block.' });
  });

  it('skips events the manifest does not declare or the mailbox does not support', async () => {
    const h = host();
    h.associate('onAppointmentSend', async () => ({ allowEvent: true }));
    const old = createLauncher(h, () => DEFAULT_MANIFEST_INFO, (v) => v <= '1.11');
    expect((await old.dispatch('OnAppointmentSend', { type: 'appointmentSend' })).skipped).toBe('needs Mailbox 1.12');
    const none = createLauncher(h, () => ({ ...DEFAULT_MANIFEST_INFO, launchEvents: [] }), () => true);
    expect((await none.dispatch('OnAppointmentSend', { type: 'appointmentSend' })).skipped).toBe('not declared in the manifest');
  });

  it('blocks send with the add-in message; SoftBlock allows send when the add-in did not run, Block does not', () => {
    const ran = { type: 'OnAppointmentSend', functionName: 'onAppointmentSend', skipped: null };
    expect(sendVerdict({ ...ran, completed: { allowEvent: false, errorMessage: 'Add the code.' } }, 'SoftBlock')).toEqual({ send: false, message: 'Add the code.', canSendAnyway: false });
    expect(sendVerdict({ ...ran, completed: { allowEvent: false, errorMessage: 'x' } }, 'PromptUser')).toMatchObject({ canSendAnyway: true });
    expect(sendVerdict({ ...ran, completed: { allowEvent: true } }, 'SoftBlock')).toEqual({ send: true, note: null });
    const missing = { ...ran, completed: null, skipped: 'onAppointmentSend was never associated' };
    expect(sendVerdict(missing, 'SoftBlock')).toMatchObject({ send: true });
    expect(sendVerdict(missing, 'Block')).toMatchObject({ send: false, canSendAnyway: false });
  });
});
