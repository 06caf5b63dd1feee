import { createContext, useContext, useMemo } from 'react';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { RuleBuilder } from './RuleBuilder';
import { ruleFields } from './rule-fields';
import { conditionVerdict } from './verdicts';

/** The entity a workflow's conditions read (its bound entity), for rule builders deep in its forms. */
export const ConditionEntity = createContext<string | undefined>(undefined);

/**
 * A condition of the workflow's bound entity in the rule builder: a `condition` guard's formula (its fields and
 * its parents'), or an approval step's `when` (its own fields only: `relations` false).
 */
export function ConditionInput({
  label,
  hint,
  relations = true,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  relations?: boolean;
  value: string;
  onChange(next: string | undefined): void;
}) {
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const entityId = useContext(ConditionEntity);
  const entity = definitions.entities.find((e) => e.$id === entityId);
  const fields = useMemo(
    () => ruleFields(entity, definitions.entities, lang, { relations }),
    [entity, definitions.entities, lang, relations],
  );
  const verdict = useMemo(() => conditionVerdict(entity, definitions.entities), [entity, definitions.entities]);
  return (
    <RuleBuilder
      label={label}
      hint={hint}
      value={value}
      fields={fields}
      verdict={verdict}
      onChange={(next) => onChange(next || undefined)}
    />
  );
}
