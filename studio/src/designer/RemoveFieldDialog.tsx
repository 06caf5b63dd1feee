import { useEffect, useState } from 'react';
import { api, titleOf, useMessages } from '@lodestar/ui-shared';
import type { DefinitionSet, Text } from '@lodestar/core';
import { useStudioLang } from '../app/lang';
import { Dialog } from '../ui/controls';
import { entityIn, removeField } from './entity-edits';
import { REMOVE_MESSAGES } from './remove-messages';

type Check = { status: 'checking' } | { status: 'free' } | { status: 'used'; places: Text[] } | { status: 'failed' };

/**
 * Before a field goes, asks the engine which places of the draft still name it (the would-be draft
 * validated against the current one): those are listed by title and the field stays; else an in-app
 * confirmation names the field by title.
 */
export function RemoveFieldDialog(props: {
  definitions: DefinitionSet;
  entityId: string;
  name: string;
  onRemove(): void;
  onClose(): void;
}) {
  const { definitions, entityId, name } = props;
  const t = useMessages(REMOVE_MESSAGES);
  const { lang } = useStudioLang();
  const [check, setCheck] = useState<Check>({ status: 'checking' });
  const field = titleOf(definitions.entities.find((e) => e.$id === entityId)?.properties[name] ?? {}, lang, name);
  useEffect(() => {
    const controller = new AbortController();
    const next = structuredClone(definitions);
    removeField(entityIn(next, entityId), name);
    api('post', '/meta/validate', { body: { definitions: next, before: definitions }, signal: controller.signal })
      .then(({ issues }) => {
        const used = issues.find((i) => i.keyword === 'referencedField' && i.pointer === `/properties/${name}`);
        const refs = (used?.params?.references ?? []) as { text: Text }[];
        setCheck(refs.length ? { status: 'used', places: refs.map((r) => r.text) } : { status: 'free' });
      })
      .catch(() => !controller.signal.aborted && setCheck({ status: 'failed' }));
    return () => controller.abort();
  }, [definitions, entityId, name]);
  if (check.status === 'used' || check.status === 'failed')
    return (
      <Dialog
        title={t.blockedTitle(field)}
        onClose={props.onClose}
        actions={
          <button type="button" className="button" onClick={props.onClose}>
            {t.close}
          </button>
        }
      >
        {check.status === 'failed' ? (
          <p role="alert">{t.failed}</p>
        ) : (
          <>
            <p>{t.blockedBody}</p>
            <ul className="reference-list" aria-label={t.blockedTitle(field)}>
              {check.places.map((place, i) => (
                <li key={i}>{place[lang]}</li>
              ))}
            </ul>
          </>
        )}
      </Dialog>
    );
  return (
    <Dialog
      title={check.status === 'checking' ? t.checking(field) : t.confirmTitle(field)}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={props.onClose}>
            {t.cancel}
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={check.status !== 'free'}
            onClick={props.onRemove}
          >
            {t.remove}
          </button>
        </>
      }
    >
      <p>{t.confirmBody}</p>
    </Dialog>
  );
}
