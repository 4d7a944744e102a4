// Panel-wide keys: "/" or Ctrl/Cmd+F focuses the filter; Alt+1…4 jumps to a section of the details.
import { useEffect } from 'preact/hooks';
import { jumpTo } from './DetailNav';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export function usePanelShortcuts(filter: { current: HTMLInputElement | null }): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const find = (e.key === 'f' || e.key === 'F') && (e.ctrlKey || e.metaKey) && !e.altKey;
      if (find || (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target))) {
        e.preventDefault();
        filter.current?.focus();
        filter.current?.select();
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[1-4]$/.test(e.code)) {
        if (jumpTo(Number(e.code.slice(5)) - 1)) e.preventDefault();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [filter]);
}
