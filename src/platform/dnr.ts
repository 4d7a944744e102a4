// declarativeNetRequest differences between Chrome and Firefox.
import { ext } from './ext';

/** Chrome shows DNR's per-tab action count on the badge; Firefox has no such option. */
export async function showActionCount(on: boolean): Promise<void> {
  const dnr = ext.declarativeNetRequest as
    { setExtensionActionOptions?: (o: { displayActionCountAsBadgeText: boolean }) => Promise<void> } | undefined;
  if (dnr?.setExtensionActionOptions) await dnr.setExtensionActionOptions({ displayActionCountAsBadgeText: on });
}
