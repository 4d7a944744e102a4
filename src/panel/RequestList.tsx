// The request list: a virtualised listbox, so 10,000 rows scroll smoothly (only the visible
// rows exist in the DOM). Keyboard: arrows, Page Up/Down, Home/End.
import { Component } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isError } from '../core/filter';
import { formatDuration, formatSize, formatTime } from '../core/format';
import { t } from '../shared/i18n';
import { urlNotCanonical } from '../core/export';
import { maskText, NO_SECRETS, type Secrets } from '../core/secrets';
import type { Row } from './model';

const ROW_HEIGHT = 22;
const OVERSCAN = 8;

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

interface RowProps {
  row: Row;
  /** 0-based position in the list. */
  pos: number;
  setSize: number;
  selected: boolean;
  onSelect: (id: number) => void;
  /** Keys to show masked wherever a URL or a server's message repeats them. */
  secrets: Secrets;
}

/**
 * One row, re-rendered only when what it shows changes: while scrolling, rows that stay in view
 * cost nothing.
 */
class RequestRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    const p = this.props;
    return (
      next.row !== p.row || next.pos !== p.pos || next.setSize !== p.setSize || next.selected !== p.selected || next.secrets !== p.secrets
    );
  }

  // Reads the props at click time: a skipped update still hands the row the newest onSelect.
  private onClick = () => this.props.onSelect(this.props.row.id);

  override render() {
    const { row: r, pos, setSize, selected, secrets } = this.props;
    const mask = (s: string) => maskText(s, secrets);
    return (
      <div
        id={`row-${r.id}`}
        data-row-id={r.id}
        role="option"
        aria-selected={selected}
        aria-posinset={pos + 1}
        aria-setsize={setSize}
        class={`row ${isError(r.exchange.status) ? 'bad' : ''}`}
        style={{ top: `${pos * ROW_HEIGHT}px` }}
        onClick={this.onClick}
      >
        <span class="time" title={formatTime(r.exchange.startedAt)}>
          {formatTime(r.exchange.startedAt)}
        </span>
        <span class="method" title={r.exchange.method}>
          {r.exchange.method}
        </span>
        <span class="path" title={mask(r.exchange.url)}>
          {/* A URL written to be read two ways (an imported `host\@other`) is flagged in the list too. */}
          {urlNotCanonical(r.exchange.url) && (
            <span class="flag" role="img" aria-label={t('urlNotCanonicalRow')} title={t('urlNotCanonicalRow')}>
              ⚠{' '}
            </span>
          )}
          {mask(pathOf(r.exchange.url))}
        </span>
        <span class="status">{r.exchange.status || '—'}</span>
        <span class="summary" title={mask(r.summary)}>
          {r.resent && <span class="badge">{t('resentBadge')}</span>}
          {mask(r.summary)}
        </span>
        <span class="num dur">{formatDuration(r.exchange.durationMs)}</span>
        <span class="num size">{formatSize(r.exchange.size)}</span>
      </div>
    );
  }
}

interface Props {
  rows: readonly Row[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** Keys to show masked wherever a URL or a server's message repeats them. */
  secrets?: Secrets;
  /** The listbox's id, for the divider's aria-controls. */
  id?: string;
}

export function RequestList({ rows, selectedId, onSelect, secrets = NO_SECRETS, id }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  // The first visible row, not the pixel offset: scrolling within a row changes nothing to draw.
  const [topRow, setTopRow] = useState(0);
  const [height, setHeight] = useState(400);

  useLayoutEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    setHeight(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  const index = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId);

  // Keep the selected row in view when it moves by keyboard.
  useEffect(() => {
    const el = boxRef.current;
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

  // At most `slots` rows are drawn, each in the slot (element) numbered by its position modulo
  // `slots`, and the elements stay in slot order: a row keeps its element while it is in view,
  // and a row scrolling in takes over, in place, the element of one that scrolled out. So
  // scrolling creates, drops and moves no element — only new rows' text changes — which keeps
  // style work per frame small and leaves the garbage collector no elements to sweep (a major
  // GC in the middle of a scroll was the longest task). The DOM order is not what is seen (the
  // rows are absolutely positioned) nor the position announced (aria-posinset/aria-setsize).
  const slots = Math.ceil(height / ROW_HEIGHT) + 1 + 2 * OVERSCAN;
  const first = Math.max(0, topRow - OVERSCAN);
  const last = Math.min(rows.length, topRow + Math.ceil(height / ROW_HEIGHT) + 1 + OVERSCAN);
  const bySlot: { r: Row; pos: number }[] = [];
  for (let pos = first; pos < last; pos++) bySlot[pos % slots] = { r: rows[pos]!, pos };
  const current = index >= 0 ? rows[index] : undefined;

  return (
    <div class="list-wrap">
      <div class="row head" aria-hidden="true">
        <span class="time" title={t('colTime')}>
          {t('colTime')}
        </span>
        <span title={t('colMethod')}>{t('colMethod')}</span>
        <span title={t('colPath')}>{t('colPath')}</span>
        <span title={t('colStatus')}>{t('colStatus')}</span>
        <span title={t('colSummary')}>{t('colSummary')}</span>
        <span class="num dur" title={t('colDuration')}>
          {t('colDuration')}
        </span>
        <span class="num size" title={t('colSize')}>
          {t('colSize')}
        </span>
      </div>
      <div
        ref={boxRef}
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
          {bySlot.filter(Boolean).map(({ r, pos }) => (
            <RequestRow
              key={pos % slots}
              row={r}
              pos={pos}
              setSize={rows.length}
              selected={r.id === selectedId}
              onSelect={onSelect}
              secrets={secrets}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
