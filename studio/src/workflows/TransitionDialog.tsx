import { useState } from 'react';
import { useStudioLang } from '../app/lang';
import { Dialog, Select, TextInput } from '../ui/controls';
import { WORKFLOW_MESSAGES } from './messages';
import { isFinal, stateTitle } from './model';
import type { Workflow } from './types';
import { EVENT_NAME } from './workflow-edits';
import { useMessages } from '@lodestar/ui-shared';
import { DESIGNER_MESSAGES } from './designer-messages';
import { eventIdFrom } from './ids';
import { APPROVAL_MESSAGES } from './approval-messages';

export interface NewTransition {
  from: string;
  event: string;
  to: string;
  title: { zh: string; en: string };
}

/** A new transition: from a stage that is not final to any stage, its event id derived from its title (under Advanced). */
export function TransitionDialog({
  workflow,
  from,
  onClose,
  onApply,
}: {
  workflow: Workflow;
  from?: string;
  onClose(): void;
  onApply(t: NewTransition): void;
}) {
  const t = useMessages(WORKFLOW_MESSAGES);
  const m = useMessages(DESIGNER_MESSAGES);
  const { lang } = useStudioLang();
  const names = Object.keys(workflow.states);
  const sources = names.filter((n) => !isFinal(workflow.states[n]));
  const [source, setSource] = useState(from && sources.includes(from) ? from : (sources[0] ?? ''));
  const [typed, setEvent] = useState<string>();
  const [target, setTarget] = useState(names.find((n) => n !== source) ?? '');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const used = Object.keys(workflow.states[source]?.on ?? {});
  // A stage with an approval leaves by the APPROVE and REJECT events: offered by what they mean, not by id.
  const a = useMessages(APPROVAL_MESSAGES);
  const outcomes = workflow.states[source]?.meta?.approval
    ? ['APPROVE', 'REJECT'].filter((e) => !used.includes(e))
    : [];
  const [picked, setOutcome] = useState('');
  const outcome = outcomes.includes(picked) ? picked : '';
  const event = outcome || (typed ?? (zh || en ? eventIdFrom(en || zh, used) : ''));
  const taken = used.includes(event);
  const error = event && !EVENT_NAME.test(event) ? t.eventPattern : taken ? t.eventTaken : undefined;
  const ready = source && target && event && !error;
  const option = (n: string) => ({ value: n, label: stateTitle(workflow, n, lang) });
  return (
    <Dialog
      title={t.addTransition}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t.cancel}
          </button>
          <button
            type="button"
            className="button"
            disabled={!ready}
            onClick={() =>
              ready && onApply({ from: source, event, to: target, title: { zh: zh || event, en: en || event } })
            }
          >
            {t.done}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <Select label={t.from} value={source} options={sources.map(option)} onChange={setSource} />
        <Select label={t.to} value={target} options={names.map(option)} onChange={setTarget} />
        <TextInput label={t.titleZh} value={zh} onChange={setZh} />
        <TextInput label={t.titleEn} value={en} onChange={setEn} />
        {outcomes.length > 0 && (
          <Select
            label={a.outcome}
            value={outcome}
            options={['', ...outcomes].map((o) => ({ value: o, label: a.outcomes[o]! }))}
            onChange={setOutcome}
          />
        )}
      </div>
      <details className="wf-advanced" open={!!error}>
        <summary>{m.advanced}</summary>
        <TextInput
          label={m.eventId}
          value={event}
          mono
          onChange={(v) => setEvent(v.toUpperCase())}
          hint={error ?? m.idHint}
        />
      </details>
    </Dialog>
  );
}
