import type { Lang } from '@lodestar/ui-shared';
import type { DesignerMessages } from './designer-messages';
import { libraryName } from './library-messages';
import { refName, text, type Edge } from './model';
import type { FieldOption } from './ParamsForm';
import { parseTimerKey } from './timer-keys';
import { timerWords } from './timer-words';

/** An edge's words: a timer when it fires (⏱ 应收日期后 1 天 09:00), an automatic one its guard (⚡ 自动 · 限定角色). */
export function edgeLabel(e: Edge, lang: Lang, m: DesignerMessages, dateFields: FieldOption[]): string {
  const own = text(e.transition.meta?.title, lang, '');
  if (e.kind === 'on') return own || e.key;
  if (e.kind === 'after') {
    const field = (f: string) => dateFields.find((d) => d.value === f)?.label ?? f;
    return `⏱ ${own || timerWords(parseTimerKey(e.key), field, m)}`;
  }
  const guard = refName(e.transition.guard);
  return `⚡ ${own || m.autoLabel}${guard && !own ? ` · ${libraryName(guard, lang)}` : ''}`;
}
