import { TitleRow, useMessages } from '@lodestar/ui-shared';
import '../publish/publish.css';
import { DemoDataPanel } from './DemoDataPanel';
import { ExportTemplate } from './ExportTemplate';
import { InstallTemplate } from './InstallTemplate';
import { TEMPLATE_MESSAGES } from './messages';
import { TemplateGallery } from './TemplateGallery';
import './templates.css';

/** The gallery of shipped templates; export the published model as a template file; install one through a dry run and its plan. */
export function TemplatesPage() {
  const t = useMessages(TEMPLATE_MESSAGES);
  return (
    <>
      <TitleRow heading={t.heading} subheading={t.subheading} />
      <div className="templates">
        <TemplateGallery />
        <DemoDataPanel />
        <ExportTemplate />
        <InstallTemplate />
      </div>
    </>
  );
}
