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
