// The request list: a virtualised listbox, so 10,000 rows scroll smoothly (only the visible
// rows exist in the DOM). Keyboard: arrows, Page Up/Down, Home/End.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatDuration, formatSize, formatTime, isError } from '../core/filter';
import { t } from '../shared/i18n';
import type { Row } from './model';

export const ROW_HEIGHT = 22;
const OVERSCAN = 8;

export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

interface Props {
  rows: readonly Row[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** The listbox's id, for the divider's aria-controls. */
  id?: string;
}

export function RequestList({ rows, selectedId, onSelect, id }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // The first visible row, not the pixel offset: scrolling within a row changes nothing to draw.
  const [topRow, setTopRow] = useState(0);
  const [height, setHeight] = useState(400);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    setHeight(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  const index = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId);

  // Keep the selected row in view when it moves by keyboard.
  useEffect(() => {
    const el = box.current;
    if (!el || index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [index]);

  const onKey = (e: KeyboardEvent) => {
    if (rows.length === 0) return;
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(rows.length - 1, index < 0 && e.key === 'ArrowDown' ? 0 : moves[e.key]!));
    onSelect(rows[next]!.id);
  };

  const first = Math.max(0, topRow - OVERSCAN);
  const last = Math.min(rows.length, topRow + Math.ceil(height / ROW_HEIGHT) + 1 + OVERSCAN);
  const visible = rows.slice(first, last);
  const current = index >= 0 ? rows[index] : undefined;

  return (
    <div class="list-wrap">
      <div class="row head" aria-hidden="true">
        <span class="time" title={t('colTime')}>{t('colTime')}</span>
        <span title={t('colMethod')}>{t('colMethod')}</span>
        <span title={t('colPath')}>{t('colPath')}</span>
        <span title={t('colStatus')}>{t('colStatus')}</span>
        <span title={t('colSummary')}>{t('colSummary')}</span>
        <span class="num dur" title={t('colDuration')}>{t('colDuration')}</span>
        <span class="num size" title={t('colSize')}>{t('colSize')}</span>
      </div>
      <div
        ref={box}
        id={id}
        class="list"
        role="listbox"
        aria-label={t('panelRequests')}
        tabIndex={0}
        aria-activedescendant={current ? `row-${current.id}` : undefined}
        onKeyDown={onKey}
        onScroll={(e) => setTopRow(Math.floor(e.currentTarget.scrollTop / ROW_HEIGHT))}
      >
        {rows.length === 0 && <p class="muted empty">{t('panelEmpty')}</p>}
        <div class="spacer" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {visible.map((r, i) => (
            <div
              key={i}
              id={`row-${r.id}`}
              data-row-id={r.id}
              role="option"
              aria-selected={r.id === selectedId}
              aria-posinset={first + i + 1}
              aria-setsize={rows.length}
              class={`row ${isError(r.exchange.status) ? 'bad' : ''}`}
              style={{ top: `${(first + i) * ROW_HEIGHT}px` }}
              onClick={() => onSelect(r.id)}
            >
              <span class="time" title={formatTime(r.exchange.startedAt)}>{formatTime(r.exchange.startedAt)}</span>
              <span class="method" title={r.exchange.method}>{r.exchange.method}</span>
              <span class="path" title={r.exchange.url}>
                {pathOf(r.exchange.url)}
              </span>
              <span class="status">{r.exchange.status || '—'}</span>
              <span class="summary" title={r.summary}>
                {r.resent && <span class="badge">{t('resentBadge')}</span>}
                {r.summary}
              </span>
              <span class="num dur">{formatDuration(r.exchange.durationMs)}</span>
              <span class="num size">{formatSize(r.exchange.size)}</span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
