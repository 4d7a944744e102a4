// "Resend" (src/background/resend.ts) through the message map, with fetch stubbed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, KEY_A, KEY_B, installFakeBrowser, profile, seed, settings, uninstallFakeBrowser, type Env, value } from './fake-env';

let env: Env;
let handlers: (typeof import('../../../src/background/handlers'))['handlers'];

const ONPREM = 'https://onprem.example.com';
const URL_BOTS = `${API}/api/v1/chatbots/`;

beforeEach(async () => {
  env = installFakeBrowser();
  ({ handlers } = await import('../../../src/background/handlers'));
  await seed(
    env,
    settings({
      profiles: [profile('a', KEY_A), profile('b', KEY_B, { origins: [ONPREM] }), profile('s', '', { persist: 'session' })],
      active: { [API]: 'a', [ONPREM]: 'b' },
    }),
  );
});
afterEach(uninstallFakeBrowser);

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const req = (over: Partial<Parameters<typeof handlers.resend>[0]> = {}) => ({
  method: 'POST',
  url: URL_BOTS,
  headers: [{ name: 'Content-Type', value: 'application/json' }],
  body: '{"name":"x"}',
  profileId: 'a' as string | null,
  ...over,
});

describe('resend', () => {
  it('sends to the API origin with the chosen profile key, no cookies, no redirects, a time limit; the answer has the key masked', async () => {
    env.network.mockResolvedValueOnce(json({ id: 'bot-new' }, 201));
    const r = value(await handlers.resend(req()));
    expect(env.network).toHaveBeenCalledTimes(1);
    const [url, init] = env.network.mock.calls[0]!;
    expect(url).toBe(URL_BOTS);
    expect(init).toMatchObject({ method: 'POST', body: '{"name":"x"}', credentials: 'omit', cache: 'no-store', redirect: 'error' });
    expect(init!.signal).toBeInstanceOf(AbortSignal);
    const sent = new Headers(init!.headers);
    expect(sent.get('authorization')).toBe(`Api-Key ${KEY_A}`);
    expect(sent.get('content-type')).toBe('application/json');
    expect(r.kind).toBe('done');
    if (r.kind !== 'done') return;
    expect(r.exchange.status).toBe(201);
    expect(r.exchange.responseBody).toBe('{"id":"bot-new"}');
    expect(r.exchange.requestHeaders).toContainEqual({ name: 'authorization', value: 'Api-Key g5BnKD...Xs' });
    expect(JSON.stringify(r)).not.toContain(KEY_A);
  });

  it('never lets the page choose the key or cookies: its Authorization and Cookie headers are dropped', async () => {
    env.network.mockResolvedValueOnce(json({}));
    value(
      await handlers.resend(
        req({
          headers: [
            { name: 'Authorization', value: 'Api-Key stolen.one' },
            { name: 'Cookie', value: 'sid=1' },
            { name: 'X-Trace', value: 't1' },
          ],
          profileId: null,
        }),
      ),
    );
    const sent = new Headers(env.network.mock.calls[0]![1]!.headers);
    expect(sent.get('authorization')).toBeNull();
    expect(sent.get('cookie')).toBeNull();
    expect(sent.get('x-trace')).toBe('t1');
  });

  it('refuses anything but a configured API origin, before any request', async () => {
    for (const url of [
      'https://evil.test/api/v1/chatbots/',
      'http://api.maiagent.ai/api/v1/chatbots/',
      'https://api.maiagent.ai.evil.test/x',
      'https://api.maiagent.ai:8443/x',
      'https://user:pw@api.maiagent.ai/x',
    ]) {
      expect(value(await handlers.resend(req({ url })))).toMatchObject({ kind: 'refused', reason: 'resendNotApiOrigin' });
    }
    expect(value(await handlers.resend(req({ url: 'not a url' })))).toEqual({ kind: 'refused', reason: 'resendBadUrl' });
    expect(value(await handlers.resend(req({ method: 'CONNECT' })))).toEqual({ kind: 'refused', reason: 'resendBadMethod' });
    expect(env.network).not.toHaveBeenCalled();
  });

  it('refuses a profile whose origins do not include the URL (its key must not go elsewhere), one without a key, and an origin without access', async () => {
    expect(value(await handlers.resend(req({ profileId: 'b' })))).toMatchObject({ kind: 'refused', reason: 'resendProfileOrigin' });
    expect(value(await handlers.resend(req({ profileId: 'zzz' })))).toMatchObject({ kind: 'refused', reason: 'resendProfileOrigin' });
    expect(value(await handlers.resend(req({ profileId: 's' })))).toEqual({ kind: 'refused', reason: 'resendNoKey' });
    expect(value(await handlers.resend(req({ url: `${ONPREM}/api/v1/chatbots/`, profileId: 'b' })))).toEqual({
      kind: 'refused',
      reason: 'resendNoAccess',
      origin: ONPREM,
    });
    expect(env.network).not.toHaveBeenCalled();
  });

  it('sends no body with GET, and reports a timeout and a network failure', async () => {
    env.network.mockResolvedValueOnce(json({}));
    value(await handlers.resend(req({ method: 'get', body: '{"x":1}' })));
    expect(env.network.mock.calls[0]![1]).toMatchObject({ method: 'GET', body: undefined });
    env.network.mockRejectedValueOnce(new DOMException('timed out', 'TimeoutError'));
    expect(value(await handlers.resend(req()))).toEqual({ kind: 'timeout' });
    env.network.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(value(await handlers.resend(req()))).toEqual({ kind: 'network', message: 'Failed to fetch' });
  });
});
