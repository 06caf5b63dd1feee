import { useEffect, useMemo, useState } from 'react';
import { AppHeader, descriptionOf, pick, TitleRow, titleOf, useApi, useDocumentTitle, useLang, type Lang } from '@lodestar/ui-shared';
import type { EntityDefinition, FieldDefinition, PublishedVersion } from './api';
import { kindFamily, KIND_LABELS, type FieldKind, type FieldKinds } from './field-kind';
import { MESSAGES, type Messages } from './messages';

export function App() {
  const [lang, setLang] = useLang();
  const t = MESSAGES[lang];
  const [entities, reloadEntities] = useApi<{ data: EntityDefinition[]; kinds: FieldKinds }>('/api/v1/meta/entities');
  const [versions, reloadVersions] = useApi<{ data: PublishedVersion[] }>('/api/v1/meta/versions');
  const selected = useHashSelection();
  const current = versions.status === 'ready' ? versions.data.data[0]?.version : undefined;

  useDocumentTitle(t.studio);

  return (
    <div className="page">
      <AppHeader
        home="/studio/"
        appName={t.appName}
        brandExtra={<span className="brand-badge">{t.studio}</span>}
        links={[{ href: '/', label: t.navApp }, { href: '/api/v1/docs', label: t.navDocs }]}
        lang={lang}
        onLangChange={setLang}
        languageLabel={t.language}
      />

      <main className="main">
        <TitleRow heading={t.heading} subheading={t.subheading} aside={current !== undefined && <span className="badge">{t.currentVersion(current)}</span>} />

        {entities.status === 'loading' && <Loading label={t.loadingEntities} />}
        {entities.status === 'error' && <Failure t={t} message={entities.error.message} onRetry={reloadEntities} />}
        {entities.status === 'ready' &&
          (entities.data.data.length === 0 ? (
            <div className="notice">{t.noEntities}</div>
          ) : (
            <ModelBrowser entities={entities.data.data} kinds={entities.data.kinds} selected={selected} lang={lang} t={t} />
          ))}

        <section className="panel versions" aria-labelledby="versions-heading">
          <h2 id="versions-heading">{t.versions}</h2>
          {versions.status === 'loading' && <Loading label={t.loadingVersions} />}
          {versions.status === 'error' && <Failure t={t} message={versions.error.message} onRetry={reloadVersions} />}
          {versions.status === 'ready' && <VersionTable versions={versions.data.data} lang={lang} t={t} />}
        </section>
      </main>
    </div>
  );
}

