// Panel rows keep the settings of the moment they were captured: a later change of profile or
// injection does not change why an earlier request failed. An imported file uses none of them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicState } from '../../src/shared/protocol';
import { installFakeBrowser, uninstallFakeBrowser } from './background/fake-env';

const API = 'https://api.maiagent.ai';
const DOCS = 'https://docs.maiagent.ai';
let model: typeof import('../../src/panel/model');

beforeEach(async () => {
  installFakeBrowser();
  model = await import('../../src/panel/model');
});
afterEach(uninstallFakeBrowser);

function state(over: Partial<PublicState> = {}): PublicState {
  const profile = (id: string, name: string, fingerprint: string) => ({
    id,
    name,
    masked: 'g5BnKD...Xs',
    fingerprint,
    hasKey: true,
    origins: [API],
    addedAt: 0,
    persist: 'local' as const,
    ageDays: 1,
    rotationDue: false,
  });
  return {
    enabled: true,
    profiles: [profile('a', 'Production', 'aaaa1111'), profile('b', 'Staging', 'bbbb2222')],
    active: { [API]: 'a' },
    sites: [{ origin: DOCS, granted: true, builtIn: true }],
    missingApiAccess: [],
    typedNavigation: false,
    notice: null,
    ...over,
  };
}

const exchange = {
  method: 'GET',
  url: `${API}/api/users/current/`,
  status: 401,
  requestHeaders: [{ name: 'Origin', value: DOCS }],
  responseHeaders: [],
  responseBody: '{"detail":"Authentication credentials were not provided."}',
  responseMimeType: 'application/json',
};
const entry = { request: { method: 'GET', url: exchange.url }, response: { status: 401 } };

describe('panel rows', () => {
  it('snapshot: the active profile, its fingerprint and last check, injection, sites and the page', () => {
    const checks = { aaaa1111: { outcome: 'refused' as const, origin: API, at: 5 } };
    expect(model.snapshotOf(state(), checks, exchange, DOCS)).toEqual({
      source: 'capture',
      enabled: true,
      keyedOrigins: [API],
      allowedSites: [DOCS],
      storedFingerprint: 'aaaa1111',
      profileName: 'Production',
      lastCheck: checks.aaaa1111,
      pageOrigin: DOCS,
    });
    // Without the background's answer the settings are unknown, not "off".
    expect(model.snapshotOf(null, {}, exchange, DOCS)).toMatchObject({
      enabled: null,
      keyedOrigins: null,
      allowedSites: null,
      storedFingerprint: null,
    });
  });

  it('a row keeps its cause when the settings change afterwards; a new row gets the new settings', () => {
    const base = { id: 1, entry, exchange, sentFingerprint: null, redirectedFrom: null, bodyLoaded: true };
    const before = model.buildRow({ ...base, snapshot: model.snapshotOf(state({ enabled: false }), {}, exchange, DOCS) });
    expect(before.diagnosis.causeId).toBe('noHeaderInjectionOff');
    // Injection switched on and another profile made active: rebuilding the old row (as selecting it
    // and reading its body does) keeps the settings it was captured with.
    const rebuilt = model.buildRow({ ...before, bodyLoaded: true });
    expect(rebuilt.diagnosis.causeId).toBe('noHeaderInjectionOff');
    const after = model.buildRow({ ...base, id: 2, snapshot: model.snapshotOf(state({ active: { [API]: 'b' } }), {}, exchange, DOCS) });
    expect(after.diagnosis.causeId).toBe('noHeaderUnknown');
    expect(after.snapshot.profileName).toBe('Staging');
  });

  it("an imported file is explained without the reader's settings", () => {
    const row = model.buildRow({
      id: 3,
      entry,
      exchange,
      snapshot: model.fileSnapshot(exchange),
      sentFingerprint: null,
      redirectedFrom: null,
      bodyLoaded: true,
    });
    expect(row.snapshot).toMatchObject({ source: 'file', enabled: null, storedFingerprint: null, pageOrigin: DOCS });
    expect(row.diagnosis.causeId).toBe('noHeaderSent');
  });

  it('links a follow-up request to the redirect listed just before it', () => {
    const link = model.redirectLinker();
    const post = {
      ...exchange,
      method: 'POST',
      url: `${API}/api/v1/chatbots`,
      status: 301,
      responseHeaders: [{ name: 'Location', value: '/api/v1/chatbots/' }],
    };
    expect(link(post)).toBeNull();
    expect(link({ ...exchange, url: `${API}/api/v1/chatbots/`, status: 405 })).toEqual({
      method: 'POST',
      status: 301,
      url: `${API}/api/v1/chatbots`,
    });
    expect(link({ ...exchange, url: `${API}/api/v1/other/` })).toBeNull();
  });

  it('hashes the sent key only for failed requests', async () => {
    const sent = { ...exchange, requestHeaders: [{ name: 'Authorization', value: 'Api-Key g5BnKDab.Zx81uQ9fLmN2pR4sT6vW8yXs' }] };
    expect(await model.sentKeyFingerprint(sent)).toMatch(/^[0-9a-f]{8}$/);
    expect(await model.sentKeyFingerprint({ ...sent, status: 200 })).toBeNull();
  });
});

