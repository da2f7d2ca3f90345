import { useId, useState, type FocusEvent, type KeyboardEvent, type Ref } from 'react';
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { parseDateAndTime, parseGermanDate, parseTime, showDate, showTime, splitDateTime, stepDate, stepTime, type Parsed } from './german-date';

/**
 * Date and time inputs that show and take TT.MM.JJJJ and HH:MM whatever the browser's language
 * (a native date input shows mm/dd/yyyy in an English browser). They hand on the API's values
 * ("2026-11-27", "14:30", "2026-11-27T14:30"): at once while typing, whenever the text is a
 * whole valid value; on leaving the field (or Enter) the text is tidied up ("1.3.27" →
 * "01.03.2027"), or, if it is no date, kept and handed on as typed, so the form refuses it, and
 * the field says what is wrong. Arrow up and down move a date by a day, a time by 15 minutes.
 */

const useStyles = makeStyles({
  /** Read by screen readers as the field's description, not shown. */
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  date: { minWidth: '9.5em' },
  time: { minWidth: '5.5em', width: '6.5em' },
  pair: { display: 'flex', gap: tokens.spacingHorizontalS, '& > :first-child': { flexGrow: 1 } },
});

interface CommonProps {
  label: string;
  onBlur?: () => void;
  required?: boolean;
  hint?: string;
  /** What the form says about the value (missing, before the beginning, refused by the server). */
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
  /** A name of its own for the input, where the visible label is shared (e.g. in a table row). */
  'aria-label'?: string;
}

interface SingleProps extends CommonProps {
  /** The API's value, '' for none, or the text typed that is none. */
  value: string;
  onChange: (value: string) => void;
}

const thisYear = () => new Date().getFullYear();

/**
 * The text of a field and its value: the text follows the value when the value changes from
 * outside (a reset, a proposed end); typing hands on valid values at once, `commit` the rest.
 */
function useTypedText<T>(value: string, show: (value: string) => T, parse: (text: T) => Parsed, onChange: (value: string) => void, raw: (text: T) => string) {
  const [state, setState] = useState(() => ({ value, text: show(value), problem: null as string | null }));
  let current = state;
  if (value !== state.value) {
    current = { value, text: show(value), problem: null };
    setState(current);
  }
  const hand = (next: string) => {
    if (next !== value) onChange(next);
  };
  const type = (text: T) => {
    const parsed = parse(text);
    if (parsed.value !== undefined) hand(parsed.value);
    setState({ value: parsed.value ?? current.value, text, problem: parsed.value !== undefined ? null : current.problem });
  };
  const commit = () => {
    const parsed = parse(current.text);
    const next = parsed.value ?? raw(current.text);
    setState({ value: next, text: parsed.value !== undefined ? show(parsed.value) : current.text, problem: parsed.problem ?? null });
    hand(next);
  };
  return { text: current.text, problem: current.problem, type, commit };
}

const onEnter = (commit: () => void) => (event: KeyboardEvent) => {
  // Before the form's own Enter (submit) reads the value.
  if (event.key === 'Enter') commit();
};

/** Arrow up/down: the text a step later or earlier (`step` gives null for a text that is no date or time). */
const onArrows = (step: (direction: 1 | -1) => string | null, type: (text: string) => void) => (event: KeyboardEvent) => {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  const next = step(event.key === 'ArrowUp' ? 1 : -1);
  if (next === null) return;
  event.preventDefault();
  type(next);
};

const stepOf = (kind: 'date' | 'time', text: string) => (direction: 1 | -1) =>
  kind === 'date' ? stepDate(text, direction, thisYear()) : stepTime(text, direction * 15);

