import { Button, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { PressExportFormat, PressRelease } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { base64ToBytes, downloadBase64 } from '../../components/files';
import { useFormDialogStyles } from '../../components/layout-styles';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  preview: {
    width: '100%',
    height: '340px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

const LABELS: Record<PressExportFormat, string> = { docx: 'Word', text: 'Text', html: 'HTML' };

/** Word in the city's layout, text and HTML for the city portal; the HTML as the portal will show it. */
export function ReleaseExports({ release, unsaved }: { release: PressRelease; unsaved: boolean }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const download = useMutation({
    mutationFn: (format: PressExportFormat) => api('press.releases.export', { id: release.id, format }),
    onSuccess: (file) => downloadBase64(file.fileName, file.contentBase64, file.fileName.endsWith('.html') ? 'text/html' : undefined),
  });
  const preview = useQuery({
    queryKey: ['press.releases.export', release.id, 'html', release.updatedAt],
    queryFn: async () => new TextDecoder().decode(base64ToBytes((await api('press.releases.export', { id: release.id, format: 'html' })).contentBase64)),
  });
  return (
    <section aria-label="Export" className={layout.form}>
      <Subtitle2 as="h2" className={layout.section}>
        Export
      </Subtitle2>
      <div className={styles.actions}>
        {(Object.keys(LABELS) as PressExportFormat[]).map((format) => (
          <Button key={format} icon={<ArrowDownloadRegular />} disabled={download.isPending} onClick={() => download.mutate(format)}>
            {LABELS[format]}
          </Button>
        ))}
        {unsaved && <Text className={styles.muted}>Exportiert wird der gespeicherte Stand.</Text>}
      </div>
      <ErrorMessage error={download.error ?? preview.error} title="Export fehlgeschlagen" />
      <Text weight="semibold">Vorschau für das Stadtportal (HTML)</Text>
      {preview.data === undefined ? (
        <Spinner size="small" />
      ) : (
        // No scripts, no forms, no navigation: the preview shows the markup as is.
        <iframe className={styles.preview} title="HTML-Vorschau" sandbox="" srcDoc={preview.data} />
      )}
    </section>
  );
}
