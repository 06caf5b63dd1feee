import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import type { KanbanMessages } from './messages';

/**
 * What screen readers hear while a card is dragged, in the user's language (dnd-kit's defaults are
 * English and name the record by its id). Cards and columns are named by `title(id)`.
 */
export function boardAnnouncements(
  t: KanbanMessages,
  title: (id: string | number) => string,
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  return {
    screenReaderInstructions: { draggable: t.dragHint },
    announcements: {
      onDragStart: ({ active }) => t.announcePicked(title(active.id)),
      onDragOver: ({ active, over }) => (over ? t.announceOver(title(active.id), title(over.id)) : undefined),
      onDragEnd: ({ active, over }) =>
        over ? t.announceDropped(title(active.id), title(over.id)) : t.announceCancelled(title(active.id)),
      onDragCancel: ({ active }) => t.announceCancelled(title(active.id)),
    },
  };
}
