import { createTransport } from 'nodemailer';
import type { Config } from '../config.js';
import { errorText } from './error-text.js';
import type { DeliveryResult, EmailPayload, OutboxRow } from './types.js';

export type SmtpSettings = NonNullable<Config['smtp']>;

export interface EmailSender {
  send(row: OutboxRow, payload: EmailPayload): Promise<DeliveryResult>;
  close(): void;
}

/**
 * Sends outbox mail through the configured SMTP server. One connection per message (no pool): CRM
 * notifications are few, and nothing stays open for `stop()` to chase.
 */
export function createEmailSender(smtp: SmtpSettings, timeoutMs: number): EmailSender {
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    // 465 is implicit TLS; other ports start plain and upgrade with STARTTLS when the server offers it.
    secure: smtp.port === 465,
    ...(smtp.user && { auth: { user: smtp.user, pass: smtp.password ?? '' } }),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  const domain = smtp.from.split('@').pop()?.replace(/>.*$/, '') || 'localhost';
  return {
    async send(row, payload) {
      try {
        const info = await transport.sendMail({
          from: smtp.from,
          to: payload.to,
          subject: payload.subject,
          text: payload.text,
          // Stable per row: if a crash makes us send twice, mail systems can tell it is one message.
          messageId: `<outbox.${row.id}.${row.createdAt.getTime()}@${domain}>`,
          headers: { 'X-Lodestar-Delivery': String(row.id) },
        });
        // Some recipients accepted: retrying would mail them again, so the row counts as sent.
        if (info.rejected.length) return { ok: true, rejected: info.rejected.map(String) };
        return { ok: true };
      } catch (error) {
        return { ok: false, error: errorText(error, [smtp.password]), permanent: isPermanentRejection(error) };
      }
    },
    close: () => transport.close(),
  };
}

/**
 * A 5xx reply to the envelope or the message is final (no such mailbox, message refused): retrying
 * gets the same answer. A 5xx to AUTH is not: it means our settings are wrong, and fixing them should
 * let the queued mail through, so it retries like a network error.
 */
function isPermanentRejection(error: unknown): boolean {
  const { code, permanent } = error as { code?: string; permanent?: boolean };
  return permanent === true && (code === 'EENVELOPE' || code === 'EMESSAGE');
}
