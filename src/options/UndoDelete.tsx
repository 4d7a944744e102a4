// The notice after a profile is deleted, with Undo while the background keeps the copy.
import { t } from '../shared/i18n';
import { send } from '../shared/protocol';
import type { ProfilesProps } from './profile-fields';

export function UndoDelete({
  deleted,
  run,
  onStatus,
  onDone,
}: Omit<ProfilesProps, 'state'> & { deleted: { id: string; name: string }; onDone: () => void }) {
  const undo = async () => {
    const r = await run(send('undoDelete', { id: deleted.id }));
    onDone();
    if (!r.ok) onStatus(t(r.problem));
  };
  return (
    <div class="notice" role="status">
      <span>{t('profileDeleted', deleted.name)}</span>
      <button type="button" onClick={() => void undo()}>
        {t('undo')}
      </button>
    </div>
  );
}
