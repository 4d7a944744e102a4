// One profile in the options page: rename, edit origins and key, choose where the key is kept,
// make it active, check its key, reorder, delete (the section offers undo).
import { useState } from 'preact/hooks';
import type { MessageKey } from '../core/messages';
import { t } from '../shared/i18n';
import { send, type Persist, type PublicProfile, type Reply } from '../shared/protocol';
import { useKeyCheck } from '../ui/useKeyCheck';
import { KeyForm } from '../ui/KeyForm';
import { requestAccess } from './permission';
import { splitOrigins, type ProfilesProps } from './profile-fields';

export function ProfileRow({
  profile: p,
  state,
  run,
  onStatus,
  first,
  last,
  onDeleted,
}: ProfilesProps & { profile: PublicProfile; first: boolean; last: boolean; onDeleted: (id: string, name: string) => void }) {
  const [name, setName] = useState(p.name);
  const [origins, setOrigins] = useState(p.origins.join(', '));
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [editingKey, setEditingKey] = useState(false);
  const keyCheck = useKeyCheck(run);
  const activeFor = Object.entries(state.active)
    .filter(([, id]) => id === p.id)
    .map(([o]) => o);

  const apply = (r: Reply<unknown>, done: string) => {
    if (!r.ok) setProblem(r.problem);
    else {
      setProblem(null);
      onStatus(done);
    }
  };
  const saveDetails = async (e: Event) => {
    e.preventDefault();
    const list = splitOrigins(origins);
    if (!(await requestAccess(list))) return setProblem('permissionMissing');
    apply(await run(send('updateProfile', { id: p.id, name, origins: list })), t('profileSaved', name));
  };
  const deleteProfile = async () => {
    const r = await run(send('deleteProfile', { id: p.id }));
    if (r.ok) onDeleted(p.id, p.name);
  };

  return (
    <article class="profile" aria-label={p.name}>
      <header class="profile-head">
        <h3>{p.name}</h3>
        <p class="meta muted">
          <span class="masked">{p.hasKey ? p.masked : t('sessionKeyGone')}</span> · {t('keyAge', String(p.ageDays))}
          {activeFor.length > 0 ? ` · ${t('activeFor', activeFor.join(', '))}` : ''}
          {state.missingApiAccess.some((o) => p.origins.includes(o)) && <span class="error"> · {t('apiAccessMissing')}</span>}
        </p>
      </header>
      <form onSubmit={(e) => void saveDetails(e)} class="profile-fields">
        <label class="field">
          {t('profileNameLabel')}
          <input type="text" value={name} maxLength={100} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field origins">
          {t('originsLabel')}
          <input type="text" value={origins} onInput={(e) => setOrigins(e.currentTarget.value)} />
        </label>
        <label class="field">
          {t('persistLegend')}
          <select
            value={p.persist}
            onChange={(e) =>
              void run(send('updateProfile', { id: p.id, persist: e.currentTarget.value as Persist })).then((r) =>
                apply(r, t('profileSaved', p.name)),
              )
            }
          >
            <option value="local">{t('persistLocal')}</option>
            <option value="session">{t('persistSession')}</option>
          </select>
        </label>
        <div class="save">
          <button type="submit">{t('saveChanges')}</button>
        </div>
        {problem && (
          <p class="error" role="alert">
            {t(problem)}
          </p>
        )}
      </form>
      <div class="row profile-actions">
        {p.origins
          .filter((o) => !activeFor.includes(o))
          .map((o) => (
            <button key={o} type="button" onClick={() => void run(send('setActive', { origin: o, profileId: p.id }))}>
              {t('makeActiveFor', o)}
            </button>
          ))}
        {p.hasKey && (
          <button type="button" disabled={keyCheck.busy(p.id)} onClick={() => void keyCheck.start(p.id)}>
            {t('checkKey')}
          </button>
        )}
        <button type="button" onClick={() => setEditingKey(!editingKey)} aria-expanded={editingKey}>
          {t('changeKey')}
        </button>
        <button
          type="button"
          disabled={first}
          aria-label={t('moveUpNamed', p.name)}
          onClick={() => void run(send('moveProfile', { id: p.id, by: -1 }))}
        >
          {t('moveUp')}
        </button>
        <button
          type="button"
          disabled={last}
          aria-label={t('moveDownNamed', p.name)}
          onClick={() => void run(send('moveProfile', { id: p.id, by: 1 }))}
        >
          {t('moveDown')}
        </button>
        <button type="button" class="danger" aria-label={t('deleteNamed', p.name)} onClick={() => void deleteProfile()}>
          {t('delete')}
        </button>
      </div>
      {keyCheck.view(p, state)}
      {editingKey && (
        <KeyForm
          initialPersist={p.persist}
          onCancel={() => setEditingKey(false)}
          onSave={async (key, persist) => {
            const r = await run(send('updateProfile', { id: p.id, key, persist }));
            if (!r.ok) return r.problem;
            setEditingKey(false);
            onStatus(t('profileSaved', p.name));
            return null;
          }}
        />
      )}
    </article>
  );
}
