// Export profiles to JSON (keys only when the user ticks the warned box) and import them back.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send } from '../shared/protocol';
import type { Rejection } from '../core/transfer';
import { download } from '../ui/download';
import type { Run } from '../ui/useAppState';



export function TransferSection({ run, onStatus }: { run: Run; onStatus: (s: string) => void }) {
  const [includeKeys, setIncludeKeys] = useState(false);
  const [rejected, setRejected] = useState<Rejection[] | null>(null);

  return (
    <section aria-labelledby="transfer-h">
      <h2 id="transfer-h">{t('transferHeading')}</h2>
      <div class="row">
        <label class="row">
          <input type="checkbox" checked={includeKeys} onChange={(e) => setIncludeKeys(e.currentTarget.checked)} aria-describedby="keys-warning" />
          {t('exportIncludeKeys')}
        </label>
      </div>
      {includeKeys && (
        <p id="keys-warning" class="warning" role="alert">
          {t('exportKeysWarning')}
        </p>
      )}
      <div class="row">
        <button
          type="button"
          onClick={async () => {
            const r = await run(send('exportProfiles', { includeKeys }));
            if (!r) return;
            download(`maiagent-profiles-${new Date().toISOString().slice(0, 10)}.json`, r.json);
            onStatus(t('exported'));
          }}
        >
          {t('exportButton')}
        </button>
        <label class="field">
          {t('importLabel')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!file) return;
              const r = await run(send('importProfiles', { json: await file.text() }));
              if (!r) return;
              if (r.ok) {
                setRejected(null);
                onStatus(t('imported', String(r.count)));
              } else setRejected(r.rejected);
            }}
          />
        </label>
      </div>
      {rejected && (
        <div class="error" role="alert">
          <p>{t('importRejected')}</p>
          <ul>
            {rejected.map((r, i) => (
              <li key={i}>{r.index < 0 ? `${t('importFile')}${r.name ? ` (${r.name})` : ''}: ${t(r.reason)}` : `${t('importEntry', String(r.index + 1), r.name || '—')}: ${t(r.reason)}`}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
