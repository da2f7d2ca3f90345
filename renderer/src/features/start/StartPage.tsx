import {
  Button,
  Card,
  CardHeader,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { Page } from '../../app/pages';
import { UpcomingAppointments } from './UpcomingAppointments';
import { UpcomingJubilees } from './UpcomingJubilees';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXXL, display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}` },
});

export function StartPage({ onNavigate }: { onNavigate: (page: Page) => void }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => api('app.info', {}) });
  const holder = useQuery({ queryKey: ['settings.officeHolder'], queryFn: () => api('settings.officeHolder', {}) });
  const loadDemo = useMutation({
    mutationFn: () => api('demo.load', {}),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      onNavigate('contacts');
    },
  });

  if (info.error) return <div className={styles.page}><ErrorMessage error={info.error} /></div>;
  const empty = info.data?.contactCount === 0;
  const copy = info.data?.database.kind === 'sqlite' ? info.data.database.readOnlyCopy : undefined;

  // The dashboard cards are mounted at once (they show when their data is there): their calls go
  // out beside app.info, not after its answer.
  return (
    <div className={styles.page}>
      {info.isPending ? (
        <Spinner label="Rathausbüro wird geladen …" />
      ) : (
        <>
          <Title2 as="h1">Willkommen im Rathausbüro</Title2>
          {copy && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Schreibgeschützte Kopie</MessageBarTitle>
                Diese Daten sind eine Kopie der {copy.of}, Stand {new Date(copy.copiedAt).toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' })} Uhr.
                Hier kann nachgeschlagen, aber nichts geändert werden: Änderungen kämen nie im Amt an.
              </MessageBarBody>
            </MessageBar>
          )}
          <Text>
            Kontakte mit protokollgerechter Anrede, Briefe und Glückwünsche im Namen{' '}
            {holder.data?.title.genitive ?? 'der Oberbürgermeisterin bzw. des Oberbürgermeisters'}, Termine und
            Bürgeranliegen – alles in einer Anwendung, auch ohne Netzwerk.
          </Text>
          {empty && copy ? (
            <Card>
              <CardHeader header={<Text weight="semibold">Kontakte</Text>} />
              <Text>Die Kopie enthält keine Kontakte.</Text>
            </Card>
          ) : empty ? (
            <Card>
              <CardHeader header={<Text weight="semibold">Noch keine Daten vorhanden</Text>} />
              <Text>
                Legen Sie den ersten Kontakt an oder laden Sie ein fiktives Beispielbüro mit rund 200 Kontakten, um die
                Anwendung kennenzulernen.
              </Text>
              <div className={styles.actions}>
                <Button appearance="primary" onClick={() => loadDemo.mutate()} disabled={loadDemo.isPending}>
                  {loadDemo.isPending ? 'Beispieldaten werden geladen …' : 'Beispieldaten laden'}
                </Button>
                <Button onClick={() => onNavigate('contacts')}>Ersten Kontakt anlegen</Button>
              </div>
              <ErrorMessage error={loadDemo.error} title="Beispieldaten konnten nicht geladen werden" />
            </Card>
          ) : (
            <Card>
              <CardHeader header={<Text weight="semibold">Kontakte</Text>} />
              <Text>{info.data.contactCount.toLocaleString('de-DE')} Kontakte im Verzeichnis.</Text>
              <div className={styles.actions}>
                <Button appearance="primary" onClick={() => onNavigate('contacts')}>
                  Zu den Kontakten
                </Button>
              </div>
            </Card>
          )}
        </>
      )}
      <UpcomingAppointments onNavigate={onNavigate} />
      <UpcomingJubilees onNavigate={onNavigate} />
      {info.data && (
        <div className={styles.facts}>
          <Text weight="semibold">Datenbank</Text>
          <Text>{info.data.database.label}</Text>
          <Text weight="semibold">Gewählt durch</Text>
          <Text>{info.data.database.source}</Text>
          <Text weight="semibold">Version</Text>
          <Text>
            {info.data.version} (Datenbankschema {info.data.schemaVersion})
          </Text>
        </div>
      )}
    </div>
  );
}
