// `npm run listing` (also part of `npm run package`): the store listings, generated from the repo.
//
// Sources (tracked): store/<lang>.json (description, permission justifications, single purpose,
// data use, privacy policy, screenshot captions) and, for the name and the Chrome Web Store
// summary, public/_locales/<locale>/messages.json (the store takes both from the manifest).
// Output (untracked): packages/listing/<store>/<lang>/ with one text file per store form field,
// listing.json with all of them, and privacy-policy.html. The screenshots and the promo tile are
// taken by the e2e suite (test/e2e/store-listing.e2e.ts) into screenshots/ beside them; this
// script leaves that folder alone.
//
//   tsx scripts/listing.ts               write packages/listing/
//   tsx scripts/listing.ts --out-dir DIR write DIR instead
//
// It refuses to write anything if a field is missing or over its store's limit (checkListing).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { PACKAGES, ROOT } from './lib/paths';
import { isMain } from './lib/run';

export const LISTING_DIR = join(PACKAGES, 'listing');
export const STORE_DIR = join(ROOT, 'store');

export type Store = 'chrome' | 'firefox';
export const STORES: readonly Store[] = ['chrome', 'firefox'];

/** Listing languages: the folder name the stores use, and the extension's _locales folder. */
export const LANGS = [
  { lang: 'en', locale: 'en' },
  { lang: 'ja', locale: 'ja' },
  { lang: 'zh-TW', locale: 'zh_TW' },
] as const;
export type Lang = (typeof LANGS)[number]['lang'];

/**
 * Field limits, in characters (Unicode code points). Where they come from:
 * - Chrome: manifest `description` ≤ 132 (developer.chrome.com, Manifest – description; the Web Store
 *   shows it as the summary and rejects longer ones); item name ≤ 75 (MDN manifest.json/name, Feb 2024),
 *   but the manifest name is kept ≤ 45 so the same manifest also passes Edge Add-ons; detailed
 *   description ≤ 16,000; the Privacy practices tab's free-text fields (single purpose, each permission
 *   justification, remote code) are taken as ≤ 1,000.
 * - Firefox (addons.mozilla.org): name ≤ 50 (MDN; addons-linter warns above 45), summary ≤ 250
 *   (addons-server TransField max_length=250), description ≥ 10 (addons-server DescribeForm min_length).
 */
export const LIMITS = {
  chrome: { name: 45, summary: 132, description: 16_000, field: 1_000 },
  firefox: { name: 45, summary: 250, description: 16_000, descriptionMin: 10 },
} as const;

/** Screenshots and promo tile: sizes the stores accept (Chrome: 1280×800 or 640×400; small promo tile 440×280). */
export const IMAGES = {
  screenshot: { width: 1280, height: 800 },
  promoTile: { width: 440, height: 280 },
} as const;

/** The Chrome Web Store's data categories (Privacy practices tab), and what this extension handles. */
export const CWS_DATA_CATEGORIES = [
  'personallyIdentifiable',
  'health',
  'financial',
  'authentication',
  'personalCommunications',
  'location',
  'webHistory',
  'userActivity',
  'websiteContent',
] as const;
export type DataCategory = (typeof CWS_DATA_CATEGORIES)[number];
/** Declared as handled, each with an explanation in store/<lang>.json → dataUse. */
export const HANDLED: readonly DataCategory[] = ['authentication', 'websiteContent'];
const CATEGORY_NAMES: Record<DataCategory, string> = {
  personallyIdentifiable: 'Personally identifiable information',
  health: 'Health information',
  financial: 'Financial and payment information',
  authentication: 'Authentication information',
  personalCommunications: 'Personal communications',
  location: 'Location',
  webHistory: 'Web history',
  userActivity: 'User activity',
  websiteContent: 'Website content',
};
/** The three certifications the Chrome Web Store asks to tick; all true for this extension. */
export const CWS_CERTIFICATIONS = [
  'I do not sell or transfer user data to third parties, outside of the approved use cases',
  "I do not use or transfer user data for purposes that are unrelated to my item's single purpose",
  'I do not use or transfer user data to determine creditworthiness or for lending purposes',
];

/** Store categories (the stores' own English names; they translate them). */
export const CATEGORIES: Record<Store, string[]> = { chrome: ['Developer Tools'], firefox: ['Web Development'] };

export interface StoreSource {
  firefoxSummary: string;
  description: string[];
  singlePurpose: string;
  permissions: Record<string, string>;
  remoteCode: string;
  dataUse: Record<string, string>;
  privacyPolicy: { title: string; intro: string; sections: { heading: string; paragraphs: string[] }[] };
  screenshots: { popup: string; panel: string };
  promoTagline: string;
}

export interface ManifestPermissions {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
}

