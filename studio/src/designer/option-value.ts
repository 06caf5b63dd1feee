import { identifierFrom } from '../workflows/ids';
import type { ChoiceValue } from './field-model';

/**
 * The stored value of a new choice option, made from its names as every other id in the studio is: the English
 * name if there is one (readable in exports and the API), else the Chinese one in pinyin; unique among the
 * field's other values. Empty until the option has a name.
 */
export function optionValueFrom(option: Pick<ChoiceValue, 'zh' | 'en'>, others: string[], index: number): string {
  const title = option.en.trim() || option.zh.trim();
  return title ? identifierFrom(title, others, `option${index + 1}`) : '';
}
