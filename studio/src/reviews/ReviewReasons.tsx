import type { ResponseOf } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';

export type Review = ResponseOf<'/meta/reviews', 'get'>['data'][number];

/** Why a change needs a second administrator, in the engine's words: each reason and what exactly. */
export function ReviewReasons({ reasons }: { reasons: Review['reasons'] }) {
  const { lang } = useStudioLang();
  return (
    <ul className="review-reasons">
      {reasons.map((reason) => (
        <li key={reason.code} data-reason={reason.code}>
          <strong>{reason.text[lang]}</strong>
          <ul>
            {reason.items.map((item, i) => (
              <li key={i}>{item[lang]}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
