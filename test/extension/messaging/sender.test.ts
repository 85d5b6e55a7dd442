import { describe, expect, it } from 'vitest';
import { classifySender, originOf } from '../../../extension/messaging/sender';
import { EXTENSION_ORIGIN, RUNTIME_ID } from '../support';

const page = 'https://meet.example.com/webapp3/m/room';

describe('classifySender', () => {
  it('accepts our content script with tab, frame and matching origin', () => {
    expect(classifySender({ id: RUNTIME_ID, url: page, origin: 'https://meet.example.com', frameId: 0, tab: { id: 3 } }, RUNTIME_ID, EXTENSION_ORIGIN)).toEqual({
      kind: 'content', tabId: 3, frameId: 0, origin: 'https://meet.example.com', url: page,
    });
  });

  it('refuses other extensions, senders without a tab or frame, and url/origin disagreements', () => {
    const base = { id: RUNTIME_ID, url: page, origin: 'https://meet.example.com', frameId: 0, tab: { id: 3 } };
    expect(classifySender({ ...base, id: 'other' }, RUNTIME_ID, EXTENSION_ORIGIN)).toBeNull();
    expect(classifySender({ ...base, tab: undefined }, RUNTIME_ID, EXTENSION_ORIGIN)).toBeNull();
    expect(classifySender({ ...base, frameId: undefined }, RUNTIME_ID, EXTENSION_ORIGIN)).toBeNull();
    expect(classifySender({ ...base, origin: 'https://evil.example' }, RUNTIME_ID, EXTENSION_ORIGIN)).toBeNull();
    expect(classifySender({ ...base, origin: 'null', url: 'about:blank' }, RUNTIME_ID, EXTENSION_ORIGIN)).toBeNull();
  });

  it('falls back to the URL origin when the browser gives none (Firefox)', () => {
    expect(classifySender({ id: RUNTIME_ID, url: page, frameId: 2, tab: { id: 3 } }, RUNTIME_ID, EXTENSION_ORIGIN)).toMatchObject({ kind: 'content', frameId: 2 });
  });

  it('recognises our own pages as the UI', () => {
    expect(classifySender({ id: RUNTIME_ID, url: `${EXTENSION_ORIGIN}/popup.html`, origin: EXTENSION_ORIGIN }, RUNTIME_ID, EXTENSION_ORIGIN)).toEqual({ kind: 'ui' });
  });

  it('reads origins exactly and refuses opaque ones', () => {
    expect(originOf('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080');
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});
