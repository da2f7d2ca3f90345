import { useForm } from 'react-hook-form';
import {
  Badge,
  Button,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PARTNERSHIP_EVENT_KIND_LABELS, type Partnership, type PartnershipEventKind } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { germanDate } from '../../components/format';
import { DateField, SelectField, TextField } from '../../components/form-fields';
import { useFormDialogStyles } from '../../components/layout-styles';
import { berlinToday } from '../calendar/wall-clock';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  stack: { display: 'grid', gap: '2px' },
  add: {
    display: 'grid',
    gridTemplateColumns: '160px 160px minmax(200px, 1fr) minmax(200px, 1fr) auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
});

interface EntryValues {
  date: string;
  kind: PartnershipEventKind;
  title: string;
  notes: string;
}

const EMPTY = (): EntryValues => ({ date: berlinToday(), kind: 'besuch', title: '', notes: '' });

/** The history of a partnership (visits, projects, letters — greetings from the Grußkalender enter it by themselves) and a form to add an entry. */
export function PartnershipHistory({ partnership }: { partnership: Partnership }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const history = useQuery({ queryKey: ['partnerships.history', partnership.id], queryFn: () => api('partnerships.history', { id: partnership.id }) });
  const { control, handleSubmit, reset } = useForm<EntryValues>({ defaultValues: EMPTY() });
  const add = useMutation({
    mutationFn: (v: EntryValues) => api('partnerships.history.save', { partnershipId: partnership.id, ...v }),
    onSuccess: async () => {
      reset(EMPTY());
      await queryClient.invalidateQueries({ queryKey: ['partnerships.history', partnership.id] });
      await queryClient.invalidateQueries({ queryKey: ['partnerships.list'] });
    },
  });

  return (
    <section aria-label="Geschichte der Partnerschaft" className={layout.form}>
      <h3 className={layout.section}>Geschichte: Besuche, Projekte, Briefe</h3>
      {history.isPending && <Spinner size="small" />}
      <ErrorMessage error={history.error} />
      {history.data && history.data.length === 0 && <Text className={styles.muted}>Noch keine Einträge.</Text>}
      {history.data && history.data.length > 0 && (
        <Table size="small" aria-label="Geschichte">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: 110 }}>Datum</TableHeaderCell>
              <TableHeaderCell style={{ width: 110 }}>Art</TableHeaderCell>
              <TableHeaderCell>Eintrag</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {history.data.map((e) => (
              <TableRow key={e.id}>
                <TableCell>{germanDate(e.date)}</TableCell>
                <TableCell>
                  <Badge appearance="outline">{PARTNERSHIP_EVENT_KIND_LABELS[e.kind]}</Badge>
                </TableCell>
                <TableCell>
                  <div className={styles.stack}>
                    <span>{e.title}</span>
                    {e.notes && <span className={styles.muted}>{e.notes}</span>}
                    {e.letterId !== null && <span className={styles.muted}>Brief Nr. {e.letterId} (Postausgang)</span>}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <form className={styles.add} onSubmit={handleSubmit((v) => add.mutate(v))} aria-label="Eintrag hinzufügen" noValidate>
        <DateField control={control} name="date" label="Datum" required />
        <SelectField control={control} name="kind" label="Art">
          {Object.entries(PARTNERSHIP_EVENT_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField control={control} name="title" label="Worum ging es?" required />
        <TextField control={control} name="notes" label="Notiz" />
        <Button type="submit" disabled={add.isPending}>
          Eintrag hinzufügen
        </Button>
      </form>
      <ErrorMessage error={add.error} title="Nicht hinzugefügt" />
    </section>
  );
}
