import type { EntityDefinition, TotalsAnswer } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { formatNumber } from '../dashboard/format';
import { formatMoney } from '../fields/format';
import { fieldTitle } from '../model/labels';
import { useModel } from '../model/ModelContext';
import { LIST_MESSAGES } from './messages';

/** The list's count (共 1,234 条, or 约 12 万条 when estimated) and the totals of its money columns. */
export function ListTotals({ entity, totals }: { entity: EntityDefinition; totals: TotalsAnswer }) {
  const { lang } = useModel();
  const t = useMessages(LIST_MESSAGES);
  const count = totals.exact
    ? t.totalCount(formatNumber(totals.count, lang))
    : t.estimatedCount(formatNumber(totals.count, lang));
  return (
    <span className="list-totals" data-testid="list-totals">
      <span className="list-total-count" title={totals.exact ? undefined : t.estimatedHint}>
        {count}
      </span>
      {Object.entries(totals.sums ?? {}).map(([field, sum]) => (
        <span key={field} className="list-total-sum" data-field={field}>
          {t.sumOf(fieldTitle(entity, field, lang), money(entity, field, sum, lang))}
        </span>
      ))}
    </span>
  );
}

/** A total as its money column shows values: the field's currency and scale, in the reader's language. */
function money(entity: EntityDefinition, field: string, sum: number | null, lang: 'zh' | 'en'): string {
  if (sum === null) return '—';
  const definition = entity.properties[field];
  return formatMoney(sum, definition?.['x-currency'] ?? 'CNY', lang, definition?.['x-scale']);
}
