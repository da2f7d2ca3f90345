import { Button, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import type { CitizenEventDetail, CitizenEventDocumentKind } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadBase64 } from '../../components/files';
import { EventConcerns } from './EventConcerns';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const DOCUMENTS: Array<{ kind: CitizenEventDocumentKind; label: string; hint: string }> = [
  { kind: 'einladung', label: 'Einladung', hint: 'zum Aushängen und Verschicken' },
  { kind: 'pressenotiz', label: 'Pressenotiz', hint: 'wann, wo, wie anmelden' },
  { kind: 'briefing', label: 'Briefing', hint: 'wer kommt, welche Themen, offene Anliegen aus dem Stadtbezirk' },
  { kind: 'nachbericht', label: 'Nachbericht', hint: 'die aufgenommenen Anliegen und ihr Stand' },
];

/** The event's Word files: invitation, press note, the host's briefing, the follow-up report. */
export function EventDocuments({ event }: { event: CitizenEventDetail }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const download = useMutation({
    mutationFn: async (kind: CitizenEventDocumentKind) => {
      const file = await api('citizenEvents.document', { id: event.id, kind });
      downloadBase64(file.fileName, file.contentBase64);
    },
  });
  return (
    <section aria-label="Dokumente" className={layout.form}>
      <Subtitle2 as="h3" className={layout.section}>
        Dokumente (Word)
      </Subtitle2>
      <div className={styles.buttons}>
        {DOCUMENTS.map((d) => (
          <Button key={d.kind} icon={<ArrowDownloadRegular />} title={d.hint} disabled={download.isPending} onClick={() => download.mutate(d.kind)}>
            {d.label}
          </Button>
        ))}
      </div>
      <Text className={styles.muted}>
        {event.concerns === 0
          ? 'Anliegen aus der Veranstaltung werden als Bürgeranliegen mit Bezug auf diese Veranstaltung erfasst; der Nachbericht zeigt dann den Stand jedes Anliegens.'
          : `Bei der Veranstaltung aufgenommen: ${event.concerns} Anliegen. Der Nachbericht zeigt den Stand jedes Anliegens.`}
      </Text>
      <ErrorMessage error={download.error} title="Das Dokument ließ sich nicht erstellen" />
      <EventConcerns event={event} />
    </section>
  );
}
