// The per-browser runner of `npm test`: which binaries it takes and how it names their versions.
import { describe, expect, it } from 'vitest';
import { browserPaths, parseVersion } from '../../scripts/test-browsers';

describe('test-browsers', () => {
  it('reads the version the browsers print', () => {
    expect(parseVersion('Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)\n')).toBe('156.0.8078.114');
    expect(parseVersion('Chromium 150.0.7871.100 \n')).toBe('150.0.7871.100');
    expect(parseVersion('Mozilla Firefox 140.12.0esr\n')).toBe('140.12.0esr');
    expect(parseVersion('Google Chrome 131.0.6778.85 \n')).toBe('131.0.6778.85');
    expect(parseVersion('no version here')).toBeNull();
  });

  it('takes the colon-separated list, runs the same binary once, and keeps a missing one (to fail it)', () => {
    const env = { CHROME_PATHS: `${process.execPath}:/nowhere/chromium: ${process.execPath} :` };
    expect(browserPaths('chromium', env)).toEqual([process.execPath, '/nowhere/chromium']);
    expect(browserPaths('firefox', { FIREFOX_PATHS: '/a/firefox-esr:/b/firefox-esr' })).toEqual(['/a/firefox-esr', '/b/firefox-esr']);
  });
});
