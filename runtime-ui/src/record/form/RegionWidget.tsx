import { useEffect, useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { useModel } from '../../model/ModelContext';
import type { RecordFormContext } from './formContext';
import { formTexts } from './formContext';
import { isRegionLevel, loadRegions, regionChoices, type RegionData } from './regions';
import { inputProps } from './widgets';

/**
 * A province, city or district field (`x-ui.widget`) as a list to pick from: a city field offers the cities
 * of the form's province field, a district field the districts of its city. The levels above are read when
 * the list is opened, so it follows a province chosen a moment ago; a value not in the list (typed before,
 * or imported) stays shown.
 */
export function RegionWidget(props: WidgetProps) {
  const t = formTexts(props.registry);
  const model = useModel();
  const level = isRegionLevel(props.options.region) ? props.options.region : 'province';
  const [data, setData] = useState<RegionData>();
  const [, reread] = useState(0);
  useEffect(() => {
    let live = true;
    void loadRegions().then((loaded) => live && setData(loaded));
    return () => {
      live = false;
    };
  }, []);
  const form = props.registry.formContext as RecordFormContext | undefined;
  const entity = form?.entity ? model.entity(form.entity) : undefined;
  const values = form?.values?.() ?? {};
  const fieldAt = (wanted: string) =>
    Object.entries(entity?.properties ?? {}).find(([, field]) => field['x-ui']?.widget === wanted)?.[0];
  const above = { province: values[fieldAt('province') ?? ''], city: values[fieldAt('city') ?? ''] };
  const choices = data ? regionChoices(data, level, above) : [];
  const value = typeof props.value === 'string' ? props.value : '';
  const shown = value && !choices.includes(value) ? [value, ...choices] : choices;
  return (
    <select
      className="ls-input ls-select"
      value={value}
      onFocus={() => reread((n) => n + 1)}
      onChange={(e) => props.onChange(e.target.value || undefined)}
      {...inputProps(props)}
      disabled={props.disabled || props.readonly}
    >
      <option value="">{t.select}</option>
      {shown.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}
