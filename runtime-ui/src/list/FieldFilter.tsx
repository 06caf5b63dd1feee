import { displayKind } from '../fields/kinds';
import { fieldTitle } from '../model/labels';
import { useModel } from '../model/ModelContext';
import type { EntityDefinition, WorkflowDefinition } from '@lodestar/core';
import { ChoiceFilter, ContainsFilter, OneOfFilter, RangeFilter } from './filterEditors';
import { choiceOptions, filterStyle } from './filterOptions';
import type { ListFilter } from './listQuery';
import { LIST_MESSAGES } from './messages';
import { RelatedFilter, UserFilter } from './PickFilter';
import { useMessages } from '@lodestar/ui-shared';

interface FieldFilterProps {
  entity: EntityDefinition;
  field: string;
  workflows: WorkflowDefinition[];
  filters: ListFilter[];
  onChange: (field: string, filters: ListFilter[]) => void;
}

/** The filter editor a field's kind calls for, under the field's title. */
export function FieldFilter({ entity, field, workflows, filters, onChange }: FieldFilterProps) {
  const { kinds, lang, me, entity: entityById } = useModel();
  const t = useMessages(LIST_MESSAGES);
  const kind = displayKind(kinds, entity, field);
  const style = filterStyle(kind);
  const title = fieldTitle(entity, field, lang);
  const props = { field, title, filters, onChange: (next: ListFilter[]) => onChange(field, next), t };
  const editor = (() => {
    switch (style) {
      case 'contains':
        return <ContainsFilter {...props} />;
      case 'range':
        return <RangeFilter {...props} type="number" />;
      case 'dateRange':
        return <RangeFilter {...props} type="date" />;
      case 'choice':
        return <ChoiceFilter {...props} options={choiceOptions(entity, field, kind, lang, workflows)} />;
      case 'oneOf':
        return <ChoiceFilter {...props} op="any" options={choiceOptions(entity, field, kind, lang, workflows)} />;
      case 'boolean':
        return (
          <OneOfFilter
            {...props}
            op="eq"
            options={[
              { value: 'true', label: t.yes },
              { value: 'false', label: t.no },
            ]}
          />
        );
      case 'related': {
        const target = entityById(entity.properties[field]?.['x-relation']?.entity ?? '');
        return target ? <RelatedFilter {...props} target={target} /> : null;
      }
      case 'user':
        return <UserFilter {...props} meId={me.id} />;
      default:
        return null;
    }
  })();
  if (!editor) return null;
  return (
    <div className={`filter-field filter-kind-${style}`}>
      <div className="filter-title" aria-hidden="true">
        {title}
      </div>
      {editor}
    </div>
  );
}
