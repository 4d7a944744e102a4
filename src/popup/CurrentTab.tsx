// Whether the current tab's page may use the key, why not, and "Allow this site".
import { ext as browser } from '../platform/ext';
import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '../core/messages';
import { originToMatchPattern } from '../core/origins';
import { t } from '../shared/i18n';
import type { Run } from '../ui/useAppState';
import { send, type PublicState } from '../shared/protocol';
import { injectedInTab, tabStatus, type TabStatus } from './tab-status';

const TEXT: Record<TabStatus['verdict'], MessageKey> = {
  allowed: 'tabAllowed',
  apiOrigin: 'tabApiOrigin',
  notAllowed: 'tabNotAllowed',
  notWeb: 'tabNotWeb',
  insecure: 'tabInsecure',
  noAccess: 'tabNoAccess',
  injectionOff: 'tabInjectionOff',
  noKey: 'tabNoKey',
};

/**
 * The tab this popup describes: the active tab (its URL is readable thanks to activeTab), or the
 * tab named by `?tabId=` when the popup page is opened in a tab of its own.
 */
async function describedTab(): Promise<{ url?: string; id?: number } | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(named) && named > 0) return browser.tabs.get(named);
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

export function CurrentTab({ state, run, onStatus }: { state: PublicState; run: Run; onStatus: (s: string) => void }) {
  // The tab is read once per popup; its status follows the state. The count is asked once too:
  // the browser allows only 20 such questions in 10 minutes.
  /** The tab's address; '' when the browser does not say (not a web page, or no tab). */
  const [url, setUrl] = useState<string | null>(null);
  const [injected, setInjected] = useState<number | null>(null);

  useEffect(() => {
    void (async () => {
      const tab = await describedTab().catch(() => undefined);
      if (!tab?.url) return setUrl('');
      setUrl(tab.url);
      if (tab.id !== undefined) setInjected(await injectedInTab(tab.id));
    })();
  }, []);
  const status: TabStatus | null | 'unknown' = url === null ? null : url === '' ? 'unknown' : tabStatus(state, url);

  if (status === null) return null;
  if (status === 'unknown') return <p class="hint muted">{t('tabUnknown')}</p>;
  const origin = status.origin ?? '';
  const allow = async () => {
    // Asked from the click itself, as the browser requires. The prompt may close the popup before
    // the answer arrives, so the background is told first and adds the site when access comes.
    const asking = browser.permissions.request({ origins: [originToMatchPattern(origin)] });
    void send('expectSite', { origin });
    const granted = await asking.catch(() => false);
    if (!granted) return;
    const r = await run(send('addSite', { origin }));
    if (r.ok) onStatus(t('siteAdded', origin));
  };
  return (
    <section class="tab-status" aria-label={t('tabHeading')}>
      <p class={status.verdict === 'allowed' || status.verdict === 'apiOrigin' ? 'ok' : 'muted'}>{t(TEXT[status.verdict], origin)}</p>
      {injected !== null && injected > 0 && <p class="muted">{t('tabInjectedCount', String(injected))}</p>}
      {(status.verdict === 'notAllowed' || status.verdict === 'noAccess') && (
        <button type="button" onClick={() => void allow()}>
          {t(status.verdict === 'noAccess' ? 'grantAgain' : 'allowSite')}
        </button>
      )}
    </section>
  );
}
