import { useForm } from 'react-hook-form';
import { Button, Link, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { Department, RequestStep } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { DateField, SelectField, TextareaField } from '../../components/form-fields';
import { addressOf } from '../../components/route';
import { addDays, berlinToday } from '../calendar/wall-clock';
import { addWorkingDays, STATEMENT_WORKING_DAYS } from './working-days';

const useStyles = makeStyles({
  panel: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalS,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

interface StepFormProps {
  /** The request as loaded: its revision goes back with the step (STALE when someone changed it since). */
  request: { id: number; revision: number };
  pending: boolean;
  onSubmit: (step: RequestStep) => void;
  onCancel: () => void;
}

function FormButtons({ label, pending, onCancel }: { label: string; pending: boolean; onCancel: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <Button appearance="primary" type="submit" disabled={pending}>
        {pending ? 'Wird gespeichert …' : label}
      </Button>
      <Button onClick={onCancel}>Abbrechen</Button>
    </div>
  );
}

/** The statement's deadline as the server would set it: ten working days (NRW holidays from the calendar). */
function useDefaultDue(): string | null {
  const today = berlinToday();
  const holidays = useQuery({
    queryKey: ['calendar.view', 'holidays', today],
    queryFn: () => api('calendar.view', { from: today, to: addDays(today, 60), calendarIds: [] }),
    staleTime: 60 * 60_000,
  });
  if (!holidays.data) return null;
  return addWorkingDays(today, STATEMENT_WORKING_DAYS, new Set(holidays.data.holidays.map((h) => h.date)));
}

interface ForwardValues {
  departmentId: string;
  due: string;
  note: string;
}

/** To a department, asking for a statement by a deadline (prefilled: ten working days). */
export function ForwardForm({ departments, current, ...props }: StepFormProps & { departments: Department[]; current: number | null }) {
  const defaultDue = useDefaultDue();
  const active = departments.filter((d) => d.active || d.id === current);
  if (!defaultDue) return <Text>Die Frist wird berechnet …</Text>;
  if (active.length === 0) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          Es gibt noch keine Fachbereiche. Legen Sie sie unter <Link href={addressOf(['settings', 'departments'])}>Einstellungen → Fachbereiche</Link> an (Name und
          E-Mail-Adresse).
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <ForwardFields {...props} departments={active} current={current} defaultDue={defaultDue} />;
}

function ForwardFields({
  request,
  departments,
  current,
  defaultDue,
  pending,
  onSubmit,
  onCancel,
}: StepFormProps & { departments: Department[]; current: number | null; defaultDue: string }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const { control, handleSubmit } = useForm<ForwardValues>({
    defaultValues: { departmentId: String(current ?? departments[0].id), due: defaultDue, note: '' },
  });
  return (
    <form
      className={styles.panel}
      aria-label="An Fachbereich weiterleiten"
      onSubmit={handleSubmit((v) =>
        // Unchanged, the server sets the deadline itself (the same ten working days).
        onSubmit({ ...request, step: 'forward', departmentId: Number(v.departmentId), due: v.due && v.due !== defaultDue ? v.due : undefined, note: v.note }),
      )}
    >
      <div className={layout.row}>
        <SelectField control={control} name="departmentId" label="Fachbereich" required>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <DateField control={control} name="due" label="Stellungnahme erbeten bis" required hint={`Vorgabe: ${STATEMENT_WORKING_DAYS} Arbeitstage (ohne Wochenenden und Feiertage in NRW)`} />
      </div>
      <TextareaField control={control} name="note" label="Hinweis an den Fachbereich (kommt in die E-Mail)" />
      <FormButtons label="Weiterleiten" pending={pending} onCancel={onCancel} />
    </form>
  );
}

/** The department's statement as received. */
export function StatementForm({ request, pending, onSubmit, onCancel }: StepFormProps) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const { control, handleSubmit } = useForm<{ receivedOn: string; text: string }>({ defaultValues: { receivedOn: berlinToday(), text: '' } });
  return (
    <form className={styles.panel} aria-label="Stellungnahme eintragen" onSubmit={handleSubmit((v) => onSubmit({ ...request, step: 'statement', receivedOn: v.receivedOn, text: v.text }))}>
      <div className={layout.row}>
        <DateField control={control} name="receivedOn" label="Stellungnahme eingegangen am" required />
      </div>
      <TextareaField control={control} name="text" label="Stellungnahme des Fachbereichs" />
      <FormButtons label="Stellungnahme speichern" pending={pending} onCancel={onCancel} />
    </form>
  );
}

/** A step with a short note: no statement needed (why), closed without an answer (how), reopened (why). */
export function NoteForm({
  request,
  step,
  label,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
}: StepFormProps & { step: 'noStatement' | 'close' | 'reopen'; label: string; submitLabel: string }) {
  const styles = useStyles();
  const { control, handleSubmit } = useForm<{ note: string }>({ defaultValues: { note: '' } });
  return (
    <form className={styles.panel} aria-label={submitLabel} onSubmit={handleSubmit((v) => onSubmit({ ...request, step, note: v.note }))}>
      <TextareaField control={control} name="note" label={label} />
      <FormButtons label={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