describe('what the panel reads of a body, and the order of capture jobs', () => {
  it('keeps "could not read the body" apart from "no body" in the row', () => {
    const snapshot = model.fileSnapshot(exchange);
    const row = (body: Parameters<typeof model.exchangeOf>[1]) =>
      model.buildRow({
        id: 4,
        entry,
        exchange: model.exchangeOf(entry, body),
        snapshot,
        sentFingerprint: null,
        redirectedFrom: null,
        bodyLoaded: true,
        bodyFailure: body?.failure,
      });
    const unread = row({ text: null, encoding: null, truncated: false, failure: { kind: 'error', message: 'evicted' } });
    expect(unread.bodyFailure).toEqual({ kind: 'error', message: 'evicted' });
    expect(unread.exchange.responseBody).toBeUndefined();
    const empty = row({ text: '', encoding: null, truncated: false });
    expect(empty.bodyFailure).toBeUndefined();
    expect(empty.exchange.responseBody).toBe('');
    expect(row({ text: 'x'.repeat(10), encoding: null, truncated: true }).exchange.responseTruncated).toBe(true);
  });

  it('runs capture jobs in order after start-up, says when one fails, and goes on', async () => {
    const { jobQueue } = await import('../../src/panel/capture/queue');
    const done: string[] = [];
    const failures: unknown[] = [];
    let start!: () => void;
    const run = jobQueue(new Promise<void>((r) => (start = r)), (e) => failures.push(e));
    void run(async () => {
      await new Promise((r) => setTimeout(r, 5));
      done.push('first');
    });
    void run(() => {
      throw new Error('bad entry');
    });
    const last = run(() => void done.push('third'));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toEqual([]);
    start();
    await last;
    expect(done).toEqual(['first', 'third']);
    expect(failures).toEqual([new Error('bad entry')]);
  });
});

