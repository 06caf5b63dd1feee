import { useEffect, useState } from 'react';
import { useMessages } from '@lodestar/ui-shared';
import { SearchPalette } from './SearchPalette';
import { SEARCH_MESSAGES } from './messages';
import './search.css';

/** The header's search button; it and ⌘K / Ctrl+K anywhere open the command palette. */
export function GlobalSearch() {
  const t = useMessages(SEARCH_MESSAGES);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const shortcut = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', shortcut);
    return () => window.removeEventListener('keydown', shortcut);
  }, []);
  return (
    <>
      <button
        type="button"
        className="search-open"
        aria-haspopup="dialog"
        aria-label={t.open}
        title={t.shortcut ? `${t.open} (${t.shortcut})` : t.open}
        onClick={() => setOpen(true)}
      >
        <SearchIcon />
        <span className="search-open-label">{t.open}</span>
        {t.shortcut && <kbd className="search-open-kbd">{t.shortcut}</kbd>}
      </button>
      {open && <SearchPalette onClose={() => setOpen(false)} />}
    </>
  );
}

function SearchIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" strokeLinecap="round" />
    </svg>
  );
}
