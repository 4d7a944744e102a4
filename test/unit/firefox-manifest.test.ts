import { afterEach, describe, expect, it, vi } from 'vitest';
import source from '../../manifest.json' with { type: 'json' };
import {
  FIREFOX_ANDROID_MIN_VERSION,
  FIREFOX_GECKO_ID,
  FIREFOX_MIN_VERSION,
  referencedFiles,
  toFirefoxManifest,
  type ManifestLike,
} from '../../scripts/firefox-manifest';
import { isFirefox } from '../../src/platform/engine';

/** What crxjs writes to dist/manifest.json: the source manifest with the loader as the worker. */
function built(): ManifestLike {
  const m = structuredClone(source) as ManifestLike;
  m.background = { service_worker: 'service-worker-loader.js', type: 'module' };
  return m;
}

describe('toFirefoxManifest', () => {
  it('runs the background as a module script instead of a service worker', () => {
    const ff = toFirefoxManifest(built());
    expect(ff.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
  });

  it('declares the gecko id, minimum versions and no data collection', () => {
    const ff = toFirefoxManifest(built());
    expect(ff.browser_specific_settings).toEqual({
      gecko: {
        id: FIREFOX_GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    });
    expect(FIREFOX_GECKO_ID).toBe('maiagent-devtools@maiagent-devtools.dev');
    expect(FIREFOX_MIN_VERSION).toBe('140.0');
  });

  it('drops the keys Firefox does not have', () => {
    const ff = toFirefoxManifest(built());
    expect(ff).not.toHaveProperty('minimum_chrome_version');
    expect(ff).not.toHaveProperty('externally_connectable');
    expect(JSON.stringify(ff)).not.toContain('service_worker');
  });

  it('keeps everything else as Chrome has it', () => {
    const chrome = built();
    const ff = toFirefoxManifest(chrome);
    const changed = new Set(['background', 'browser_specific_settings', 'minimum_chrome_version', 'externally_connectable']);
    for (const [k, v] of Object.entries(chrome)) if (!changed.has(k)) expect(ff[k], k).toEqual(v);
    // Firefox knows declarativeNetRequestWithHostAccess (113+): the same permission set.
    expect(ff.permissions).toEqual(chrome.permissions);
    expect(ff.host_permissions).toEqual(chrome.host_permissions);
    expect(ff.optional_host_permissions).toEqual(chrome.optional_host_permissions);
  });

  it('does not change its input', () => {
    const chrome = built();
    const before = JSON.stringify(chrome);
    toFirefoxManifest(chrome);
    expect(JSON.stringify(chrome)).toBe(before);
  });

  it('drops Chrome-only permissions', () => {
    const m = built();
    m.permissions = ['storage', 'offscreen', 'sidePanel', 'declarativeNetRequestWithHostAccess'];
    expect(toFirefoxManifest(m).permissions).toEqual(['storage', 'declarativeNetRequestWithHostAccess']);
  });

  it('keeps background scripts that are already there, and other gecko settings', () => {
    const m = built();
    m.background = { scripts: ['a.js', 'b.js'] };
    m.browser_specific_settings = { gecko: { update_url: 'https://example.com/updates.json', id: 'old@x' } };
    const ff = toFirefoxManifest(m, { id: 'new@x', strictMinVersion: '142.0' });
    expect(ff.background).toEqual({ scripts: ['a.js', 'b.js'] });
    expect((ff.browser_specific_settings as { gecko: object }).gecko).toEqual({
      update_url: 'https://example.com/updates.json',
      id: 'new@x',
      strict_min_version: '142.0',
      data_collection_permissions: { required: ['none'] },
    });
  });

  it('refuses what it cannot translate', () => {
    expect(() => toFirefoxManifest({ ...built(), manifest_version: 2 })).toThrow(/Manifest V3/);
    expect(() => toFirefoxManifest({ ...built(), background: {} })).toThrow(/neither/);
  });

  it('is idempotent', () => {
    const once = toFirefoxManifest(built());
    expect(toFirefoxManifest(once)).toEqual(once);
  });
});

describe('referencedFiles', () => {
  it('lists every file the manifest names, once, without a leading slash', () => {
    const ff = toFirefoxManifest(built());
    expect(referencedFiles(ff)).toEqual([
      '_locales/en/messages.json',
      'icons/icon-128.png',
      'icons/icon-16.png',
      'icons/icon-32.png',
      'icons/icon-48.png',
      'service-worker-loader.js',
      'src/options/options.html',
      'src/panel/devtools.html',
      'src/popup/popup.html',
    ]);
  });
});

describe('platform', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells Firefox (moz-extension: pages) from Chrome', () => {
    expect(isFirefox()).toBe(false);
    vi.stubGlobal('location', { protocol: 'moz-extension:' });
    expect(isFirefox()).toBe(true);
  });
});
