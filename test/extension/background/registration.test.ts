import { describe, expect, it } from 'vitest';
import { contentScriptMatches, originPattern } from '../../../extension/background/registration';

describe('content-script matches', () => {
  it('covers meeting origins and granted hosts, never <all_urls>', () => {
    expect(
      contentScriptMatches({
        meetingOrigins: ['https://meet.example.com', 'https://meet.example.com', 'http://127.0.0.1:8080'],
        policyOrigins: null,
        grantedPatterns: ['http://localhost/*', '<all_urls>', 'https://*/*'],
      }),
    ).toEqual(['http://127.0.0.1:8080/*', 'http://localhost/*', 'https://meet.example.com/*']);
  });

  it('keeps only the policy\'s nodes when an admin names them', () => {
    expect(contentScriptMatches({ meetingOrigins: ['https://meet.example.com'], policyOrigins: ['https://eu.example.com'], grantedPatterns: ['http://localhost/*'] })).toEqual([
      'https://eu.example.com/*',
    ]);
    expect(contentScriptMatches({ meetingOrigins: ['https://meet.example.com'], policyOrigins: [], grantedPatterns: [] })).toEqual([]);
  });

  it('turns only plain origins into patterns', () => {
    expect(originPattern('https://meet.example.com:8443')).toBe('https://meet.example.com:8443/*');
    expect(originPattern('https://meet.example.com/path')).toBeNull();
    expect(originPattern('javascript:alert(1)')).toBeNull();
  });
});
