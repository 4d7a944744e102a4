// The shape of every message's payload, checked at the background's door before any handler
// runs: a page bug (or anything else that reaches the door) gets `requestInvalid`, never a crash.
// Shape and type here, and keys (pages send them normalised: core/key-input.ts); what needs the
// stored settings or the browser (a granted origin, a profile that exists) the handlers check.
import * as v from 'valibot';
import type { MessageType, Protocol } from '../shared/protocol';
import { bool, ImportEntrySchema, is, KeySchema, OriginSchema, persistSchema, str } from './settings';

const persist = v.optional(persistSchema);
const origins = v.optional(v.array(str));
const byId = v.object({ id: str });
const byProfile = v.object({ profileId: str });
const byOrigin = v.object({ origin: str });
const none = v.object({});

export const payloads: { [K in MessageType]: v.GenericSchema<unknown, Protocol[K]['req']> } = {
  getState: none,
  saveKey: v.object({ key: KeySchema, profileId: v.optional(str), persist }),
  addProfile: v.object({ key: KeySchema, name: v.optional(str), origins, persist }),
  updateProfile: v.object({ id: str, name: v.optional(str), key: v.optional(KeySchema), origins, persist }),
  deleteProfile: byId,
  undoDelete: byId,
  moveProfile: v.object({ id: str, by: is<-1 | 1>((by) => by === -1 || by === 1) }),
  setActive: v.object({ origin: str, profileId: str }),
  setEnabled: v.object({ enabled: bool }),
  setTypedNavigation: v.object({ on: bool }),
  openApiTab: v.object({ url: str, origin: str }),
  revealKey: byProfile,
  checkKey: byProfile,
  resend: v.object({
    method: str,
    url: str,
    headers: v.array(v.object({ name: str, value: str })),
    body: v.optional(str),
    profileId: is<string | null>((id) => id === null || typeof id === 'string'),
  }),
  dismissRotation: byProfile,
  dismissNotice: none,
  addSite: byOrigin,
  expectSite: byOrigin,
  removeSite: byOrigin,
  importProfiles: v.object({ profiles: v.array(ImportEntrySchema), sites: v.array(OriginSchema) }),
  undoImport: v.object({ profileIds: v.array(str), sites: v.array(str) }),
};
