// The Firefox manifest, derived from the built Chrome manifest (dist/manifest.json, with the
// file names crxjs wrote). Pure: no file or browser calls. Together with src/platform/
// this is the only place that knows how Chrome and Firefox differ.

/** The add-on id on addons.mozilla.org; it must never change once published. */
export const FIREFOX_GECKO_ID = 'maiagent-devtools@maiagent-devtools.dev';

/**
 * The lowest Firefox that has everything the extension uses (MDN browser-compat-data):
 * MV3 `action` 109, `background.type: "module"` 112, declarativeNetRequest with modifyHeaders
 * and `declarativeNetRequestWithHostAccess` 113, `storage.session` 115, devtools panels 54,
 * `optional_host_permissions` 128, and `gecko.data_collection_permissions` 140 (older versions
 * would ignore the consent declaration, and the linter rightly warns about that). 140 is an ESR.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/**
 * Firefox for Android got `data_collection_permissions` in 142 (the rest as on desktop). Android
 * has no DevTools, so the panel is missing there; the popup and injection would work.
 */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** Manifest keys Firefox does not know; its linter warns about each one. */
const CHROME_ONLY_KEYS = [
  'minimum_chrome_version',
  // Firefox has no externally_connectable (bugzil.la/1319168); ours allows nothing anyway.
  'externally_connectable',
  'key',
  'update_url',
] as const;

/** Permissions that only Chrome has. Firefox warns about unknown ones. */
const CHROME_ONLY_PERMISSIONS = new Set(['declarativeNetRequestFeedback', 'offscreen', 'sidePanel', 'tabGroups']);

export interface ManifestLike {
  manifest_version: number;
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  permissions?: string[];
  [key: string]: unknown;
}

export interface FirefoxOptions {
  id?: string;
  strictMinVersion?: string;
  androidStrictMinVersion?: string;
}

/**
 * Chrome MV3 manifest → Firefox MV3 manifest. The input is not changed.
 *
 * - background: Firefox runs MV3 background code as an event page, not a service worker, so
 *   `service_worker` becomes `scripts: [it]` (module type kept; the crxjs loader is an ES module).
 * - browser_specific_settings.gecko: the add-on id, the minimum version, and the data-collection
 *   declaration (the extension sends nothing anywhere: `required: ["none"]`); gecko_android: the
 *   minimum Firefox for Android version.
 * - Chrome-only keys and permissions are dropped.
 */
export function toFirefoxManifest(chrome: ManifestLike, opts: FirefoxOptions = {}): ManifestLike {
  if (chrome.manifest_version !== 3)
    throw new Error(`expected a Manifest V3 manifest, got manifest_version ${String(chrome.manifest_version)}`);
  const out: ManifestLike = structuredClone(chrome);
  for (const k of CHROME_ONLY_KEYS) delete out[k];

  const bg = chrome.background;
  if (bg) {
    const scripts = bg.scripts ?? (bg.service_worker ? [bg.service_worker] : []);
    if (scripts.length === 0) throw new Error('background has neither service_worker nor scripts');
    out.background = { scripts: [...scripts], ...(bg.type ? { type: bg.type } : {}) };
  }

  if (chrome.permissions) out.permissions = chrome.permissions.filter((p) => !CHROME_ONLY_PERMISSIONS.has(p));

  const existing = (chrome.browser_specific_settings ?? {}) as Record<string, unknown>;
  const gecko = (existing.gecko ?? {}) as Record<string, unknown>;
  out.browser_specific_settings = {
    ...existing,
    gecko: {
      ...gecko,
      id: opts.id ?? FIREFOX_GECKO_ID,
      strict_min_version: opts.strictMinVersion ?? FIREFOX_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: {
      ...((existing.gecko_android ?? {}) as Record<string, unknown>),
      strict_min_version: opts.androidStrictMinVersion ?? FIREFOX_ANDROID_MIN_VERSION,
    },
  };
  return out;
}

/** Every file the manifest names (for checking that a build is complete). */
export function referencedFiles(m: ManifestLike): string[] {
  const files = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && v !== '') files.add(v.replace(/^\//, ''));
  };
  const bg = m.background;
  add(bg?.service_worker);
  bg?.scripts?.forEach(add);
  const icons = (m.icons ?? {}) as Record<string, unknown>;
  Object.values(icons).forEach(add);
  const action = (m.action ?? {}) as { default_popup?: unknown; default_icon?: unknown };
  add(action.default_popup);
  if (typeof action.default_icon === 'string') add(action.default_icon);
  else Object.values((action.default_icon ?? {}) as Record<string, unknown>).forEach(add);
  add((m.options_ui as { page?: unknown } | undefined)?.page);
  add(m.devtools_page);
  if (typeof m.default_locale === 'string') add(`_locales/${m.default_locale}/messages.json`);
  return [...files].sort();
}
