// All profiles: one row each (ProfileRow), the undo offer after a deletion, and the add form.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { AddProfileForm } from './AddProfileForm';
import { ProfileRow } from './ProfileRow';
import type { ProfilesProps } from './profile-fields';
import { UndoDelete } from '../ui/UndoDelete';

export function ProfilesSection({ state, run, onStatus }: ProfilesProps) {
  const [undo, setUndo] = useState<{ id: string; name: string } | null>(null);
  return (
    <section aria-labelledby="profiles-h">
      <h2 id="profiles-h">{t('profilesHeading')}</h2>
      {state.profiles.length === 0 && <p class="muted">{t('noProfiles')}</p>}
      {state.profiles.map((p, i) => (
        <ProfileRow
          key={p.id}
          profile={p}
          state={state}
          run={run}
          onStatus={onStatus}
          first={i === 0}
          last={i === state.profiles.length - 1}
          onDeleted={(id, name) => setUndo({ id, name })}
        />
      ))}
      {undo && (
        <UndoDelete
          key={undo.id}
          deleted={undo}
          text={t('profileDeleted', undo.name)}
          run={run}
          onStatus={onStatus}
          onDone={() => setUndo(null)}
        />
      )}
      <AddProfileForm run={run} onStatus={onStatus} />
    </section>
  );
}
