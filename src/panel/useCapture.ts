// The panel's side of the capture session: each captured request becomes a row (API requests with
// their body read at once, others read when selected), a navigation clears the list unless the log
// is preserved, and every start-up step that failed, or a request that could not be listed, is said.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { devtoolsTheme } from '../platform/devtools';
import { onSettingsChanged } from '../ui/snapshot';
import { jobQueue } from './capture/queue';
import type { CaptureEvent, CaptureProblem, CaptureSession, Captured } from './capture/session';
import { watchKeyChecks } from './key-checks';
import { redirectLinker } from './model';
import type { PanelSettings } from './usePanelSettings';
import type { PanelState } from './usePanelState';
import type { Rows } from './useRows';

/** What went wrong while capturing, with what DevTools (or the code) said. */
export type CaptureProblems = Partial<Record<CaptureProblem | 'showFailed', string>>;

export function useCapture(capture: CaptureSession | null, panel: PanelState, rows: Rows, settings: PanelSettings) {
  const [showReloadHint, setShowReloadHint] = useState(false);
  /** Start-up steps that failed, with what DevTools said; the panel says so instead of looking empty. */
  const [problems, setProblems] = useState<CaptureProblems>({});
  const settingsRef = useRef(settings);
  useLayoutEffect(() => {
    settingsRef.current = settings;
  });
  const linkRef = useRef(redirectLinker());
  /** The inspected page's origin, asked once and again after each navigation, not per request. */
  const inspectedRef = useRef<string | null>(null);
  /** Which row shows each capture slot, so a request the backlog had half done can be replaced. */
  const slotRowsRef = useRef(new Map<number, number>());
  const backlogHadApiRef = useRef(false);
  const { isApi, refreshState } = panel;
  const { rowFrom, push, replace, reset, keepBody } = rows;

  /** The list was emptied: no slot shows a row, and no request is missing from it any more. */
  const forgetSlots = useCallback(() => {
    slotRowsRef.current.clear();
    setProblems(({ showFailed: _, ...rest }) => rest);
  }, []);

  const addCaptured = useCallback(
    async (c: Captured, slot: number, again: boolean) => {
      const api = isApi(c.entry.request.url);
      if (!api && !settingsRef.current.allRequests) return;
      const shownIn = again ? slotRowsRef.current.get(slot) : undefined;
      // API bodies are read right away for the summary; other requests' bodies only when selected.
      const source = { from: 'capture', inspected: inspectedRef.current, link: linkRef.current } as const;
      const row = await rowFrom(c.entry, api ? await c.body() : null, source, { bodyLoaded: api, id: shownIn });
      if (!api) keepBody(row.id, c.body);
      slotRowsRef.current.set(slot, row.id);
      if (shownIn === undefined) push(row);
      else replace(row);
    },
    [isApi, rowFrom, push, replace, keepBody],
  );

  const onCapture = useCallback(
    async (e: CaptureEvent) => {
      switch (e.kind) {
        case 'request':
          if (e.fromBacklog && isApi(e.request.entry.request.url)) backlogHadApiRef.current = true;
          return addCaptured(e.request, e.slot, e.replace);
        case 'ready':
          return setShowReloadHint(!backlogHadApiRef.current);
        case 'origin':
          inspectedRef.current = e.origin;
          return setProblems(({ originFailed: _, ...rest }) => rest);
        case 'problem':
          return setProblems((p) => ({ ...p, [e.problem]: e.detail }));
        case 'navigated':
          if (!settingsRef.current.preserve) {
            reset();
            forgetSlots();
          }
      }
    },
    [addCaptured, isApi, reset, forgetSlots],
  );

  useEffect(() => {
    const theme = devtoolsTheme();
    if (theme) document.documentElement.dataset.theme = theme;
    // Rows keep the settings of the moment they are captured: capture waits for the first answer
    // (refreshState never throws; without an answer the settings are recorded as unknown).
    const ready = Promise.all([refreshState(), watchKeyChecks()]);
    onSettingsChanged(() => void refreshState());
    // A request that cannot be made a row is not dropped without a word: the panel says so.
    // Named, not quoted: the error's message may hold what the request carried (a key among it).
    const run = jobQueue(ready, (err) => setProblems((p) => ({ ...p, showFailed: err instanceof Error ? err.name : typeof err })));
    capture?.listen((e) => void run(() => onCapture(e)));
  }, [capture, onCapture, refreshState]);

  return {
    problems,
    showReloadHint,
    hideReloadHint: () => setShowReloadHint(false),
    forgetSlots,
  };
}