function TypedInput({
  kind,
  value,
  onChange,
  onBlur,
  required,
  hint,
  error,
  inputRef,
  className,
  label,
  'aria-label': ariaLabel,
}: SingleProps & { kind: 'date' | 'time' }) {
  const styles = useStyles();
  const described = useId();
  const field = useTypedText(
    value,
    kind === 'date' ? showDate : showTime,
    (text: string) => (kind === 'date' ? parseGermanDate(text, thisYear()) : parseTime(text)),
    onChange,
    (text) => text.trim(),
  );
  const message = field.problem ?? error;
  return (
    <Field label={label} required={required} hint={hint} validationMessage={message} validationState={message ? 'error' : 'none'} className={className}>
      <Input
        ref={inputRef}
        className={kind === 'date' ? styles.date : styles.time}
        aria-label={ariaLabel}
        aria-describedby={described}
        placeholder={kind === 'date' ? 'TT.MM.JJJJ' : 'HH:MM'}
        autoComplete="off"
        value={field.text}
        onChange={(_, data) => field.type(data.value)}
        onKeyDown={(event) => {
          onEnter(field.commit)(event);
          onArrows(stepOf(kind, field.text), field.type)(event);
        }}
        onBlur={() => {
          field.commit();
          onBlur?.();
        }}
      />
      <span id={described} className={styles.hidden}>
        {kind === 'date' ? 'Datum als TT.MM.JJJJ' : 'Uhrzeit als HH:MM'}
      </span>
    </Field>
  );
}

/** A date typed as TT.MM.JJJJ (also 27.11.26, 1.3.2027, 24.12.), handed on as "2026-11-27". */
export function DateInput(props: SingleProps) {
  return <TypedInput kind="date" {...props} />;
}

/** A time typed as HH:MM (also 9, 14.30, 1430, 18 Uhr), handed on as "14:30". */
export function TimeInput(props: SingleProps) {
  return <TypedInput kind="time" {...props} />;
}

/**
 * A date and a time side by side, one value ("2026-12-10T18:00"): the label names the date
 * input, the time input is „<label> Uhrzeit“. Checked when the focus leaves the pair.
 */
export function DateTimeInput({ label, value, onChange, onBlur, required, hint, error, inputRef, className }: SingleProps) {
  const styles = useStyles();
  const described = useId();
  const labelId = useId();
  const timeId = useId();
  const timeWord = useId();
  const field = useTypedText(
    value,
    splitDateTime,
    ([date, time]: [string, string]) => parseDateAndTime(date, time, thisYear()),
    onChange,
    ([date, time]) => `${date.trim()} ${time.trim()}`.trim(),
  );
  const [date, time] = field.text;
  const message = field.problem ?? error;
  const leave = (event: FocusEvent<HTMLDivElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    field.commit();
    onBlur?.();
  };
  // Both inputs take the Field's description, validity and required state; the label's `for`
  // names the date input, so the time input gets its own id, named by the label and „Uhrzeit“.
  return (
    <Field label={{ children: label, id: labelId }} required={required} hint={hint} validationMessage={message} validationState={message ? 'error' : 'none'} className={className}>
      <div className={styles.pair} onBlur={leave} onKeyDown={onEnter(field.commit)}>
        <Input
          ref={inputRef}
          className={styles.date}
          aria-describedby={described}
          placeholder="TT.MM.JJJJ"
          autoComplete="off"
          value={date}
          onChange={(_, data) => field.type([data.value, time])}
          onKeyDown={onArrows(stepOf('date', date), (next) => field.type([next, time]))}
        />
        <Input
          id={timeId}
          aria-labelledby={`${labelId} ${timeWord}`}
          className={styles.time}
          aria-describedby={described}
          placeholder="HH:MM"
          autoComplete="off"
          value={time}
          onChange={(_, data) => field.type([date, data.value])}
          onKeyDown={onArrows(stepOf('time', time), (next) => field.type([date, next]))}
        />
        <span id={timeWord} className={styles.hidden}>
          Uhrzeit
        </span>
        <span id={described} className={styles.hidden}>
          Datum als TT.MM.JJJJ, Uhrzeit als HH:MM
        </span>
      </div>
    </Field>
  );
}
