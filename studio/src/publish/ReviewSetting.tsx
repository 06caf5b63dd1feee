import { useState } from 'react';
import { api, useApiGet, useMessages } from '@lodestar/ui-shared';
import { Checkbox } from '../ui/controls';
import { PUBLISH_MESSAGES } from './messages';

/** The installation's switch: risky publishes need a second administrator (stored by the engine, default off). */
export function ReviewSetting({ onChange }: { onChange(): void }) {
  const t = useMessages(PUBLISH_MESSAGES);
  const [settings, reload] = useApiGet('/meta/review-settings');
  const [error, setError] = useState<string>();
  if (settings.status !== 'ready') return null;
  const save = async (requireReview: boolean) => {
    setError(undefined);
    try {
      await api('put', '/meta/review-settings', { body: { requireReview } });
      reload();
      onChange();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section className="panel review-setting" data-testid="review-setting">
      <Checkbox
        label={t.reviewSetting}
        checked={settings.data.requireReview}
        onChange={(on) => void save(on)}
        hint={t.reviewSettingHint}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
