// "Check key" (src/background/check-key.ts) through the message map, with fetch stubbed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  API,
  freshBackground,
  KEY_A,
  KEY_B,
  ONPREM,
  threeProfiles,
  uninstallFakeBrowser,
  type Env,
  type Handlers,
  value,
} from './fake-env';

let env: Env;
let handlers: Handlers;

const URL_CURRENT = `${API}/api/users/current/`;

beforeEach(async () => {
  ({ env, handlers } = await freshBackground({ seeded: threeProfiles() }));
});
afterEach(uninstallFakeBrowser);

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    statusText: status === 200 ? 'OK' : 'Unauthorized',
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('checkKey', () => {
  it('answers noAccess for an origin without host access, without a request', async () => {
    expect(value(await handlers.checkKey({ profileId: 'b' }))).toEqual({ kind: 'noAccess', origin: ONPREM });
    expect(env.network).not.toHaveBeenCalled();
  });

  it('answers noKey for a profile without a key (or no profile)', async () => {
    expect(value(await handlers.checkKey({ profileId: 's' }))).toEqual({ kind: 'noKey' });
    expect(value(await handlers.checkKey({ profileId: 'zzz' }))).toEqual({ kind: 'noKey' });
    expect(env.network).not.toHaveBeenCalled();
  });

  it('answers ok with the user on 200, having sent the key itself, no cookies, no redirects', async () => {
    env.network.mockResolvedValueOnce(json({ id: 7, name: 'Ada', email: 'ada@example.com', company: { name: 'Acme' } }));
    expect(value(await handlers.checkKey({ profileId: 'a' }))).toEqual({
      kind: 'ok',
      user: { name: 'Ada', email: 'ada@example.com', company: 'Acme' },
    });
    expect(env.network).toHaveBeenCalledTimes(1);
    const [url, init] = env.network.mock.calls[0]!;
    expect(url).toBe(URL_CURRENT);
    expect(Object.fromEntries(new Headers(init!.headers))).toEqual({ authorization: `Api-Key ${KEY_A}`, accept: 'application/json' });
    expect(init).toMatchObject({
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
    });
    expect(init!.signal).toBeInstanceOf(AbortSignal);
  });

  it('checks a granted on-premises profile at its own origin', async () => {
    env.permissions.grant(ONPREM);
    env.network.mockResolvedValueOnce(json({ name: 'Bo', email: 'bo@example.com', company: 'Onprem Ltd' }));
    expect(value(await handlers.checkKey({ profileId: 'b' }))).toEqual({
      kind: 'ok',
      user: { name: 'Bo', email: 'bo@example.com', company: 'Onprem Ltd' },
    });
    expect(env.network.mock.calls[0]![0]).toBe(`${ONPREM}/api/users/current/`);
  });

  it('answers http with the exchange on 401, the Authorization header masked, the key nowhere', async () => {
    const body = { detail: 'Invalid API key.' };
    env.network.mockResolvedValueOnce(json(body, 401, { 'www-authenticate': 'Api-Key' }));
    const r = value(await handlers.checkKey({ profileId: 'a' }));
    expect(r).toMatchObject({
      kind: 'http',
      exchange: {
        method: 'GET',
        url: URL_CURRENT,
        status: 401,
        statusText: 'Unauthorized',
        requestHeaders: [
          { name: 'accept', value: 'application/json' },
          { name: 'authorization', value: 'Api-Key g5BnKD...Xs' },
        ],
        responseHeaders: [
          { name: 'content-type', value: 'application/json' },
          { name: 'www-authenticate', value: 'Api-Key' },
        ],
        responseBody: JSON.stringify(body),
        responseMimeType: 'application/json',
        responseTruncated: false,
      },
    });
    expect(JSON.stringify(r)).not.toContain(KEY_A);
    expect(JSON.stringify(r)).not.toContain(KEY_A.slice(6, -2));
  });

  it('answers http for a 200 that is not JSON, so the decoder can say what it is', async () => {
    env.network.mockResolvedValueOnce(new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const r = value(await handlers.checkKey({ profileId: 'a' }));
    expect(r).toMatchObject({ kind: 'http', exchange: { status: 200, responseBody: '<html>login</html>', responseMimeType: 'text/html' } });
  });

  it('answers network with the message when the request fails (online)', async () => {
    vi.stubGlobal('navigator', { onLine: true });
    env.network.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(value(await handlers.checkKey({ profileId: 'a' }))).toEqual({ kind: 'network', message: 'Failed to fetch' });
    vi.stubGlobal('navigator', { onLine: false });
    env.network.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(value(await handlers.checkKey({ profileId: 'a' }))).toEqual({ kind: 'offline' });
  });

  it('answers timeout when the API never answers within 10 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // Node's AbortSignal.timeout runs on its own timer, out of reach of fake timers: stand in for
    // it with one on the (fake) global setTimeout that aborts the way the real one does.
    const timeout = vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms: number) => {
      const c = new AbortController();
      setTimeout(() => c.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
      return c.signal;
    });
    // A server that never answers: fetch settles only when its signal aborts, with the signal's reason.
    let asked!: () => void;
    const requested = new Promise<void>((r) => (asked = r));
    env.network.mockImplementationOnce((_url, init) => {
      asked();
      return new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)));
    });

    let result: unknown;
    const done = handlers.checkKey({ profileId: 'a' }).then((r) => (result = r));
    await requested;
    expect(timeout).toHaveBeenCalledWith(10_000);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(result).toEqual({ ok: true, value: { kind: 'timeout' } });
  });

  it('masks a key the server repeats, in the user it names and in an error it decodes', async () => {
    const masked = `${KEY_A.slice(0, 6)}...${KEY_A.slice(-2)}`;
    env.network.mockResolvedValueOnce(json({ name: `Ada ${KEY_A}`, email: 'ada@example.com', company: { name: KEY_A } }));
    const ok = value(await handlers.checkKey({ profileId: 'a' }));
    expect(JSON.stringify(ok)).not.toContain(KEY_A);
    expect(ok).toEqual({ kind: 'ok', user: { name: `Ada ${masked}`, email: 'ada@example.com', company: masked } });
    env.network.mockResolvedValueOnce(
      json({ detail: `Invalid key ${KEY_A}.` }, 401, { 'x-echo': `Api-Key ${KEY_A}`, 'x-echo-url': encodeURIComponent(KEY_A) }),
    );
    const bad = value(await handlers.checkKey({ profileId: 'a' }));
    expect(JSON.stringify(bad)).not.toContain(KEY_A);
    if (bad.kind !== 'http') throw new Error(bad.kind);
    expect(bad.exchange.responseBody).toBe(JSON.stringify({ detail: `Invalid key ${masked}.` }));
    expect(bad.exchange.responseHeaders).toContainEqual({ name: 'x-echo', value: `Api-Key ${masked}` });
  });

  it('masks a key the server writes with \\u escapes in the user it names (masked after parsing)', async () => {
    const escaped = `\\u00${KEY_A.charCodeAt(0).toString(16)}${KEY_A.slice(1)}`;
    env.network.mockResolvedValueOnce(
      new Response(`{"name":"Ada ${escaped}","email":"ada@example.com","company":"${escaped}"}`, {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
    const ok = value(await handlers.checkKey({ profileId: 'a' }));
    expect(JSON.stringify(ok)).not.toContain(KEY_A);
    expect(ok).toMatchObject({ kind: 'ok', user: { email: 'ada@example.com' } });
  });

  it('records the outcome by key fingerprint in session storage, for the panel (no key stored there)', async () => {
    const { keyFingerprint } = await import('../../../src/core/keys');
    const { ext } = await import('../../../src/platform/ext');
    const fp = await keyFingerprint(KEY_A);
    env.network.mockResolvedValueOnce(json({ detail: 'Authentication credentials were not provided.' }, 401));
    value(await handlers.checkKey({ profileId: 'a' }));
    const first = (await ext.storage.session.get('keyChecks')).keyChecks as Record<string, { outcome: string; origin: string; at: number }>;
    expect(first[fp]).toMatchObject({ outcome: 'refused', origin: API });
    expect(JSON.stringify(first)).not.toContain(KEY_A);
    env.network.mockResolvedValueOnce(json({ name: 'Ada', email: 'ada@example.com', company: 'Acme' }));
    value(await handlers.checkKey({ profileId: 'a' }));
    env.network.mockResolvedValueOnce(json({ detail: 'A server error occurred.' }, 500));
    env.permissions.grant(ONPREM);
    value(await handlers.checkKey({ profileId: 'b' }));
    const all = (await ext.storage.session.get('keyChecks')).keyChecks as Record<string, { outcome: string }>;
    expect(all[fp]!.outcome).toBe('ok');
    // A check without an answer about the key is kept as such, not as a refusal.
    expect(all[await keyFingerprint(KEY_B)]!.outcome).toBe('other');
  });
});
