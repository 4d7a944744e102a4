// One typed message map shared by the pages (popup, panel) and the background.
// Pages never see a full key unless a handler exists for that purpose and the user asked.
import browser from 'webextension-polyfill';
import type { KeyProblem } from '../core/keys';
import type { RepairNotice } from '../core/settings';

export interface PublicProfile {
  id: string;
  name: string;
  masked: string;
  fingerprint: string;
  origins: string[];
  addedAt: number;
}

export interface PublicState {
  enabled: boolean;
  profiles: PublicProfile[];
  /** Active profile id per API origin. */
  active: Record<string, string>;
  sites: string[];
  notice: RepairNotice | null;
}

export type SaveKeyResult = { ok: true; state: PublicState } | { ok: false; problem: KeyProblem };

export interface Protocol {
  getState: { req: Record<string, never>; res: PublicState };
  saveKey: { req: { key: string; profileId?: string }; res: SaveKeyResult };
  setEnabled: { req: { enabled: boolean }; res: PublicState };
  forgetKey: { req: { profileId: string }; res: PublicState };
  dismissNotice: { req: Record<string, never>; res: PublicState };
}

export type MessageType = keyof Protocol;
export type Request = { [K in MessageType]: { type: K; payload: Protocol[K]['req'] } }[MessageType];
export type Reply<K extends MessageType> = { ok: true; value: Protocol[K]['res'] } | { ok: false; error: string };

export class BackgroundError extends Error {}

/** Send a typed request to the background and unwrap its reply. */
export async function send<K extends MessageType>(type: K, payload: Protocol[K]['req']): Promise<Protocol[K]['res']> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<K> | undefined;
  if (!reply) throw new BackgroundError('no reply');
  if (!reply.ok) throw new BackgroundError(reply.error);
  return reply.value;
}