/** The entity named in the URL hash (`/studio/#customer`), so links from the runtime UI land on it. */
function useHashSelection(): string | undefined {
  const read = () => decodeURIComponent(window.location.hash.slice(1)) || undefined;
  const [id, setId] = useState(read);
  useEffect(() => {
    const onChange = () => setId(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return id;
}

function ModelBrowser(props: { entities: EntityDefinition[]; kinds: FieldKinds; selected?: string; lang: Lang; t: Messages }) {
  const { entities, kinds, selected, lang, t } = props;
  const entity = entities.find((e) => e.$id === selected) ?? entities[0]!;
  const titles = useMemo(() => new Map(entities.map((e) => [e.$id, titleOf(e, lang, e.$id)])), [entities, lang]);
  return (
    <div className="browser">
      <nav className="sidebar" aria-label={t.entities}>
        <h2 className="sidebar-heading">{t.entities}</h2>
        <ul>
          {entities.map((e) => (
            <li key={e.$id}>
              <a href={`#${encodeURIComponent(e.$id)}`} aria-current={e.$id === entity.$id ? 'page' : undefined}>
                <span className="sidebar-title">{titles.get(e.$id)}</span>
                <span className="sidebar-meta">
                  <code>{e.$id}</code> · {t.fieldCount(Object.keys(e.properties ?? {}).length)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <EntityDetail entity={entity} kinds={kinds[entity.$id] ?? {}} titles={titles} lang={lang} t={t} />
    </div>
  );
}

function EntityDetail(props: { entity: EntityDefinition; kinds: Record<string, FieldKind>; titles: Map<string, string>; lang: Lang; t: Messages }) {
  const { entity, kinds, titles, lang, t } = props;
  const options = entity['x-entity'] ?? { titleField: '' };
  const types = Object.entries(options.recordTypes ?? {});
  const fieldTitle = (name: string) => {
    const field = entity.properties[name];
    return field ? titleOf(field, lang, name) : name;
  };
  const groups = groupBySection(entity, lang, t);
  return (
    <section className="panel detail" aria-labelledby="entity-heading">
      <header className="detail-head">
        <h2 id="entity-heading">
          {titleOf(entity, lang, entity.$id)} <code>{entity.$id}</code>
        </h2>
        {descriptionOf(entity, lang) && <p className="subtitle">{descriptionOf(entity, lang)}</p>}
        <dl className="facts">
          <div>
            <dt>{t.titleField}</dt>
            <dd>{fieldTitle(options.titleField)}</dd>
          </div>
          {options.workflow && (
            <div>
              <dt>{t.workflow}</dt>
              <dd>
                <code>{options.workflow}</code>
              </dd>
            </div>
          )}
        </dl>
        {types.length > 0 && (
          <div className="record-types">
            <h3>{t.recordTypes}</h3>
            <ul>
              {types.map(([key, type]) => (
                <li key={key}>
                  <span className="chip">{pick(type.title, lang) ?? key}</span>
                  {type.required && type.required.length > 0 && (
                    <span className="muted small">
                      {t.requires}
                      {type.required.map(fieldTitle).join(t.listSeparator)}
                    </span>
                  )}
                  {type.workflow && <code className="small">{type.workflow}</code>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </header>

      <table className="fields">
        <thead>
          <tr>
            <th>{t.field}</th>
            <th>{t.kind}</th>
            <th>{t.required}</th>
            <th>{t.details}</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.id}>
            {groups.length > 1 && (
              <tr className="section-row">
                <th colSpan={4} scope="colgroup">
                  {group.title}
                </th>
              </tr>
            )}
            {group.fields.map(([name, field]) => (
              <FieldRow key={name} entity={entity} name={name} field={field} kind={kinds[name] ?? 'unknown'} titles={titles} lang={lang} t={t} />
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}

function FieldRow(props: { entity: EntityDefinition; name: string; field: FieldDefinition; kind: FieldKind; titles: Map<string, string>; lang: Lang; t: Messages }) {
  const { entity, name, field, kind, titles, lang, t } = props;
  const types = Object.entries(entity['x-entity']?.recordTypes ?? {});
  const typeTitle = ([key, type]: (typeof types)[number]) => pick(type.title, lang) ?? key;
  const requiredBy = types.filter(([, type]) => type.required?.includes(name));
  const visibleIn = types.filter(([, type]) => !type.fields || type.fields.includes(name) || type.required?.includes(name));
  const help = pick(field['x-ui']?.help, lang);
  return (
    <tr>
      <td>
        <div className="field-title">{titleOf(field, lang, name)}</div>
        <code className="muted small">{name}</code>
      </td>
      <td>
        <span className={`kind kind-${kindFamily(kind)}`}>{KIND_LABELS[lang][kind]}</span>
      </td>
      <td>
        {entity.required?.includes(name) ? (
          <span className="required">{t.yes}</span>
        ) : requiredBy.length > 0 ? (
          <span className="required-partial">{t.requiredFor(requiredBy.map(typeTitle).join(t.listSeparator))}</span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="details">
        {visibleIn.length < types.length && <span className="tag">{t.onlyFor(visibleIn.map(typeTitle).join(t.listSeparator))}</span>}
        {fieldDetails(field, titles, t).map((text) => (
          <span key={text} className="detail-item">
            {text}
          </span>
        ))}
        {help && <span className="help">{help}</span>}
      </td>
    </tr>
  );
}

/** Short facts about a field: relation target, options, currency, length. */
function fieldDetails(field: FieldDefinition, titles: Map<string, string>, t: Messages): string[] {
  const out: string[] = [];
  const relation = field['x-relation'];
  if (relation) {
    out.push(t.linksTo(titles.get(relation.entity) ?? relation.entity));
    if (relation.onDelete && field.type !== 'array') out.push(t.onDelete[relation.onDelete] ?? relation.onDelete);
  }
  const values = field.enum ?? field.items?.enum;
  if (values) out.push(`${t.options(values.length)}: ${values.slice(0, 5).join(', ')}${values.length > 5 ? ', …' : ''}`);
  if (field['x-currency']) out.push(field['x-currency']);
  if (field.maxLength !== undefined && !field.enum) out.push(t.maxLength(field.maxLength));
  return out;
}

type FieldEntry = [string, FieldDefinition];

/** Fields in the entity's sections (in section order, then `x-ui.order`), the rest last. */
function groupBySection(entity: EntityDefinition, lang: Lang, t: Messages) {
  const sections = entity['x-entity']?.sections ?? [];
  const known = new Set(sections.map((s) => s.id));
  const entries = Object.entries(entity.properties ?? {}).filter(([, f]) => !f['x-ui']?.hidden);
  const byOrder = (list: FieldEntry[]) =>
    list
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => (a.entry[1]['x-ui']?.order ?? Infinity) - (b.entry[1]['x-ui']?.order ?? Infinity) || a.index - b.index)
      .map(({ entry }) => entry);
  const groups = sections.map((section) => ({
    id: section.id,
    title: pick(section.title, lang) ?? section.id,
    fields: byOrder(entries.filter(([, f]) => f['x-ui']?.section === section.id)),
  }));
  const rest = entries.filter(([, f]) => !known.has(f['x-ui']?.section ?? ''));
  if (rest.length) groups.push({ id: '__other', title: t.otherFields, fields: byOrder(rest) });
  return groups.filter((g) => g.fields.length > 0);
}

function VersionTable({ versions, lang, t }: { versions: PublishedVersion[]; lang: Lang; t: Messages }) {
  const format = useMemo(() => new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' }), [lang]);
  if (versions.length === 0) return <p className="muted">{t.noVersions}</p>;
  return (
    <table className="versions-table">
      <thead>
        <tr>
          <th>{t.version}</th>
          <th>{t.source}</th>
          <th>{t.note}</th>
          <th>{t.publishedAt}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v, i) => (
          <tr key={v.version}>
            <td>
              <span className={i === 0 ? 'badge' : 'version'}>v{v.version}</span>
            </td>
            <td>{t.sources[v.source] ?? v.source}</td>
            <td>{v.note || <span className="muted">—</span>}</td>
            <td className="nowrap">{formatDate(format, v.published_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function formatDate(format: Intl.DateTimeFormat, value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : format.format(date);
}

function Loading({ label }: { label: string }) {
  return (
    <p className="loading" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

function Failure({ t, message, onRetry }: { t: Messages; message: string; onRetry: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <strong>{t.loadFailed}</strong>
      <span className="notice-detail">{message}</span>
      <button type="button" className="button" onClick={onRetry}>
        {t.retry}
      </button>
    </div>
  );
}
