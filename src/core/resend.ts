// What "Resend" may send: the methods, and the rule that only a configured API origin receives a
// request from the extension. Shared by the panel's editor (to say so before sending) and the
// background (which decides). Pure.

export const RESEND_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export type ResendTarget =
  { ok: true; origin: string } | { ok: false; reason: 'resendBadUrl' } | { ok: false; reason: 'resendNotApiOrigin'; origin: string };

/** `apiOrigins` are the configured (normalised) API origins: equality is the whole check. */
export function resendTarget(url: string, apiOrigins: readonly string[]): ResendTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, reason: 'resendBadUrl' };
  }
  if (!apiOrigins.includes(u.origin) || u.username || u.password) return { ok: false, reason: 'resendNotApiOrigin', origin: u.origin };
  return { ok: true, origin: u.origin };
}

/** "Name: value" lines, as the editor shows headers; lines without a colon are left out. */
export function parseHeaderLines(text: string): { name: string; value: string }[] {
  return text
    .split(/\r?\n/)
    .map((l) => /^\s*([^:\s][^:]*?)\s*:\s?(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1]!, value: m[2]!.trim() }));
}
