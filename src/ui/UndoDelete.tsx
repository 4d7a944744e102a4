// The notice after a profile is deleted (popup and options page), with Undo while the background
// keeps the copy: the offer goes when the copy does (UNDO_MS).
import { useEffect } from 'preact/hooks';
import { UNDO_MS } from '../core/constants';
import { t } from '../shared/i18n';
import { send } from '../shared/protocol';
import type { Run } from './useAppState';

export function UndoDelete({
  deleted,
  text,
  run,
  onStatus,
  onDone,
}: {
  deleted: { id: string; name: string };
  /** What the notice says (the popup and the options page word it differently). */
  text: string;
  run: Run;
  onStatus: (s: string) => void;
  onDone: () => void;
}) {
  useEffect(() => {
    const timer = setTimeout(onDone, UNDO_MS);
    return () => clearTimeout(timer);
    // Started once per deletion shown (the parent keys the notice by the deleted profile's id).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const undo = async () => {
    const r = await run(send('undoDelete', { id: deleted.id }));
    onDone();
    if (!r.ok) onStatus(t(r.problem));
  };
  return (
    <div class="notice" role="status">
      <span>{text}</span>
      <button type="button" onClick={() => void undo()}>
        {t('undo')}
      </button>
    </div>
  );
}
