// Small helpers the rules share.
import { msg, type Msg } from '../messages';
import type { CauseId, Finding, Offer } from './types';

export function finding(id: CauseId, cause: Msg, fixes: Msg[], evidence: Msg[], offer?: Offer): Finding {
  return offer ? { id, cause, fixes, evidence, offer } : { id, cause, fixes, evidence };
}

/** The server's words as evidence, when it said something. */
export const said = (text: string): Msg[] => (text ? [msg('evServerSaid', text.slice(0, 300))] : []);

export const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `2026-11-30 14:05 UTC`: a time that reads the same in every language. */
export function when(at: number): string {
  const d = new Date(at);
  return Number.isFinite(d.getTime()) ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—';
}
