// Which engine runs the extension. Only src/platform/ asks.

/**
 * Firefox runs extension pages and the background on moz-extension: URLs. (Whether `browser`
 * exists, or equals `chrome`, does not tell: Chrome has its own `browser` in some versions and
 * contexts, and in Chromium 156 a DevTools panel sees `browser !== chrome`.)
 */
export function isFirefox(): boolean {
  return (globalThis as { location?: { protocol?: string } }).location?.protocol === 'moz-extension:';
}
