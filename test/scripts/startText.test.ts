import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whatToDo } from '../../scripts/startText';

/** Where the names a user sees are written: the task pane, the playground and the join page. */
const UI_SOURCES = [
  'outlook-addin/logic/wording.ts', // the pane's button labels
  'outlook-addin/taskpane/App.tsx',
  'outlook-addin/taskpane/SettingsPanel.tsx',
  'outlook-addin/taskpane/CodesPanel.tsx',
  'dev/outlook-playground/index.html',
  'dev/conference-node/joinPage/html.ts',
];

describe('npm start: "What to do"', () => {
  it('names only buttons, fields and sections the UI shows', () => {
    const ui = UI_SOURCES.map((f) => readFileSync(f, 'utf8')).join('\n');
    const text = whatToDo('https://localhost:3000/playground/', 'https://127.0.0.1:8443', true).join(' ').replace(/\s+/g, ' ');
    const quoted = [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
    expect(quoted).toEqual(expect.arrayContaining(['Update block', 'Send', 'Unique passcode per invitee', 'Personal messages', 'Join']));
    for (const name of quoted) expect(ui, `"${name}" is not in the UI`).toContain(name);
    expect(text).not.toContain('Insert block'); // a new meeting already has the block: the button reads "Update block"
  });
});
