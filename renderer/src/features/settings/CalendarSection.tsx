import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch, type Control, type Path } from 'react-hook-form';
import { Button, Checkbox, makeStyles, MessageBar, MessageBarBody, Text, Title3, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarInputSchema, calendarSettingsSchema, type CalendarInfo, type Signer } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/form-fields';
import { ColorField } from './ColorField';
import { issuesOf, markFields, schemaIssues, type FieldIssue } from './form-issues';

const useStyles = makeStyles({
  rows: { display: 'grid', gap: tokens.spacingVerticalS },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(180px, 2fr) minmax(150px, 1fr) 64px 120px 110px',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '& > *': { minWidth: 0 },
    // Fluent's inputs are as wide as their text box by default: fit them into the columns.
    '& .fui-Input': { minWidth: 0 },
    '& .fui-Input__input': { width: '100%', minWidth: 0 },
  },
  who: { display: 'grid', alignSelf: 'center' },
  exists: { alignSelf: 'center' },
  none: { gridColumn: 'span 3', alignSelf: 'center', color: tokens.colorNeutralForeground3 },
  travel: { maxWidth: '520px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** One colour per calendar, distinguishable for most forms of colour blindness (as in the demo). */
const PALETTE = ['#0f6cbd', '#c239b3', '#498205', '#ca5010', '#038387', '#8764b8', '#986f0b'];

interface CalendarRowForm {
  signerId: number;
  /** Has (or is to get) a calendar; a calendar once made stays, its appointments hang on it. */
  enabled: boolean;
  color: string;
  sortOrder: string;
}
interface CalendarForm {
  rows: CalendarRowForm[];
  travelMinutes: string;
}

/** "" stays "no number" (NaN) rather than becoming 0. */
const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));

/** The signers shown: those with a calendar in its order, then the active ones without. */
function shownSigners(signers: Signer[], calendars: CalendarInfo[]): Signer[] {
  const withCalendar = calendars.map((c) => signers.find((s) => s.id === c.signerId)).filter((s): s is Signer => Boolean(s));
  const without = signers.filter((s) => s.active && !calendars.some((c) => c.signerId === s.id));
  return [...withCalendar, ...without];
}

function toForm(signers: Signer[], calendars: CalendarInfo[], travelMinutes: number): CalendarForm {
  const used = new Set(calendars.map((c) => c.color.toLowerCase()));
  const free = PALETTE.filter((color) => !used.has(color));
  let next = 0;
  return {
    rows: signers.map((signer, index) => {
      const calendar = calendars.find((c) => c.signerId === signer.id);
      if (calendar) return { signerId: signer.id, enabled: true, color: calendar.color, sortOrder: String(calendar.sortOrder) };
      const color = free[next++] ?? PALETTE[index % PALETTE.length];
      return { signerId: signer.id, enabled: false, color, sortOrder: String(index) };
    }),
    travelMinutes: String(travelMinutes),
  };
}

/** The calendar input of one row, as the contract wants it. */
const calendarInput = (row: CalendarRowForm) => ({ signerId: row.signerId, color: row.color.trim().toLowerCase(), sortOrder: toNumber(row.sortOrder) });

/** "color" of row 2 → "rows.2.color"; the travel time is the form's own field. */
const rowField =
  (index: number) =>
  (path: string[]): Path<CalendarForm> | undefined =>
    path[0] === 'color' || path[0] === 'sortOrder' ? (`rows.${index}.${path[0]}` as Path<CalendarForm>) : undefined;
const settingsField = (path: string[]): Path<CalendarForm> | undefined => (path[0] === 'travelMinutes' ? 'travelMinutes' : undefined);

/**
 * The appointment calendars: who has one, in which colour and order, and how much time the
 * calendar expects between two appointments at different places.
 */
