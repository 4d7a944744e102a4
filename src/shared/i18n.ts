// The one i18n helper: every user-visible string goes through here, over _locales via the i18n API.
import { ext as browser } from '../platform/ext';
import type { MessageKey, Msg } from '../core/messages';

export function t(key: MessageKey, ...subs: string[]): string {
  const text = browser.i18n.getMessage(key, subs);
  // An empty answer means a missing catalogue entry: show the key so the gap is visible, not blank.
  return text || key;
}

export function tm(m: Msg): string {
  return t(m.key, ...(m.subs ?? []));
}
