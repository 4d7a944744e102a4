// Host access the extension needs and the browser does not give (Firefox can withhold or
// withdraw even the built-in hosts in about:addons, Chrome lets the user limit site access):
// said plainly, with a button that asks for it.
import { useState } from 'preact/hooks';
import { originToMatchPattern } from '../core/origins';
import { ext as browser } from '../platform/ext';
import { t } from '../shared/i18n';
import type { PublicState } from '../shared/protocol';

/** The API origins of the keys, and the built-in sites, that the browser gives no access to. */
export function missingAccess(state: PublicState): string[] {
  return [...new Set([...state.missingApiAccess, ...state.sites.filter((s) => s.builtIn && !s.granted).map((s) => s.origin)])];
}

export function AccessNotice({ state }: { state: PublicState }) {
  const [refused, setRefused] = useState(false);
  const missing = missingAccess(state);
  if (missing.length === 0) return null;
  const grant = () => {
    // Asked from the click itself, before any await: the browser requires a user gesture. Once
    // granted, permissions.onAdded makes the background rebuild the rules and this page refresh.
    const asking = browser.permissions.request({ origins: missing.map(originToMatchPattern) });
    setRefused(false);
    asking.then(
      (granted) => setRefused(!granted),
      () => setRefused(true),
    );
  };
  return (
    <div class="notice access" role="alert">
      <p>{t('accessMissing', missing.join(', '))}</p>
      <button type="button" onClick={grant}>
        {t('grantAccess')}
      </button>
      {refused && <p class="error">{t('accessRefused')}</p>}
    </div>
  );
}
