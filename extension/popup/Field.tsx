/**
 * One labelled form control with its hint and its error, tied together for assistive
 * technology: the label names the control, `aria-describedby` points at the hint and the error
 * text, and `aria-invalid` marks it while the error stands. Shared by the popup and the options
 * page, so every field says what is wrong in the same way.
 */
import type { ComponentChildren } from 'preact';

/** The attributes a control needs to be tied to its hint and error. */
export interface FieldAria {
  id: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

/** Props of {@link Field}. `control` renders the input, select or textarea with the given attributes. */
export interface FieldProps {
  id: string;
  label: ComponentChildren;
  hint?: string;
  error?: string;
  control: (aria: FieldAria) => ComponentChildren;
}

/** The attributes for control `id` with an optional hint and error. */
export function fieldAria(id: string, hint?: string, error?: string): FieldAria {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, ...(error ? { 'aria-invalid': 'true' as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
}

/** A label, the control, its hint and its error (an error replaces nothing: both stay readable). */
export function Field({ id, label, hint, error, control }: FieldProps) {
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {control(fieldAria(id, hint, error))}
      {hint ? <small id={`${id}-hint`} class="hint">{hint}</small> : null}
      {error ? <small id={`${id}-error`} class="field-error">{error}</small> : null}
    </div>
  );
}

/** Props of {@link TextField}: a {@link Field} around one text-like input. */
export interface TextFieldProps {
  id: string;
  label: ComponentChildren;
  hint?: string;
  error?: string;
  /** The input's type: text, password, datetime-local... (default text). */
  type?: string;
  name?: string;
  value: string;
  disabled?: boolean;
  onValue: (value: string) => void;
}

/** A labelled text-like input tied to its hint and error (the popup's add and edit forms). */
export function TextField({ id, label, hint, error, type = 'text', name, value, disabled, onValue }: TextFieldProps) {
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={error}
      control={(aria) => <input {...aria} name={name} type={type} value={value} disabled={disabled} onInput={(e) => onValue((e.target as HTMLInputElement).value)} />}
    />
  );
}
