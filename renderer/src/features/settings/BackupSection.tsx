import { Body1, Button, MessageBar, MessageBarBody, Title3 } from '@fluentui/react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, isDesktop } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSectionStyles } from './section-styles';

const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toLocaleString('de-DE', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

/**
 * Datensicherung: where the data lives and a backup at once. A single PC's backup is a copy of its
 * SQLite file (SQLite's online backup); in office mode a snapshot of the office database as a new
 * data folder that opens read-only — IT's own backups of the office database stay PostgreSQL's.
 * The page never names the target: the desktop app asks with its save dialog, browser mode writes
 * into the data folder's „Sicherungen“.
 */
export function BackupSection() {
  const section = useSectionStyles();
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => api('app.info', {}) });
  const backup = useMutation({ mutationFn: () => api('app.backup', {}) });
  if (!info.data) return null;
  const office = info.data.database.kind === 'postgres';
  const where = isDesktop() ? 'an den Ort, den Sie im folgenden Dialog wählen' : 'in den Ordner „Sicherungen“ neben den Daten dieses Arbeitsplatzes';
  return (
    <section aria-labelledby="settings-backup-heading" style={{ display: 'contents' }}>
      <Title3 as="h2" id="settings-backup-heading">
        Datensicherung
      </Title3>
      <Body1>Die Daten liegen in: {office ? info.data.database.label : `„${info.data.dataFile}“`}.</Body1>
      {office ? (
        <Body1>
          Die gemeinsame Bürodatenbank sichert die IT. Zusätzlich schreibt „Jetzt sichern“ einen in sich stimmigen Stand mit allen Briefen und Anhängen als
          eigenen Datenordner {where}; dieser Stand lässt sich ohne Netz lesend öffnen.
        </Body1>
      ) : (
        <Body1>
          „Jetzt sichern“ schreibt eine vollständige Kopie der Datenbank {where}, auch während gearbeitet wird. Die Ordner mit Briefen, Vorlagen und Anhängen
          neben der Datenbank sichert die übliche Datensicherung des Rechners mit.
        </Body1>
      )}
      <div className={section.actions}>
        <Button appearance="primary" onClick={() => backup.mutate()} disabled={backup.isPending}>
          {backup.isPending ? 'Sichert …' : 'Jetzt sichern'}
        </Button>
      </div>
      {backup.data && (
        <MessageBar intent={backup.data.file ? 'success' : 'info'} role="status">
          <MessageBarBody>
            {backup.data.file ? `Sicherung geschrieben: „${backup.data.file}“ (${megabytes(backup.data.bytes)}).` : 'Keine Sicherung geschrieben: abgebrochen.'}
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={backup.error} title="Nicht gesichert" />
    </section>
  );
}
