import type { EntityDefinition } from '@lodestar/core';

/**
 * Where a follow-up on a record goes, read from definitions alone: an agenda entity (`x-entity.agenda`)
 * with a many-to-one to the record's entity. Its fields: the link, the title, the type (its first required
 * single choice other than the open field), the note (its first long text), the next step (the first plain
 * text ordered after the note), the agenda's due and reminder fields and its open field with the values
 * for "still to do" and "done" (the first open value, the first value that is not open).
 */
export interface FollowUpShape {
  entity: EntityDefinition;
  link: string;
  title: string;
  type?: string;
  note?: string;
  nextStep?: string;
  due: string;
  /** The due field holds a date, not an instant. */
  dueIsDate: boolean;
  reminder?: string;
  open: { field: string; todo: string; done?: string };
}

type Kinds = Record<string, Record<string, string>>;

/** Every place a follow-up on `target` can be logged: one per agenda entity linking to it (its first such link). */
export function followUpShapes(entities: readonly EntityDefinition[], kinds: Kinds, target: string): FollowUpShape[] {
  return entities.flatMap((entity) => {
    const shape = followUpShape(entity, kinds[entity.$id] ?? {}, target);
    return shape ? [shape] : [];
  });
}

export function followUpShape(
  entity: EntityDefinition,
  kinds: Record<string, string>,
  target: string,
): FollowUpShape | undefined {
  const agenda = entity['x-entity'].agenda;
  if (!agenda) return undefined;
  const fields = Object.entries(entity.properties).sort(
    ([, a], [, b]) => (a['x-ui']?.order ?? Infinity) - (b['x-ui']?.order ?? Infinity),
  );
  const link = fields.find(([name, def]) => kinds[name] === 'manyToOne' && def['x-relation']?.entity === target)?.[0];
  if (!link) return undefined;
  const required = new Set(entity.required ?? []);
  const plain = (name: string, def: (typeof fields)[number][1]) =>
    def.type === 'string' &&
    !def.enum &&
    !def.format &&
    !def['x-relation'] &&
    !def['x-formula'] &&
    name !== entity['x-entity'].titleField;
  const type = fields.find(
    ([name, def]) => required.has(name) && def.type === 'string' && def.enum && name !== agenda.open.field,
  )?.[0];
  const noteAt = fields.findIndex(([name, def]) => plain(name, def) && def['x-multiline']);
  const note = noteAt >= 0 ? fields[noteAt]![0] : undefined;
  const nextStep =
    noteAt >= 0
      ? fields.slice(noteAt + 1).find(([name, def]) => plain(name, def) && !def['x-multiline'])?.[0]
      : undefined;
  const values = (entity.properties[agenda.open.field]?.enum ?? []) as string[];
  return {
    entity,
    link,
    title: entity['x-entity'].titleField,
    ...(type && { type }),
    ...(note && { note }),
    ...(nextStep && { nextStep }),
    due: agenda.due,
    dueIsDate: kinds[agenda.due] === 'date',
    ...(agenda.reminder && { reminder: agenda.reminder }),
    open: {
      field: agenda.open.field,
      todo: agenda.open.values[0]!,
      ...(values.find((v) => !agenda.open.values.includes(v)) !== undefined && {
        done: values.find((v) => !agenda.open.values.includes(v)),
      }),
    },
  };
}

/** What the box sends: a done activity when there is no next date, an open one due (and reminded) then otherwise. */
export function followUpBody(
  shape: FollowUpShape,
  recordId: string,
  input: { type?: string; typeTitle?: string; note: string; nextStep: string; remindAt?: string },
): Record<string, unknown> {
  const firstLine = input.note.trim().split('\n')[0]!.slice(0, 60);
  const subject = [input.typeTitle, firstLine || input.nextStep.trim()].filter(Boolean).join(' · ').slice(0, 200);
  const body: Record<string, unknown> = { [shape.link]: recordId, [shape.title]: subject || input.typeTitle || '—' };
  if (shape.type && input.type) body[shape.type] = input.type;
  if (shape.note && input.note.trim()) body[shape.note] = input.note.trim();
  if (shape.nextStep && input.nextStep.trim()) body[shape.nextStep] = input.nextStep.trim();
  if (input.remindAt) {
    body[shape.due] = shape.dueIsDate ? localDate(input.remindAt) : input.remindAt;
    if (shape.reminder) body[shape.reminder] = input.remindAt;
    body[shape.open.field] = shape.open.todo;
  } else if (shape.open.done) body[shape.open.field] = shape.open.done;
  return body;
}

/** The calendar date of an instant where the browser is. */
function localDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
