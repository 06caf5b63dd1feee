import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST as the receiver got it, with the status it answered. */
export interface Delivery {
  headers: IncomingHttpHeaders;
  raw: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the event it expects
  body: any;
  status: number;
  /** Whether the signature checked out with the receiver's secret. */
  signed: boolean;
}

/**
 * An ERP stand-in: a local HTTP server that verifies each delivery's signature (HMAC-SHA256 over
 * "<timestamp>.<raw body>", compared in constant time, at most five minutes old) and answers with what
 * `respond` says, 200 by default.
 */
export class WebhookReceiver {
  received: Delivery[] = [];
  secret = '';
  respond: (delivery: Omit<Delivery, 'status'>) => number | Promise<number> = () => 200;
  url = '';
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const request = {
        headers: req.headers,
        raw,
        body: JSON.parse(raw) as unknown,
        signed: this.verify(req.headers, raw),
      };
      const status = await this.respond(request);
      this.received.push({ ...request, status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(`status ${status}`);
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/erp/events`;
  }

  /** The deliveries it accepted (2xx). */
  accepted(): Delivery[] {
    return this.received.filter((d) => d.status >= 200 && d.status < 300);
  }

  verify(headers: IncomingHttpHeaders, raw: string): boolean {
    const timestamp = String(headers['x-lodestar-timestamp']);
    const given = Buffer.from(String(headers['x-lodestar-signature']));
    const expected = Buffer.from(
      `sha256=${createHmac('sha256', this.secret).update(`${timestamp}.${raw}`).digest('hex')}`,
    );
    const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
    return fresh && given.length === expected.length && timingSafeEqual(given, expected);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
