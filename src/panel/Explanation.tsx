// The top of the details: the status and what it means, then why it happened, how to fix it, a
// one-click fix when there is one (allow the page's site, copy the corrected URL), and the evidence.
import { useState } from 'preact/hooks';
import { originToMatchPattern } from '../core/origins';
import { ext as browser } from '../platform/ext';
import { t, tm } from '../shared/i18n';
import { send } from '../shared/protocol';
import { copyToClipboard } from './clipboard';
import { Evidence } from './Evidence';
import type { ShownRow } from './shown-row';

export function Explanation({ row }: { row: ShownRow }) {
  const { exchange: ex, diagnosis: d } = row;
  // The outcome belongs to the row it was for; tagging it (instead of clearing it in an effect)
  // stays right even when effects run late, as they do in a DevTools window out of focus.
  const [offerFor, setOfferDone] = useState<{ rowId: number; text: string } | null>(null);
  const offerDone = offerFor?.rowId === row.id ? offerFor.text : null;

  const allowSite = async (site: string) => {
    const granted = await browser.permissions.request({ origins: [originToMatchPattern(site)] }).catch(() => false);
    if (!granted) return setOfferDone({ rowId: row.id, text: t('permissionMissing') });
    const r = await send('addSite', { origin: site });
    setOfferDone({ rowId: row.id, text: r.ok ? t('siteAdded', site) : t(r.problem) });
  };

  return (
    <>
      <h2 id="sec-explanation" tabIndex={-1} class={ex.status === 0 || ex.status >= 400 ? 'bad-title' : ''}>
        <span class="status">{ex.status || '—'}</span> {tm(d.decoded.meaning)}
        {d.decoded.serverMessage && <span class="server-message"> — {d.decoded.serverMessage}</span>}
      </h2>
      {d.cause && (
        <section class="diagnosis" aria-labelledby="dx-cause">
          <h3 id="dx-cause">{t('diagnosisHeading')}</h3>
          <p class="cause">{tm(d.cause)}</p>
          {d.fixes.length > 0 && (
            <>
              <h3>{t('fixHeading')}</h3>
              <ul class="fixes">
                {d.fixes.map((f, i) => (
                  <li key={i}>{tm(f)}</li>
                ))}
              </ul>
            </>
          )}
          {d.offer?.kind === 'allowSite' && (
            <button type="button" onClick={() => void allowSite((d.offer as { origin: string }).origin)}>
              {t('allowSiteNamed', d.offer.origin)}
            </button>
          )}
          {d.offer?.kind === 'url' && (
            <button
              type="button"
              onClick={() =>
                void copyToClipboard((d.offer as { url: string }).url).then(() => setOfferDone({ rowId: row.id, text: t('urlCopied') }))
              }
            >
              {t('copyCorrectedUrl')}
            </button>
          )}
          {offerDone && <p role="status">{offerDone}</p>}
          <Evidence row={row} />
        </section>
      )}
    </>
  );
}