export function CalendarSection() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });
  const calendars = useQuery({ queryKey: ['calendar.calendars'], queryFn: () => api('calendar.calendars', {}) });
  const settings = useQuery({ queryKey: ['calendar.settings'], queryFn: () => api('calendar.settings', {}) });
  const { control, handleSubmit, reset, setError, clearErrors, formState } = useForm<CalendarForm>({ defaultValues: { rows: [], travelMinutes: '' } });
  const [onlyFields, setOnlyFields] = useState(false);
  const shown = signers.data && calendars.data ? shownSigners(signers.data, calendars.data) : [];
  useEffect(() => {
    if (signers.data && calendars.data && settings.data && !formState.isDirty) {
      reset(toForm(shownSigners(signers.data, calendars.data), calendars.data, settings.data.travelMinutes));
    }
  }, [signers.data, calendars.data, settings.data, formState.isDirty, reset]);

  const save = useMutation({
    mutationFn: async (form: CalendarForm) => {
      const current = calendars.data ?? [];
      let saved = current;
      for (const [index, row] of form.rows.entries()) {
        if (!row.enabled) continue;
        const input = calendarInput(row);
        const before = current.find((c) => c.signerId === row.signerId);
        if (before && before.color.toLowerCase() === input.color && before.sortOrder === input.sortOrder) continue;
        try {
          saved = await api('calendar.calendars.save', input);
        } catch (error) {
          setOnlyFields(markFields(issuesOf(error), setError, rowField(index)));
          throw error;
        }
      }
      const travelMinutes = toNumber(form.travelMinutes);
      if (travelMinutes === settings.data?.travelMinutes) return { calendars: saved, travelMinutes };
      try {
        const travel = await api('calendar.settings.save', { travelMinutes });
        return { calendars: saved, travelMinutes: travel.travelMinutes };
      } catch (error) {
        setOnlyFields(markFields(issuesOf(error), setError, settingsField));
        throw error;
      }
    },
    onSuccess: async (result) => {
      if (signers.data) reset(toForm(shownSigners(signers.data, result.calendars), result.calendars, result.travelMinutes));
      await queryClient.invalidateQueries({ queryKey: ['calendar.calendars'] });
      await queryClient.invalidateQueries({ queryKey: ['calendar.settings'] });
      await queryClient.invalidateQueries({ queryKey: ['calendar.view'] });
    },
  });

  const submit = (form: CalendarForm) => {
    clearErrors();
    save.reset();
    // The contract's own rules first, so a typo is marked at its field without a round trip.
    const issues: Array<[FieldIssue[], (path: string[]) => Path<CalendarForm> | undefined]> = [
      ...form.rows.map((row, index) => [row.enabled ? schemaIssues(calendarInputSchema, calendarInput(row)) : [], rowField(index)] as [FieldIssue[], ReturnType<typeof rowField>]),
      [schemaIssues(calendarSettingsSchema, { travelMinutes: toNumber(form.travelMinutes) }), settingsField],
    ];
    let refused = false;
    for (const [list, fieldOf] of issues) {
      if (list.length === 0) continue;
      refused = true;
      markFields(list, setError, fieldOf);
    }
    if (!refused) save.mutate(form);
  };

  if (!signers.data || !calendars.data || !settings.data) return null;
  return (
    <form onSubmit={handleSubmit(submit)} noValidate aria-labelledby="settings-calendar-heading" style={{ display: 'contents' }}>
      <Title3 as="h2" id="settings-calendar-heading">
        Kalender
      </Title3>
      <p style={{ margin: 0 }}>
        Jede/r Unterzeichnende kann einen Terminkalender haben; Farbe und Reihenfolge gelten in der Terminübersicht. Ein angelegter
        Kalender bleibt bestehen, weil seine Termine an ihm hängen.
      </p>
      <div className={styles.rows}>
        {shown.map((signer, index) => (
          <CalendarRow key={signer.id} control={control} index={index} signer={signer} exists={calendars.data.some((c) => c.signerId === signer.id)} />
        ))}
      </div>
      <div className={styles.travel}>
        <TextField
          control={control}
          name="travelMinutes"
          label="Wegezeit zwischen zwei Orten (Minuten)"
          type="number"
          hint="Liegen zwischen zwei Terminen an verschiedenen Orten weniger Minuten, markiert der Kalender die beiden Termine."
        />
      </div>
      {save.isSuccess && !formState.isDirty && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Kalender und Wegezeit gespeichert.</MessageBarBody>
        </MessageBar>
      )}
      {save.error && onlyFields ? (
        <ErrorMessage error="Bitte die markierten Angaben prüfen." title="Nicht gespeichert" />
      ) : (
        <ErrorMessage error={save.error} title="Nicht gespeichert" />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          Kalender speichern
        </Button>
      </div>
    </form>
  );
}

/** One signer: calendar yes/no, its colour (picker and #rrggbb) and its place in the order. */
function CalendarRow({ control, index, signer, exists }: { control: Control<CalendarForm>; index: number; signer: Signer; exists: boolean }) {
  const styles = useStyles();
  const enabled = useWatch({ control, name: `rows.${index}.enabled` });
  return (
    <div className={styles.row} role="group" aria-label={`${signer.name}, ${signer.office}`}>
      <div className={styles.who}>
        <Text weight="semibold">{signer.name}</Text>
        <Text size={200}>
          {signer.office}
          {!signer.active && ' (nicht mehr aktiv)'}
        </Text>
      </div>
      {exists ? (
        <Text className={styles.exists}>Kalender vorhanden</Text>
      ) : (
        <Controller
          control={control}
          name={`rows.${index}.enabled`}
          render={({ field }) => (
            <Checkbox
              ref={field.ref}
              name={field.name}
              label="Kalender anlegen"
              checked={Boolean(field.value)}
              onChange={(_, data) => field.onChange(Boolean(data.checked))}
              onBlur={field.onBlur}
            />
          )}
        />
      )}
      {enabled ? (
        <>
          <ColorField control={control} name={`rows.${index}.color`} label="Farbe" />
          <TextField control={control} name={`rows.${index}.color`} label="Farbwert" placeholder="#0f6cbd" />
          <TextField control={control} name={`rows.${index}.sortOrder`} label="Reihenfolge" type="number" />
        </>
      ) : (
        <Text className={styles.none}>kein Kalender</Text>
      )}
    </div>
  );
}
