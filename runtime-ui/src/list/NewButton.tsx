import { Link } from 'react-router';
import { paths } from '../app/paths';
import { recordTypeTitle } from '../model/labels';
import { useModel } from '../model/ModelContext';
import type { EntityDefinition } from '@lodestar/core';
import { LIST_MESSAGES } from './messages';
import { usePopover } from './usePopover';
import { useMessages } from '@lodestar/ui-shared';

/** "New": a link to the form, or a menu of record types when the entity has them. Absent without create rights. */
export function NewButton({ entity }: { entity: EntityDefinition }) {
  const { lang, permissions } = useModel();
  const t = useMessages(LIST_MESSAGES);
  const { open, setOpen, ref } = usePopover<HTMLDivElement>();
  const scope = permissions[entity.$id]?.create ?? 'none';
  if (scope === 'none') return null;
  const types = Object.keys(entity['x-entity'].recordTypes ?? {});
  if (types.length === 0) {
    return (
      <Link className="button" to={paths.newRecord(entity.$id)} role="button">
        + {t.new}
      </Link>
    );
  }
  return (
    <div className="menu-anchor" ref={ref}>
      <button type="button" className="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        + {t.new} <span className="caret" aria-hidden="true" />
      </button>
      {open && (
        <div className="menu menu-right" role="menu" aria-label={t.newOfType}>
          <div className="menu-heading">{t.newOfType}</div>
          {types.map((type) => (
            <Link
              key={type}
              role="menuitem"
              className="menu-item"
              to={paths.newRecord(entity.$id, type)}
              onClick={() => setOpen(false)}
            >
              {recordTypeTitle(entity, type, lang)}
            </Link>
          ))}
        </div>
      )}
    </div>
  );
}
