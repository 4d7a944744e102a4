// Figure 1: what header injection costs, measured against the limit of the technique — an
// extension with one static declarativeNetRequest rule that sets the same header on the same host
// — and against no extension, in interleaved rounds (the order rotates each round; every launch
// gets a fresh profile). The loop runs in a bare DevTools-protocol connection (no Playwright, no
// Network domain), from a cross-origin-isolated docs page (microsecond timer).
import { startServer } from '../test/server/maiagent-server';
import { KEY_A } from './env';
import type { Measurement, Outcome, RunOptions } from './figures';
import { CONFIGS, headerProblem, measureLaunch, API_PATH, ISOLATED_DOCS, type Config, type LaunchResult } from './injection-launch';
import { removeDir, writeReferenceExtension, REFERENCE_RULE_URL_FILTER } from './reference';
import { perRound, rotation, spread, spreadText, type Round } from './stats';

const USER = { id: 'u-bench', name: 'Bench User', email: 'bench@example.com', company: 'Bench Co' };

export const injection: Measurement = {
  id: 'injection',
  title: 'Injection against the limit (one-rule DNR reference) and no extension',
  figures: [
    { id: 'injection.vsLimit', name: 'Injection: latency vs one-rule reference', unit: '×', target: { op: '<=', value: 1.03 }, digits: 3 },
    {
      id: 'injection.cpuUsVsLimit',
      name: 'Injection: browser CPU/request above reference',
      unit: 'µs',
      target: { op: '<=', value: 20 },
      digits: 1,
    },
    {
      id: 'injection.workerEvents',
      name: 'Injection: worker starts in loops',
      unit: '',
      target: { op: '==', value: 0 },
      digits: 0,
      verdict: 'max',
    },
    { id: 'injection.projectMs', name: 'Injection: median latency, project', unit: 'ms', target: null, digits: 3 },
    { id: 'injection.referenceMs', name: 'Injection: median latency, reference', unit: 'ms', target: null, digits: 3 },
    { id: 'injection.noneMs', name: 'Injection: median latency, no extension', unit: 'ms', target: null, digits: 3 },
    { id: 'injection.limitVsNone', name: 'Injection: reference vs no extension', unit: '×', target: null, digits: 3 },
    { id: 'injection.cpuUsLimitVsNone', name: 'Injection: reference CPU/request above none', unit: 'µs', target: null, digits: 1 },
  ],
  async run(opts: RunOptions): Promise<Outcome> {
    const rounds = opts.smoke ? 3 : 3 * opts.iterations;
    const requests = opts.smoke ? 150 : 500;
    const server = await startServer();
    server.keys.set(KEY_A, USER);
    const referenceDir = writeReferenceExtension(KEY_A);
    const latency: Round<Config>[] = [];
    const cpu: Round<Config>[] = [];
    const workerEvents: number[] = [];
    const launches: Omit<LaunchResult, 'latencies'>[][] = [];
    try {
      for (let round = 0; round < rounds; round++) {
        const lat: Round<Config> = {};
        const us: Round<Config> = {};
        const rows: Omit<LaunchResult, 'latencies'>[] = [];
        for (const config of rotation(CONFIGS, round)) {
          const r = await measureLaunch({ server, config, referenceDir, key: KEY_A, requests, tag: `${round}-${config}` });
          // A configuration that did not do its job (or did it where it should not) measures nothing.
          const problem = headerProblem(r, requests);
          if (problem) throw new Error(`header check, round ${round + 1}: ${problem}`);
          lat[config] = r.medianMs;
          us[config] = r.mainUs;
          if (config === 'project') workerEvents.push(Math.max(r.workerStarts, r.workerRunningAfter ? 1 : 0));
          const { latencies: _, ...row } = r;
          rows.push(row);
        }
        latency.push(lat);
        cpu.push(us);
        launches.push(rows);
        const f = (c: Config) => `${c} ${lat[c]!.toFixed(3)} ms/${us[c]!.toFixed(0)} µs`;
        opts.log(
          `  round ${round + 1}/${rounds}: ${rotation(CONFIGS, round).map(f).join(', ')}; ` +
            `project/reference ${(lat.project! / lat.reference!).toFixed(3)}, CPU +${(us.project! - us.reference!).toFixed(1)} µs`,
        );
      }
    } finally {
      removeDir(referenceDir);
      await server.close().catch(() => undefined);
    }

    const vsLimit = perRound(latency, 'project', 'reference', 'ratio');
    const cpuVsLimit = perRound(cpu, 'project', 'reference', 'difference');
    const limitVsNone = perRound(latency, 'reference', 'none', 'ratio');
    const cpuLimitVsNone = perRound(cpu, 'reference', 'none', 'difference');
    const of = (c: Config) => latency.map((r) => r[c]!);
    return {
      samples: {
        'injection.vsLimit': vsLimit,
        'injection.cpuUsVsLimit': cpuVsLimit,
        'injection.workerEvents': workerEvents,
        'injection.projectMs': of('project'),
        'injection.referenceMs': of('reference'),
        'injection.noneMs': of('none'),
        'injection.limitVsNone': limitVsNone,
        'injection.cpuUsLimitVsNone': cpuLimitVsNone,
      },
      reasons: {
        'injection.vsLimit': `per-round project/reference ${spreadText(vsLimit, 3, '×')}`,
        'injection.cpuUsVsLimit': `per-round ${spreadText(cpuVsLimit, 1, ' µs')}`,
        'injection.limitVsNone': `per-round ${spreadText(limitVsNone, 3, '×')}`,
      },
      details: {
        rounds,
        requestsPerLaunch: requests,
        url: `${ISOLATED_DOCS} fetches GET https://api.maiagent.ai${API_PATH}?r=<round>-<config>&i=<n>`,
        reference: `one static DNR rule: modifyHeaders set Authorization "Api-Key <key>" for urlFilter "${REFERENCE_RULE_URL_FILTER}" (xmlhttprequest, other); declarativeNetRequestWithHostAccess; host permissions api + docs`,
        method:
          'Chromium spawned per launch (fresh profile), DevTools protocol over ws, Runtime.evaluate of a loop of sequential fetches (credentials omit, cache no-store) timed in the page from fetch() to the body read; ' +
          'CPU = /proc/<browser pid>/task/<pid>/schedstat (browser main thread) before/after the loop; per round the configurations run in rotated order',
        spread: {
          vsLimit: spread(vsLimit),
          cpuUsVsLimit: spread(cpuVsLimit),
          limitVsNone: spread(limitVsNone),
          cpuUsLimitVsNone: spread(cpuLimitVsNone),
        },
        headerCheck: `every request of every launch reached the server; with the project and the reference each carried Authorization: Api-Key <key>, with no extension none had an Authorization header`,
        launches,
      },
    };
  },
};
