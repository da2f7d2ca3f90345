import { useState } from 'react';
import { Button, Link, makeStyles, ProgressBar, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client';
import { ErrorMessage } from './ErrorMessage';
import { downloadBase64, uploadInPieces } from './files';
import { fileSize } from './format';
import { useFormDialogStyles } from './layout-styles';
import { UploadButton } from './UploadButton';

const useStyles = makeStyles({
  files: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'grid', gap: '2px' },
  file: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export interface AttachmentItem {
  id: number;
  fileName: string;
  size: number;
}

/**
 * A record's files (an invitation's, a request's): the list under „Anhänge“, each to download or
 * remove, and „Datei anhängen …“, which sends the chosen file in pieces (as every upload) and then
 * hands the upload's id to `attach`. The record's own calls come in as callbacks; they store the
 * changed record themselves.
 */
export function AttachmentList({
  attachments,
  emptyText,
  download,
  attach,
  detach,
  onReload,
}: {
  attachments: readonly AttachmentItem[];
  /** Shown while there is no file, e.g. „Noch keine Anhänge (etwa die eingescannte Einladung).“ */
  emptyText: string;
  download: (attachmentId: number) => Promise<{ fileName: string; contentBase64: string }>;
  attach: (uploadId: string) => Promise<void>;
  detach: (attachmentId: number) => Promise<void>;
  /** Takes the record anew after a change was refused as STALE (see ErrorMessage). */
  onReload?: () => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      setProgress(0);
      const uploadId = await uploadInPieces(file, (piece) => api('uploads.append', piece), setProgress);
      await attach(uploadId);
    },
    onSettled: () => setProgress(null),
  });
  const remove = useMutation({ mutationFn: detach });
  const save = useMutation({
    mutationFn: async (attachmentId: number) => {
      const file = await download(attachmentId);
      downloadBase64(file.fileName, file.contentBase64);
    },
  });
  return (
    <>
      <Subtitle2 as="h3" className={layout.section}>
        Anhänge
      </Subtitle2>
      {attachments.length ? (
        <ul className={styles.files} aria-label="Anhänge">
          {attachments.map((a) => (
            <li key={a.id} className={styles.file}>
              <Link as="button" type="button" title={`${a.fileName} herunterladen`} onClick={() => save.mutate(a.id)}>
                {a.fileName}
              </Link>
              <Text className={styles.muted}>({fileSize(a.size)})</Text>
              <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label={`${a.fileName} entfernen`} onClick={() => remove.mutate(a.id)} />
            </li>
          ))}
        </ul>
      ) : (
        <Text className={styles.muted}>{emptyText}</Text>
      )}
      <div className={styles.actions}>
        <UploadButton accept="" label="Datei anhängen …" onFile={(file) => upload.mutate(file)} />
      </div>
      {progress !== null && <ProgressBar value={progress} aria-label="Datei wird übertragen" />}
      <ErrorMessage error={upload.error ?? remove.error} title="Anhang nicht gespeichert" onReload={onReload} />
      <ErrorMessage error={save.error} title="Anhang nicht geöffnet" />
    </>
  );
}
