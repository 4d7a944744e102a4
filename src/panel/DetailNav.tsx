// Jump between the sections of the details (Explanation, Request, Response, Timing) with the
// buttons or Alt+1…4 from anywhere in the panel; the help button lists every shortcut.
import type { MessageKey } from '../core/messages';
import { t } from '../shared/i18n';

const SECTIONS: { id: string; label: MessageKey }[] = [
  { id: 'sec-explanation', label: 'sectionExplanation' },
  { id: 'sec-request', label: 'sectionRequest' },
  { id: 'sec-response', label: 'sectionResponse' },
  { id: 'sec-timing', label: 'sectionTiming' },
];

/** Scroll a section's heading to the top of the details and put the focus on it. */
export function jumpTo(index: number): boolean {
  const el = document.getElementById(SECTIONS[index]?.id ?? '');
  if (!el) return false;
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
  return true;
}

export function DetailNav() {
  return (
    <nav class="detail-nav" aria-label={t('sectionsLabel')}>
      {SECTIONS.map((s, i) => (
        <button
          key={s.id}
          type="button"
          aria-keyshortcuts={`Alt+${i + 1}`}
          title={t('sectionShortcut', t(s.label), String(i + 1))}
          onClick={() => jumpTo(i)}
        >
          {t(s.label)}
        </button>
      ))}
      <button type="button" class="help" aria-label={t('shortcutsLabel')} title={t('shortcutsHelp')}>
        ?
      </button>
    </nav>
  );
}
