// Message descriptors: the pure core names i18n messages; the shells translate them.
// The key type comes from the English catalogue, so a misspelt key fails type-checking.
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export interface Msg {
  key: MessageKey;
  subs?: string[];
}
export const msg = (key: MessageKey, ...subs: string[]): Msg => (subs.length ? { key, subs } : { key });
