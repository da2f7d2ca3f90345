import { Controller, useFieldArray, type Control } from 'react-hook-form';
import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import { TimeInput } from '../../components/DateInputs';
import { checkTime } from '../../components/german-date';
import type { EventFormValues } from './event-form-values';

const useStyles = makeStyles({
  root: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
    margin: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  stop: {
    display: 'grid',
    gridTemplateColumns: '2.2em 8em minmax(0, 2fr) minmax(0, 3fr) auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
  },
  number: { paddingBottom: '6px', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', gap: '2px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The stops of a walk in the order of the way: time, place, what to look at there. */
export function RouteStopsEditor({ control }: { control: Control<EventFormValues> }) {
  const styles = useStyles();
  const stops = useFieldArray({ control, name: 'route' });
  return (
    <fieldset className={styles.root} aria-label="Route">
      <legend className={styles.legend}>Route mit Halten</legend>
      {stops.fields.length === 0 && <Text className={styles.muted}>Noch keine Halte. Der Spaziergang beginnt am Treffpunkt.</Text>}
      {stops.fields.map((stop, index) => {
        const n = index + 1;
        return (
          <div key={stop.id} className={styles.stop} role="group" aria-label={`Halt ${n}`}>
            <span className={styles.number}>{n}.</span>
            <Controller
              control={control}
              name={`route.${index}.time`}
              rules={{ validate: (v) => checkTime(v) }}
              render={({ field, fieldState }) => (
                <TimeInput
                  label="Uhrzeit"
                  aria-label={`Halt ${n}: Uhrzeit`}
                  error={fieldState.error?.message}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                />
              )}
            />
            <Controller
              control={control}
              name={`route.${index}.place`}
              rules={{ validate: (v, values) => (v.trim() || (!values.route[index]?.time && !values.route[index]?.note.trim()) ? true : 'Bitte den Ort des Halts angeben.') }}
              render={({ field, fieldState }) => (
                <Field label="Halt (Ort)" required validationMessage={fieldState.error?.message}>
                  <Input aria-label={`Halt ${n}: Ort`} value={field.value} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur} />
                </Field>
              )}
            />
            <Controller
              control={control}
              name={`route.${index}.note`}
              render={({ field }) => (
                <Field label="Worum es dort geht">
                  <Input aria-label={`Halt ${n}: Worum es dort geht`} value={field.value} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur} />
                </Field>
              )}
            />
            <div className={styles.buttons}>
              <Button appearance="subtle" icon={<ArrowUpRegular />} aria-label={`Halt ${n} nach oben`} disabled={index === 0} onClick={() => stops.move(index, index - 1)} />
              <Button
                appearance="subtle"
                icon={<ArrowDownRegular />}
                aria-label={`Halt ${n} nach unten`}
                disabled={index === stops.fields.length - 1}
                onClick={() => stops.move(index, index + 1)}
              />
              <Button appearance="subtle" icon={<DeleteRegular />} aria-label={`Halt ${n} entfernen`} onClick={() => stops.remove(index)} />
            </div>
          </div>
        );
      })}
      <div>
        <Button icon={<AddRegular />} onClick={() => stops.append({ time: '', place: '', note: '' })} disabled={stops.fields.length >= 40}>
          Halt hinzufügen
        </Button>
      </div>
    </fieldset>
  );
}
