/**
 * Issue 13: the pane's words. The panels are plain function components (no hooks), so their
 * output is walked as Preact builds it: the text an organizer sees, element by element.
 */
import { describe, expect, it } from 'vitest';
import type { ComponentChildren, VNode } from 'preact';
import { createSecurity, personalMessages } from '../../../outlook-addin/logic';
import type { MeetingSecurity, MeetingSnapshot } from '../../../outlook-addin/logic';
import { MODE_EXPLAINED } from '../../../outlook-addin/logic/wording';
import { CodesPanel, InviteesPanel } from '../../../outlook-addin/taskpane/CodesPanel';
import { SettingsPanel } from '../../../outlook-addin/taskpane/SettingsPanel';
import { INITIAL_STATE } from '../../../outlook-addin/taskpane/controller';
import type { PaneController, PaneState } from '../../../outlook-addin/taskpane/controller';
import { meeting, POLICY, SETTINGS } from '../logic/fixtures';

/** The text of a rendered tree; `select` keeps only elements whose props match. */
function texts(node: ComponentChildren, select: (props: Record<string, unknown>) => boolean = () => true, inside = false): string[] {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string' || typeof node === 'number') return inside ? [String(node)] : [];
  if (Array.isArray(node)) return node.flatMap((n) => texts(n, select, inside));
  const vnode = node as VNode<Record<string, unknown>>;
  if (typeof vnode.type === 'function') return texts((vnode.type as (p: unknown) => ComponentChildren)(vnode.props), select, inside);
  const here = inside || select(vnode.props);
  const own = texts(vnode.props.children as ComponentChildren, select, here);
  return here && !inside ? [own.join('')] : own;
}

const controller = {} as PaneController;
function paneState(m: MeetingSnapshot, security: MeetingSecurity): PaneState {
  return { ...INITIAL_STATE, phase: 'ready', settings: SETTINGS, meeting: m, security, choices: { accessCode: true, passcodeMode: security.passcodeMode }, messages: personalMessages(m, security, SETTINGS) };
}

describe('the pane tells two invitees with the same name apart', () => {
  const m = meeting({ attendees: [{ email: 'ana.lima@example.com', name: 'Ana Lima' }, { email: 'ana.lima@partner.example', name: 'Ana Lima' }] });
  const security = createSecurity(m, { accessCode: true, passcodeMode: 'per-invitee' }, SETTINGS, POLICY);
  const state = paneState(m, security);

  it('shows each email beside the name in the invitee list and on each personal message', () => {
    const panel = InviteesPanel({ state, controller });
    const rows = texts(panel, (p) => p['data-email'] !== undefined && p.class === undefined && p.href === undefined);
    expect(rows).toHaveLength(4); // two list rows, two messages
    expect(rows[0]).toMatch(/^Ana Lima \(ana\.lima@example\.com\) \d+/);
    expect(rows[1]).toMatch(/^Ana Lima \(ana\.lima@partner\.example\) \d+/);
    expect(texts(panel, (p) => typeof p.href === 'string' && p.href.startsWith('mailto:'))).toEqual(['Email Ana Lima (ana.lima@example.com)', 'Email Ana Lima (ana.lima@partner.example)']);
  });
});

describe('the pane never calls a code "one-time", and explains the passcode modes', () => {
  it('labels the access code as the conference ID (hosts only per invitee)', () => {
    for (const mode of ['none', 'shared', 'per-invitee'] as const) {
      const m = meeting({ recurrence: { start: meeting().start, end: meeting().end, timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' } } });
      const security = createSecurity(m, { accessCode: true, passcodeMode: mode }, SETTINGS, POLICY);
      const state = paneState(m, security);
      const all = [...texts(CodesPanel({ state }), () => true), ...texts(SettingsPanel({ state, controller, commit: () => undefined }), () => true)].join(' ');
      expect(all).not.toMatch(/one-time|one time/i);
      expect(all).toContain(`Access code (the meeting's conference ID${mode === 'per-invitee' ? ', hosts only' : ''})`);
      expect(all).toContain('Access code in the invite');
      expect(all).toContain(MODE_EXPLAINED[mode]);
      // Issue 22: "No passcode" makes no passcodes, so the pane names no passcode length.
      if (mode === 'none') expect(all).not.toMatch(/passcodes? \d+ digits/);
      else expect(all).toContain(`passcodes ${SETTINGS.passcodeLength} digits`);
    }
  });
});
