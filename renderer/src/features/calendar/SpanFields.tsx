import { Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { addDays, addMinutes, isComplete, lastDayOf, minutesBetween } from './wall-clock';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  allDay: { paddingBottom: '4px' },
});

/**
 * Beginning and end of an appointment or an invited date, bound to react-hook-form. Times are
 * datetime-local inputs; "ganztägig" switches to date inputs whose end is the last day,
 * inclusive ("bis einschließlich") – the form keeps it so, the caller converts to the API's
 * exclusive end (`exclusiveEndOf`). Moving the beginning moves the end with it.
 */
export function SpanFields<T extends FieldValues>({
  control,
  names,
}: {
  control: Control<T>;
  names: { allDay: FieldPath<T>; start: FieldPath<T>; end: FieldPath<T> };
}) {
  const styles = useStyles();
  const allDay = useController({ control, name: names.allDay });
  const isAllDay = Boolean(allDay.field.value);
  const start = useController({
    control,
    name: names.start,
    rules: { validate: (value) => isComplete(String(value ?? ''), isAllDay) || (isAllDay ? 'Bitte ein Datum angeben.' : 'Bitte Datum und Uhrzeit angeben.') },
  });
  const startValue = (start.field.value as string) ?? '';
  const end = useController({
    control,
    name: names.end,
    rules: {
      validate: (value) => {
        const text = String(value ?? '');
        if (!isComplete(text, isAllDay)) return isAllDay ? 'Bitte ein Datum angeben.' : 'Bitte Datum und Uhrzeit angeben.';
        if (isAllDay ? text < startValue : text <= startValue) return isAllDay ? 'Der letzte Tag liegt vor dem ersten.' : 'Das Ende muss nach dem Beginn liegen.';
        return true;
      },
    },
  });
  const endValue = (end.field.value as string) ?? '';

  const changeStart = (next: string) => {
    // A first beginning proposes an end (an hour later, or the same day); later the duration stays.
    if (isComplete(next, isAllDay) && !isComplete(endValue, isAllDay)) end.field.onChange(isAllDay ? next : addMinutes(next, 60));
    else if (isComplete(next, isAllDay) && isComplete(startValue, isAllDay) && isComplete(endValue, isAllDay)) {
      if (isAllDay) end.field.onChange(addDays(endValue, minutesBetween(startValue, next) / 1440));
      else if (endValue > startValue) end.field.onChange(addMinutes(next, minutesBetween(startValue, endValue)));
    }
    start.field.onChange(next);
  };

  const toggleAllDay = (checked: boolean) => {
    const day = startValue.slice(0, 10);
    if (checked) {
      // A timed span ending at midnight ends on the day before.
      const endDay = endValue.endsWith('T00:00') ? lastDayOf(endValue) : endValue.slice(0, 10);
      start.field.onChange(day);
      end.field.onChange(endDay && endDay >= day ? endDay : day);
    } else {
      const lastDay = endValue.slice(0, 10);
      start.field.onChange(day ? `${day}T09:00` : '');
      end.field.onChange(lastDay && lastDay > day ? `${lastDay}T17:00` : day ? `${day}T10:00` : '');
    }
    allDay.field.onChange(checked);
  };

  return (
    <div className={styles.row}>
      <Field label={isAllDay ? 'Erster Tag' : 'Beginn'} required validationMessage={start.fieldState.error?.message}>
        <Input
          type={isAllDay ? 'date' : 'datetime-local'}
          ref={start.field.ref}
          name={start.field.name}
          value={startValue}
          onChange={(_, data) => changeStart(data.value)}
          onBlur={start.field.onBlur}
        />
      </Field>
      <Field
        label={isAllDay ? 'bis einschließlich' : 'Ende'}
        required
        validationMessage={end.fieldState.error?.message}
      >
        <Input
          type={isAllDay ? 'date' : 'datetime-local'}
          ref={end.field.ref}
          name={end.field.name}
          value={endValue}
          onChange={(_, data) => end.field.onChange(data.value)}
          onBlur={end.field.onBlur}
        />
      </Field>
      <Checkbox
        className={styles.allDay}
        label="ganztägig"
        checked={isAllDay}
        onChange={(_, data) => toggleAllDay(Boolean(data.checked))}
      />
    </div>
  );
}
