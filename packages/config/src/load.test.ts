import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './index.js';

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
});
