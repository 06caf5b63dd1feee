import type { Lang } from '@lodestar/ui-shared';
import type { PlanStep, SqlType } from './plan-types';

/**
 * One step in words, in Chinese or English (the engine's CLI wording in engine/src/migrate/describe-step.ts,
 * for people who think in fields rather than columns).
 */
export function describeStep(step: PlanStep, lang: Lang): string {
  const zh = lang === 'zh';
  const table = typeof step.table === 'string' ? step.table : (step.table?.name ?? '');
  const column = typeof step.column === 'string' ? step.column : (step.column?.name ?? '');
  const at = `${table}.${column}`;
  const rows = step.rows ?? 0;
  const lost = (noun: [string, string]) => (rows ? (zh ? `（${rows} ${noun[0]}将丢失）` : ` (${rows} ${noun[1]}${rows === 1 ? '' : 's'} lost)`) : '');
  const values = (step.values ?? []).map((v) => `“${v}”`).join(zh ? '、' : ', ');
  switch (step.kind) {
    case 'createTable':
      return zh ? `新建数据表 ${table}` : `create the table ${table}`;
    case 'dropTable':
      return (zh ? `删除数据表 ${table}` : `drop the table ${table}`) + lost(['行数据', 'row']);
    case 'renameTable':
      return zh ? `数据表改名 ${String(step.from)} → ${String(step.to)}` : `rename the table ${String(step.from)} → ${String(step.to)}`;
    case 'addColumn': {
      const type = typeof step.column === 'object' ? sqlType(step.column.type) : '';
      return zh ? `添加字段列 ${at}（${type}）` : `add the column ${at} (${type})`;
    }
    case 'dropColumn':
      return (zh ? `删除字段列 ${at}` : `drop the column ${at}`) + lost(['个值', 'value']);
    case 'renameColumn':
      return zh ? `字段列改名 ${table}.${String(step.from)} → ${String(step.to)}（数据保留）` : `rename the column ${table}.${String(step.from)} → ${String(step.to)} (data kept)`;
    case 'alterType': {
      const change = `${sqlType(step.from as SqlType)} → ${sqlType(step.to as SqlType)}`;
      const empty = rows ? (zh ? `，${rows} 个值无法转换将被清空` : `; ${rows} value${rows === 1 ? '' : 's'} cannot convert and become empty`) : '';
      return zh ? `修改 ${at} 的类型 ${change}${empty}` : `change the type of ${at} ${change}${empty}`;
    }
    case 'setNotNull':
      return zh ? `将 ${at} 设为必填${rows ? `（${rows} 行为空）` : ''}` : `make ${at} required${rows ? ` (${rows} empty row${rows === 1 ? '' : 's'})` : ''}`;
    case 'dropNotNull':
      return zh ? `将 ${at} 改为选填` : `make ${at} optional`;
    case 'setDefault':
      return step.default ? (zh ? `设置 ${at} 的默认值` : `set the default of ${at}`) : zh ? `移除 ${at} 的默认值` : `remove the default of ${at}`;
    case 'addEnumValues':
      return zh ? `为 ${at} 添加选项 ${values}` : `add the choices ${values} to ${at}`;
    case 'removeEnumValues':
      return (zh ? `从 ${at} 移除选项 ${values}` : `remove the choices ${values} from ${at}`) + (rows ? (zh ? `（${rows} 行受影响）` : ` (${rows} row${rows === 1 ? '' : 's'} affected)`) : '');
    case 'addForeignKey':
      return zh ? `关联 ${at} → ${step.references?.table}` : `link ${at} → ${step.references?.table}`;
    case 'dropForeignKey':
      return zh ? `取消 ${at} 的关联约束` : `unlink ${at} from its related table`;
    case 'addIndex':
      return zh ? `为 ${table} 添加索引（${step.index?.columns.join('、')}）` : `add an index on ${table} (${step.index?.columns.join(', ')})`;
    case 'dropIndex':
      return zh ? `删除 ${table} 的索引 ${step.index?.name}` : `drop the index ${step.index?.name} on ${table}`;
    case 'createJunction':
      return zh ? `新建关联表 ${step.junction?.source}.${step.junction?.field} ↔ ${step.junction?.target}` : `create the link table ${step.junction?.source}.${step.junction?.field} ↔ ${step.junction?.target}`;
    case 'dropJunction':
      return (zh ? `删除关联表 ${step.junction?.name}` : `drop the link table ${step.junction?.name}`) + lost(['条关联', 'link']);
    case 'renameJunction':
      return zh ? `关联表改名 ${String(step.from)} → ${String(step.to)}` : `rename the link table ${String(step.from)} → ${String(step.to)}`;
    case 'renameState':
      return zh ? `流程阶段改名 ${step.workflow}.${String(step.from)} → ${String(step.to)}${rows ? `（${rows} 条记录）` : ''}` : `rename the stage ${step.workflow}.${String(step.from)} → ${String(step.to)}${rows ? ` (${rows} records)` : ''}`;
    case 'moveState': {
      const target = step.to === undefined ? (zh ? '初始阶段' : 'the initial stage') : String(step.to);
      return zh ? `移除流程阶段 ${step.workflow}.${step.state}，其中 ${rows} 条记录移到 ${target}` : `remove the stage ${step.workflow}.${step.state}; its ${rows} record${rows === 1 ? '' : 's'} move to ${target}`;
    }
    default:
      return step.kind;
  }
}

/** The entity a step belongs to, for grouping (`customer`, or the link table's source). */
export function stepEntity(step: PlanStep): string {
  if (typeof step.table === 'string') return step.table;
  if (step.table) return step.table.name;
  if (step.junction) return step.junction.source;
  return '';
}

function sqlType(type: SqlType | undefined): string {
  if (!type) return '?';
  const size = type.length !== undefined ? `(${type.length})` : type.precision !== undefined ? `(${type.precision},${type.scale ?? 0})` : '';
  return `${type.base}${size}${type.array ? '[]' : ''}`;
}
