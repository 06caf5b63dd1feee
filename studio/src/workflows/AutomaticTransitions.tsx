import { useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { Select } from '../ui/controls';
import { ActionsEditor } from './ActionsEditor';
import { DESIGNER_MESSAGES } from './designer-messages';
import { stateTitle } from './model';
import { PANEL_MESSAGES } from './panel-messages';
import type { FieldOption } from './ParamsForm';
import { ReferenceEditor } from './ReferenceEditor';
import { listAutomatic, setAutomatic } from './timed-edits';
import type { Library, Transition, Workflow } from './types';

interface Props {
  workflow: Workflow;
  name: string;
  library: Library;
  fields: FieldOption[];
  onEdit(change: (w: Workflow) => void): void;
}

/** A stage's automatic transitions (`always`): a guard and a target each, tried in order. */
export function AutomaticTransitions({ workflow, name, library, fields, onEdit }: Props) {
  const m = useMessages(DESIGNER_MESSAGES);
  const p = useMessages(PANEL_MESSAGES);
  const { lang } = useStudioLang();
  const list = listAutomatic(workflow.states[name]!);
  const targets = Object.keys(workflow.states).map((n) => ({ value: n, label: stateTitle(workflow, n, lang) }));
  const write = (next: Transition[]) => onEdit((w) => setAutomatic(w, name, next));
  const replace = (i: number, t: Transition) => write(list.map((x, j) => (j === i ? t : x)));
  const firstOther = Object.keys(workflow.states).find((n) => n !== name);
  return (
    <section className="wf-timed" aria-label={m.automatic}>
      <h3 className="wf-subhead">{m.automatic}</h3>
      <p className="muted small">{m.automaticHint}</p>
      {list.map((transition, i) => (
        <fieldset className="wf-timer" key={i} data-automatic={i}>
          <legend>{m.auto(i + 1)}</legend>
          <ReferenceEditor
            label={p.guard}
            noneLabel={p.noGuard}
            entries={library.guards}
            value={transition.guard}
            fields={fields}
            onChange={(guard) => {
              const next = { ...transition, guard };
              if (!guard) delete next.guard;
              replace(i, next);
            }}
          />
          <Select
            label={m.target}
            value={transition.target ?? ''}
            options={targets}
            onChange={(target) => replace(i, { ...transition, target })}
          />
          <ActionsEditor
            actions={transition.actions ?? []}
            entries={library.actions}
            fields={fields}
            onChange={(actions) => {
              const { actions: _old, ...rest } = transition;
              const next = actions.length ? { ...rest, actions } : rest;
              replace(i, next);
            }}
          />
          <button type="button" className="link-button danger" onClick={() => write(list.filter((_, j) => j !== i))}>
            {m.removeAutomatic(i + 1)}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button-quiet"
        disabled={!firstOther}
        onClick={() => write([...list, { target: firstOther! }])}
      >
        + {m.addAutomatic}
      </button>
    </section>
  );
}
