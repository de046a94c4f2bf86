import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, pushSettings } from './index.js';

describe('parseConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBe('sqlite:./data/absensi.sqlite');
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.COMPANY_TZ).toBe('Asia/Jakarta');
    expect(config.PORT).toBe(8000);
    expect(config.APP_NODE_ID).toBe('api-1');
  });

  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrowError(/PORT/);
    expect(() => parseConfig({ COMPANY_TZ: 'Mars/Olympus' })).toThrowError(
      /COMPANY_TZ must be an IANA time zone/,
    );
    expect(() => parseConfig({ DATABASE_URL: 'postgres://x' })).toThrowError(
      /DATABASE_URL must be mysql:\/\//,
    );
    expect(() => parseConfig({ SESSION_SECRET: 'short' })).toThrowError(
      /SESSION_SECRET must be at least 32/,
    );
  });

  it('reports every problem at once', () => {
    try {
      parseConfig({ PORT: '70000', REDIS_URL: 'localhost:6379' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((problem) => problem.split(' ')[0])).toEqual([
        'PORT',
        'REDIS_URL',
      ]);
    }
  });

  it('reads secrets from NAME_FILE, without the trailing newline', () => {
    const files: Record<string, string> = { '/run/secrets/session': 'x'.repeat(40) + '\n' };
    const config = parseConfig({ SESSION_SECRET_FILE: '/run/secrets/session' }, (path) => {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return content;
    });
    expect(config.SESSION_SECRET).toBe('x'.repeat(40));
  });

  it('refuses a secret given twice and a secret file that cannot be read', () => {
    expect(() =>
      parseConfig({ ADMIN_PASSWORD: 'secret-one', ADMIN_PASSWORD_FILE: '/x' }, () => 'secret-two'),
    ).toThrowError(/ADMIN_PASSWORD and ADMIN_PASSWORD_FILE are both set/);
    expect(() =>
      parseConfig({ REALTIME_SECRET_FILE: '/nope' }, () => {
        throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      }),
    ).toThrowError(/REALTIME_SECRET_FILE: cannot read \/nope \(ENOENT\)/);
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });

  it('trusts the proxies it is told of, never "anyone"', () => {
    expect(parseConfig({}).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'loopback',
    ]);
    expect(() => parseConfig({ TRUST_PROXY: 'true' })).toThrowError(
      /TRUST_PROXY must name the proxies to trust, not "true"/,
    );
    expect(() => parseConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrowError(
      /not understood: 10\.0\.0\.0\/33/,
    );
    expect(() => parseConfig({ TRUST_PROXY: 'nginx' })).toThrowError(/not understood: nginx/);
    expect(() => parseConfig({ TRUST_PROXY: '99' })).toThrowError(/hop count from 0 to 10/);
  });

  it('reads the public origins as origins', () => {
    expect(
      parseConfig({ PUBLIC_ORIGINS: 'https://absensi.example.co.id, http://127.0.0.1:8000/' })
        .PUBLIC_ORIGINS,
    ).toEqual(['https://absensi.example.co.id', 'http://127.0.0.1:8000']);
    expect(() => parseConfig({ PUBLIC_ORIGINS: 'https://absensi.example.co.id/app' })).toThrowError(
      /PUBLIC_ORIGINS must be origins .* \(not an origin: https:\/\/absensi\.example\.co\.id\/app\)/,
    );
    expect(() => parseConfig({ PUBLIC_ORIGINS: 'absensi.example.co.id' })).toThrowError(
      /PUBLIC_ORIGINS must be origins/,
    );
  });

  it('takes only IANA zone names for COMPANY_TZ, not offsets', () => {
    expect(parseConfig({ COMPANY_TZ: 'Asia/Makassar' }).COMPANY_TZ).toBe('Asia/Makassar');
    expect(parseConfig({ COMPANY_TZ: 'UTC' }).COMPANY_TZ).toBe('UTC');
    for (const zone of ['UTC+7', 'local', '+07:00', 'Asia/Nowhere'])
      expect(() => parseConfig({ COMPANY_TZ: zone }), zone).toThrowError(/COMPANY_TZ/);
  });

  it('reads the metrics token from METRICS_TOKEN_FILE, and refuses a short one', () => {
    expect(
      parseConfig({ METRICS_TOKEN_FILE: '/run/secrets/metrics' }, () => 'm'.repeat(20))
        .METRICS_TOKEN,
    ).toBe('m'.repeat(20));
    expect(() => parseConfig({ METRICS_TOKEN: 'short' })).toThrowError(/at least 16 characters/);
  });
  it('turns Web Push on only with all three VAPID settings, the private key also from a file', () => {
    const vapid = {
      VAPID_PUBLIC_KEY:
        'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
      VAPID_PRIVATE_KEY: 'vplfkITvu0cwHqzK9Kj-DYStbCH_9AhGx9LqMyaeI6w',
      VAPID_SUBJECT: 'mailto:it@example.co.id',
    };
    expect(pushSettings(parseConfig({}))).toBeNull();
    expect(pushSettings(parseConfig(vapid))).toEqual({
      publicKey: vapid.VAPID_PUBLIC_KEY,
      privateKey: vapid.VAPID_PRIVATE_KEY,
      subject: vapid.VAPID_SUBJECT,
      allowLoopback: false,
    });
    const { VAPID_PRIVATE_KEY: privateKey, ...withoutPrivate } = vapid;
    expect(
      pushSettings(
        parseConfig(
          { ...withoutPrivate, VAPID_PRIVATE_KEY_FILE: '/run/secrets/vapid' },
          () => `${privateKey}\n`,
        ),
      )?.privateKey,
    ).toBe(privateKey);
    expect(() => parseConfig(withoutPrivate)).toThrowError(
      /VAPID_PRIVATE_KEY must be set with VAPID_PUBLIC_KEY, VAPID_SUBJECT/,
    );
    expect(() => parseConfig({ ...vapid, VAPID_SUBJECT: 'it@example.co.id' })).toThrowError(
      /VAPID_SUBJECT must be a mailto: address or an https: URL/,
    );
    expect(() => parseConfig({ ...vapid, VAPID_PUBLIC_KEY: 'short' })).toThrowError(
      /VAPID_PUBLIC_KEY must be a VAPID public key/,
    );
  });
});
