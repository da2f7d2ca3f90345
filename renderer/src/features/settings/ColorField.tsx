import { useId } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { Label, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  field: { display: 'grid', gap: tokens.spacingVerticalXXS, justifyItems: 'start' },
  swatch: {
    width: '48px',
    height: '32px',
    padding: '2px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
    ':disabled': { cursor: 'not-allowed', opacity: 0.5 },
  },
});

const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * The browser's colour picker (Fluent has none), bound through Controller like every field.
 * A value that is not yet a full #rrggbb (while typing it elsewhere) shows as black.
 */
export function ColorField<T extends FieldValues>({
  control,
  name,
  label,
  disabled,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const value = String(field.value ?? '');
        return (
          <div className={styles.field}>
            <Label htmlFor={id} disabled={disabled}>
              {label}
            </Label>
            <input
              id={id}
              type="color"
              className={styles.swatch}
              ref={field.ref}
              name={field.name}
              value={HEX.test(value) ? value.toLowerCase() : '#000000'}
              disabled={disabled}
              onChange={(event) => field.onChange(event.target.value)}
              onBlur={field.onBlur}
            />
          </div>
        );
      }}
    />
  );
}
