// Browser differences, in one place. Everything else uses webextension-polyfill's `browser`.

/** Chrome shows DNR's per-tab action count on the badge; Firefox has no such option. */
export async function showActionCount(on: boolean): Promise<void> {
  const dnr = (globalThis as { chrome?: { declarativeNetRequest?: { setExtensionActionOptions?: (o: { displayActionCountAsBadgeText: boolean }) => Promise<void> } } }).chrome
    ?.declarativeNetRequest;
  if (dnr?.setExtensionActionOptions) await dnr.setExtensionActionOptions({ displayActionCountAsBadgeText: on });
}

/** Firefox runs extension pages and the background on moz-extension: URLs. */
export function isFirefox(): boolean {
  return (globalThis as { location?: { protocol?: string } }).location?.protocol === 'moz-extension:';
}
