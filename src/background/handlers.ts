// The message map: one named handler per message of the protocol.
import type { Runtime } from 'webextension-polyfill';
import { ext as browser } from '../platform/ext';
import type { Protocol } from '../shared/protocol';
import { openApiTab } from './api-tabs';
import { checkKey } from './check-key';
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
  type Handler,
} from './profiles';
import { addSite, expectSite, removeSite, tabStatus } from './sites';
import { exportProfiles, importProfiles, undoImport } from './transfer';

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
  tabStatus,
  exportProfiles,
  importProfiles,
  undoImport,
};

/** Only the extension's own pages may talk to the background (no content scripts; externally_connectable is closed). */
export function isOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}
