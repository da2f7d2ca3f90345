import { useState } from 'react';
import { Button, Link, makeStyles, ProgressBar, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import type { CitizenRequest } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadBase64, uploadInPieces } from '../../components/files';
import { fileSize } from '../../components/format';
import { UploadButton } from '../../components/UploadButton';

const useStyles = makeStyles({
  files: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'grid', gap: '2px' },
  file: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

/** The request's files (scans, the e-mail and its attachments): added in pieces, removable. */
export function RequestAttachments({ request, onChanged }: { request: CitizenRequest; onChanged: (request: CitizenRequest) => Promise<void> }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const [progress, setProgress] = useState<number | null>(null);
  const attach = useMutation({
    mutationFn: async (file: File) => {
      setProgress(0);
      const uploadId = await uploadInPieces(file, (piece) => api('uploads.append', piece), setProgress);
      return api('requests.attach', { id: request.id, uploadId });
    },
    onSuccess: onChanged,
    onSettled: () => setProgress(null),
  });
  const detach = useMutation({
    mutationFn: (attachmentId: number) => api('requests.detach', { id: request.id, attachmentId }),
    onSuccess: onChanged,
  });
  const download = useMutation({
    mutationFn: async (attachmentId: number) => {
      const file = await api('requests.attachment', { id: request.id, attachmentId });
      downloadBase64(file.fileName, file.contentBase64);
    },
  });
  return (
    <>
      <Subtitle2 as="h3" className={layout.section}>
        Anhänge
      </Subtitle2>
      {request.attachments.length ? (
        <ul className={styles.files} aria-label="Anhänge">
          {request.attachments.map((a) => (
            <li key={a.id} className={styles.file}>
              <Link as="button" type="button" title={`${a.fileName} herunterladen`} onClick={() => download.mutate(a.id)}>
                {a.fileName}
              </Link>
              <Text className={styles.muted}>({fileSize(a.size)})</Text>
              <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label={`${a.fileName} entfernen`} onClick={() => detach.mutate(a.id)} />
            </li>
          ))}
        </ul>
      ) : (
        <Text className={styles.muted}>Noch keine Anhänge (etwa der eingescannte Brief oder Fotos).</Text>
      )}
      <div className={styles.actions}>
        <UploadButton accept="" label="Datei anhängen …" onFile={(file) => attach.mutate(file)} />
      </div>
      {progress !== null && <ProgressBar value={progress} aria-label="Datei wird übertragen" />}
      <ErrorMessage error={attach.error ?? detach.error} title="Anhang nicht gespeichert" />
      <ErrorMessage error={download.error} title="Anhang nicht geöffnet" />
    </>
  );
}
