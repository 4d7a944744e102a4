// The panel's rows and the selected one: rows arrive in bursts and are added once per frame, only
// the newest N are kept, bodies of requests outside the API are read when selected, and every key
// in a row is known (so masked) before the row is shown (useSecretTracker).
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Exchange } from '../core/exchange';
import { keepNewest } from '../core/filter';
import type { HarEntry } from '../core/har';
import type { Body } from './capture/body';
import { currentKeyChecks } from './key-checks';
import { buildRow, exchangeOf, fileSnapshot, pageOriginOf, sentKeyFingerprint, snapshotOf, type redirectLinker, type Row } from './model';
import { entryOf } from './resent-entry';
import type { PanelState } from './usePanelState';
import { useSecretTracker } from './useSecretTracker';

type Linker = ReturnType<typeof redirectLinker>;

/**
 * Where a row comes from. A captured row keeps the settings of this moment and the inspected page's
 * origin; a file's row none of the reader's settings. `link` finds the redirect each one followed.
 */
export type RowSource = { from: 'capture'; inspected: string | null; link: Linker } | { from: 'file'; link: Linker };

export function useRows(panel: PanelState, keep: number) {
  const [rows, setRows] = useState<Row[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const { secrets, tracker } = useSecretTracker(panel, rows);
  // The latest rows and limit, for callbacks that run after a render (a frame later, after an await).
  const rowsRef = useRef<Row[]>([]);
  const keepRef = useRef(keep);
  useLayoutEffect(() => {
    rowsRef.current = rows;
    keepRef.current = keep;
  });
  const nextIdRef = useRef(1);
  const pendingRef = useRef<Row[]>([]);
  const flushRef = useRef<number | null>(null);
  /** Bodies not read yet (requests outside the API), by row id. */
  const bodiesRef = useRef(new Map<number, () => Promise<Body>>());
  const { stateRef, knownKeys } = panel;

  /** Rows arrive in bursts; add them once per frame, and keep only the newest N. */
  const push = useCallback((row: Row) => {
    pendingRef.current.push(row);
    flushRef.current ??= requestAnimationFrame(() => {
      flushRef.current = null;
      const batch = pendingRef.current;
      pendingRef.current = [];
      setRows((rs) => keepNewest([...rs, ...batch], keepRef.current));
    });
  }, []);

  /** Shows `row` in place of the row with its id (waiting to be added, or already listed). */
  const replace = useCallback((row: Row) => {
    pendingRef.current = pendingRef.current.map((r) => (r.id === row.id ? row : r));
    setRows((rs) => rs.map((r) => (r.id === row.id ? row : r)));
  }, []);

  /** `body` null: the entry's own content is used (an imported file), or it is read later (`bodyLoaded` false). */
  const rowFrom = useCallback(
    async (
      entry: HarEntry,
      body: Body | null,
      source: RowSource,
      o: { bodyLoaded: boolean; id?: number | undefined; requestTruncated?: boolean },
    ) => {
      const exchange = exchangeOf(entry, body, o.requestTruncated ?? false);
      // Before the row is shown: a key in it must already be one the panel masks.
      await tracker.scan(exchange, knownKeys());
      const snapshot =
        source.from === 'file'
          ? fileSnapshot(exchange)
          : snapshotOf(stateRef.current, currentKeyChecks(), exchange, pageOriginOf(exchange, source.inspected));
      const redirectedFrom = source.link(exchange);
      return buildRow({
        id: o.id ?? nextIdRef.current++,
        entry,
        exchange,
        snapshot,
        sentFingerprint: await sentKeyFingerprint(exchange),
        redirectedFrom,
        bodyLoaded: o.bodyLoaded,
        bodyFailure: body?.failure,
      });
    },
    [knownKeys, stateRef, tracker],
  );

  const select = useCallback(
    async (id: number) => {
      setSelected(id);
      const read = bodiesRef.current.get(id);
      if (!read) return;
      bodiesRef.current.delete(id);
      const body = await read();
      const row = rowsRef.current.find((r) => r.id === id);
      if (!row) return;
      const exchange = exchangeOf(row.entry, body);
      await tracker.scan(exchange, knownKeys());
      // The fields by name: a spread of the row would make its old diagnosis and search text (getters).
      const { entry, snapshot, sentFingerprint, redirectedFrom, resent } = row;
      const loaded = buildRow({
        id,
        entry,
        exchange,
        snapshot,
        sentFingerprint,
        redirectedFrom,
        resent,
        bodyLoaded: true,
        bodyFailure: body.failure,
      });
      setRows((rs) => rs.map((r) => (r.id === id ? loaded : r)));
    },
    [knownKeys, tracker],
  );

  /** An answer to "Resend": a new row, marked, selected, explained like any other. */
  const addResent = useCallback(
    async (ex: Exchange, sentFingerprint: string | null) => {
      // The answer may repeat the key that was sent: known before the row is shown, like any row.
      await tracker.scan(ex, knownKeys());
      // Sent by the extension itself: no page, the settings of now.
      const snapshot = snapshotOf(stateRef.current, currentKeyChecks(), ex, null);
      const row = buildRow({
        id: nextIdRef.current++,
        entry: entryOf(ex),
        exchange: ex,
        snapshot,
        sentFingerprint,
        redirectedFrom: null,
        bodyLoaded: true,
        resent: true,
      });
      setRows((rs) => keepNewest([...rs, row], keepRef.current));
      setSelected(row.id);
    },
    [knownKeys, stateRef, tracker],
  );

  /** A body to read when its row is selected. */
  const keepBody = useCallback((id: number, read: () => Promise<Body>) => void bodiesRef.current.set(id, read), []);

  /** Every row gone (Clear, a navigation without "Preserve log"), or replaced by a file's rows: rows still waiting for a frame and unread bodies too. */
  const reset = useCallback((next: Row[] = []) => {
    if (flushRef.current !== null) cancelAnimationFrame(flushRef.current);
    flushRef.current = null;
    pendingRef.current = [];
    bodiesRef.current.clear();
    setRows(keepNewest(next, keepRef.current));
    setSelected(null);
  }, []);

  return {
    rows,
    selected,
    current: rows.find((r) => r.id === selected),
    secrets,
    /** Every secret found so far, for an export made now. */
    currentSecrets: () => tracker.secrets,
    keepBody,
    push,
    replace,
    rowFrom,
    select,
    addResent,
    reset,
    /** A new "keep the last N": applied to the rows listed now too. */
    trim: (n: number) => setRows((rs) => keepNewest(rs, n)),
  };
}

export type Rows = ReturnType<typeof useRows>;
