import { describe, expect, it } from 'vitest';
import { clientKeyOf } from '../../../../dev/conference-node/decisions';

describe('clientKeyOf', () => {
  it('prefers the client id, else the normalised display name, always with the address', () => {
    expect(clientKeyOf('127.0.0.1', 'abc', 'Ana')).toBe('127.0.0.1|id:abc');
    expect(clientKeyOf('127.0.0.1', '  ', ' Ana LIMA ')).toBe('127.0.0.1|name:ana lima');
    expect(clientKeyOf('127.0.0.1', null, 'Ａｎａ')).toBe('127.0.0.1|name:ana');
    expect(clientKeyOf('10.0.0.2', null, 'Ana')).not.toBe(clientKeyOf('10.0.0.3', null, 'Ana'));
    expect(clientKeyOf('::1', 'x'.repeat(500), 'A').length).toBeLessThan(150);
  });
});