describe('the row as the details show it', () => {
  const KEY = 'g5BnKDab.Zx81uQ9fLmN2pR4sT6vW8yXs';
  // The key is sent, and written again where only decoding shows it: %67 is "g", so is \u0067.
  const sent = {
    ...exchange,
    url: `${API}/api/v1/chatbots/?k=%67${KEY.slice(1)}&plain=${KEY}`,
    requestHeaders: [
      { name: 'Authorization', value: `Api-Key ${KEY}` },
      { name: 'X-Echo', value: KEY },
    ],
    requestBody: `{"key":"\\u0067${KEY.slice(1)}"}`,
    responseBody: JSON.stringify({ detail: `Invalid key ${KEY}.` }),
    responseHeaders: [{ name: 'X-Key', value: KEY }],
  };

  it('masks every text the details show, decoded ones after decoding', async () => {
    const { shownRow } = await import('../../src/panel/shown-row');
    const { credentialsOf, secretsMatcher } = await import('../../src/core/secrets');
    const { maskKey } = await import('../../src/core/keys');
    const row = model.buildRow({
      id: 5,
      entry,
      exchange: sent,
      snapshot: model.fileSnapshot(sent),
      sentFingerprint: null,
      redirectedFrom: null,
      bodyLoaded: true,
      bodyFailure: { kind: 'error', message: `no body for ${KEY}` },
    });
    const shown = shownRow(row, secretsMatcher(credentialsOf(sent.requestHeaders)));
    const { entry: _e, search: _s, ...visible } = shown;
    expect(JSON.stringify({ ...row, entry: null, search: null })).toContain(KEY);
    expect(JSON.stringify(visible)).not.toContain(KEY);
    expect(shown.query).toEqual([
      ['k', maskKey(KEY)],
      ['plain', maskKey(KEY)],
    ]);
    expect(shown.requestText).toContain(`"key": "${maskKey(KEY)}"`);
    expect(shown.exchange.requestHeaders[0]!.value).toBe(`Api-Key ${maskKey(KEY)}`);
    expect(shown.diagnosis.decoded.serverMessage).toBe(`Invalid key ${maskKey(KEY)}.`);
    expect(shown.canonical).toContain(`plain=${maskKey(KEY)}`);
    // What a section decodes further (the ids of an API path) is masked again with the row's mask.
    expect(shown.mask(decodeURIComponent(`%67${KEY.slice(1)}`))).toBe(maskKey(KEY));
    // Nothing to mask: the same texts.
    const plain = shownRow({ ...row, exchange: exchange, bodyFailure: undefined }, secretsMatcher([]));
    expect(plain.exchange).toEqual(exchange);
  });

  it('masks a key a JSON response or a stream writes with \\u escapes, which a text mask does not see', async () => {
    const { shownRow } = await import('../../src/panel/shown-row');
    const { credentialsOf, secretsMatcher } = await import('../../src/core/secrets');
    const escaped = `\\u0067${KEY.slice(1)}`;
    const secrets = secretsMatcher(credentialsOf(sent.requestHeaders));
    const rowWith = (responseBody: string, responseMimeType: string) => {
      const ex = { ...sent, responseBody, responseMimeType };
      return model.buildRow({
        id: 6,
        entry,
        exchange: ex,
        snapshot: model.fileSnapshot(ex),
        sentFingerprint: null,
        redirectedFrom: null,
        bodyLoaded: true,
      });
    };
    const json = shownRow(rowWith(`{"echo":"${escaped}","n":1}`, 'application/json'), secrets);
    // What the tree and the formatted view show is the body parsed: no key in it.
    expect(JSON.stringify(JSON.parse(json.exchange.responseBody!))).not.toContain(KEY);
    expect(JSON.parse(json.exchange.responseBody!)).toMatchObject({ n: 1 });

    const sse = `data: {"conversationId":"c1","content":"${escaped}"}\n\ndata: {"done":true}\n\n`;
    const stream = shownRow(rowWith(sse, 'text/event-stream'), secrets).stream!;
    expect(stream.conversationId).toBe('c1');
    expect(stream.text).not.toContain(KEY);
    expect(JSON.stringify(stream.events.map((e) => [e.name, JSON.parse(e.data), e.json]))).not.toContain(KEY);
  });
});

describe('a row’s diagnosis', () => {
  it('is the full diagnosis, made once and then kept; the list has its summary at once', async () => {
    const diagnoseModule = await import('../../src/core/diagnose');
    const row = model.buildRow({
      id: 7,
      entry,
      exchange,
      snapshot: model.fileSnapshot(exchange),
      sentFingerprint: null,
      redirectedFrom: null,
      bodyLoaded: true,
    });
    expect(row.summary.length).toBeGreaterThan(0);
    const first = row.diagnosis;
    expect(first).toEqual(
      diagnoseModule.diagnose({ exchange, snapshot: model.fileSnapshot(exchange), sentFingerprint: null, redirectedFrom: null }),
    );
    expect(row.diagnosis).toBe(first);
    // A spread copy is a whole row.
    expect({ ...row }.diagnosis).toBe(first);
  });
});
