import type { Registry } from '@rjsf/utils';
import { DuplicateHint } from './DuplicateHint';
import type { RecordFormContext } from './formContext';

/** A field's duplicate hint, from the form's context (the field template knows only the registry). */
export function FieldDuplicates({ registry, field }: { registry: Registry; field: string }) {
  const context = registry.formContext as RecordFormContext | undefined;
  if (!context?.entity) return null;
  return (
    <DuplicateHint
      entity={context.entity}
      field={field}
      matches={context.duplicateHints?.[field]}
      lang={context.lang}
    />
  );
}
