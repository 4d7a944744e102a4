// Background service worker. Listeners are registered at top level so a stopped worker that is
// woken by an event still hears it; each wake-up reconciles the rules with storage.
import type { Runtime } from 'webextension-polyfill';
import { ext as browser } from '../platform/ext';
import { isSettingsChange, purgeExpiredUndo, updateSettings } from './store';
import { dispatch, isMessageType, isOwnPage } from './handlers';
import { reconcile } from './reconcile';
import { addExpectedSite } from './sites';
import { unawaited } from './unawaited';

// Answered through sendResponse (return true keeps the channel open): Chrome's own API does not
// take a returned promise as the answer in every version.
browser.runtime.onMessage.addListener(((message: unknown, sender: Runtime.MessageSender, sendResponse: (r: unknown) => void) => {
  const m = message as { type?: unknown; payload?: unknown } | null;
  if (!isOwnPage(sender) || !isMessageType(m?.type)) return false;
  void dispatch(m.type, m.payload).then(sendResponse);
  return true;
}) as unknown as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

/** reconcile() logs its own failure (and keeps its queue going); nothing more to do with it here. */
const reconcileSoon = () => void reconcile().catch(() => undefined);

browser.runtime.onInstalled.addListener(reconcileSoon);
browser.runtime.onStartup.addListener(reconcileSoon);
browser.storage.onChanged.addListener((changes, area) => {
  if (isSettingsChange(changes, area)) reconcileSoon();
});

// Access granted or withdrawn (also outside the extension, in the browser's settings) changes
// which rules may exist.
browser.permissions.onAdded.addListener(() => unawaited(addExpectedSite().then(reconcile), 'adding a granted site'));
browser.permissions.onRemoved.addListener(reconcileSoon);

/** The keyboard shortcut (commands API) flips injection. */
browser.commands.onCommand.addListener((command) => {
  if (command !== 'toggle-injection') return;
  unawaited(updateSettings((s) => ({ ...s, enabled: !s.enabled })).then(reconcile), 'the injection shortcut');
});

reconcileSoon();
// A deleted profile's undo copy holds its key: never keep it past its 30 s, even across a stop.
unawaited(purgeExpiredUndo(), 'dropping an expired undo');
