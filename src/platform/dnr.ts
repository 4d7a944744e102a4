// declarativeNetRequest differences between Chrome and Firefox.
import { isFirefox } from './engine';
import { ext } from './ext';

/** Chrome shows DNR's per-tab action count on the badge; Firefox has no such option. */
export async function showActionCount(on: boolean): Promise<void> {
  const dnr = ext.declarativeNetRequest as { setExtensionActionOptions?: (o: { displayActionCountAsBadgeText: boolean }) => Promise<void> } | undefined;
  if (dnr?.setExtensionActionOptions) await dnr.setExtensionActionOptions({ displayActionCountAsBadgeText: on });
}

export { isFirefox };

/**
 * Whether this browser's declarativeNetRequest takes `domain` in initiatorDomains/requestDomains.
 * Firefox requires a canonical host name (`new URL('http://' + d).hostname === d`), so a bare number
 * such as "0" (read as the IPv4 address 0.0.0.0) is refused, and with it the whole
 * updateDynamicRules call (seen in Firefox ESR 153: "Invalid domain 0"). Chrome accepts them.
 */
export function dnrAcceptsDomain(domain: string): boolean {
  if (!isFirefox()) return true;
  try {
    return new URL(`http://${domain}`).hostname === domain;
  } catch {
    return false;
  }
}
