import { Link } from 'react-router';
import { useMessages, type Lang } from '@lodestar/ui-shared';
import { paths } from '../../app/paths';
import type { DuplicateMatch } from './duplicateHints';
import { DUPLICATE_MESSAGES } from './duplicate-messages';

/**
 * The possible duplicates of a field, under it: the engine's words in the user's language, and a link
 * to the record when the user may open it (a refused save names the same fields).
 */
export function DuplicateHint({
  entity,
  field,
  matches,
  lang,
}: {
  entity: string;
  field: string;
  matches: DuplicateMatch[] | undefined;
  lang: Lang;
}) {
  const t = useMessages(DUPLICATE_MESSAGES);
  if (!matches?.length) return null;
  return (
    <div className="ls-duplicates" role="status" data-testid={`duplicates-${field}`}>
      {matches.map((match, i) => (
        <p
          key={match.id ?? i}
          className={`ls-duplicate${match.reasons.some((r) => r.kind === 'unique') ? ' is-conflict' : ''}`}
        >
          <span>{match.text[lang]}</span>
          {match.readable && match.id && (
            <>
              {' '}
              <Link to={paths.record(entity, match.id)} target="_blank" rel="noopener">
                {t.open}
              </Link>
            </>
          )}
        </p>
      ))}
    </div>
  );
}
