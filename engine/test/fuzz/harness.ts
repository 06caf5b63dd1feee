import fc from 'fast-check';
import { judge, signature, type FuzzResponse } from './oracle.js';
import { abridge, describeRequest, requestArbitrary, type FuzzRequest } from './requests.js';
import type { Fuzzground } from './world.js';

/*
 * The run: every operation gets its share of the request budget as its own fast-check property, so a
 * failing route does not starve the others; a failure is shrunk by fast-check to a small request and
 * reported as that request and the response. After a failure the operation goes on with the rest of
 * its budget (another seed) to find further, different defects, up to `maxFailuresPerOperation`.
 */

const SHRINK_LIMIT = 120;

export interface FuzzOptions {
  runs: number;
  seed: number;
  maxFailuresPerOperation?: number;
  /** Operations fuzzed at the same time (1: one after another, replayable from the seed). */
  concurrency?: number;
  /** Called every `progressEvery` requests. */
  progress?: (sent: number, planned: number, failures: number, route: string) => void;
  progressEvery?: number;
  /** Sees every request and its response (FUZZ_TRACE in the test prints those of matching routes). */
  trace?: (route: string, request: FuzzRequest, response: FuzzResponse) => void;
}

export interface Finding {
  signature: string;
  route: string;
  verdict: string;
  request: string;
  status: number;
  excerpt: string;
  seed: number;
  path: string | undefined;
}

export interface FuzzSummary {
  seed: number;
  sent: number;
  operations: number;
  statuses: Record<string, number>;
  /** Statuses per actor: a role that only ever gets 401 or 403 fuzzes nothing. */
  byActor: Record<string, Record<string, number>>;
  /** Statuses per route: a route that never answers 2xx is fuzzed only at its door. */
  byRoute: Record<string, Record<string, number>>;
  findings: Finding[];
  /** Problems (4xx) a Chinese reader gets only in English: reported, not failed on (the assertion is 5xx and leaks). */
  englishOnly: string[];
  seconds: number;
}

