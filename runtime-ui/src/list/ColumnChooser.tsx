import { fieldTitle } from '../model/labels';
import { useModel } from '../model/ModelContext';
import type { EntityDefinition } from '@lodestar/core';
import { LIST_MESSAGES } from './messages';
import { usePopover } from './usePopover';
import { useMessages } from '@lodestar/ui-shared';

interface ColumnChooserProps {
  entity: EntityDefinition;
  choosable: string[];
  columns: string[];
  onChange: (columns: string[] | null) => void;
}

/** A menu of every readable field, each a checkbox; a chosen column joins at its place in the field order. */
export function ColumnChooser({ entity, choosable, columns, onChange }: ColumnChooserProps) {
  const { lang } = useModel();
  const t = useMessages(LIST_MESSAGES);
  const { open, setOpen, ref } = usePopover<HTMLDivElement>();
  const toggle = (field: string) => {
    const next = columns.includes(field)
      ? columns.filter((c) => c !== field)
      : insertInOrder(columns, field, choosable);
    if (next.length) onChange(next);
  };
  return (
    <div className="menu-anchor" ref={ref}>
      <button
        type="button"
        className="button button-secondary"
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen(!open)}
        data-testid="column-chooser"
      >
        {t.columns}
      </button>
      {open && (
        <div className="menu menu-columns" role="group" aria-label={t.columns}>
          <div className="menu-scroll">
            {choosable.map((field) => (
              <label key={field} className="menu-check">
                <input type="checkbox" checked={columns.includes(field)} onChange={() => toggle(field)} />
                {fieldTitle(entity, field, lang)}
              </label>
            ))}
          </div>
          <div className="menu-footer">
            <button type="button" className="link-button" onClick={() => onChange(null)}>
              {t.resetColumns}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Keeps the columns the reader arranged, placing a newly chosen one after its nearest predecessor. */
function insertInOrder(columns: string[], field: string, order: string[]): string[] {
  const rank = order.indexOf(field);
  const after = columns.reduce((best, c, i) => (order.indexOf(c) < rank ? i : best), -1);
  return [...columns.slice(0, after + 1), field, ...columns.slice(after + 1)];
}