export interface Listing {
  store: Store;
  lang: Lang;
  /** The store's category for the item (Chrome: one; AMO: up to two). */
  categories: string[];
  name: string;
  summary: string;
  description: string;
  privacyPolicyHtml: string;
  /** Chrome only: the Privacy practices tab. */
  singlePurpose?: string;
  permissions?: { permission: string; justification: string }[];
  hostPermissionJustification?: string;
  remoteCode?: string;
  /** Chrome: each data category, handled or not, with an explanation for the handled ones. */
  dataUse: { category: string; handled: boolean; explanation: string }[];
  /** Both stores: what is not collected and never sent anywhere. */
  notCollected: string;
  screenshotCaptions: { popup: string; panel: string };
  promoTagline: string;
}

export const chars = (s: string): number => [...s].length;

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function loadSource(lang: Lang): StoreSource {
  return readJson<StoreSource>(join(STORE_DIR, `${lang}.json`));
}

export function loadMessages(locale: string): Record<string, { message: string }> {
  return readJson(join(ROOT, 'public/_locales', locale, 'messages.json'));
}

export function loadManifest(): ManifestPermissions {
  return readJson(join(ROOT, 'manifest.json'));
}

/** Every permission and host pattern the manifest asks for, each needing a justification. */
export function manifestPermissions(m: ManifestPermissions): string[] {
  return [
    ...(m.permissions ?? []),
    ...(m.optional_permissions ?? []),
    ...(m.host_permissions ?? []),
    ...(m.optional_host_permissions ?? []),
  ];
}

const isHost = (p: string) => p.includes('://') || p === '<all_urls>';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function privacyPolicyHtml(lang: Lang, src: StoreSource): string {
  const p = src.privacyPolicy;
  const sections = p.sections
    .map((s) => `<h2>${escapeHtml(s.heading)}</h2>\n${s.paragraphs.map((x) => `<p>${escapeHtml(x)}</p>`).join('\n')}`)
    .join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(p.title)}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.6rem}</style>
