import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { harToExchange } from '../core/har';
import { DEFAULT_API_ORIGIN } from '../core/settings';
import { t, tm } from '../shared/i18n';
import { send, type PublicState } from '../shared/protocol';
import { onSettingsChanged } from '../shared/store';
import { existingEntries, inspectedOrigin, onNavigated, onRequest, type Captured } from './capture';
import { Details } from './Details';
import { buildRow, pageOriginOf, sentKeyFingerprint, type Row } from './model';

const MAX_ROWS = 5000;

export function summaryText(row: Row): string {
  const d = row.diagnosis.decoded;
  return d.serverMessage ? `${tm(d.meaning)} — ${d.serverMessage}` : tm(d.meaning);
}

export function Panel() {
  const [state, setState] = useState<PublicState | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const stateRef = useRef<PublicState | null>(null);
  const nextId = useRef(1);
  const listRef = useRef<HTMLDivElement>(null);

  const apiOrigins = useCallback((): string[] => {
    const s = stateRef.current;
    return s && Object.keys(s.active).length ? Object.keys(s.active) : [DEFAULT_API_ORIGIN];
  }, []);
  const accept = useCallback((url: string) => {
    try {
      return apiOrigins().includes(new URL(url).origin);
    } catch {
      return false;
    }
  }, [apiOrigins]);

  const add = useCallback(async (c: Captured) => {
    const body = await c.body;
    const ex = harToExchange(c.entry, body);
    const page = pageOriginOf(ex, await inspectedOrigin());
    const fp = await sentKeyFingerprint(ex);
    const row = buildRow(nextId.current++, ex, stateRef.current, page, fp);
    setRows((rs) => (rs.length >= MAX_ROWS ? [...rs.slice(rs.length - MAX_ROWS + 1), row] : [...rs, row]));
  }, []);

  const refreshState = useCallback(async () => {
    try {
      const s = await send('getState', {});
      stateRef.current = s;
      setState(s);
    } catch {
      /* the panel still decodes without settings; diagnosis just knows less */
    }
  }, []);

  useEffect(() => {
    void (async () => {
      await refreshState();
      onSettingsChanged(() => void refreshState());
      for (const c of await existingEntries(accept)) await add(c);
      onRequest(accept, (c) => void add(c));
      onNavigated(() => undefined);
    })();
  }, [accept, add, refreshState]);

  // Re-diagnose when settings change (e.g. the user saved a key or allowed a site).
  useEffect(() => {
    setRows((rs) => rs.map((r) => buildRow(r.id, r.exchange, state, r.pageOrigin, r.sentFingerprint)));
  }, [state]);

  const index = useMemo(() => rows.findIndex((r) => r.id === selected), [rows, selected]);
  const current = index >= 0 ? rows[index] : undefined;

  const onKey = (e: KeyboardEvent) => {
    if (!rows.length) return;
    let i = index;
    if (e.key === 'ArrowDown') i = Math.min(rows.length - 1, index + 1);
    else if (e.key === 'ArrowUp') i = Math.max(0, index - 1);
    else if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = rows.length - 1;
    else return;
    e.preventDefault();
    setSelected(rows[i]!.id);
    listRef.current?.querySelector(`[data-row-id="${rows[i]!.id}"]`)?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <div class="panel">
      <div class="toolbar" role="toolbar">
        <button type="button" onClick={() => { setRows([]); setSelected(null); }}>
          {t('clear')}
        </button>
      </div>
      <div class="split">
        <div class="list" role="listbox" aria-label={t('panelRequests')} tabIndex={0} onKeyDown={onKey} ref={listRef}
          aria-activedescendant={current ? `row-${current.id}` : undefined}>
          {rows.length === 0 && <p class="muted empty">{t('panelEmpty')}</p>}
          {rows.map((r) => (
            <div
              key={r.id}
              id={`row-${r.id}`}
              data-row-id={r.id}
              role="option"
              aria-selected={r.id === selected}
              class={`row ${r.exchange.status >= 400 || r.exchange.status === 0 ? 'bad' : ''}`}
              onClick={() => setSelected(r.id)}
            >
              <span class="method">{r.exchange.method}</span>
              <span class="path">{pathOf(r.exchange.url)}</span>
              <span class="status">{r.exchange.status || '—'}</span>
              <span class="summary">{summaryText(r)}</span>
            </div>
          ))}
        </div>
        <section class="details" aria-label={t('panelDetails')}>
          {current ? <Details row={current} /> : <p class="muted">{t('selectRow')}</p>}
        </section>
      </div>
    </div>
  );
}

export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}
