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
 * its parents'), or an approval step's `when` (its own fields only: `relations` false). `entity` reads another
 * entity's records instead (a related guard's or sendEvent's `where`); `actor` lets user fields be compared with
 * "me" (only guards, where a user sends the event).
 */
export function ConditionInput({
  label,
  hint,
  relations = true,
  actor = false,
  entity: otherEntity,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  relations?: boolean;
  actor?: boolean;
  entity?: string;
  value: string;
  onChange(next: string | undefined): void;
}) {
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const bound = useContext(ConditionEntity);
  const entityId = otherEntity ?? bound;
  const entity = definitions.entities.find((e) => e.$id === entityId);
  const fields = useMemo(
    () => ruleFields(entity, definitions.entities, lang, { relations, owner: true, actor }),
    [entity, definitions.entities, lang, relations, actor],
  );
  const verdict = useMemo(
    () => conditionVerdict(entity, definitions.entities, { actor }),
    [entity, definitions.entities, actor],
  );
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
