// Sites whose requests get the key: the docs site, plus the user's own apps, granted from a click.
import { useState } from 'preact/hooks';
import type { MessageKey } from '../core/messages';
import { normalizeOrigin } from '../core/origins';
import { t } from '../shared/i18n';
import { send, type PublicState } from '../shared/protocol';
import type { Run } from '../ui/useAppState';
import { requestAccess } from './permission';

export function SitesSection({ state, run, onStatus }: { state: PublicState; run: Run; onStatus: (s: string) => void }) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);

  const add = async (origin: string) => {
    const r = normalizeOrigin(origin);
    if (!r.ok) return setProblem(r.problem);
    if (!(await requestAccess([r.origin]))) return setProblem('permissionMissing');
    const res = await run(send('addSite', { origin: r.origin }));
    if (!res.ok) return setProblem(res.problem);
    setProblem(null);
    setValue('');
    onStatus(t('siteAdded', r.origin));
  };

  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">{t('sitesHeading')}</h2>
      <p class="muted">{t('sitesHint')}</p>
      <ul class="sites" aria-label={t('sitesHeading')}>
        {state.sites.map((s) => (
          <li key={s.origin}>
            <span class="mono">{s.origin}</span>
            {!s.granted && <span class="error">{t('siteAccessMissing')}</span>}
            {!s.granted && (
              <button type="button" onClick={() => void add(s.origin)}>
                {t('grantAgain')}
              </button>
            )}
            <button
              type="button"
              aria-label={t('removeSiteNamed', s.origin)}
              onClick={() => void run(send('removeSite', { origin: s.origin })).then((r) => r.ok && onStatus(t('siteRemoved', s.origin)))}
            >
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void add(value);
        }}
      >
        <label class="field" style={{ flex: 1 }}>
          {t('siteOriginLabel')}
          <input
            type="text"
            value={value}
            placeholder="http://localhost:3000"
            onInput={(e) => setValue(e.currentTarget.value)}
            aria-describedby="site-problem"
          />
        </label>
        <button type="submit">{t('addSite')}</button>
      </form>
      <p id="site-problem" class="message error" role={problem ? 'alert' : undefined}>
        {problem ? t(problem) : ''}
      </p>
    </section>
  );
}
