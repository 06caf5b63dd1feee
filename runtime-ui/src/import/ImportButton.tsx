import { useState } from 'react';
import type { EntityDefinition } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';
import { ImportDialog, runningImportOf } from './ImportDialog';
import { IMPORT_MESSAGES } from './messages';
import './import.css';

/** "导入 / Import" beside the export: opens the wizard (at once when an import of this entity still runs). */
export function ImportButton({ entity, onImported }: { entity: EntityDefinition; onImported(): void }) {
  const t = useMessages(IMPORT_MESSAGES);
  const [open, setOpen] = useState(() => runningImportOf(entity.$id) !== null);
  return (
    <>
      <button type="button" className="button button-secondary" data-testid="import-open" onClick={() => setOpen(true)}>
        {t.open}
      </button>
      {open && (
        <ImportDialog
          entity={entity}
          onClose={(changed) => {
            setOpen(false);
            if (changed) onImported();
          }}
        />
      )}
    </>
  );
}
