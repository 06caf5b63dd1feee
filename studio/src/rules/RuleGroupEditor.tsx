import { useMessages } from '@lodestar/ui-shared';
import { FormulaInput } from './FormulaInput';
import { RULE_MESSAGES } from './messages';
import type { FormulaVerdict } from './RuleBuilder';
import type { RuleField } from './rule-fields';
import { MAX_GROUP_DEPTH, type Join, type RuleGroup, type RuleItem } from './rule-tree';
import { RuleRowEditor } from './RuleRowEditor';

/** One all/any group: its rows, nested groups (two levels at most) and formula rows, each removable. */
export function RuleGroupEditor({
  group,
  path,
  depth,
  fields,
  verdict,
  onChange,
  onRemove,
}: {
  group: RuleGroup;
  /** "" for the top group, "2" or "2.1" below it: how labels name its rows. */
  path: string;
  depth: number;
  fields: RuleField[];
  verdict: FormulaVerdict;
  onChange(group: RuleGroup): void;
  onRemove?(): void;
}) {
  const t = useMessages(RULE_MESSAGES);
  const set = (i: number, item: RuleItem) =>
    onChange({ ...group, items: group.items.map((x, j) => (j === i ? item : x)) });
  const remove = (i: number) => onChange({ ...group, items: group.items.filter((_, j) => j !== i) });
  const add = (item: RuleItem) => onChange({ ...group, items: [...group.items, item] });
  const blankRow: RuleItem = { kind: 'compare', field: '', op: 'eq', operands: [] };
  return (
    <div className={`rule-group depth-${depth}`} data-rule-group={path || 'top'}>
      <div className="rule-group-head">
        <select
          aria-label={t.join(path)}
          value={group.join}
          onChange={(event) => onChange({ ...group, join: event.target.value as Join })}
        >
          <option value="all">{t.all}</option>
          <option value="any">{t.any}</option>
        </select>
        {onRemove && (
          <button type="button" className="icon-button" aria-label={t.removeItem(path)} onClick={onRemove}>
            ×
          </button>
        )}
      </div>
      {group.items.length === 0 && <p className="muted small">{t.none}</p>}
      <ol className="rule-items">
        {group.items.map((item, i) => {
          const at = path ? `${path}.${i + 1}` : String(i + 1);
          return (
            <li key={i} className="rule-item-row" data-rule={at}>
              {item.kind === 'group' ? (
                <RuleGroupEditor
                  group={item}
                  path={at}
                  depth={depth + 1}
                  fields={fields}
                  verdict={verdict}
                  onChange={(next) => set(i, next)}
                  onRemove={() => remove(i)}
                />
              ) : item.kind === 'compare' ? (
                <RuleRowEditor
                  row={item}
                  path={at}
                  fields={fields}
                  onChange={(next) => set(i, next)}
                  onRemove={() => remove(i)}
                />
              ) : (
                <div className="rule-formula-row">
                  <FormulaInput
                    label={t.formulaOf(at)}
                    value={item.source}
                    onChange={(source) => set(i, { kind: 'formula', source })}
                    fields={fields}
                    issues={item.source.trim() ? verdict(item.source).issues : []}
                  />
                  <button type="button" className="icon-button" aria-label={t.removeItem(at)} onClick={() => remove(i)}>
                    ×
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div className="rule-add">
        <button type="button" className="link-button" onClick={() => add(blankRow)}>
          + {t.addRow}
        </button>
        {depth < MAX_GROUP_DEPTH && (
          <button
            type="button"
            className="link-button"
            onClick={() => add({ kind: 'group', join: group.join === 'all' ? 'any' : 'all', items: [blankRow] })}
          >
            + {t.addGroup}
          </button>
        )}
        <button type="button" className="link-button" onClick={() => add({ kind: 'formula', source: '' })}>
          + {t.addFormula}
        </button>
      </div>
    </div>
  );
}
