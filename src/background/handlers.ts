// The background's door: the one place messages come in. Only the extension's own pages are
// heard; each payload is checked against its schema; one named handler per message answers with
// the protocol's one reply shape, whatever happens inside.
import type { Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import { ext as browser } from '../platform/ext';
import { payloads } from '../core/payloads';
import type { MessageType, Protocol, Reply } from '../shared/protocol';
import { openApiTab } from './api-tabs';
import { checkKey } from './check-key';
import { refused, type Handler } from './handler';
import { resend } from './resend';
import {
  addProfile,
  deleteProfile,
  dismissNotice,
  dismissRotation,
  getState,
  moveProfile,
  revealKey,
  saveKey,
  setActive,
  setEnabled,
  setTypedNavigation,
  undoDelete,
  updateProfile,
} from './profiles';
import { addSite, expectSite, removeSite } from './sites';
import { importProfiles, undoImport } from './transfer';

export const handlers: { [K in keyof Protocol]: Handler<K> } = {
  getState,
  saveKey,
  addProfile,
  updateProfile,
  deleteProfile,
  undoDelete,
  moveProfile,
  setActive,
  setEnabled,
  setTypedNavigation,
  openApiTab,
  revealKey,
  checkKey,
  resend,
  dismissRotation,
  dismissNotice,
  addSite,
  expectSite,
  removeSite,
  importProfiles,
  undoImport,
};

/** Only the extension's own pages may talk to the background (no content scripts; externally_connectable is closed). */
export function isOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

/** Whether `type` names a message of the protocol (not an inherited property such as `constructor`). */
export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(handlers, type);
}

/** Check the payload, run the handler, and answer; never throws. Logs name the message, never its payload (it may hold a key). */
export async function dispatch(type: MessageType, payload: unknown): Promise<Reply<unknown>> {
  const checked = v.safeParse(payloads[type], payload ?? {});
  if (!checked.success) {
    console.warn(`MaiAgent DevTools: refused a malformed ${type} request`);
    return refused('requestInvalid');
  }
  try {
    return await (handlers[type] as (p: unknown) => Promise<Reply<unknown>>)(checked.output);
  } catch (e) {
    console.error(`MaiAgent DevTools: ${type} failed:`, e instanceof Error ? e.name : typeof e);
    return refused('handlerFailed');
  }
}
