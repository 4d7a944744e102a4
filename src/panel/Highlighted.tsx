// Text with the filter's words marked (as <mark> elements around text nodes, never markup from
// the text itself). Only the first matches are marked, so a huge body stays cheap.
import type { ComponentChildren } from 'preact';

const MAX_MARKS = 200;

/** Lower-cased words of the filter, as the row filter uses them. */
export function filterWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

export function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  if (words.length === 0 || text === '') return <>{text}</>;
  const lower = text.toLowerCase();
  const out: ComponentChildren[] = [];
  let at = 0;
  let marks = 0;
  while (marks < MAX_MARKS) {
    let best = -1;
    let len = 0;
    for (const w of words) {
      const i = lower.indexOf(w, at);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
        len = w.length;
      }
    }
    if (best < 0) break;
    if (best > at) out.push(text.slice(at, best));
    out.push(<mark key={best}>{text.slice(best, best + len)}</mark>);
    at = best + len;
    marks++;
  }
  out.push(text.slice(at));
  return <>{out}</>;
}
