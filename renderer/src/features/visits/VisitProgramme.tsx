import { Checkbox, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { VisitAppointment } from '../../../../core/api';
import { api } from '../../api/client';
import { addDays } from '../calendar/wall-clock';
import { describeSpan } from '../calendar/spans';

const useStyles = makeStyles({
  list: { display: 'grid', gap: '2px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The programme of a visit: appointments of the calendar during the visit (and those already
 * linked), ticked to belong to it. New appointments are made in „Termine“.
 */
export function VisitProgramme({
  from,
  to,
  linked,
  value,
  onChange,
}: {
  from: string;
  to: string;
  /** The appointments stored with the visit (shown even outside its dates). */
  linked: VisitAppointment[];
  value: number[];
  onChange: (ids: number[]) => void;
}) {
  const styles = useStyles();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const view = useQuery({
    queryKey: ['calendar.view', from, to, 'visit-programme'],
    queryFn: () => api('calendar.view', { from, to: addDays(to, 1) }),
    enabled: valid,
  });
  const options = new Map<number, { id: number; title: string; start: string; end: string; allDay: boolean; place: string }>();
  for (const a of linked) options.set(a.id, a);
  for (const o of view.data?.occurrences ?? []) if (!options.has(o.appointmentId)) options.set(o.appointmentId, { id: o.appointmentId, title: o.title, start: o.start, end: o.end, allDay: o.allDay, place: o.place });
  const sorted = [...options.values()].sort((a, b) => a.start.localeCompare(b.start));
  if (!valid) return <Text className={styles.muted}>Zuerst die Tage des Besuchs angeben.</Text>;
  return (
    <div className={styles.list} role="group" aria-label="Programm">
      {view.isPending && <Spinner size="tiny" />}
      {!view.isPending && sorted.length === 0 && <Text className={styles.muted}>In diesen Tagen stehen keine Termine im Kalender.</Text>}
      {sorted.map((a) => (
        <Checkbox
          key={a.id}
          label={`${describeSpan(a, true)} – ${a.title}${a.place ? ` (${a.place})` : ''}`}
          checked={value.includes(a.id)}
          onChange={(_, d) => onChange(d.checked ? [...value, a.id] : value.filter((id) => id !== a.id))}
        />
      ))}
    </div>
  );
}
