import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useModel } from '../model/ModelContext';
import { eventTitle, stateTitle } from '../model/labels';
import type { Move } from './board-model';
import { useBoardWorkflow } from './BoardContext';
import { KANBAN_MESSAGES } from './messages';
import { useMessages } from '@lodestar/ui-shared';

const MENU_WIDTH = 240;
const ITEM_HEIGHT = 50;

/**
 * The keyboard (and touch) way to move a card: a button opening a menu of the events its stage allows,
 * each named by its title and the stage it leads to. Arrow keys move within the menu, Escape closes it.
 */
export function MoveMenu({
  title,
  from,
  moves,
  onChoose,
}: {
  title: string;
  from: string;
  moves: Move[];
  onChoose(move: Move): void;
}) {
  const { lang } = useModel();
  const workflow = useBoardWorkflow();
  const t = useMessages(KANBAN_MESSAGES);
  const [open, setOpen] = useState(false);
  // Fixed to the viewport: the column's scrolling card list would clip an absolutely placed menu.
  const [place, setPlace] = useState<{ top?: number; bottom?: number; left: number } | null>(null);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
    const close = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    const dismiss = (event: Event) => !menu.current?.contains(event.target as Node) && setOpen(false);
    document.addEventListener('pointerdown', close);
    window.addEventListener('scroll', dismiss, true);
    window.addEventListener('resize', dismiss);
    return () => {
      document.removeEventListener('pointerdown', close);
      window.removeEventListener('scroll', dismiss, true);
      window.removeEventListener('resize', dismiss);
    };
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    }
  };

  return (
    <div className="move-menu">
      <button
        ref={button}
        type="button"
        className="move-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t.moveMenuLabel(title)}
        title={t.moveMenu}
        onClick={() => {
          const rect = button.current!.getBoundingClientRect();
          const left = Math.max(8, rect.right - MENU_WIDTH);
          // Opens upwards when the card sits low in the window.
          const fitsBelow = rect.bottom + 16 + Math.max(1, moves.length) * ITEM_HEIGHT < window.innerHeight;
          setPlace(fitsBelow ? { top: rect.bottom + 4, left } : { bottom: window.innerHeight - rect.top + 4, left });
          setOpen((o) => !o);
        }}
      >
        <span aria-hidden="true">⇄</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className="move-menu-list"
          style={place ?? undefined}
          role="menu"
          aria-label={t.moveMenuLabel(title)}
          onKeyDown={onKeyDown}
        >
          {moves.length === 0 && <p className="move-menu-empty">{t.noMoves}</p>}
          {moves.map((move) => (
            <button
              key={`${move.event}:${move.target}`}
              type="button"
              role="menuitem"
              className="move-menu-item"
              data-event={move.event}
              onClick={() => {
                setOpen(false);
                onChoose(move);
              }}
            >
              <MoveLabel
                event={eventTitle(workflow, from, move.event, lang)}
                target={stateTitle(workflow, move.target, lang)}
                arrow={t.moveTo}
              />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** The event's title, and the stage it leads to when the title does not already say so. */
function MoveLabel({ event, target, arrow }: { event: string; target: string; arrow(target: string): string }) {
  return (
    <>
      <span>{event}</span>
      {target !== event && <span className="move-menu-target">{arrow(target)}</span>}
    </>
  );
}
