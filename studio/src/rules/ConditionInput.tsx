import { createContext, useContext, useMemo } from 'react';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { RuleBuilder } from './RuleBuilder';
import { ruleFields } from './rule-fields';
import { conditionVerdict } from './verdicts';

/** The entity a workflow's conditions read (its bound entity), for rule builders deep in its forms. */
export const ConditionEntity = createContext<string | undefined>(undefined);

/** A `condition` guard's formula, edited in the rule builder over the bound entity and its parents. */
export function ConditionInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange(next: string | undefined): void;
}) {
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const entityId = useContext(ConditionEntity);
  const entity = definitions.entities.find((e) => e.$id === entityId);
  const fields = useMemo(
    () => ruleFields(entity, definitions.entities, lang, { relations: true }),
    [entity, definitions.entities, lang],
  );
  const verdict = useMemo(() => conditionVerdict(entity, definitions.entities), [entity, definitions.entities]);
  return (
    <RuleBuilder
      label={label}
      value={value}
      fields={fields}
      verdict={verdict}
      onChange={(next) => onChange(next || undefined)}
    />
  );
}
