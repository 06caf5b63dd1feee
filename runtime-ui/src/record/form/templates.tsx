import type { FieldTemplateProps, ObjectFieldTemplateProps, TemplatesType } from '@rjsf/utils';
import type { FormSection } from './formSchema';
import { FieldDuplicates } from './FieldDuplicates';
import './layout.css';

/** One field: label above (the required marker beside it, so the label's text is the field title alone), the widget, help, then errors under it. */
function FieldTemplate({
  id,
  label,
  required,
  rawErrors,
  rawHelp,
  children,
  hidden,
  uiSchema,
  fieldPathId,
  registry,
}: FieldTemplateProps) {
  if (fieldPathId.path.length === 0) return children; // the root object: sections render themselves
  if (hidden) return <div hidden>{children}</div>;
  const name = String(fieldPathId.path[0]);
  const errors = (rawErrors ?? []).filter(Boolean);
  const wide = (uiSchema?.['ui:options'] as { wide?: boolean } | undefined)?.wide;
  return (
    <div className={`ls-field${wide ? ' is-wide' : ''}${errors.length ? ' has-error' : ''}`} data-field={name}>
      <div className="ls-label-row">
        <label htmlFor={id} className="ls-label">
          {label}
        </label>
        {required && (
          <span className="ls-required" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {children}
      {rawHelp && (
        <p className="ls-help" id={`${id}__help`}>
          {rawHelp}
        </p>
      )}
      {errors.length > 0 && (
        <p className="ls-error" id={`${id}__error`} data-testid={`error-${name}`}>
          {errors.join(' · ')}
        </p>
      )}
      <FieldDuplicates registry={registry} field={name} />
    </div>
  );
}

/** The record: one titled group per definition section, in two columns on wide screens unless the section asks for one. */
function ObjectFieldTemplate({ properties, uiSchema }: ObjectFieldTemplateProps) {
  const sections = (uiSchema?.['ui:options'] as { sections?: FormSection[] } | undefined)?.sections ?? [];
  const byName = new Map(properties.map((property) => [property.name, property]));
  return (
    <div className="ls-sections">
      {sections.map((section) => (
        <fieldset key={section.id || '_rest'} className="ls-section" data-section={section.id}>
          {section.title && <legend className="ls-section-title">{section.title}</legend>}
          <div className={section.columns === 1 ? 'ls-grid is-one-column' : 'ls-grid'}>
            {section.fields.map((name) => byName.get(name)?.content)}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

/** The form shows its own banner; rjsf's error list and descriptions stay out. */
const Nothing = () => null;

export const TEMPLATES: Partial<TemplatesType> = {
  FieldTemplate,
  ObjectFieldTemplate,
  ErrorListTemplate: Nothing,
  DescriptionFieldTemplate: Nothing,
  TitleFieldTemplate: Nothing,
  FieldErrorTemplate: Nothing,
  FieldHelpTemplate: Nothing,
};
