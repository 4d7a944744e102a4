// Export profiles to JSON (keys only when the user ticks the warned box) and import them back.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send, type Imported, type PublicState } from '../shared/protocol';
import { buildExportFile, parseImport, type Rejection } from '../core/profiles-file';
import { download } from '../ui/download';
import type { Run } from '../ui/useAppState';

/**
 * Profiles files are small; a larger one is refused before it is read or sent to the background.
 * (Here, not in the core's constants: that module is part of the worker, which has a size budget.)
 */
const PROFILES_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** More rejections than this are summed up in one line: a hostile file may have thousands. */
const SHOWN_REJECTIONS = 20;

export function TransferSection({ state, run, onStatus }: { state: PublicState; run: Run; onStatus: (s: string) => void }) {
  const [includeKeys, setIncludeKeys] = useState(false);
  const [rejected, setRejected] = useState<Rejection[] | null>(null);
  const [done, setDone] = useState<Imported | null>(null);
  const fileProblem = (reasons: Rejection['reason'] | Rejection[]) => {
    setDone(null);
    setRejected(typeof reasons === 'string' ? [{ index: -1, name: '', reason: reasons }] : reasons);
  };
  const exportProfiles = async () => {
    // Keys come from the background only when the user ticked the warned box.
    const keys = await Promise.all(
      state.profiles.map((p) => (includeKeys ? run(send('revealKey', { profileId: p.id })) : Promise.resolve(null))),
    );
    if (keys.some((r) => r && !r.ok)) return;
    const profiles = state.profiles.map((p, i) => {
      const r = keys[i];
      return { ...p, key: r?.ok ? r.value.key : '' };
    });
    const file = buildExportFile({ profiles, sites: state.sites.map((s) => s.origin) }, includeKeys, new Date());
    download(`maiagent-profiles-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(file, null, 2));
    onStatus(t('exported'));
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Refused before it is read: a huge file would only be sent to the background to fail there.
    if (file.size > PROFILES_FILE_MAX_BYTES) return fileProblem('importTooLarge');
    let json: string;
    try {
      json = await file.text();
    } catch {
      return fileProblem('importUnreadable');
    }
    // Parsed here, with the profiles the page shows; the background checks the entries again
    // against what it has stored.
    const parsed = parseImport(json, new Map(state.profiles.map((p) => [p.name, p.origins])));
    if (!parsed.ok) return fileProblem(parsed.rejected);
    const r = await run(send('importProfiles', { profiles: parsed.profiles, sites: parsed.sites }));
    if (r.ok) {
      setRejected(null);
      setDone(r.value);
      onStatus(t('imported', String(r.value.count)));
    } else fileProblem(r.rejected ?? [{ index: -1, name: '', reason: r.problem }]);
  };
  const undoImport = async (imported: Imported) => {
    const r = await run(send('undoImport', { profileIds: imported.added, sites: imported.sitesAdded }));
    setDone(null);
    onStatus(r.ok ? t('importUndone') : t(r.problem));
  };

  return (
    <section aria-labelledby="transfer-h">
      <h2 id="transfer-h">{t('transferHeading')}</h2>
      <div class="row">
        <label class="row">
          <input
            type="checkbox"
            checked={includeKeys}
            onChange={(e) => setIncludeKeys(e.currentTarget.checked)}
            aria-describedby="keys-warning"
          />
          {t('exportIncludeKeys')}
        </label>
      </div>
      {includeKeys && (
        <p id="keys-warning" class="warning" role="alert">
          {t('exportKeysWarning')}
        </p>
      )}
      <div class="row">
        <button type="button" onClick={() => void exportProfiles()}>
          {t('exportButton')}
        </button>
        <label class="field">
          {t('importLabel')}
          <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget)} />
        </label>
      </div>
      {done && (done.renamed.length > 0 || done.added.length > 0 || done.sitesAdded.length > 0) && (
        <div class="row" role="status">
          {done.renamed.map((r, i) => (
            <p key={i}>{t('importRenamed', r.from, r.to)}</p>
          ))}
          <button type="button" onClick={() => void undoImport(done)}>
            {t('importUndo')}
          </button>
        </div>
      )}
      {rejected && (
        <div class="error" role="alert">
          <p>{t('importRejected')}</p>
          <ul>
            {rejected.length > SHOWN_REJECTIONS && <li>{t('importMore', String(rejected.length - SHOWN_REJECTIONS))}</li>}
            {rejected.slice(0, SHOWN_REJECTIONS).map((r, i) => (
              <li key={i}>
                {r.index < 0
                  ? `${t('importFile')}${r.name ? ` (${r.name})` : ''}: ${t(r.reason)}`
                  : `${t('importEntry', String(r.index + 1), r.name || '—')}: ${t(r.reason)}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
