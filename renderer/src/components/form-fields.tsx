import type { ReactNode } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { Checkbox, Combobox, Field, Input, Option, Radio, RadioGroup, Select, Textarea, type InputProps } from '@fluentui/react-components';
import { DateInput, DateTimeInput, TimeInput } from './DateInputs';
import { checkDate, checkDateTime, checkTime } from './german-date';

/**
 * react-hook-form fields for Fluent UI. Fluent's inputs keep their own state, so they are
 * bound through Controller (value + onChange), never through `register`.
 */
interface BaseProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  required?: boolean;
  hint?: string;
}

export function TextField<T extends FieldValues>({
  control,
  name,
  label,
  required,
  hint,
  ...input
}: BaseProps<T> & Pick<InputProps, 'placeholder' | 'type'>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field label={label} required={required} hint={hint} validationMessage={fieldState.error?.message}>
          <Input
            {...input}
            ref={field.ref}
            name={field.name}
            value={(field.value as string) ?? ''}
            onChange={(_, data) => field.onChange(data.value)}
            onBlur={field.onBlur}
          />
        </Field>
      )}
    />
  );
}

const TYPED = {
  date: { Input: DateInput, check: checkDate },
  time: { Input: TimeInput, check: checkTime },
  dateTime: { Input: DateTimeInput, check: checkDateTime },
} as const;

/**
 * A date (TT.MM.JJJJ → "2026-11-27"), a time (HH:MM) or both ("2026-11-27T14:30"), whatever the
 * browser's language; what is no date (30.02.2027) stops the submit, with the reason at the
 * field. Whether one is missing is the form's (or the server's) to say, as for the other fields.
 */
function TypedField<T extends FieldValues>({ kind, control, name, label, required, hint }: BaseProps<T> & { kind: keyof typeof TYPED }) {
  const { Input: TypedInput, check } = TYPED[kind];
  return (
    <Controller
      control={control}
      name={name}
      rules={{ validate: (value) => check(String(value ?? '')) }}
      render={({ field, fieldState }) => (
        <TypedInput
          label={label}
          required={required}
          hint={hint}
          error={fieldState.error?.message}
          value={(field.value as string) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
        />
      )}
    />
  );
}

export const DateField = <T extends FieldValues>(props: BaseProps<T>) => <TypedField kind="date" {...props} />;
export const TimeField = <T extends FieldValues>(props: BaseProps<T>) => <TypedField kind="time" {...props} />;
export const DateTimeField = <T extends FieldValues>(props: BaseProps<T>) => <TypedField kind="dateTime" {...props} />;

/** Free text with suggestions to pick from (a freeform Combobox): typing anything else is fine. */
export function SuggestField<T extends FieldValues>({
  control,
  name,
  label,
  required,
  hint,
  suggestions,
}: BaseProps<T> & { suggestions: readonly string[] }) {
  const options = [...new Set(suggestions.filter(Boolean))];
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const value = (field.value as string) ?? '';
        return (
          <Field label={label} required={required} hint={hint} validationMessage={fieldState.error?.message}>
            <Combobox
              freeform
              ref={field.ref}
              name={field.name}
              value={value}
              selectedOptions={options.includes(value) ? [value] : []}
              onChange={(event) => field.onChange(event.target.value)}
              onOptionSelect={(_, data) => field.onChange(data.optionText ?? '')}
              onBlur={field.onBlur}
            >
              {options.map((option) => (
                <Option key={option}>{option}</Option>
              ))}
            </Combobox>
          </Field>
        );
      }}
    />
  );
}

export function TextareaField<T extends FieldValues>({ control, name, label }: BaseProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field label={label} validationMessage={fieldState.error?.message}>
          <Textarea
            ref={field.ref}
            name={field.name}
            value={(field.value as string) ?? ''}
            onChange={(_, data) => field.onChange(data.value)}
            onBlur={field.onBlur}
            resize="vertical"
          />
        </Field>
      )}
    />
  );
}

export function SelectField<T extends FieldValues>({
  control,
  name,
  label,
  required,
  children,
}: BaseProps<T> & { children: ReactNode }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field label={label} required={required} validationMessage={fieldState.error?.message}>
          <Select
            ref={field.ref}
            name={field.name}
            value={(field.value as string) ?? ''}
            onChange={(_, data) => field.onChange(data.value)}
            onBlur={field.onBlur}
          >
            {children}
          </Select>
        </Field>
      )}
    />
  );
}

export function CheckboxField<T extends FieldValues>({ control, name, label }: BaseProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox
          ref={field.ref}
          name={field.name}
          label={label}
          checked={Boolean(field.value)}
          onChange={(_, data) => field.onChange(Boolean(data.checked))}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}

export function RadioField<T extends FieldValues>({
  control,
  name,
  label,
  options,
  disabled,
}: BaseProps<T> & { options: ReadonlyArray<readonly [string, string]>; disabled?: boolean }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Field label={label}>
          <RadioGroup
            layout="horizontal"
            name={field.name}
            value={field.value as string}
            disabled={disabled}
            onChange={(_, data) => field.onChange(data.value)}
          >
            {options.map(([value, text]) => (
              <Radio key={value} value={value} label={text} />
            ))}
          </RadioGroup>
        </Field>
      )}
    />
  );
}
