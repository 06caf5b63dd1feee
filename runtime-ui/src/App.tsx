import { useEffect, useState } from 'react';
import { AppHeader, descriptionOf, pick, TitleRow, titleOf, useApi, useDocumentTitle, useLang, type Lang } from '@lodestar/ui-shared';
import { countRecords, type EntityDefinition, type RecordCount } from './api';
import { MESSAGES } from './messages';

type Messages = (typeof MESSAGES)[Lang];

export function App() {
  const [lang, setLang] = useLang();
  const t = MESSAGES[lang];
  const [entities, reload] = useApi<{ data: EntityDefinition[] }>('/api/v1/meta/entities');
  const [health] = useApi<{ modelVersion?: number }>('/api/v1/health');
  const modelVersion = health.status === 'ready' ? health.data.modelVersion : undefined;

  useDocumentTitle(t.heading);

  return (
    <div className="page">
      <AppHeader
        home="/"
        appName={t.appName}
        brandExtra={<span className="brand-tagline">{t.tagline}</span>}
        links={[{ href: '/api/v1/docs', label: t.navDocs }, { href: '/studio/', label: t.navStudio }]}
        lang={lang}
        onLangChange={setLang}
        languageLabel={t.language}
      />

      <main className="main">
        <TitleRow
          heading={t.heading}
          subheading={t.subheading}
          aside={modelVersion !== undefined && modelVersion > 0 && <span className="badge">{t.modelVersion(modelVersion)}</span>}
        />

        {entities.status === 'loading' && <LoadingGrid label={t.loading} />}
        {entities.status === 'error' && (
          <div className="notice notice-error" role="alert">
            <strong>{t.loadFailed}</strong>
            <span className="notice-detail">{entities.error.message}</span>
            <button type="button" className="button" onClick={reload}>
              {t.retry}
            </button>
          </div>
        )}
        {entities.status === 'ready' && entities.data.data.length === 0 && (
          <div className="notice">
            <strong>{t.emptyTitle}</strong>
            <span className="notice-detail">{t.emptyHint}</span>
            <a className="button" href="/studio/">
              {t.openStudio}
            </a>
          </div>
        )}
        {entities.status === 'ready' && entities.data.data.length > 0 && (
          <ul className="grid">
            {entities.data.data.map((entity, index) => (
              <li key={entity.$id}>
                <EntityCard entity={entity} color={PALETTE[index % PALETTE.length]!} lang={lang} t={t} />
              </li>
            ))}
          </ul>
        )}
      </main>

      <footer className="footer">
        <span>{t.footer}</span>
        <span className="footer-links">
          <a href="/api/v1/docs">{t.navDocs}</a>
          <a href="/api/v1/openapi.json">OpenAPI</a>
          <a href="/studio/">{t.navStudio}</a>
        </span>
      </footer>
    </div>
  );
}

function EntityCard({ entity, color, lang, t }: { entity: EntityDefinition; color: string; lang: Lang; t: Messages }) {
  const title = titleOf(entity, lang, entity.$id);
  const description = descriptionOf(entity, lang);
  const types = Object.entries(entity['x-entity']?.recordTypes ?? {});
  const fieldCount = Object.keys(entity.properties ?? {}).length;
  return (
    <article className="card">
      <div className="card-head">
        <span className="card-icon" style={{ background: color }} aria-hidden="true">
          {Array.from(title)[0]?.toUpperCase()}
        </span>
        <div className="card-heading">
          <h2>{title}</h2>
          <code>{entity.$id}</code>
        </div>
      </div>
      {description && <p className="card-desc">{description}</p>}
      {types.length > 0 && (
        <div className="chips" aria-label={t.recordTypes}>
          {types.map(([key, type]) => (
            <span className="chip" key={key}>
              {pick(type.title, lang) ?? key}
            </span>
          ))}
        </div>
      )}
      <dl className="stats">
        <div>
          <dt>{t.records}</dt>
          <dd>
            <RecordCountValue entity={entity.$id} t={t} />
          </dd>
        </div>
        <div>
          <dt>{t.fields}</dt>
          <dd>{fieldCount}</dd>
        </div>
      </dl>
      <a className="card-link" href={`/studio/#${encodeURIComponent(entity.$id)}`}>
        {t.viewInStudio} →
      </a>
    </article>
  );
}

/** The record count, or a quiet dash while the records API is not there (or refuses). */
function RecordCountValue({ entity, t }: { entity: string; t: Messages }) {
  const [count, setCount] = useState<RecordCount | 'loading' | 'unavailable'>('loading');
  useEffect(() => {
    const controller = new AbortController();
    setCount('loading');
    countRecords(entity, controller.signal).then(setCount, () => {
      if (!controller.signal.aborted) setCount('unavailable');
    });
    return () => controller.abort();
  }, [entity]);
  if (count === 'loading') return <span className="muted pulse">…</span>;
  if (count === 'unavailable')
    return (
      <span className="muted" title={t.countUnavailable}>
        —
      </span>
    );
  return 'exact' in count ? <>{count.exact.toLocaleString()}</> : <>{count.atLeast}+</>;
}

function LoadingGrid({ label }: { label: string }) {
  return (
    <div aria-busy="true">
      <p className="muted loading-label">{label}</p>
      <ul className="grid" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <li key={i}>
            <div className="card skeleton" />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Icon colors, one per card in turn. */
const PALETTE = ['#2f5bea', '#0f9d8a', '#d9822b', '#8a4fd8', '#d64561', '#2b8fd9', '#5b8c2a'];
