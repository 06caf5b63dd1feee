import { useState } from 'react';
import type { InstalledTemplatesAnswer, ShippedTemplate, ShippedTemplatesAnswer } from '@lodestar/core';
import { pick, useApi, useMessages, type Localized } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { PlanSteps } from '../publish/PlanSteps';
import { PublishForm } from '../publish/PublishForm';
import { dryRunShipped, installShipped, type GalleryInstall } from './gallery-state';
import { IssueTable } from './IssueTable';
import { GALLERY_MESSAGES } from './messages';

/**
 * 模板库: the templates shipped in templates/ beside the engine's definitions, what the model is made of now,
 * and per template a dry run (issues, or the plan's worded steps) before the install.
 */
export function TemplateGallery() {
  const t = useMessages(GALLERY_MESSAGES);
  const { lang } = useStudioLang();
  const draft = useDraft();
  const [shipped, reloadShipped] = useApi<ShippedTemplatesAnswer>('/api/v1/meta/templates/shipped');
  const [installed, reloadInstalled] = useApi<InstalledTemplatesAnswer>('/api/v1/meta/templates');
  const [open, setOpen] = useState<{ folder: string; state: GalleryInstall }>();
  const text = (value: unknown, fallback: string) => pick(value as Localized, lang) ?? fallback;

  const tryInstall = async (template: ShippedTemplate) => {
    setOpen({ folder: template.folder, state: { status: 'checking' } });
    setOpen({ folder: template.folder, state: await dryRunShipped(template.folder) });
  };
  const confirm = async (folder: string, destructive: boolean) => {
    const state = await installShipped(folder, destructive);
    setOpen({ folder, state });
    if (state.status === 'installed') {
      reloadShipped();
      reloadInstalled();
      draft.reload(); // the studio now stands on the new version
    }
  };
  const model = installed.status === 'ready' ? installed.data.data : [];

  return (
    <section className="panel template-panel" aria-label={t.heading}>
      <header className="panel-head">
        <div>
          <h2>{t.heading}</h2>
          <p className="subtitle">{t.hint}</p>
        </div>
      </header>
      <div className="template-body">
        {model.length > 0 && (
          <p className="gallery-model" data-testid="installed-templates">
            <span className="muted">{t.madeOf}</span>{' '}
            {model.map((m) => (
              <span key={m.name} className="badge">
                {m.title === undefined ? <code>{m.name}</code> : text(m.title, m.name)} {m.version}
              </span>
            ))}
          </p>
        )}
        {shipped.status === 'loading' && <p className="muted">{t.loading}</p>}
        {shipped.status === 'error' && (
          <div className="notice notice-error" role="alert">
            {shipped.error.message}
          </div>
        )}
        {shipped.status === 'ready' && shipped.data.data.length === 0 && <p className="muted">{t.none}</p>}
        <ul className="gallery">
          {shipped.status === 'ready' &&
            shipped.data.data.map((template) => {
              const state = open?.folder === template.folder ? open.state : undefined;
              const upgrade = template.installedVersion !== undefined && template.installedVersion !== template.version;
              return (
                <li key={template.folder} className="gallery-card" data-testid={`template-${template.folder}`}>
                  <header className="gallery-head">
                    <h3>{text(template.title, template.name)}</h3>
                    <span className="badge">{template.kind === 'addon' ? t.addon : t.model}</span>
                  </header>
                  <p className="gallery-meta muted">
                    <code>{template.name}</code> · {t.version(template.version)}
                    {template.extends?.length ? (
                      <>
                        {' · '}
                        {t.installsOn}{' '}
                        {template.extends.map((name, i) => (
                          <span key={name}>
                            {i > 0 && (lang === 'zh' ? '、' : ', ')}
                            <code>{name}</code>
                          </span>
                        ))}
                      </>
                    ) : null}
                  </p>
                  {template.description !== undefined && (
                    <p className="gallery-description">{text(template.description, '')}</p>
                  )}
                  <p className="gallery-status">
                    {template.installedVersion === undefined ? (
                      <span className="muted">{t.notInstalled}</span>
                    ) : upgrade ? (
                      <strong>{t.upgradable(template.installedVersion, template.version)}</strong>
                    ) : (
                      <strong>{t.installedVersion(template.installedVersion)}</strong>
                    )}
                  </p>
                  {template.kind === 'model' && <p className="gallery-warning">{t.replaces}</p>}
                  <button
                    type="button"
                    className="button"
                    disabled={state?.status === 'checking'}
                    onClick={() => void tryInstall(template)}
                  >
                    {upgrade ? t.upgrade : t.install}
                  </button>
                  {state && <InstallResult state={state} onConfirm={(d) => confirm(template.folder, d)} />}
                </li>
              );
            })}
        </ul>
      </div>
    </section>
  );
}

/** A template's dry run or install, under its card. */
function InstallResult({
  state,
  onConfirm,
}: {
  state: GalleryInstall;
  onConfirm(destructive: boolean): Promise<void>;
}) {
  const t = useMessages(GALLERY_MESSAGES);
  const draft = useDraft();
  switch (state.status) {
    case 'checking':
      return (
        <p className="muted" role="status">
          {t.checking}
        </p>
      );
    case 'invalid':
      return (
        <div className="template-result" role="alert" data-testid="gallery-issues">
          <p className="template-broken">{t.broken(state.issues.length)}</p>
          <IssueTable issues={state.issues} />
        </div>
      );
    case 'failed':
      return (
        <div className="notice notice-error" role="alert">
          <strong>{t.failed}</strong>
          <span className="notice-detail">{state.message}</span>
        </div>
      );
    case 'unchanged':
      return (
        <div className="notice" role="status">
          {t.unchanged}
        </div>
      );
    case 'installed':
      return (
        <div className="notice notice-success" role="status" data-testid="gallery-installed">
          <strong>{t.installed(state.version)}</strong>
          {draft.hasDraft && <span className="notice-detail">{t.draftNote}</span>}
        </div>
      );
    case 'planned':
      return (
        <div className="template-result" data-testid="gallery-plan">
          <header className="plan-head">
            <strong>{t.planFor(state.template.name, state.template.version)}</strong>
            {state.previous && <span className="badge">{t.upgradeFrom(state.previous.version)}</span>}
          </header>
          {state.plan.steps.length === 0 ? (
            <p className="muted">{t.noSteps}</p>
          ) : (
            <PlanSteps steps={state.plan.steps} />
          )}
          <PublishForm
            steps={state.plan.steps}
            onPublish={(_note, destructive) => onConfirm(destructive)}
            action={{ label: t.confirm, busyLabel: t.installing }}
          />
        </div>
      );
  }
}
