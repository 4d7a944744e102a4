// One browser and one test server per test file: started before its tests, closed after.
import { afterAll, beforeAll } from 'vitest';
import { launch, type Launched, type LaunchOptions } from './browser';
import { startServer, type TestServer } from '../server/maiagent-server';

export const ADA = { id: 'u1', name: 'Ada Tester', email: 'ada@example.com', company: 'Example Co' };

export interface Env {
  server: TestServer;
  b: Launched;
}

/** `keys`: the API keys the test server accepts, with the user each belongs to. */
export function useExtension(keys: Record<string, typeof ADA>, opts: Omit<LaunchOptions, 'server'> = {}): Env {
  const env = {} as Env;
  beforeAll(async () => {
    env.server = await startServer();
    for (const [key, user] of Object.entries(keys)) env.server.keys.set(key, user);
    env.b = await launch({ server: env.server, ...opts });
  });
  afterAll(async () => {
    await env.b?.close();
    await env.server?.close();
  });
  return env;
}
