// Numbers as the panel shows them: sizes, durations and clock times in the Network panel's style.

/** Format a byte count as the Network panel does: B, kB, MB. */
export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined || bytes < 0) return '—';
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Local time of day to the millisecond (`14:03:07.250`). */
export function formatTime(epochMs: number | undefined): string {
  if (epochMs === undefined) return '—';
  const d = new Date(epochMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}
