// One typed message map shared by the pages (popup, options, panel) and the background.
// Pages never receive a full key, except from revealKey, which they call only on a user's request.
import { ext as browser } from '../platform/ext';
import type { ApiTabProblem } from '../core/api-tab';
import type { Exchange } from '../core/exchange';
import type { KeyProblem } from '../core/key-input';
import type { OriginProblem } from '../core/origins';
import type { ImportEntry, RepairNotice } from '../core/settings';
import type { Rejection } from '../core/profiles-file';

export type Persist = 'local' | 'session';

export interface PublicProfile {
  id: string;
  name: string;
  /** '' when a session-only key is gone (the browser was closed). */
  masked: string;
  fingerprint: string;
  hasKey: boolean;
  origins: string[];
  addedAt: number;
  persist: Persist;
  ageDays: number;
  rotationDue: boolean;
}

interface SiteInfo {
  origin: string;
  /** Whether the browser currently grants the host access the rules need. */
  granted: boolean;
  /** The docs site: access comes with the extension, it cannot be revoked. */
  builtIn: boolean;
}

export interface PublicState {
  enabled: boolean;
  profiles: PublicProfile[];
  /** Active profile id per API origin. */
  active: Record<string, string>;
  sites: SiteInfo[];
  /** API origins whose host access is missing. */
  missingApiAccess: string[];
  /** Whether navigations typed in the address bar (and so any top-level navigation) get the key. */
  typedNavigation: boolean;
  notice: RepairNotice | null;
}

/** Why a message was not carried out; each is an i18n message name. */
export type Problem =
  | KeyProblem
  | OriginProblem
  | ApiTabProblem
  | 'nameEmpty'
  | 'permissionMissing'
  | 'profileMissing'
  | 'settingsInvalid'
  | 'storageQuota'
  /** Import refused: `rejected` says why, entry by entry. */
  | 'importRejected'
  /** The door refused the payload (wrong shape): a page bug, never a user's mistake. */
  | 'requestInvalid'
  /** The handler threw: the background is there but could not do it. */
  | 'handlerFailed'
  /** No answer at all: the worker could not be reached (set by `send` on the page's side). */
  | 'backgroundUnavailable';

/** The one reply shape of every message. */
export type Reply<T> = { ok: true; value: T } | { ok: false; problem: Problem; rejected?: Rejection[] };

interface ProfileInput {
  name?: string;
  key?: string;
  origins?: string[];
  persist?: Persist;
}

interface CheckedUser {
  name: string;
  email: string;
  company: string;
}

export type CheckResult =
  | { kind: 'ok'; user: CheckedUser }
  /** The API answered with an error: the exchange goes through the panel's decoder. Headers carry no key. */
  | { kind: 'http'; exchange: Exchange }
  | { kind: 'timeout' }
  | { kind: 'offline' }
  | { kind: 'network'; message: string }
  | { kind: 'noKey' }
  | { kind: 'noAccess'; origin: string };

export interface Imported {
  state: PublicState;
  count: number;
  added: string[];
  sitesAdded: string[];
  renamed: { from: string; to: string }[];
}

/** A request to send again from the extension ("Resend", "Edit and resend"). Never carries a key. */
export interface ResendRequest {
  method: string;
  url: string;
  /** Without Authorization: the background sets it from `profileId`. */
  headers: { name: string; value: string }[];
  body?: string;
  /** Whose key goes into the Authorization header; null sends none. */
  profileId: string | null;
}

type ResendRefusal = 'resendBadUrl' | 'resendNotApiOrigin' | 'resendBadMethod' | 'resendProfileOrigin' | 'resendNoKey' | 'resendNoAccess';

export type ResendResult =
  /** The exchange as sent and answered; its Authorization header is masked. */
  | { kind: 'done'; exchange: Exchange }
  | { kind: 'refused'; reason: ResendRefusal; origin?: string }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string };

export interface Protocol {
  getState: { req: Record<string, never>; res: PublicState };
  saveKey: { req: { key: string; profileId?: string; persist?: Persist }; res: PublicState };
  addProfile: { req: ProfileInput & { key: string }; res: PublicState };
  updateProfile: { req: ProfileInput & { id: string }; res: PublicState };
  /** The answer's state no longer has the profile; `undoDelete` with the same id brings it back for 30 s. */
  deleteProfile: { req: { id: string }; res: PublicState };
  undoDelete: { req: { id: string }; res: PublicState };
  moveProfile: { req: { id: string; by: -1 | 1 }; res: PublicState };
  setActive: { req: { origin: string; profileId: string }; res: PublicState };
  setEnabled: { req: { enabled: boolean }; res: PublicState };
  setTypedNavigation: { req: { on: boolean }; res: PublicState };
  /** Open an API URL (or a path on `origin`) in a new tab that gets the key. */
  openApiTab: { req: { url: string; origin: string }; res: { url: string } };
  revealKey: { req: { profileId: string }; res: { key: string } };
  checkKey: { req: { profileId: string }; res: CheckResult };
  /** Sends a request again, only ever to a configured API origin, with the chosen profile's key. */
  resend: { req: ResendRequest; res: ResendResult };
  dismissRotation: { req: { profileId: string }; res: PublicState };
  dismissNotice: { req: Record<string, never>; res: PublicState };
  addSite: { req: { origin: string }; res: PublicState };
  /**
   * Sent just before the page asks the browser for access to `origin`: if the page is closed by the
   * browser's prompt (a popup is), the background still adds the site once access is granted.
   */
  expectSite: { req: { origin: string }; res: null };
  removeSite: { req: { origin: string }; res: PublicState };
  /**
   * A file the options page parsed (core/profiles-file.ts parseImport); the background checks it again.
   * A profile whose name is taken is never replaced: with another key it is added under a new name
   * (`renamed`), inactive; the same key again is left as it is. `added` and `sitesAdded` are what
   * `undoImport` takes away again.
   */
  importProfiles: { req: { profiles: ImportEntry[]; sites: string[] }; res: Imported };
  undoImport: { req: { profileIds: string[]; sites: string[] }; res: PublicState };
}

export type MessageType = keyof Protocol;
export type ReplyTo<K extends MessageType> = Reply<Protocol[K]['res']>;

/**
 * Send a typed request to the background. Never throws: a worker that cannot be reached (or gives
 * no answer) is `backgroundUnavailable`, told apart from the background's own refusals and failures.
 */
export async function send<K extends MessageType>(type: K, payload: Protocol[K]['req']): Promise<ReplyTo<K>> {
  try {
    const reply = await browser.runtime.sendMessage<unknown, ReplyTo<K> | undefined>({ type, payload });
    if (typeof reply?.ok === 'boolean') return reply;
  } catch {
    /* no receiving end: the worker failed to start, or the extension was reloaded under the page */
  }
  return { ok: false, problem: 'backgroundUnavailable' };
}
