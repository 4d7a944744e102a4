// The store listings (scripts/listing.ts over store/<lang>.json and _locales): every field the
// Chrome Web Store and addons.mozilla.org ask for is there, in every language, within the store's
// limits, with one justification per permission that manifest.json asks for.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allListings,
  buildListing,
  chars,
  checkListing,
  LANGS,
  LIMITS,
  loadManifest,
  loadMessages,
  loadSource,
  manifestPermissions,
  staleJustifications,
  STORES,
  writeListings,
} from '../../scripts/listing';

const manifest = loadManifest();
const listings = allListings();

function keysDeep(v: unknown, prefix = ''): string[] {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return [prefix];
  return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => keysDeep(x, `${prefix}.${k}`));
}

describe('store listings', () => {
  it('exist for both stores in en, ja and zh-TW', () => {
    expect(listings.map((l) => `${l.store}/${l.lang}`).sort()).toEqual(
      STORES.flatMap((s) => LANGS.map(({ lang }) => `${s}/${lang}`)).sort(),
    );
  });

  it.each(listings.map((l) => [`${l.store}/${l.lang}`, l] as const))('%s: every field present and within the limits', (_, l) => {
    expect(checkListing(l, manifest)).toEqual([]);
    const lim = LIMITS[l.store];
    expect(chars(l.name)).toBeLessThanOrEqual(lim.name);
    expect(chars(l.summary)).toBeGreaterThan(0);
    expect(chars(l.summary)).toBeLessThanOrEqual(lim.summary);
    expect(chars(l.description)).toBeLessThanOrEqual(lim.description);
    expect(l.name).toBe('MaiAgent DevTools');
  });

  it('Chrome: the summary is the manifest description (≤ 132) and the name ≤ 45, in every locale', () => {
    for (const { locale } of LANGS) {
      const m = loadMessages(locale);
      expect(chars(m.extDescription!.message), locale).toBeLessThanOrEqual(132);
      expect(chars(m.extName!.message), locale).toBeLessThanOrEqual(45);
    }
  });

  it('Chrome: one plain-words justification per permission in manifest.json, none for permissions it lacks', () => {
    const perms = manifestPermissions(manifest);
    expect(perms).toEqual(
      expect.arrayContaining(['storage', 'declarativeNetRequestWithHostAccess', 'activeTab', 'https://api.maiagent.ai/*']),
    );
    for (const { lang } of LANGS) {
      const src = loadSource(lang);
      for (const p of perms) {
        const text = src.permissions[p] ?? '';
        expect(chars(text), `${lang} ${p}`).toBeGreaterThan(40);
        expect(chars(text), `${lang} ${p}`).toBeLessThanOrEqual(LIMITS.chrome.field);
      }
      expect(staleJustifications(src, manifest), lang).toEqual([]);
    }
  });

  it('the same fields in every language', () => {
    const shape = (lang: (typeof LANGS)[number]['lang']) =>
      keysDeep({
        ...loadSource(lang),
        description: 'x',
        privacyPolicy: { ...loadSource(lang).privacyPolicy, sections: loadSource(lang).privacyPolicy.sections.length },
      }).sort();
    expect(shape('ja')).toEqual(shape('en'));
    expect(shape('zh-TW')).toEqual(shape('en'));
  });

  it('the privacy policy says where keys go, in the page language, as text', () => {
    for (const l of listings) {
      expect(l.privacyPolicyHtml).toContain(`<html lang="${l.lang}">`);
      expect(l.privacyPolicyHtml).toContain('https://api.maiagent.ai');
      expect(l.privacyPolicyHtml).toContain('$MAIAGENT_API_KEY');
      expect(l.privacyPolicyHtml).not.toMatch(/<script/i);
    }
  });

  it('Chrome data use: the key (authentication) and the panel (website content) declared, the rest not', () => {
    const l = listings.find((x) => x.store === 'chrome' && x.lang === 'en')!;
    expect(l.dataUse.filter((d) => d.handled).map((d) => d.category)).toEqual(['Authentication information', 'Website content']);
    expect(l.dataUse).toHaveLength(9);
  });

  it('finds what is wrong: a missing justification, an over-long summary, a placeholder name', () => {
    const src = loadSource('en');
    const { storage: _gone, ...perms } = src.permissions;
    const messages = { ...loadMessages('en'), extDescription: { message: 'x'.repeat(133) }, extName: { message: '__MSG_extName__' } };
    const bad = buildListing('chrome', 'en', { ...src, permissions: perms, singlePurpose: '' }, messages, manifest);
    const problems = checkListing(bad, manifest);
    expect(problems).toContain('chrome/en: no justification for storage');
    expect(problems).toContain('chrome/en: summary is 133 characters, over the limit of 132');
    expect(problems).toContain('chrome/en: single purpose is missing');
    expect(problems).toContain('chrome/en: an unresolved __MSG_ placeholder');
    const amo = buildListing(
      'firefox',
      'en',
      { ...src, firefoxSummary: 'y'.repeat(251), description: ['short'] },
      loadMessages('en'),
      manifest,
    );
    expect(checkListing(amo, manifest)).toEqual([
      'firefox/en: summary is 251 characters, over the limit of 250',
      'firefox/en: description is 5 characters, under 10',
    ]);
    expect(staleJustifications({ ...src, permissions: { ...src.permissions, tabs: 'x' } }, manifest)).toEqual(['tabs']);
  });

  it('writes one folder per store and language', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maiagent-listing-'));
    try {
      writeListings(dir);
      for (const store of STORES) {
        for (const { lang } of LANGS) {
          const d = join(dir, store, lang);
          for (const f of ['name.txt', 'summary.txt', 'description.txt', 'privacy-policy.html', 'data-use.txt', 'listing.json'])
            expect(existsSync(join(d, f)), `${store}/${lang}/${f}`).toBe(true);
          if (store === 'chrome') {
            for (const f of ['single-purpose.txt', 'permissions.txt', 'host-permissions.txt', 'remote-code.txt'])
              expect(existsSync(join(d, f)), `${lang}/${f}`).toBe(true);
          }
        }
      }
      expect(readFileSync(join(dir, 'chrome/ja/permissions.txt'), 'utf8')).toContain('declarativeNetRequestWithHostAccess\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