export async function fuzz(world: Fuzzground, options: FuzzOptions): Promise<FuzzSummary> {
  const started = Date.now();
  const statuses: Record<string, number> = {};
  const byActor: Record<string, Record<string, number>> = {};
  const byRoute: Record<string, Record<string, number>> = {};
  const englishOnlyDetails = new Set<string>();
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let sent = 0;
  const ops = world.operations;
  const perOperation = Math.max(1, Math.ceil(options.runs / ops.length));
  const planned = perOperation * ops.length;
  const every = options.progressEvery ?? 500;
  const runOperation = async (index: number): Promise<void> => {
    const op = ops[index]!;
    const route = `${op.method} ${op.path}`;
    let budget = perOperation;
    let attempt = 0;
    while (budget > 0 && attempt < (options.maxFailuresPerOperation ?? 1)) {
      const seed = (options.seed + index * 1_000_003 + attempt * 7_919) | 0;
      let last: { request: FuzzRequest; response: FuzzResponse; verdict: string } | undefined;
      // Shrinking re-sends requests: after SHRINK_LIMIT of them the rest pass unsent, and the last failure stands.
      let failures = 0;
      let shrinkRuns = 0;
      const property = fc.asyncProperty(requestArbitrary(op, world), async (request) => {
        if (failures > 0 && ++shrinkRuns > SHRINK_LIMIT) return true;
        let response: FuzzResponse;
        try {
          response = await world.send(request);
        } catch (error) {
          // The server may close the connection on a body it refuses unread (too large, no login).
          if (request.body?.kind === 'oversize') return true;
          response = { status: 599, contentType: '', text: `no HTTP response: ${(error as Error).message}` };
        }
        sent++;
        options.trace?.(route, request, response);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        const mine = (byActor[request.actor] ??= {});
        mine[response.status] = (mine[response.status] ?? 0) + 1;
        const here = (byRoute[route] ??= {});
        here[response.status] = (here[response.status] ?? 0) + 1;
        if (options.progress && sent % every === 0) options.progress(sent, planned, findings.length, route);
        // A HEAD answer has no body to judge, only its status.
        const verdict =
          request.method === 'HEAD'
            ? response.status >= 500
              ? `status ${response.status}`
              : undefined
            : (judge(response) ?? secretIn(response.text, world.secrets()));
        const untranslated = verdict ? undefined : englishOnly(response);
        if (untranslated) englishOnlyDetails.add(`${route} ${response.status}: ${untranslated}`);
        if (verdict) {
          last = { request, response, verdict };
          failures++;
        }
        return verdict === undefined;
      });
      const details = await fc.check(property, { seed, numRuns: budget, endOnFailure: false });
      budget -= details.failed ? details.numRuns : budget;
      attempt++;
      if (!details.failed || !details.counterexample || !last) continue;
      // fast-check re-ran the shrunk counterexample last: `last` is what it sent and what came back.
      const { request, response, verdict } = last;
      const sig = signature(op.method, op.path, response, verdict);
      if (seen.has(sig)) continue;
      seen.add(sig);
      findings.push({
        signature: sig,
        route,
        verdict,
        request: describeRequest(request),
        status: response.status,
        excerpt: abridge(response.text, 400),
        seed: options.seed,
        path: details.counterexamplePath ?? undefined,
      });
    }
  };
  // Operations one after another (deterministic for a seed), or several at once: requests then meet
  // each other (a publish beside reads, a delete beside a change), and the run is no longer replayable.
  let next = 0;
  const worker = async () => {
    while (next < ops.length) await runOperation(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  findings.sort((a, b) => a.route.localeCompare(b.route));
  return {
    seed: options.seed,
    sent,
    operations: ops.length,
    statuses,
    byActor,
    byRoute,
    findings,
    englishOnly: [...englishOnlyDetails].sort(),
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

/** The detail of a 4xx problem that has no Chinese text (no i18n, or an i18n.zh without a Chinese character), ids and numbers masked. */
function englishOnly(response: FuzzResponse): string | undefined {
  if (response.status < 400 || response.status >= 500) return undefined;
  try {
    const problem = JSON.parse(response.text) as {
      detail?: unknown;
      i18n?: { zh?: unknown };
      issues?: { i18n?: { zh?: unknown } }[];
    };
    const chinese = (text: { zh?: unknown } | undefined) =>
      typeof text?.zh === 'string' && /[\u4e00-\u9fff]/.test(text.zh);
    // Either the problem says it in Chinese, or each of its issues does (the apps show those by field).
    if (chinese(problem.i18n) || (problem.issues?.length && problem.issues.every((issue) => chinese(issue.i18n))))
      return undefined;
    return String(problem.detail)
      .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>')
      .replace(/"[^"]*"/g, '"…"')
      .replace(/\d+/g, '<n>')
      .slice(0, 160);
  } catch {
    return undefined;
  }
}

/** Another session's token, or a password hash, in a body: no answer may carry either. */
function secretIn(text: string, secrets: string[]): string | undefined {
  if (/\$argon2(id|i|d)\$/.test(text)) return 'a password hash in the body';
  return secrets.some((secret) => text.includes(secret)) ? "a user's session token in the body" : undefined;
}

/** The findings as a reader wants them: each route, what was wrong, the request that shows it. */
export function report(summary: FuzzSummary): string {
  const head = `${summary.sent} requests over ${summary.operations} operations in ${summary.seconds}s (seed ${summary.seed}); statuses ${JSON.stringify(summary.statuses)}`;
  if (!summary.findings.length) return `${head}\nno findings`;
  return [
    `${head}\n${summary.findings.length} finding(s):`,
    ...summary.findings.map(
      (f, i) =>
        `\n#${i + 1} ${f.route}: ${f.verdict}\n${f.request}\n  → ${f.status} ${f.excerpt}\n  (replay: FUZZ_SEED=${f.seed} with the same FUZZ_RUNS)`,
    ),
  ].join('\n');
}
