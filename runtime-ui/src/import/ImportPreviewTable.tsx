import type { EntityDefinition, ImportPreview } from '@lodestar/core';
import { titleOf, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import { IMPORT_MESSAGES } from './messages';

/**
 * The mapping step: each column of the file, the field it fills (a column no field answers to gets a choice of
 * fields, or "leave out"), and the first rows as the engine converted them, problems marked on their cells.
 */
export function ImportPreviewTable({
  entity,
  preview,
  mapping,
  onMap,
}: {
  entity: EntityDefinition;
  preview: ImportPreview;
  mapping: Record<string, string | null>;
  onMap(header: string, field: string | null): void;
}) {
  const t = useMessages(IMPORT_MESSAGES);
  const { lang } = useModel();
  const fieldTitle = (field: string) => titleOf(entity.properties[field] ?? {}, lang, field);
  // Choices show as their labels, as the list will show them.
  const label = (field: string, value: unknown) => {
    const labels = entity.properties[field]?.['x-i18n']?.enum as
      Record<string, { zh?: string; en?: string }> | undefined;
    return labels?.[String(value)]?.[lang] ?? String(value);
  };
  const shown = (field: string, value: unknown) =>
    value === null || value === undefined
      ? ''
      : Array.isArray(value)
        ? value.map((v) => label(field, v)).join('、')
        : label(field, value);
  return (
    <div className="import-preview" data-testid="import-preview">
      <h3>{t.mapping}</h3>
      <div className="import-preview-scroll">
        <table>
          <thead>
            <tr>
              {preview.columns.map((column) => (
                <th key={column.header} scope="col">
                  <div className="import-preview-header">{column.header}</div>
                  {column.target === 'unknown' || column.header in mapping ? (
                    <select
                      aria-label={column.header}
                      value={mapping[column.header] ?? ''}
                      onChange={(e) => onMap(column.header, e.target.value || null)}
                    >
                      <option value="">{column.target === 'unknown' ? t.unknownColumn : t.leaveOut}</option>
                      {Object.keys(entity.properties).map((field) => (
                        <option key={field} value={field}>
                          {fieldTitle(field)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <div className="import-preview-field">
                      {column.target === 'field' && column.field
                        ? fieldTitle(column.field)
                        : column.target === 'recordType'
                          ? t.recordType
                          : column.target === 'owner'
                            ? t.owner
                            : column.computed
                              ? t.computed
                              : t.leaveOut}
                    </div>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.row}>
                {preview.columns.map((column) => {
                  const issue = row.issues.find((i) => i.column === column.header);
                  const key =
                    column.target === 'recordType'
                      ? 'record_type'
                      : column.target === 'owner'
                        ? 'owner_id'
                        : column.field;
                  return (
                    <td key={column.header} className={issue ? 'is-bad' : undefined} title={issue?.message[lang]}>
                      {issue ? issue.value : key ? shown(key, row.values[key]) : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.problem && <p className="ls-error">{preview.problem[lang]}</p>}
    </div>
  );
}
