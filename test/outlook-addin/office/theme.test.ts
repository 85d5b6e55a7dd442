import { describe, expect, it } from 'vitest';
import { schemeOfOfficeTheme } from '../../../outlook-addin/office/theme';

describe('schemeOfOfficeTheme', () => {
  it('reads dark and light from the body background Office reports', () => {
    expect(schemeOfOfficeTheme({ bodyBackgroundColor: '#1F1F1F' })).toBe('dark');
    expect(schemeOfOfficeTheme({ bodyBackgroundColor: '#3b3b3b' })).toBe('dark');
    expect(schemeOfOfficeTheme({ bodyBackgroundColor: '#FFFFFF' })).toBe('light');
    expect(schemeOfOfficeTheme({ bodyBackgroundColor: '#f3f2f1' })).toBe('light');
    expect(schemeOfOfficeTheme({ bodyBackgroundColor: '222' })).toBe('dark');
  });

  it('says nothing when Office gives no theme or no colour it can read', () => {
    expect(schemeOfOfficeTheme(undefined)).toBeNull();
    expect(schemeOfOfficeTheme({})).toBeNull();
    expect(schemeOfOfficeTheme({ bodyBackgroundColor: 'rgb(0,0,0)' })).toBeNull();
    expect(schemeOfOfficeTheme({ bodyBackgroundColor: 42 })).toBeNull();
  });
});
