import { useState, type DragEvent } from 'react';
import { useMessages } from '@lodestar/ui-shared';
import type { OrgUnit, User } from './admin-api';
import { PEOPLE_MESSAGES } from './people-messages';

/** What is dragged, in the drag's data (text/plain, as the layout designer carries a field). */
const DRAG_TYPE = 'text/plain';
const unitDrag = (id: string) => `unit:${id}`;
const userDrag = (id: string) => `user:${id}`;

/** The units a unit may move under by the "move to" select: any but itself and the units below it. */
export function moveTargets<U extends Pick<OrgUnit, 'id' | 'path'>>(units: U[], unit: U): U[] {
  return units.filter((other) => !other.path.startsWith(unit.path));
}

export interface TreeMoves {
  /** Puts a unit under another (null: at the top); the engine refuses a unit under its own units. */
  moveUnit(id: string, parentId: string | null): void;
  /** Puts a person in a unit (null: in none). */
  moveUser(id: string, orgUnitId: string | null): void;
}

/**
 * The org tree: drag a unit onto another to put it there (or onto the top row), drag a person onto a unit;
 * each unit's "move to…" select does the same from the keyboard or on a phone, as the layout designer's
 * buttons do for its fields.
 */
export function OrgTree({
  units,
  users,
  moves,
}: {
  units: (OrgUnit & { depth: number })[];
  users: User[];
  moves: TreeMoves;
}) {
  const t = useMessages(PEOPLE_MESSAGES);
  // The drop target under the pointer: a unit id, '' for the top row.
  const [over, setOver] = useState<string | null>(null);
  const allow = (target: string) => (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'move';
    setOver(target);
  };
  const dropOn = (target: string | null) => (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setOver(null);
    const [kind, id] = event.dataTransfer.getData(DRAG_TYPE).split(':');
    if (!id) return;
    if (kind === 'unit' && id !== target) moves.moveUnit(id, target);
    if (kind === 'user') moves.moveUser(id, target);
  };
  const drag = (payload: string) => (event: DragEvent) => {
    event.stopPropagation();
    event.dataTransfer.setData(DRAG_TYPE, payload);
    event.dataTransfer.effectAllowed = 'move';
  };
  const leave = (event: DragEvent) =>
    !event.currentTarget.contains(event.relatedTarget as Node | null) && setOver(null);
  const members = (unitId: string | null) => users.filter((u) => u.active && (u.orgUnitId ?? null) === unitId);
  const person = (user: User) => (
    <li key={user.id} className="tree-person" draggable onDragStart={drag(userDrag(user.id))} data-person={user.email}>
      {user.displayName || user.email}
    </li>
  );
  const loose = members(null);
  return (
    <>
      <p className="control-hint">{t.dragHint}</p>
      <ul className="unit-tree" aria-label={t.dragHint}>
        <li
          className={`tree-top${over === '' ? ' is-over' : ''}`}
          data-unit-top=""
          onDragOver={allow('')}
          onDragLeave={leave}
          onDrop={dropOn(null)}
        >
          <span className="muted small">{t.toTop}</span>
          {loose.length > 0 && (
            <ul className="tree-people" aria-label={t.unassigned}>
              {loose.map(person)}
            </ul>
          )}
        </li>
        {units.map((unit) => {
          const own = members(unit.id);
          const targets = moveTargets(units, unit);
          return (
            <li
              key={unit.id}
              className={`tree-unit${over === unit.id ? ' is-over' : ''}`}
              style={{ marginLeft: unit.depth * 20 }}
              data-unit={unit.name}
              draggable
              onDragStart={drag(unitDrag(unit.id))}
              onDragOver={allow(unit.id)}
              onDragLeave={leave}
              onDrop={dropOn(unit.id)}
            >
              <div className="tree-unit-head">
                <span className="unit-branch" aria-hidden="true">
                  {unit.depth ? '└' : '■'}
                </span>
                <span className="tree-unit-name">{unit.name}</span>
                <select
                  className="tree-move"
                  aria-label={t.moveUnit(unit.name)}
                  value=""
                  onChange={(event) => {
                    const to = event.target.value;
                    if (to) moves.moveUnit(unit.id, to === '/' ? null : to);
                  }}
                >
                  <option value="">{t.moveTo}</option>
                  {unit.parentId !== null && <option value="/">{t.toTop}</option>}
                  {targets
                    .filter((target) => target.id !== unit.parentId)
                    .map((target) => (
                      <option key={target.id} value={target.id}>{`${'　'.repeat(target.depth)}${target.name}`}</option>
                    ))}
                </select>
              </div>
              {own.length > 0 && (
                <ul className="tree-people" aria-label={t.members(unit.name)}>
                  {own.map(person)}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
