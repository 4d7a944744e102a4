// The MaiAgent panel: captures the inspected tab's API requests (or shows an imported HAR file)
// and explains each response.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { compileFilter, keepNewest, NO_FILTER, type RowFilter, type StatusClass } from '../core/filter';
import { capImported, HAR_FILE_MAX_BYTES, HarError, harToExchange, parseHar, shorten, type HarEntry } from '../core/har';
import { NO_SECRETS, type KnownKey, type Secrets } from '../core/secrets';
import { toHar } from '../core/export';
import { DEFAULT_API_ORIGIN } from '../core/constants';
import { t } from '../shared/i18n';
import { send, type PublicState } from '../shared/protocol';
import { onSettingsChanged } from '../ui/snapshot';
import { devtoolsTheme, reloadInspected } from '../platform/devtools';
import type { Body } from './capture/body';
import type { CaptureEvent, CaptureProblem, CaptureSession, Captured } from './capture/session';
import { StartupProblems } from './StartupProblems';
import { Details } from './Details';
import { buildRow, fileSnapshot, pageOriginOf, redirectLinker, sentKeyFingerprint, snapshotOf, type Row } from './model';
import { currentKeyChecks, watchKeyChecks } from './key-checks';
import { RequestList } from './RequestList';
import { entryOf } from './resent-entry';
import type { Exchange } from '../core/exchange';
import { Splitter } from './Splitter';
import { isPreflight } from '../core/preflight';
import { filterWords } from './Highlighted';
import { usePanelShortcuts } from './usePanelShortcuts';
import { download } from '../ui/download';
import { FirstRunTip } from '../ui/FirstRunTip';
import { KEEP_MAX, KEEP_MIN, usePanelSettings } from './usePanelSettings';
import { extensionInfo } from './about';
import { SecretTracker } from './secrets';

const STATUS_CLASSES: StatusClass[] = ['all', '2xx', '3xx', '4xx', '5xx', 'failed'];

