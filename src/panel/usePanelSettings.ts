// Panel preferences (not secrets): kept in the panel page's localStorage.
import { useEffect, useState } from 'preact/hooks';

export interface PanelSettings {
  keep: number;
  preserve: boolean;
  allRequests: boolean;
  /** Share of the width the request list takes when list and details sit side by side (percent). */
  split: number;
  /** Show CORS preflight (OPTIONS) requests. */
  preflight: boolean;
}

const KEY = 'maiagent-panel-settings';
export const SPLIT_MIN = 20;
export const SPLIT_MAX = 80;
const DEFAULT_PANEL_SETTINGS: PanelSettings = { keep: 5000, preserve: false, allRequests: false, split: 55, preflight: false };
export const KEEP_MIN = 100;
export const KEEP_MAX = 100_000;

export const clampSplit = (n: number): number => Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, Math.round(n)));

function load(): PanelSettings {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<PanelSettings>;
    const keep = typeof v.keep === 'number' && v.keep >= KEEP_MIN && v.keep <= KEEP_MAX ? Math.round(v.keep) : DEFAULT_PANEL_SETTINGS.keep;
    const split = typeof v.split === 'number' && Number.isFinite(v.split) ? clampSplit(v.split) : DEFAULT_PANEL_SETTINGS.split;
    return { keep, preserve: v.preserve === true, allRequests: v.allRequests === true, split, preflight: v.preflight === true };
  } catch {
    return DEFAULT_PANEL_SETTINGS;
  }
}

export function usePanelSettings() {
  const [settings, setSettings] = useState<PanelSettings>(load);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, JSON.stringify(settings));
    } catch {
      /* storage may be unavailable; the defaults still work */
    }
  }, [settings]);
  return [settings, setSettings] as const;
}
