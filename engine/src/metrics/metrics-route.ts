import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Metrics } from './registry.js';

/** How /metrics is reached: off, open to whoever reaches the port, or with a bearer token. */
export interface MetricsSettings {
  /** LODESTAR_METRICS_TOKEN: Prometheus sends `Authorization: Bearer <token>`. */
  token?: string;
}

const sameSecret = (given: string, token: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `GET /metrics` in Prometheus's text format. With a token set, a scrape without it gets 401 and the
 * same plain text Prometheus shows; without one, anyone who reaches the port may read it (the compose
 * file's proxy does not route /metrics).
 */
export function metricsRoute(metrics: Metrics, settings: MetricsSettings): RequestHandler {
  return async (req, res) => {
    if (settings.token !== undefined) {
      const header = req.get('authorization') ?? '';
      const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
      if (!sameSecret(given, settings.token)) {
        res
          .status(401)
          .set('WWW-Authenticate', 'Bearer realm="lodestar-metrics"')
          .type('text/plain; charset=utf-8')
          .send('metrics need the token in LODESTAR_METRICS_TOKEN / 指标接口需要 LODESTAR_METRICS_TOKEN 中的令牌\n');
        return;
      }
    }
    let text: string;
    try {
      text = await metrics.render();
    } catch (error) {
      // Under --workers: the primary did not gather the workers' figures in time. Prometheus records a failed scrape.
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(`metrics unavailable / 指标暂不可用: ${(error as Error).message}\n`);
      return;
    }
    res.set('Cache-Control', 'no-store').type(metrics.registry.contentType).send(text);
  };
}
