import { Link } from 'react-router';
import { paths } from '../app/paths';
import { FieldValue } from '../fields/FieldValue';
import { useModel } from '../model/ModelContext';
import { entityTitle, recordTitle } from '../model/labels';
import { itemTime } from './item-time';
import type { MyDayItem, SectionKey } from './my-day-types';
import { MYDAY_MESSAGES } from './messages';
import { useMessages } from '@lodestar/ui-shared';

/** One list of My day: its heading and count, its items (newest concern first as the engine orders them), or a calm empty line. */
export function MyDaySection({ section, items, today }: { section: SectionKey; items: MyDayItem[]; today: string }) {
  const t = useMessages(MYDAY_MESSAGES);
  const headingId = `myday-heading-${section}`;
  return (
    <section
      className={`myday-section myday-section-${section}`}
      data-testid={`myday-${section}`}
      data-count={items.length}
      aria-labelledby={headingId}
    >
      <header className="myday-section-header">
        <h2 id={headingId}>{t.sections[section]}</h2>
        <span className={`myday-count${items.length > 0 ? ' has-items' : ''}`}>{items.length}</span>
      </header>
      {items.length === 0 ? (
        <p className="myday-empty">{t.empty[section]}</p>
      ) : (
        <ul className="myday-items">
          {items.map((item) => (
            <MyDayRow key={`${item.entity}:${item.id}`} item={item} section={section} today={today} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MyDayRow({ item, section, today }: { item: MyDayItem; section: SectionKey; today: string }) {
  const { lang, entity: entityById } = useModel();
  const t = useMessages(MYDAY_MESSAGES);
  const entity = entityById(item.entity);
  const title = (typeof item.title === 'string' && item.title) || (entity ? recordTitle(entity, item.record) : item.id);
  const time = itemTime(section, item.at, today, lang, t);
  return (
    <li className="myday-item" data-record-id={item.id} data-entity={item.entity}>
      <div className="myday-item-main">
        <Link className="myday-item-title" to={paths.record(item.entity, item.id)}>
          {title}
        </Link>
        <span className="myday-item-entity">{entity ? entityTitle(entity, lang) : item.entity}</span>
      </div>
      <div className="myday-item-side">
        {entity && item.record.state != null && <FieldValue entity={entity} field="state" record={item.record} />}
        {time && <span className={`myday-item-time myday-time-${section}`}>{time}</span>}
      </div>
    </li>
  );
}
