// Which engine runs the extension. Only src/platform/ asks.

/**
 * Firefox runs extension pages and the background on moz-extension: URLs. (Whether `browser`
 * exists, or equals `chrome`, does not tell: Chrome has its own `browser` in some versions and
 * contexts, and in Chromium 156 a DevTools panel sees `browser !== chrome`.)
 */
export function isFirefox(): boolean {
  return (globalThis as { location?: { protocol?: string } }).location?.protocol === 'moz-extension:';
}

/**
 * "Open in tab" relies on Chrome treating a navigation started by tabs.update as initiated by the
 * extension (the rule matches that initiator and the tab). Nobody has run that in Firefox yet, so
 * Firefox users do not get a button that might quietly open the page without the key.
 */
export function canOpenKeyedTabs(): boolean {
  return !isFirefox();
}
