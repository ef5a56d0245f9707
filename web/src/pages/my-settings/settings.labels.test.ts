import { describe, expect, it } from 'vitest';
import {
  deviceName,
  isLandingPage,
  LANDING_PAGE_OPTIONS,
  timeZoneOptions,
  twoFactorCode,
  withAlert,
} from './settings.labels';

describe('LANDING_PAGE_OPTIONS', () => {
  it('names every landing page the API knows in words', () => {
    expect(LANDING_PAGE_OPTIONS.map((o) => o.value)).toEqual([
      'users',
      'teams',
      'roles',
      'environments',
      'tokens',
      'security',
      'settings',
    ]);
    expect(LANDING_PAGE_OPTIONS.find((o) => o.value === 'tokens')?.label).toBe('API tokens');
  });

  it('tells a landing page from any other text', () => {
    expect(isLandingPage('teams')).toBe(true);
    expect(isLandingPage('billing')).toBe(false);
    expect(isLandingPage('toString')).toBe(false);
  });
});

describe('timeZoneOptions', () => {
  it('puts UTC first and the rest A to Z, underscores as spaces', () => {
    expect(timeZoneOptions(['Europe/Paris', 'America/New_York'], 'UTC')).toEqual([
      { value: 'UTC', label: 'UTC' },
      { value: 'America/New_York', label: 'America/New York' },
      { value: 'Europe/Paris', label: 'Europe/Paris' },
    ]);
  });

  it('keeps the person’s own zone when the browser does not list it, once', () => {
    const values = timeZoneOptions(['Europe/Paris', 'UTC'], 'Asia/Kolkata').map((o) => o.value);
    expect(values).toEqual(['UTC', 'Asia/Kolkata', 'Europe/Paris']);
    expect(timeZoneOptions(['Europe/Paris'], 'Europe/Paris').map((o) => o.value)).toEqual(['UTC', 'Europe/Paris']);
  });
});

describe('deviceName', () => {
  it('names the browser and the system', () => {
    expect(
      deviceName(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Edg/124.0',
      ),
    ).toBe('Edge on Windows');
    expect(
      deviceName('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15'),
    ).toBe('Safari on macOS');
    expect(deviceName('Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0')).toBe(
      'Firefox on Linux',
    );
    expect(
      deviceName('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36'),
    ).toBe('Chrome on Android');
    expect(
      deviceName(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(deviceName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/124.0 Safari/537.36')).toBe(
      'Headless Chrome on Linux',
    );
  });

  it('says what it knows of other clients', () => {
    expect(deviceName('curl/8.5.0')).toBe('curl');
    expect(deviceName('SomeBot (X11; Linux)')).toBe('A browser on Linux');
    expect(deviceName('SomeBot/1.0')).toBe('Unknown browser');
    expect(deviceName(null)).toBe('Unknown device');
    expect(deviceName('  ')).toBe('Unknown device');
  });
});

describe('withAlert', () => {
  it('changes one choice and keeps the other two', () => {
    const choices = { runtime_status: false, execution_status: true, user_notifications: false };
    expect(withAlert(choices, 'user_notifications', true)).toEqual({
      runtime_status: false,
      execution_status: true,
      user_notifications: true,
    });
  });

  it('sends only the three choices, whatever else the answer held', () => {
    const answer = {
      runtime_status: true,
      execution_status: false,
      user_notifications: false,
      account_id: 'a',
      updated_at: null,
    };
    expect(Object.keys(withAlert(answer, 'runtime_status', false)).sort()).toEqual([
      'execution_status',
      'runtime_status',
      'user_notifications',
    ]);
  });
});

describe('twoFactorCode', () => {
  it('drops the spaces of an app code and keeps a recovery code as typed', () => {
    expect(twoFactorCode(' 123 456 ')).toBe('123456');
    expect(twoFactorCode('123456')).toBe('123456');
    expect(twoFactorCode('  abcd-efgh ')).toBe('abcd-efgh');
  });
});
