import type { ComponentProps } from 'react';
import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { DateInput, DateTimeInput } from '../../components/DateInputs';
import { checkDate, checkDateTime } from '../../components/german-date';
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
 * a date and a time input each; "ganztägig" switches to date inputs whose end is the last day,
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
  const check = (value: unknown) => (isAllDay ? checkDate : checkDateTime)(String(value ?? ''), true);
  const start = useController({ control, name: names.start, rules: { validate: check } });
  const startValue = (start.field.value as string) ?? '';
  const end = useController({
    control,
    name: names.end,
    rules: {
      validate: (value) => {
        const text = String(value ?? '');
        const checked = check(text);
        if (checked !== true) return checked;
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
      <SpanInput
        allDay={isAllDay}
        label={isAllDay ? 'Erster Tag' : 'Beginn'}
        required
        error={start.fieldState.error?.message}
        inputRef={start.field.ref}
        value={startValue}
        onChange={changeStart}
        onBlur={start.field.onBlur}
      />
      <SpanInput
        allDay={isAllDay}
        label={isAllDay ? 'bis einschließlich' : 'Ende'}
        required
        error={end.fieldState.error?.message}
        inputRef={end.field.ref}
        value={endValue}
        onChange={end.field.onChange}
        onBlur={end.field.onBlur}
      />
      <Checkbox
        className={styles.allDay}
        label="ganztägig"
        checked={isAllDay}
        onChange={(_, data) => toggleAllDay(Boolean(data.checked))}
      />
    </div>
  );
}

/** A whole day (TT.MM.JJJJ) or a date with its time. */
function SpanInput({ allDay, ...props }: ComponentProps<typeof DateInput> & { allDay: boolean }) {
  return allDay ? <DateInput {...props} /> : <DateTimeInput {...props} />;
}
