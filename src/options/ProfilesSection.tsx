// All profiles: rename, edit key and origins, choose where the key is kept, reorder, delete with undo.
import { useState } from 'preact/hooks';
import type { MessageKey } from '../core/messages';
import { t } from '../shared/i18n';
import { send, type Persist, type PublicProfile, type PublicState, type Result } from '../shared/protocol';
import { useKeyCheck } from '../ui/useKeyCheck';
import { KeyForm } from '../ui/KeyForm';
import type { Run } from '../ui/useAppState';
import { requestAccess } from './permission';

interface SectionProps {
  state: PublicState;
  run: Run;
  onStatus: (s: string) => void;
}

const splitOrigins = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function ProfilesSection({ state, run, onStatus }: SectionProps) {
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
        <div class="notice" role="status">
          <span>{t('profileDeleted', undo.name)}</span>
          <button
            type="button"
            onClick={async () => {
              const r = await run(send('undoDelete', { id: undo.id }));
              setUndo(null);
              if (r && !r.ok) onStatus(t(r.problem));
            }}
          >
            {t('undo')}
          </button>
        </div>
      )}
      <AddProfileForm run={run} onStatus={onStatus} />
    </section>
  );
}

function ProfileRow({
  profile: p,
  state,
  run,
  onStatus,
  first,
  last,
  onDeleted,
}: SectionProps & { profile: PublicProfile; first: boolean; last: boolean; onDeleted: (id: string, name: string) => void }) {
  const [name, setName] = useState(p.name);
  const [origins, setOrigins] = useState(p.origins.join(', '));
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [editingKey, setEditingKey] = useState(false);
  const keyCheck = useKeyCheck(run);
  const activeFor = Object.entries(state.active)
    .filter(([, id]) => id === p.id)
    .map(([o]) => o);

  const apply = async (r: Result | undefined, done: string) => {
    if (!r) return;
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
    await apply(await run(send('updateProfile', { id: p.id, name, origins: list })), t('profileSaved', name));
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
      <form onSubmit={saveDetails} class="profile-fields">
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
        <button
          type="button"
          class="danger"
          aria-label={t('deleteNamed', p.name)}
          onClick={async () => {
            const r = await run(send('deleteProfile', { id: p.id }));
            if (r?.ok) onDeleted(p.id, p.name);
          }}
        >
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
            if (!r) return null;
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

function AddProfileForm({ run, onStatus }: { run: Run; onStatus: (s: string) => void }) {
  const [open, setOpen] = useState(false);
  const [origins, setOrigins] = useState('https://api.maiagent.ai');
  if (!open)
    return (
      <button type="button" class="primary" onClick={() => setOpen(true)}>
        {t('addProfile')}
      </button>
    );
  return (
    <div class="card">
      <h3>{t('addProfile')}</h3>
      <label class="field">
        {t('originsLabel')}
        <input type="text" value={origins} onInput={(e) => setOrigins(e.currentTarget.value)} />
      </label>
      <KeyForm
        withName
        onCancel={() => setOpen(false)}
        onSave={async (key, persist, name) => {
          const list = splitOrigins(origins);
          if (!(await requestAccess(list))) return 'permissionMissing';
          const r = await run(send('addProfile', { key, persist, name, origins: list }));
          if (!r) return null;
          if (!r.ok) return r.problem;
          setOpen(false);
          onStatus(t('profileAdded', name || (r.state.profiles.at(-1)?.name ?? '')));
          return null;
        }}
      />
    </div>
  );
}
