import { useForm } from 'react-hook-form';
import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import type { CitizenEventDetail } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/form-fields';
import { germanDate } from '../../components/format';
import { issuesOf, markFields } from '../settings/form-issues';
import { CitizenFields, KnownCitizen } from '../citizens/CitizenFields';
import { citizenFieldOf, citizenInputOf, citizenReach, emptyCitizen, type CitizenFormValues } from '../citizens/citizen-values';
import { placesLabel } from './event-form-values';

const useStyles = makeStyles({
  add: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
    margin: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  stack: { display: 'grid', gap: '2px' },
});

interface RegistrationFormValues {
  citizen: CitizenFormValues;
  topic: string;
}

/** Who registered, with the topic each wants to raise; add and remove registrations. */
export function RegistrationsSection({ event, onChanged }: { event: CitizenEventDetail; onChanged: (event: CitizenEventDetail) => Promise<void> }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const { control, handleSubmit, reset, setError, setValue } = useForm<RegistrationFormValues>({ defaultValues: { citizen: emptyCitizen(), topic: '' } });
  const register = useMutation({
    mutationFn: (values: RegistrationFormValues) => api('citizenEvents.register', { eventId: event.id, citizen: citizenInputOf(values.citizen), topic: values.topic }),
    onSuccess: async (saved) => {
      reset({ citizen: emptyCitizen(), topic: '' });
      await onChanged(saved);
    },
    onError: (error) =>
      markFields(issuesOf(error), setError, (path) => citizenFieldOf(path) ?? (path[0] === 'topic' ? 'topic' : undefined)),
  });
  const unregister = useMutation({
    mutationFn: (registrationId: number) => api('citizenEvents.unregister', { registrationId }),
    onSuccess: onChanged,
  });
  const full = event.capacity !== null && event.registered >= event.capacity;

  return (
    <section aria-label="Anmeldungen" className={layout.form}>
      <Subtitle2 as="h3" className={layout.section}>
        Anmeldungen
      </Subtitle2>
      <div className={styles.head}>
        <Text role="status" aria-label="Belegung">
          {placesLabel(event)}
        </Text>
        {full && (
          <Badge appearance="tint" color="danger">
            ausgebucht
          </Badge>
        )}
      </div>
      {event.registrations.length === 0 ? (
        <Text className={styles.muted}>Bisher hat sich niemand angemeldet.</Text>
      ) : (
        <Table size="small" aria-label="Angemeldete Personen">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '3em' }}>Nr.</TableHeaderCell>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Thema</TableHeaderCell>
              <TableHeaderCell style={{ width: '8em' }}>Angemeldet am</TableHeaderCell>
              <TableHeaderCell style={{ width: '9em' }} />
            </TableRow>
          </TableHeader>
          <TableBody>
            {event.registrations.map((r, i) => {
              const name = r.citizen?.displayName ?? '(Angaben gelöscht)';
              return (
                <TableRow key={r.id}>
                  <TableCell>{i + 1}</TableCell>
                  <TableCell>
                    <div className={styles.stack}>
                      <Text weight="semibold">{name}</Text>
                      {r.citizen && <span className={styles.muted}>{citizenReach(r.citizen)}</span>}
                    </div>
                  </TableCell>
                  <TableCell>{r.topic || '–'}</TableCell>
                  <TableCell>{germanDate(r.registeredOn)}</TableCell>
                  <TableCell>
                    <Button size="small" icon={<DeleteRegular />} aria-label={`${name} abmelden`} disabled={unregister.isPending} onClick={() => unregister.mutate(r.id)}>
                      Abmelden
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <ErrorMessage error={unregister.error} title="Nicht abgemeldet" />
      {event.past ? (
        <MessageBar intent="info">
          <MessageBarBody>Die Veranstaltung ist vorbei; Anmeldungen sind nicht mehr möglich.</MessageBarBody>
        </MessageBar>
      ) : (
        <form className={styles.add} aria-label="Anmeldung hinzufügen" onSubmit={handleSubmit((values) => register.mutate(values))} noValidate>
          <Text weight="semibold">Anmeldung hinzufügen</Text>
          <KnownCitizen control={control} setValue={setValue} />
          <CitizenFields control={control} />
          <TextField control={control} name="topic" label="Thema, das die Person ansprechen möchte" />
          <ErrorMessage error={register.error} title="Nicht angemeldet" />
          <div>
            <Button type="submit" icon={<PersonAddRegular />} disabled={register.isPending}>
              {register.isPending ? 'Wird angemeldet …' : 'Anmelden'}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
