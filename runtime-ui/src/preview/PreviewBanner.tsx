import { endPreview, previewInfo, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import { PREVIEW_MESSAGES } from './messages';
import './preview.css';

/**
 * On top of every screen while the tab shows a "view as" preview (issue 19): who is previewed, that it is the
 * draft, and that nothing is saved. Opened in its own tab it can be left; inside the studio's frame the studio
 * closes it.
 */
export function PreviewBanner() {
  const info = previewInfo();
  const { lang } = useModel();
  const t = useMessages(PREVIEW_MESSAGES);
  if (!info) return null;
  const framed = window.self !== window.top;
  const leave = () => {
    endPreview();
    window.location.assign('/');
  };
  return (
    <div className="preview-banner" role="region" aria-label={t.region} data-testid="preview-banner">
      <strong>{t.banner(info.title[lang], info.draft)}</strong>
      {info.expiresAt.getTime() < Date.now() && <span className="preview-expired">{t.expired}</span>}
      {!framed && (
        <button type="button" className="button button-quiet" onClick={leave}>
          {t.exit}
        </button>
      )}
    </div>
  );
}
