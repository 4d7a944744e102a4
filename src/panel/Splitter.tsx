// The divider between the request list and the details: drag it, or focus it and use the arrow
// keys (Page Up/Down for big steps, Home/End for the limits). Its value is the list's share in percent.
import { useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { SPLIT_MAX, SPLIT_MIN, clampSplit } from './usePanelSettings';

interface Props {
  value: number;
  onChange: (percent: number) => void;
  controls: string;
}

const STEPS: Record<string, number> = { ArrowLeft: -2, ArrowRight: 2, ArrowUp: 2, ArrowDown: -2, PageUp: 10, PageDown: -10 };

export function Splitter({ value, onChange, controls }: Props) {
  const self = useRef<HTMLDivElement>(null);

  const onKey = (e: KeyboardEvent) => {
    let next: number | null = null;
    if (e.key in STEPS) next = value + STEPS[e.key]!;
    else if (e.key === 'Home') next = SPLIT_MIN;
    else if (e.key === 'End') next = SPLIT_MAX;
    if (next === null) return;
    e.preventDefault();
    onChange(clampSplit(next));
  };

  const onPointerDown = (e: PointerEvent) => {
    const el = self.current;
    const box = el?.parentElement?.getBoundingClientRect();
    if (!el || !box || box.width === 0) return;
    e.preventDefault();
    el.setPointerCapture(e.pointerId);
    el.focus();
    const move = (m: PointerEvent) => onChange(clampSplit(((m.clientX - box.left) / box.width) * 100));
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };

  return (
    <div
      ref={self}
      class="splitter"
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={t('splitterLabel')}
      aria-controls={controls}
      aria-valuenow={value}
      aria-valuemin={SPLIT_MIN}
      aria-valuemax={SPLIT_MAX}
      title={t('splitterHint')}
      onKeyDown={onKey}
      onPointerDown={onPointerDown}
    />
  );
}
