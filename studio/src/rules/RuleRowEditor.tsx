import { useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { RULE_MESSAGES } from './messages';
import { blankOperand, opsFor, rowOn, sourceOf, sourcesFor, withOp, type OperandSource } from './rule-ops';
import type { RuleField } from './rule-fields';
import type { CompareRow, Op, Operand } from './rule-tree';
import { opWords } from './rule-words';

/** One condition row: field (by title), operator by the field's kind, and its value(s) or another field. */
export function RuleRowEditor({
  row,
  path,
  fields,
  onChange,
  onRemove,
}: {
  row: CompareRow;
  path: string;
  fields: RuleField[];
  onChange(row: CompareRow): void;
  onRemove(): void;
}) {
  const t = useMessages(RULE_MESSAGES);
  const { lang } = useStudioLang();
  const field = fields.find((f) => f.path === row.field);
  const known = !row.field || field;
  const ops = opsFor(field);
  const boolean = field?.type === 'boolean';
  // A yes/no field says "为是 / 为否" in one list; every other kind names its operators.
  const opKey = (op: Op, operands: Operand[]) =>
    boolean && op === 'eq' ? `eq:${operands[0]?.kind === 'boolean' && !operands[0].value ? 'no' : 'yes'}` : op;
  const opOptions = ops.flatMap((op) =>
    boolean && op === 'eq'
      ? [
          { key: 'eq:yes', label: t.isYes },
          { key: 'eq:no', label: t.isNo },
        ]
      : [{ key: op, label: opWords({ op, operands: [] }, field, lang) }],
  );
  const setOp = (key: string) => {
    if (key.startsWith('eq:'))
      return onChange({ ...row, op: 'eq', operands: [{ kind: 'boolean', value: key === 'eq:yes' }] });
    onChange(withOp(row, key as Op, field));
  };
  const setOperands = (operands: Operand[]) => onChange({ ...row, operands });
  const sources = sourcesFor(field, row.op);
  const source = sourceOf(row.operands[0]);
  return (
    <div className="rule-row">
      <select
        aria-label={t.field(path)}
        value={row.field}
        onChange={(event) =>
          onChange(
            rowOn(
              fields.find((f) => f.path === event.target.value),
              event.target.value,
            ),
          )
        }
      >
        <option value="">{t.chooseField}</option>
        {fields.map((f) => (
          <option key={f.path} value={f.path}>
            {f.label}
          </option>
        ))}
        {!known && <option value={row.field}>{row.field} ⚠</option>}
      </select>
      {row.field && (
        <select aria-label={t.op(path)} value={opKey(row.op, row.operands)} onChange={(e) => setOp(e.target.value)}>
          {opOptions.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      )}
      {row.field && sources.length > 1 && (
        <select
          aria-label={t.source(path)}
          value={source}
          onChange={(event) => setOperands([blankOperand(field, event.target.value as OperandSource)])}
        >
          {sources.map((s) => (
            <option key={s} value={s}>
              {s === 'value' ? t.aValue : s === 'field' ? t.aField : s === 'me' ? t.me : t.today}
            </option>
          ))}
        </select>
      )}
      {row.field && <Operands row={row} field={field} fields={fields} path={path} onChange={setOperands} />}
      <button type="button" className="icon-button" aria-label={t.removeItem(path)} onClick={onRemove}>
        ×
      </button>
    </div>
  );
}

function Operands({
  row,
  field,
  fields,
  path,
  onChange,
}: {
  row: CompareRow;
  field: RuleField | undefined;
  fields: RuleField[];
  path: string;
  onChange(operands: Operand[]): void;
}) {
  const t = useMessages(RULE_MESSAGES);
  if (row.op === 'in' && field?.choices) {
    // Several choices: a box per option, kept in the field's order.
    const chosen = new Set(row.operands.map((o) => (o.kind === 'text' ? o.value : '')));
    const toggle = (value: string, on: boolean) => {
      const next = new Set(chosen);
      if (on) next.add(value);
      else next.delete(value);
      onChange(field.choices!.filter((c) => next.has(c.value)).map((c) => ({ kind: 'text', value: c.value })));
    };
    return (
      <fieldset className="rule-choices">
        <legend className="visually-hidden">{t.value(path)}</legend>
        {field.choices.map((choice) => (
          <label key={choice.value}>
            <input
              type="checkbox"
              checked={chosen.has(choice.value)}
              onChange={(event) => toggle(choice.value, event.target.checked)}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
    );
  }
  const days = row.op === 'withinNext' || row.op === 'withinPast';
  return (
    <>
      {row.operands.map((operand, i) => (
        <OperandInput
          key={i}
          label={i === 0 ? t.value(path) : t.value2(path)}
          fieldLabel={t.otherField(path)}
          operand={operand}
          field={field}
          fields={fields}
          onChange={(next) => onChange(row.operands.map((o, j) => (j === i ? next : o)))}
        />
      ))}
      {days && <span className="muted">{t.days}</span>}
    </>
  );
}

/** One value, typed by the field: a choice list, a date, a number, text; or another field of the same type. */
function OperandInput({
  label,
  fieldLabel,
  operand,
  field,
  fields,
  onChange,
}: {
  label: string;
  fieldLabel: string;
  operand: Operand;
  field: RuleField | undefined;
  fields: RuleField[];
  onChange(operand: Operand): void;
}) {
  const t = useMessages(RULE_MESSAGES);
  switch (operand.kind) {
    case 'today':
    case 'me':
      return null;
    case 'field': {
      const others = fields.filter((f) => f.type === field?.type && f.path !== field?.path);
      return (
        <select
          aria-label={fieldLabel}
          value={operand.path}
          onChange={(e) => onChange({ ...operand, path: e.target.value })}
        >
          <option value="">{t.chooseField}</option>
          {others.map((f) => (
            <option key={f.path} value={f.path}>
              {f.label}
            </option>
          ))}
        </select>
      );
    }
    case 'boolean':
      return (
        <select
          aria-label={label}
          value={operand.value ? 'yes' : 'no'}
          onChange={(e) => onChange({ kind: 'boolean', value: e.target.value === 'yes' })}
        >
          <option value="yes">{t.yes}</option>
          <option value="no">{t.no}</option>
        </select>
      );
    case 'date':
      return (
        <input
          aria-label={label}
          type="date"
          value={operand.value}
          onChange={(e) => onChange({ ...operand, value: e.target.value })}
        />
      );
    case 'number':
      return (
        <input
          aria-label={label}
          inputMode="decimal"
          className="rule-number"
          value={operand.value}
          onChange={(e) => onChange({ ...operand, value: e.target.value })}
        />
      );
    case 'text':
      if (field?.choices) {
        const known = field.choices.some((c) => c.value === operand.value);
        return (
          <select
            aria-label={label}
            value={operand.value}
            onChange={(e) => onChange({ ...operand, value: e.target.value })}
          >
            {field.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
            {!known && <option value={operand.value}>{operand.value ? `${operand.value} ⚠` : t.empty}</option>}
          </select>
        );
      }
      return (
        <input
          aria-label={label}
          value={operand.value}
          onChange={(e) => onChange({ ...operand, value: e.target.value })}
        />
      );
  }
}
