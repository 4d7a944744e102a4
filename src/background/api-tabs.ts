// "Open in tab": the extension opens an API URL in a new tab. The navigation is started with
// tabs.update, so its initiator is the extension itself, which the rule scoped to these tabs
// matches (tabs.create would start it without an initiator, which no rule may match).
import { ext as browser } from '../platform/ext';
import { checkApiTabUrl } from '../core/api-tab';
import { rememberApiTab } from './api-tab-list';
import { done, refused, type Handler } from './handler';
import { reconcile, settled } from './reconcile';

export const openApiTab: Handler<'openApiTab'> = async ({ url, origin }) => {
  const { settings, granted } = await settled();
  const checked = checkApiTabUrl(settings, url, origin, granted);
  if (!checked.ok) return refused(checked.problem);
  const tab = await browser.tabs.create({ url: 'about:blank', active: true });
  if (tab.id === undefined) return refused('openTabFailed');
  try {
    await rememberApiTab(tab.id);
    // The tab's rule is in place before the navigation starts.
    await reconcile();
    await browser.tabs.update(tab.id, { url: checked.url });
  } catch {
    // No half-made tab left behind (a blank page, or one whose rule is not in place).
    await browser.tabs.remove(tab.id).catch(() => undefined);
    return refused('openTabFailed');
  }
  return done({ url: checked.url });
};
