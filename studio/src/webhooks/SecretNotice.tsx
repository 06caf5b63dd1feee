import { useState } from 'react';
import { useMessages } from '@lodestar/ui-shared';
import { WEBHOOK_MESSAGES } from './messages';

/** The new subscription's secret, shown this once with a copy button; gone for good once dismissed. */
export function SecretNotice({ secret, onDone }: { secret: string; onDone(): void }) {
  const t = useMessages(WEBHOOK_MESSAGES);
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="panel webhook-secret" aria-label={t.secretHeading}>
      <h2>{t.secretHeading}</h2>
      <p className="small">
        {t.secretHelp} <code>X-Lodestar-Signature</code>
        {t.secretKeep}
      </p>
      <div className="webhook-secret-row">
        <code className="webhook-secret-value" data-testid="webhook-secret">
          {secret}
        </code>
        <button type="button" className="button" onClick={copy}>
          {t.copy}
        </button>
        {copied && (
          <span className="small" role="status">
            {copied === 'yes' ? t.copied : t.copyFailed}
          </span>
        )}
      </div>
      <button type="button" className="button button-quiet" onClick={onDone}>
        {t.secretDone}
      </button>
    </section>
  );
}
