import { useMessages } from '@lodestar/ui-shared';
import './layout.css';
import { LAYOUT_MESSAGES } from './messages';

export type DesignerTab = 'fields' | 'layout';

/** The entity designer's two tabs: fields and settings, and the form layout. */
export function DesignerTabs({ tab, onChange }: { tab: DesignerTab; onChange(tab: DesignerTab): void }) {
  const t = useMessages(LAYOUT_MESSAGES);
  const tabs: [DesignerTab, string][] = [
    ['fields', t.tabFields],
    ['layout', t.tabLayout],
  ];
  return (
    <div className="designer-tabs" role="tablist" aria-label={t.tabs}>
      {tabs.map(([id, label]) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`designer-tab-${id}`}
          aria-selected={tab === id}
          className="designer-tab"
          onClick={() => onChange(id)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
