import { LIST_MESSAGES } from './messages';
import { useDebouncedText } from './useDebounced';
import { useMessages } from '@lodestar/ui-shared';

/** The quick search (`q=`): reports once typing pauses for 250 ms. */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const t = useMessages(LIST_MESSAGES);
  const [text, setText] = useDebouncedText(value, onSearch, 250);
  return (
    <div className="search-box">
      <svg viewBox="0 0 20 20" aria-hidden="true" className="search-icon">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M13 13l4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        aria-label={t.search}
        placeholder={t.searchPlaceholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
    </div>
  );
}
