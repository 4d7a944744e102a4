// The toolbar icon tells the state without colour alone: a slashed icon and "off" when injection
// is off, the plain icon when on, and "!" when an active key is due for rotation. No per-request
// count on the badge: Chrome would redraw it on its main thread for every matched request; the
// popup reads the count when it opens instead (popup/tab-status.ts).
import { ext as browser } from '../platform/ext';
import { activeKeys, keyAge, type Settings } from '../core/settings';
import { t } from '../shared/i18n';
import { showActionCount } from '../platform/dnr';

const icons = (name: string) => ({ 16: `/icons/${name}-16.png`, 32: `/icons/${name}-32.png` });

function look(s: Settings): { on: boolean; rotationDue: boolean } {
  const keys = activeKeys(s);
  const now = Date.now();
  return {
    on: s.enabled && keys.length > 0,
    rotationDue: keys.some((k) => {
      const p = s.profiles.find((x) => x.id === k.profileId);
      return p ? keyAge(p, now).rotationDue : false;
    }),
  };
}

/** A summary of what the toolbar shows; equal summaries need no update. */
export function toolbarKey(s: Settings): string {
  const l = look(s);
  return `${s.enabled}/${l.on}/${l.rotationDue}`;
}

export async function updateToolbar(s: Settings): Promise<void> {
  const { on, rotationDue } = look(s);
  const action = browser.action;
  await Promise.all([
    action.setIcon({ path: icons(on ? 'icon' : 'icon-off') }),
    action.setTitle({
      title: `${t('extName')} — ${t(!s.enabled ? 'toolbarOff' : on ? (rotationDue ? 'toolbarRotate' : 'toolbarOn') : 'toolbarNoKey')}`,
    }),
    action.setBadgeText({ text: !s.enabled ? t('badgeOff') : rotationDue ? '!' : '' }),
    action.setBadgeBackgroundColor({ color: !s.enabled ? '#6b6b6b' : '#b26a00' }),
    // Explicitly off, also for installs of older versions that switched it on (Chrome keeps it).
    showActionCount(false),
  ]);
}