</head><body>
<h1>${escapeHtml(p.title)}</h1>
<p>${escapeHtml(p.intro)}</p>
${sections}
</body></html>
`;
}

export function buildListing(
  store: Store,
  lang: Lang,
  src: StoreSource,
  messages: Record<string, { message: string }>,
  manifest: ManifestPermissions,
): Listing {
  const name = messages.extName?.message ?? '';
  const description = src.description.join('\n');
  const dataUse = CWS_DATA_CATEGORIES.map((category) => ({
    category: CATEGORY_NAMES[category],
    handled: HANDLED.includes(category),
    explanation: HANDLED.includes(category) ? (src.dataUse[category] ?? '') : '',
  }));
  const base = {
    store,
    lang,
    categories: CATEGORIES[store],
    name,
    description,
    privacyPolicyHtml: privacyPolicyHtml(lang, src),
    notCollected: src.dataUse.notCollected ?? '',
    screenshotCaptions: src.screenshots,
    promoTagline: src.promoTagline,
  };
  if (store === 'firefox') {
    // AMO asks one question: does the add-on collect or transmit data? The manifest answers "none"
    // (scripts/firefox-manifest.ts); the explanation goes with the privacy policy.
    return {
      ...base,
      summary: src.firefoxSummary,
      dataUse: [{ category: 'Data collection (data_collection_permissions: none)', handled: false, explanation: '' }],
    };
  }
  const perms = manifestPermissions(manifest).map((permission) => ({ permission, justification: src.permissions[permission] ?? '' }));
  return {
    ...base,
    summary: messages.extDescription?.message ?? '',
    singlePurpose: src.singlePurpose,
    permissions: perms,
    // The dashboard has one field for all host permissions.
    hostPermissionJustification: perms
      .filter((p) => isHost(p.permission))
      .map((p) => `${p.permission}: ${p.justification}`)
      .join('\n'),
    remoteCode: src.remoteCode,
    dataUse,
  };
}

/** Every problem with a listing: a missing field or one over its store's limit. Empty when it is fine. */
export function checkListing(l: Listing, manifest: ManifestPermissions): string[] {
  const where = `${l.store}/${l.lang}`;
  const problems: string[] = [];
  const need = (field: string, value: string | undefined, max?: number, min = 1) => {
    const n = chars((value ?? '').trim());
    if (n < min) problems.push(`${where}: ${field} is ${n === 0 ? 'missing' : `${n} characters, under ${min}`}`);
    if (max !== undefined && chars(value ?? '') > max)
      problems.push(`${where}: ${field} is ${chars(value ?? '')} characters, over the limit of ${max}`);
  };
  const lim = LIMITS[l.store];
  need('name', l.name, lim.name);
  if (/__MSG_/.test(l.name) || /__MSG_/.test(l.summary)) problems.push(`${where}: an unresolved __MSG_ placeholder`);
  need('summary', l.summary, lim.summary);
  need('description', l.description, lim.description, 'descriptionMin' in lim ? lim.descriptionMin : 1);
  need('privacy policy', l.privacyPolicyHtml);
  need('screenshot caption (popup)', l.screenshotCaptions.popup);
  need('screenshot caption (panel)', l.screenshotCaptions.panel);
  need('promo tagline', l.promoTagline, 80);
  need('data not collected', l.notCollected, LIMITS.chrome.field);
  for (const d of l.dataUse) if (d.handled) need(`data use: ${d.category}`, d.explanation, LIMITS.chrome.field);
  if (l.store === 'chrome') {
    need('single purpose', l.singlePurpose, LIMITS.chrome.field);
    need('remote code', l.remoteCode, LIMITS.chrome.field);
    need('host permission justification', l.hostPermissionJustification, LIMITS.chrome.field);
    const given = new Map((l.permissions ?? []).map((p) => [p.permission, p.justification]));
    for (const p of manifestPermissions(manifest)) {
      const text = given.get(p) ?? '';
      if (text.trim() === '') problems.push(`${where}: no justification for ${p}`);
      else need(`justification for ${p}`, text, LIMITS.chrome.field);
    }
  }
  return problems;
}

/** A justification written for a permission the manifest no longer has: probably stale text. */
export function staleJustifications(src: StoreSource, manifest: ManifestPermissions): string[] {
  const wanted = new Set(manifestPermissions(manifest));
  return Object.keys(src.permissions).filter((p) => !wanted.has(p));
}

export function allListings(): Listing[] {
  const manifest = loadManifest();
  return LANGS.flatMap(({ lang, locale }) => {
    const src = loadSource(lang);
    const messages = loadMessages(locale);
    return STORES.map((store) => buildListing(store, lang, src, messages, manifest));
  });
}

function fieldFiles(l: Listing): Record<string, string> {
  const files: Record<string, string> = {
    'name.txt': l.name,
    'summary.txt': l.summary,
    'description.txt': l.description,
    'privacy-policy.html': l.privacyPolicyHtml,
  };
  if (l.store === 'chrome') {
    files['single-purpose.txt'] = l.singlePurpose ?? '';
    files['permissions.txt'] = (l.permissions ?? []).map((p) => `${p.permission}\n${p.justification}\n`).join('\n');
    files['host-permissions.txt'] = l.hostPermissionJustification ?? '';
    files['remote-code.txt'] = l.remoteCode ?? '';
  }
  files['data-use.txt'] = [
    ...l.dataUse.map((d) => `${d.category}: ${d.handled ? `yes\n${d.explanation}\n` : 'no'}`),
    '',
    l.notCollected,
    '',
    ...(l.store === 'chrome' ? ['Certifications (all ticked):', ...CWS_CERTIFICATIONS.map((c) => `[x] ${c}`)] : []),
  ].join('\n');
  const { privacyPolicyHtml: _html, ...json } = l;
  files['listing.json'] = JSON.stringify(json, null, 2);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.endsWith('\n') ? v : `${v}\n`]));
}

/** Writes every listing; throws, writing nothing, if one is incomplete or too long. */
export function writeListings(outDir = LISTING_DIR): string[] {
  const manifest = loadManifest();
  const listings = allListings();
  const problems = [
    ...listings.flatMap((l) => checkListing(l, manifest)),
    ...LANGS.flatMap(({ lang }) =>
      staleJustifications(loadSource(lang), manifest).map(
        (p) => `store/${lang}.json: a justification for ${p}, which manifest.json does not ask for`,
      ),
    ),
  ];
  if (problems.length) throw new Error(`The store listing is not ready:\n  ${problems.join('\n  ')}`);
  const dirs: string[] = [];
  for (const l of listings) {
    const dir = join(outDir, l.store, l.lang);
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(fieldFiles(l))) writeFileSync(join(dir, name), text);
    dirs.push(dir);
  }
  return dirs;
}

if (isMain(import.meta.url)) {
  try {
    const argv = process.argv.slice(2);
    const at = argv.indexOf('--out-dir');
    if (at >= 0 && !argv[at + 1]) throw new Error('--out-dir needs a directory');
    const dirs = writeListings(at >= 0 ? resolve(argv[at + 1]!) : LISTING_DIR);
    console.log(`Store listings (${LANGS.length} languages × ${STORES.length} stores):`);
    for (const d of dirs) console.log(`  ${relative(ROOT, d)}/`);
    console.log('Screenshots and the promo tile: npx vitest run --config vitest.e2e.config.ts test/e2e/store-listing.e2e.ts');
  } catch (e) {
    console.error(`listing: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
