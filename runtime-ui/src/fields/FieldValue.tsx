import { memo, type CSSProperties, type ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../app/paths';
import { useModel } from '../model/ModelContext';
import type { EntityDefinition } from '@lodestar/core';
import type { RecordJson } from '../model/types';
import { formatPlain, isEmptyValue, relatedId, relatedTitle, shortId } from './format';
import { displayKind } from './kinds';
import { FIELD_MESSAGES } from './messages';
import { useUsers } from './useUsers';
import './fields.css';
import { useMessages } from '@lodestar/ui-shared';

export interface FieldValueProps {
  entity: EntityDefinition;
  field: string;
  record: RecordJson;
}

/**
 * One attribute of a record, for reading: formatted by the field's kind (money, dates, choices, stages,
 * related records, users…), an empty value as a muted dash. Memoized: tables render many of these.
 */
export const FieldValue = memo(function FieldValue({ entity, field, record }: FieldValueProps) {
  const { kinds, lang, entity: entityById, workflowOf } = useModel();
  const kind = displayKind(kinds, entity, field);
  const value = record[field];
  const t = useMessages(FIELD_MESSAGES);
  if (isEmptyValue(value)) return <Empty label={t.empty} />;

  const target =
    entity.properties[field]?.['x-relation']?.entity ?? entity.properties[field]?.items?.['x-relation']?.entity;
  const ctx = { entity, field, kind, lang, target: target ? entityById(target) : undefined };
  switch (kind) {
    case 'state': {
      const workflow = workflowOf(entity.$id, record.record_type as string | undefined);
      const color = workflow?.states[String(value)]?.meta?.color;
      return (
        <span className="state-chip" style={color ? ({ '--chip': color } as CSSProperties) : undefined}>
          {formatPlain(value, { ...ctx, workflow })}
        </span>
      );
    }
    case 'user':
      return <UserName id={String(value)} />;
    case 'manyToOne':
      return (
        <RelatedLink
          target={target}
          value={value}
          title={relatedTitle(value, ctx.target, lang)}
          restrictedHint={t.restrictedHint}
        />
      );
    case 'manyToMany':
      return (
        <span className="field-list">
          {(value as unknown[]).map((item) => (
            <RelatedLink
              key={relatedId(item)}
              target={target}
              value={item}
              title={relatedTitle(item, ctx.target, lang)}
              restrictedHint={t.restrictedHint}
            />
          ))}
        </span>
      );
    case 'email':
      return <a href={`mailto:${String(value)}`}>{String(value)}</a>;
    case 'url':
      return (
        <a href={safeUrl(String(value))} target="_blank" rel="noreferrer noopener">
          {String(value).replace(/^https?:\/\//, '')}
        </a>
      );
    case 'phone':
      return <a href={`tel:${String(value).replace(/[^\d+]/g, '')}`}>{String(value)}</a>;
    case 'money':
    case 'integer':
    case 'number':
      return <span className="field-number">{formatPlain(value, ctx)}</span>;
    case 'multiChoice':
    case 'textList':
      return <Tags values={(value as unknown[]).map((v) => formatPlain([v], ctx))} />;
    default:
      return <>{formatPlain(value, ctx)}</>;
  }
});

function Empty({ label }: { label: string }) {
  return (
    <span className="field-empty" aria-label={label}>
      —
    </span>
  );
}

function Tags({ values }: { values: string[] }): ReactNode {
  return (
    <span className="field-list">
      {values.map((v, i) => (
        <span key={i} className="field-tag">
          {v}
        </span>
      ))}
    </span>
  );
}

function RelatedLink({
  target,
  value,
  title,
  restrictedHint,
}: {
  target?: string;
  value: unknown;
  title: string;
  restrictedHint: string;
}) {
  if (value && typeof value === 'object' && (value as { restricted?: boolean }).restricted) {
    return (
      <span className="field-restricted" title={restrictedHint}>
        {title}
      </span>
    );
  }
  const id = relatedId(value);
  if (!target) return <>{title}</>;
  // Inside a clickable table row, the link opens the related record, not the row's own.
  return (
    <Link
      to={paths.record(target, id)}
      onClick={(e) => e.stopPropagation()}
      className={typeof value === 'object' ? undefined : 'field-id'}
    >
      {title}
    </Link>
  );
}

/** A user's display name from the shared directory (their short id until it arrives). */
export function UserName({ id }: { id: string }) {
  const { byId, loaded } = useUsers();
  const { me } = useModel();
  const t = useMessages(FIELD_MESSAGES);
  const user = byId.get(id);
  if (user) return <span title={user.email}>{user.displayName}</span>;
  if (id === me.id) return <span title={me.email}>{me.displayName}</span>;
  return (
    <span className={loaded ? 'field-id' : undefined} title={loaded ? t.unknownUser : undefined}>
      {shortId(id)}
    </span>
  );
}

/** Only web links: a stored `javascript:` URL must never become a clickable href. */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

export { formatPlain } from './format';