/** `capture` is null when the panel is opened in a tab (a HAR viewer). */
export function Panel({ capture }: { capture: CaptureSession | null }) {
  const devtools = capture !== null;
  const [settings, setSettings] = usePanelSettings();
  const [state, setState] = useState<PublicState | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [notice, setNotice] = useState<string | null>(null);
  const [showReloadHint, setShowReloadHint] = useState(false);
  /** Start-up steps that failed, with what DevTools said; the panel says so instead of looking empty. */
  const [problems, setProblems] = useState<Partial<Record<CaptureProblem | 'stateFailed', string>>>({});
  const stateRef = useRef<PublicState | null>(null);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const nextId = useRef(1);
  const pending = useRef<Row[]>([]);
  const flush = useRef<number | null>(null);
  // Keys found in what was captured, masked wherever the panel shows text and replaced in exports.
  const [secrets, setSecrets] = useState<Secrets>(NO_SECRETS);
  const tracker = useRef<SecretTracker | null>(null);
  tracker.current ??= new SecretTracker(setSecrets);
  const rowsRef = useRef<Row[]>([]);
  rowsRef.current = rows;
  const knownKeys = (): KnownKey[] => stateRef.current?.profiles.filter((p) => p.hasKey) ?? [];

  const apiOrigins = useCallback((): string[] => {
    const s = stateRef.current;
    const configured = s ? [...new Set(s.profiles.flatMap((p) => p.origins))] : [];
    return configured.length ? configured : [DEFAULT_API_ORIGIN];
  }, []);
  const isApi = useCallback(
    (url: string) => {
      try {
        return apiOrigins().includes(new URL(url).origin);
      } catch {
        return false;
      }
    },
    [apiOrigins],
  );

  /** Rows arrive in bursts; add them once per frame, and keep only the newest N. */
  const push = useCallback((row: Row) => {
    pending.current.push(row);
    flush.current ??= requestAnimationFrame(() => {
      flush.current = null;
      const batch = pending.current;
      pending.current = [];
      setRows((rs) => keepNewest([...rs, ...batch], settingsRef.current.keep));
    });
  }, []);

  const linkCaptured = useRef(redirectLinker());

  /**
   * `body` null: the entry's own content is used (an imported file), or it is read later (`bodyLoaded` false).
   * A captured row keeps the settings of this moment; a file's row (`link` given) none of the reader's.
   */
  const rowFrom = useCallback(
    async (
      entry: HarEntry,
      body: Body | null,
      inspected: string | null,
      bodyLoaded: boolean,
      id?: number,
      link?: ReturnType<typeof redirectLinker>,
      requestTruncated = false,
    ): Promise<Row> => {
      const exchange = { ...harToExchange(entry, body ?? undefined), responseTruncated: body?.truncated ?? false, requestTruncated };
      // Before the row is shown: a key in it must already be one the panel masks.
      await tracker.current!.scan(exchange, knownKeys());
      const snapshot = link
        ? fileSnapshot(exchange)
        : snapshotOf(stateRef.current, currentKeyChecks(), exchange, pageOriginOf(exchange, inspected));
      const redirectedFrom = (link ?? linkCaptured.current)(exchange);
      return buildRow({
        id: id ?? nextId.current++,
        entry,
        exchange,
        snapshot,
        sentFingerprint: await sentKeyFingerprint(exchange),
        redirectedFrom,
        bodyLoaded,
      });
    },
    [],
  );

  const bodies = useRef(new Map<number, Captured['body']>());

  /** The inspected page's origin, asked once and again after each navigation, not per request. */
  const inspected = useRef<string | null>(null);

  /** Which row shows each capture slot, so a request the backlog had half done can be replaced. */
  const slotRows = useRef(new Map<number, number>());
  const backlogHadApi = useRef(false);

  const addCaptured = useCallback(
    async (c: Captured, slot: number, replace: boolean) => {
      const api = isApi(c.entry.request.url);
      if (!api && !settingsRef.current.allRequests) return;
      const shownIn = replace ? slotRows.current.get(slot) : undefined;
      // API bodies are read right away for the summary; other requests' bodies only when selected.
      const row = await rowFrom(c.entry, api ? await c.body() : null, inspected.current, api, shownIn);
      if (!api) bodies.current.set(row.id, c.body);
      slotRows.current.set(slot, row.id);
      if (shownIn === undefined) return push(row);
      pending.current = pending.current.map((r) => (r.id === row.id ? row : r));
      setRows((rs) => rs.map((r) => (r.id === row.id ? row : r)));
    },
    [isApi, push, rowFrom],
  );

  const refreshState = useCallback(async () => {
    try {
      const r = await send('getState', {});
      if (!r.ok) throw new Error(t(r.problem));
      stateRef.current = r.value;
      setState(r.value);
      setProblems(({ stateFailed: _, ...rest }) => rest);
    } catch (e) {
      // The panel still decodes without settings, but the diagnosis knows less: say so.
      setProblems((p) => ({ ...p, stateFailed: e instanceof Error ? e.message : String(e) }));
    }
  }, []);

  /** Capture events, handled one after another so rows keep their order. */
  const onCapture = useCallback(
    async (e: CaptureEvent) => {
      switch (e.kind) {
        case 'request':
          if (e.fromBacklog && isApi(e.request.entry.request.url)) backlogHadApi.current = true;
          return addCaptured(e.request, e.slot, e.replace);
        case 'ready':
          return setShowReloadHint(!backlogHadApi.current);
        case 'origin':
          inspected.current = e.origin;
          return setProblems(({ originFailed: _, ...rest }) => rest);
        case 'problem':
          return setProblems((p) => ({ ...p, [e.problem]: e.detail }));
        case 'navigated':
          if (!settingsRef.current.preserve) {
            setRows([]);
            setSelected(null);
            slotRows.current.clear();
          }
      }
    },
    [addCaptured, isApi],
  );

  useEffect(() => {
    const theme = devtoolsTheme();
    if (theme) document.documentElement.dataset.theme = theme;
    // Rows keep the settings of the moment they are captured: capture waits for the first answer
    // (refreshState never throws; without an answer the settings are recorded as unknown).
    const ready: Promise<void> = Promise.all([refreshState(), watchKeyChecks()]).then(() => undefined);
    onSettingsChanged(() => void refreshState());
    let chain = ready;
    capture?.listen((e) => (chain = chain.then(() => onCapture(e)).catch(() => undefined)));
  }, [capture, onCapture, refreshState]);

  // A key saved later may already be in rows shown before: look for it there too.
  const knownSignature = state?.profiles.map((p) => p.fingerprint).join() ?? '';
  useEffect(() => {
    const known = knownKeys();
    if (known.length)
      void (async () => {
        for (const r of rowsRef.current) await tracker.current!.scan(r.exchange, known);
      })();
  }, [knownSignature]);

  // Hidden preflights are not counted as filtered out: "3 of 5" is about the user's filters.
  const listed = useMemo(
    () => (settings.preflight ? rows : rows.filter((r) => !isPreflight(r.exchange.method, r.exchange.requestHeaders))),
    [rows, settings.preflight],
  );
  const visible = useMemo(() => {
    const keep = compileFilter(filter);
    return listed.filter((r) => keep({ status: r.exchange.status, search: r.search }));
  }, [listed, filter]);
  const filterBox = useRef<HTMLInputElement>(null);
  usePanelShortcuts(filterBox);
  const words = useMemo(() => filterWords(filter.text), [filter.text]);
  const current = rows.find((r) => r.id === selected);

  const select = useCallback(async (id: number) => {
    setSelected(id);
    const read = bodies.current.get(id);
    if (!read) return;
    bodies.current.delete(id);
    const body = await read();
    const row = rowsRef.current.find((r) => r.id === id);
    if (row) await tracker.current!.scan(harToExchange(row.entry, body), knownKeys());
    setRows((rs) =>
      rs.map((r) =>
        r.id === id
          ? buildRow({ ...r, exchange: { ...harToExchange(r.entry, body), responseTruncated: body.truncated }, bodyLoaded: true })
          : r,
      ),
    );
  }, []);

  /** An answer to "Resend": a new row, marked, selected, explained like any other. */
  const addResent = useCallback(async (ex: Exchange, sentFingerprint: string | null) => {
    // The answer may repeat the key that was sent: known before the row is shown, like any row.
    await tracker.current!.scan(ex, knownKeys());
    // Sent by the extension itself: no page, the settings of now.
    const snapshot = snapshotOf(stateRef.current, currentKeyChecks(), ex, null);
    const row = buildRow({
      id: nextId.current++,
      entry: entryOf(ex),
      exchange: ex,
      snapshot,
      sentFingerprint,
      redirectedFrom: null,
      bodyLoaded: true,
      resent: true,
    });
    setRows((rs) => keepNewest([...rs, row], settingsRef.current.keep));
    setSelected(row.id);
  }, []);

  const importHar = async (file: File) => {
    const name = shorten(file.name, 60);
    try {
      // Refused before it is read: reading and parsing it could take the panel down.
      if (file.size > HAR_FILE_MAX_BYTES) throw new HarError('harTooLarge');
      const entries = parseHar(await file.text());
      const imported: Row[] = [];
      const link = redirectLinker();
      for (const e of entries) {
        // Bodies are cut like captured ones, in the row and in the entry it keeps.
        const c = capImported(e);
        imported.push(await rowFrom(c.entry, c.body, null, true, undefined, link, c.requestTruncated));
      }
      bodies.current.clear();
      setRows(keepNewest(imported, settings.keep));
      setSelected(null);
      setNotice(t('harImported', String(entries.length), name));
    } catch (e) {
      setNotice(t('harImportFailed', name, e instanceof HarError ? t(e.problem) : t('harUnreadable')));
    }
  };

  const exportHar = () => {
    const entries = visible.map((r) => ({
      ...r.entry,
      response: {
        ...r.entry.response,
        content: {
          ...(r.entry.response.content ?? {}),
          text: r.exchange.responseBody,
          ...(r.exchange.responseBase64 ? { encoding: 'base64' } : {}),
        },
      },
    }));
    download(`maiagent-${new Date().toISOString().replace(/[:.]/g, '-')}.har`, toHar(entries, extensionInfo(), tracker.current!.secrets));
  };

  return (
    <main class="panel">
      <h1 class="sr-only">{t('panelTitle')}</h1>
      <div class="toolbar" role="toolbar" aria-label={t('panelToolbar')}>
        <button
          type="button"
          onClick={() => {
            setRows([]);
            setSelected(null);
            bodies.current.clear();
            slotRows.current.clear();
            setNotice(null);
          }}
        >
          {t('clear')}
        </button>
        {devtools && (
          <>
            <label>
              <input
                type="checkbox"
                checked={settings.preserve}
                onChange={(e) => setSettings({ ...settings, preserve: e.currentTarget.checked })}
              />
              {t('preserveLog')}
            </label>
            <label>
              <input
                type="checkbox"
                role="switch"
                checked={settings.allRequests}
                onChange={(e) => setSettings({ ...settings, allRequests: e.currentTarget.checked })}
              />
              {t('allRequests')}
            </label>
          </>
        )}
        <input
          ref={filterBox}
          type="search"
          aria-label={t('filterLabel')}
          placeholder={t('filterPlaceholder')}
          aria-keyshortcuts="/ Control+F Meta+F"
          value={filter.text}
          onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
        />
        <label>
          <input
            type="checkbox"
            role="switch"
            checked={settings.preflight}
            onChange={(e) => setSettings({ ...settings, preflight: e.currentTarget.checked })}
          />
          {t('showPreflight')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={filter.errorsOnly}
            onChange={(e) => setFilter({ ...filter, errorsOnly: e.currentTarget.checked })}
          />
          {t('errorsOnly')}
        </label>
        <label>
          {t('statusClassLabel')}
          <select value={filter.statusClass} onChange={(e) => setFilter({ ...filter, statusClass: e.currentTarget.value as StatusClass })}>
            {STATUS_CLASSES.map((c) => (
              <option key={c} value={c}>
                {c === 'all' ? t('statusClassAll') : c === 'failed' ? t('statusClassFailed') : c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('keepLast')}
          <input
            type="number"
            min={KEEP_MIN}
            max={KEEP_MAX}
            step={100}
            value={settings.keep}
            onChange={(e) => {
              const keep = Math.min(KEEP_MAX, Math.max(KEEP_MIN, Math.round(Number(e.currentTarget.value) || settings.keep)));
              setSettings({ ...settings, keep });
              setRows((rs) => keepNewest(rs, keep));
            }}
          />
        </label>
        <label class="file-button">
          {t('importHar')}
          <input
            type="file"
            accept=".har,application/json"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f) void importHar(f);
            }}
          />
        </label>
        <button type="button" onClick={exportHar} disabled={visible.length === 0}>
          {t('exportHar')}
        </button>
        <span class="count muted" data-testid="row-count" aria-live="polite">
          {visible.length === listed.length ? String(listed.length) : t('rowCountFiltered', String(visible.length), String(listed.length))}
        </span>
      </div>
      {notice && (
        <div class="hint" role="status">
          <span>{notice}</span>
          <button type="button" onClick={() => setNotice(null)}>
            {t('dismiss')}
          </button>
        </div>
      )}
      <StartupProblems problems={problems} onRetryState={() => void refreshState()} />
      {devtools && showReloadHint && rows.length === 0 && (
        <div class="hint" role="status">
          <span>{t('reloadHint')}</span>
          <button
            type="button"
            onClick={() => {
              setShowReloadHint(false);
              reloadInspected();
            }}
          >
            {t('reloadPage')}
          </button>
        </div>
      )}
      {!devtools && rows.length === 0 && <p class="hint">{t('harViewerHint')}</p>}
      {devtools && <FirstRunTip id="panel-overflow" text="tipPanelOverflow" />}
      <div class="split" style={{ '--split': `${settings.split}%` }}>
        <RequestList id="request-list" rows={visible} selectedId={selected} onSelect={(id) => void select(id)} secrets={secrets} />
        <Splitter value={settings.split} controls="request-list" onChange={(split) => setSettings((s) => ({ ...s, split }))} />
        <section class="details" aria-label={t('panelDetails')} tabIndex={0}>
          {current ? (
            <Details row={current} state={state} secrets={secrets} apiOrigins={apiOrigins()} onResent={addResent} words={words} />
          ) : (
            <p class="muted">{t('selectRow')}</p>
          )}
        </section>
      </div>
    </main>
  );
}
