// The MaiAgent panel: captures the inspected tab's API requests (or shows an imported HAR file)
// and explains each response. The work is in hooks: the extension's settings (usePanelState), the
// rows (useRows), capture (useCapture) and HAR files (useHarFile); this file lays the page out.
import { useMemo, useRef, useState } from 'preact/hooks';
import { compileFilter, keepsAll, NO_FILTER, type RowFilter } from '../core/filter';
import { isPreflight } from '../core/preflight';
import { t } from '../shared/i18n';
import { reloadInspected } from '../platform/devtools';
import { FirstRunTip } from '../ui/FirstRunTip';
import type { CaptureSession } from './capture/session';
import { Details } from './Details';
import { filterWords } from './Highlighted';
import { RequestList } from './RequestList';
import { Splitter } from './Splitter';
import { StartupProblems } from './StartupProblems';
import { Toolbar } from './Toolbar';
import { useCapture } from './useCapture';
import { useHarFile } from './useHarFile';
import { usePanelSettings } from './usePanelSettings';
import { usePanelShortcuts } from './usePanelShortcuts';
import { usePanelState } from './usePanelState';
import { useRows } from './useRows';

/**
 * Reading a body, or looking for stored keys in it (a selected row, a resent answer), failed: the body stays unshown (it may hold a
 * key the panel could not look for) and the console says why, without the body.
 */
const warnUnshown = (e: unknown) => console.warn('the response body could not be shown:', e instanceof Error ? e.name : typeof e);

/** `capture` is null when the panel is opened in a tab (a HAR viewer). */
export function Panel({ capture }: { capture: CaptureSession | null }) {
  const devtools = capture !== null;
  const [settings, setSettings] = usePanelSettings();
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const panel = usePanelState();
  const rows = useRows(panel, settings.keep);
  const captured = useCapture(capture, panel, rows, settings);
  const har = useHarFile(rows);
  const { state, stateFailed, refreshState } = panel;

  // Hidden preflights are not counted as filtered out: "3 of 5" is about the user's filters.
  const listed = useMemo(
    () => (settings.preflight ? rows.rows : rows.rows.filter((r) => !isPreflight(r.exchange.method, r.exchange.requestHeaders))),
    [rows.rows, settings.preflight],
  );
  const visible = useMemo(() => {
    // No filter: no row's search text is made (see model.ts), so 10,000 imported rows hold none.
    if (keepsAll(filter)) return listed;
    const keep = compileFilter(filter);
    // A getter: a filter on status alone makes no row's search text either.
    return listed.filter((r) =>
      keep({
        status: r.exchange.status,
        get search() {
          return r.search;
        },
      }),
    );
  }, [listed, filter]);
  const filterBox = useRef<HTMLInputElement>(null);
  usePanelShortcuts(filterBox);
  const words = useMemo(() => filterWords(filter.text), [filter.text]);
  const current = rows.current;

  const clear = () => {
    rows.reset();
    captured.forgetSlots();
    har.dismissNotice();
  };

  return (
    <main class="panel">
      <h1 class="sr-only">{t('panelTitle')}</h1>
      <Toolbar
        devtools={devtools}
        settings={settings}
        setSettings={setSettings}
        filter={filter}
        setFilter={setFilter}
        filterBox={filterBox}
        onClear={clear}
        onKeep={(keep) => {
          setSettings({ ...settings, keep });
          rows.trim(keep);
        }}
        onImport={(f) => void har.importHar(f)}
        onExport={() => har.exportHar(visible)}
        visible={visible.length}
        listed={listed.length}
      />
      {har.notice && (
        <div class="hint" role="status">
          <span>{har.notice}</span>
          <button type="button" onClick={har.dismissNotice}>
            {t('dismiss')}
          </button>
        </div>
      )}
      <StartupProblems
        problems={{ ...captured.problems, ...(stateFailed !== null ? { stateFailed } : {}) }}
        onRetryState={() => void refreshState()}
      />
      {devtools && captured.showReloadHint && rows.rows.length === 0 && (
        <div class="hint" role="status">
          <span>{t('reloadHint')}</span>
          <button
            type="button"
            onClick={() => {
              captured.hideReloadHint();
              reloadInspected();
            }}
          >
            {t('reloadPage')}
          </button>
        </div>
      )}
      {!devtools && rows.rows.length === 0 && <p class="hint">{t('harViewerHint')}</p>}
      {devtools && <FirstRunTip id="panel-overflow" text="tipPanelOverflow" />}
      <div class="split" style={{ '--split': `${settings.split}%` }}>
        <RequestList
          id="request-list"
          rows={visible}
          selectedId={rows.selected}
          onSelect={(id) => void rows.select(id).catch(warnUnshown)}
          secrets={rows.secrets}
        />
        <Splitter value={settings.split} controls="request-list" onChange={(split) => setSettings((s) => ({ ...s, split }))} />
        <section class="details" aria-label={t('panelDetails')} tabIndex={0}>
          {current ? (
            <Details
              row={current}
              state={state}
              secrets={rows.secrets}
              apiOrigins={panel.apiOrigins()}
              onResent={(ex, sentFingerprint) => void rows.addResent(ex, sentFingerprint).catch(warnUnshown)}
              words={words}
            />
          ) : (
            <p class="muted">{t('selectRow')}</p>
          )}
        </section>
      </div>
    </main>
  );
}
