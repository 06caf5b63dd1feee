import { Link } from 'react-router';
import type { WidgetProps } from '@rjsf/utils';
import { choiceLabel, type FieldDefinition } from '@lodestar/core';
import { defineMessages, titleOf, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../../model/ModelContext';
import { paths } from '../../app/paths';
import { SearchBox, useContextOf, useTitles } from './RelationPicker';
import './link-grid.css';

const MESSAGES = defineMessages({
  zh: { linked: '关联记录', remove: '移除', none: '—', add: '添加…', empty: '未关联' },
  en: { linked: 'Linked record', remove: 'Remove', none: '—', add: 'Add…', empty: 'None linked' },
});

/** One link as the grid edits it: the linked record's id and its attribute values. */
type LinkItem = { id: string } & Record<string, unknown>;

/** A link sent as its id (the old form) or as an object, as an object with every attribute. */
export function toLinkItems(value: unknown, names: string[]): LinkItem[] {
  return (Array.isArray(value) ? value : []).map((item) => {
    const link = typeof item === 'string' ? { id: item } : (item as LinkItem);
    return { id: link.id, ...Object.fromEntries(names.map((name) => [name, link[name] ?? null])) };
  });
}

/**
 * A many-to-many whose links carry attributes (`x-relation.attributes`, e.g. a contact's CUTE role and
 * influence on an opportunity): a small grid of the linked records, one input per attribute (a choice as a
 * select, a number as a number), a remove button per row, and a search box to link another record. On a
 * phone each link becomes a block of its own, so nothing leaves the screen.
 */
export function LinkGridWidget(props: WidgetProps) {
  const t = useMessages(MESSAGES);
  const { lang } = useModel();
  const target = String(props.options.target);
  const attributes = (props.options.attributes ?? {}) as Record<string, FieldDefinition>;
  const names = Object.keys(attributes);
  const links = toLinkItems(props.value, names);
  const titles = useTitles(
    target,
    links.map((link) => link.id),
  );
  const context = useContextOf(target, props.name, props.registry);
  const locked = props.readonly || props.disabled;
  const change = (next: LinkItem[]) => props.onChange(next);
  const set = (index: number, name: string, value: unknown) =>
    change(links.map((link, i) => (i === index ? { ...link, [name]: value } : link)));
  const input = (link: LinkItem, index: number, name: string) => {
    const attribute = attributes[name]!;
    const label = `${titleOf(attribute, lang, name)} · ${titles[link.id]}`;
    const value = link[name];
    if (attribute.enum)
      return (
        <select
          className="ls-input"
          aria-label={label}
          disabled={locked}
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(e) => set(index, name, e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t.none}</option>
          {attribute.enum.map((option) => (
            <option key={String(option)} value={String(option)}>
              {choiceLabel(attribute, option, lang)}
            </option>
          ))}
        </select>
      );
    const numeric = attribute.type === 'integer' || attribute.type === 'number';
    return (
      <input
        className="ls-input"
        aria-label={label}
        readOnly={locked}
        type={numeric ? 'number' : 'text'}
        {...(numeric && { min: attribute.minimum, max: attribute.maximum })}
        value={value === null || value === undefined ? '' : String(value)}
        onChange={(e) =>
          set(index, name, e.target.value === '' ? null : numeric ? Number(e.target.value) : e.target.value)
        }
      />
    );
  };
  return (
    <div className="ls-link-grid" id={locked ? props.id : undefined}>
      {links.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.linked}</th>
              {names.map((name) => (
                <th key={name} scope="col">
                  {titleOf(attributes[name]!, lang, name)}
                </th>
              ))}
              {!locked && <th aria-hidden="true" />}
            </tr>
          </thead>
          <tbody>
            {links.map((link, index) => (
              <tr key={link.id}>
                <th scope="row">
                  <Link to={paths.record(target, link.id)}>{titles[link.id]}</Link>
                </th>
                {names.map((name) => (
                  <td key={name} data-label={titleOf(attributes[name]!, lang, name)}>
                    {input(link, index, name)}
                  </td>
                ))}
                {!locked && (
                  <td>
                    <button
                      type="button"
                      className="ls-link-remove"
                      aria-label={`${t.remove} ${titles[link.id]}`}
                      onClick={() => change(links.filter((_, i) => i !== index))}
                    >
                      ×
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ls-link-empty">{t.empty}</p>
      )}
      {!locked && (
        <SearchBox
          id={props.id}
          target={target}
          exclude={links.map((link) => link.id)}
          invalid={(props.rawErrors?.length ?? 0) > 0}
          placeholder={t.add}
          context={context}
          onPick={(id) => change([...links, { id, ...Object.fromEntries(names.map((name) => [name, null])) }])}
        />
      )}
    </div>
  );
}
