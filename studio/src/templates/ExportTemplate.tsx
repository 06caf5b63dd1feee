import { useState, type FormEvent } from 'react';
import { api, ApiError, type ApiIssue, useMessages } from '@lodestar/ui-shared';
import { TextInput } from '../ui/controls';
import { IssueTable } from './IssueTable';
import { TEMPLATE_MESSAGES } from './messages';
import { templateFileName } from './file-name';

/** Downloads `GET /meta/template?name&version` as a file; empty inputs take the engine's defaults. */
export function ExportTemplate() {
  const t = useMessages(TEMPLATE_MESSAGES);
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; issues: ApiIssue[] }>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const query = { ...(name.trim() && { name: name.trim() }), ...(version.trim() && { version: version.trim() }) };
      const template = await api('get', '/meta/template', { query });
      save(
        templateFileName(template.manifest.name, template.manifest.version),
        `${JSON.stringify(template, null, 2)}\n`,
      );
    } catch (failure) {
      // Every problem is listed on its own row, not only counted in the headline.
      setError({ message: (failure as Error).message, issues: failure instanceof ApiError ? failure.issues : [] });
    }
    setBusy(false);
  };
  return (
    <section className="panel template-panel" aria-label={t.exportHeading}>
      <header className="panel-head">
        <div>
          <h2>{t.exportHeading}</h2>
          <p className="subtitle">{t.exportHint}</p>
        </div>
      </header>
      <form className="template-body inline-form" onSubmit={submit}>
        <TextInput label={t.name} value={name} onChange={setName} placeholder={t.namePlaceholder} />
        <TextInput
          label={t.version}
          value={version}
          onChange={setVersion}
          placeholder="1.0"
          mono
          hint={t.versionHint}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.downloading : t.download}
        </button>
      </form>
      {error && (
        <div className="notice notice-error template-notice" role="alert" data-testid="export-issues">
          <strong>{t.exportFailed}</strong>
          <span className="notice-detail">{error.message}</span>
          {error.issues.length > 0 && <IssueTable issues={error.issues} />}
        </div>
      )}
    </section>
  );
}

/** A download from memory: the token-carrying fetch already ran, so a plain link cannot be used. */
function save(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
