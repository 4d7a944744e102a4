// Background service worker. Listeners are registered at top level so a stopped worker that is
// woken by an event still hears it; each wake-up reconciles the rules with storage.
import type { Runtime } from 'webextension-polyfill';
import { ext as browser } from '../platform/ext';
import { isSettingsChange, purgeExpiredUndo, updateSettings } from './store';
import { dispatch, isMessageType, isOwnPage } from './handlers';
import { reconcile } from './reconcile';
import { addExpectedSite } from './sites';

// Answered through sendResponse (return true keeps the channel open): Chrome's own API does not
// take a returned promise as the answer in every version.
browser.runtime.onMessage.addListener(((message: unknown, sender: Runtime.MessageSender, sendResponse: (r: unknown) => void) => {
  const m = message as { type?: unknown; payload?: unknown } | null;
  if (!isOwnPage(sender) || !isMessageType(m?.type)) return false;
  void dispatch(m.type, m.payload).then(sendResponse);
  return true;
}) as unknown as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

browser.runtime.onInstalled.addListener(() => void reconcile());
browser.runtime.onStartup.addListener(() => void reconcile());
browser.storage.onChanged.addListener((changes, area) => {
  if (isSettingsChange(changes, area)) void reconcile();
});

// Access granted or withdrawn (also outside the extension, in the browser's settings) changes
// which rules may exist.
browser.permissions.onAdded.addListener(() => void addExpectedSite().then(() => reconcile()));
browser.permissions.onRemoved.addListener(() => void reconcile());

/** The keyboard shortcut (commands API) flips injection. */
browser.commands.onCommand.addListener((command) => {
  if (command !== 'toggle-injection') return;
  void updateSettings((s) => ({ ...s, enabled: !s.enabled })).then(() => reconcile());
});

void reconcile();
// A deleted profile's undo copy holds its key: never keep it past its 30 s, even across a stop.
void purgeExpiredUndo();
