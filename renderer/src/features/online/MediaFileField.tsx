import { useEffect, useState } from 'react';
import { Button, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { DismissRegular, ImageRegular, VideoRegular } from '@fluentui/react-icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { MAX_MEDIA_FILE_BYTES, MEDIA_FILE_ACCEPT, MEDIA_FILE_TYPES, type PostMediaFile } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { base64ToBytes, uploadInPieces } from '../../components/files';
import { fileSize } from '../../components/format';
import { UploadButton } from '../../components/UploadButton';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  thumbnail: {
    width: '64px',
    height: '48px',
    objectFit: 'cover',
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: tokens.colorNeutralForeground3,
    fontSize: '24px',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  progress: { minWidth: '160px' },
});

/**
 * A media entry's file in the form: the one the post has (`key`), or one just chosen and uploaded
 * (`uploadId`, with a preview of the chosen file); saved with the post.
 */
export type MediaFileValue = { key: string; fileName: string; size: number; type: PostMediaFile['type'] } | { uploadId: string; fileName: string; size: number; preview: string | null };

/** What the API takes for a media entry's file. */
export const mediaFileInput = (file: MediaFileValue | null) => (file === null ? null : 'key' in file ? { key: file.key } : { uploadId: file.uploadId });

/** The stored file's bytes as a picture for the thumbnail (a blob address, given back when no longer shown). */
function useStoredPreview(postId: number | null, file: MediaFileValue | null) {
  const stored = file && 'key' in file && MEDIA_FILE_TYPES[file.type].kind === 'image' && postId !== null ? file : null;
  const content = useQuery({
    queryKey: ['online.posts.mediaFile', postId, stored?.key],
    queryFn: () => api('online.posts.mediaFile', { id: postId!, key: stored!.key }),
    enabled: stored !== null,
    staleTime: Infinity,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!stored || !content.data) return setUrl(null);
    const address = URL.createObjectURL(new Blob([base64ToBytes(content.data.contentBase64)], { type: MEDIA_FILE_TYPES[stored.type].mime }));
    setUrl(address);
    return () => URL.revokeObjectURL(address);
  }, [stored?.key, stored?.type, content.data]);
  return url;
}

/**
 * Choosing the image or video file of media entry `index` (1-based, for the labels): the chosen
 * file goes to the services in pieces at once (as every upload); shown with a thumbnail (images),
 * its name and size, and a button to remove it. Its format is checked by content when the post is saved.
 */
export function MediaFileField({
  index,
  kind,
  postId,
  value,
  onChange,
  onKindChange,
}: {
  index: number;
  kind: 'image' | 'video';
  postId: number | null;
  value: MediaFileValue | null;
  onChange: (value: MediaFileValue | null) => void;
  /** A video chosen for an image entry (or the other way round) changes the entry's kind. */
  onKindChange: (kind: 'image' | 'video') => void;
}) {
  const styles = useStyles();
  const [progress, setProgress] = useState<number | null>(null);
  const storedPreview = useStoredPreview(postId, value);
  const preview = value && 'uploadId' in value ? value.preview : storedPreview;
  // The chosen file's own preview is given back when it is replaced or the form goes.
  useEffect(() => {
    const local = value && 'uploadId' in value ? value.preview : null;
    return () => {
      if (local) URL.revokeObjectURL(local);
    };
  }, [value]);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const fileKind = file.type.startsWith('video/') ? 'video' : file.type.startsWith('image/') ? 'image' : kind;
      if (file.size > MAX_MEDIA_FILE_BYTES[fileKind]) {
        throw new Error(
          `Die Datei „${file.name}“ ist ${fileSize(file.size)} groß; ${fileKind === 'image' ? 'ein Bild' : 'ein Video'} darf höchstens ${fileSize(MAX_MEDIA_FILE_BYTES[fileKind])} groß sein.`,
        );
      }
      setProgress(0);
      const uploadId = await uploadInPieces(file, (piece) => api('uploads.append', piece), setProgress);
      if (fileKind !== kind) onKindChange(fileKind);
      onChange({ uploadId, fileName: file.name, size: file.size, preview: fileKind === 'image' ? URL.createObjectURL(file) : null });
    },
    onSettled: () => setProgress(null),
  });
  const isImage = value ? ('key' in value ? MEDIA_FILE_TYPES[value.type].kind === 'image' : value.preview !== null) : kind === 'image';
  return (
    <div>
      <div className={styles.row} role="group" aria-label={`Datei (${index})`}>
        {value &&
          (preview ? (
            <img className={styles.thumbnail} src={preview} alt={`Vorschau: ${value.fileName}`} />
          ) : (
            <span className={styles.thumbnail} aria-hidden>
              {isImage ? <ImageRegular /> : <VideoRegular />}
            </span>
          ))}
        {value ? (
          <Text>
            {value.fileName} <span className={styles.muted}>({fileSize(value.size)}{'uploadId' in value ? ', wird mit dem Beitrag gespeichert' : ''})</span>
          </Text>
        ) : (
          <Text className={styles.muted}>Noch keine Datei.</Text>
        )}
        <UploadButton size="small" accept={MEDIA_FILE_ACCEPT} label={value ? 'Andere Datei wählen …' : 'Datei wählen …'} onFile={(file) => upload.mutate(file)} />
        {value && <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label={`Datei ${value.fileName} entfernen`} onClick={() => onChange(null)} />}
        {progress !== null && <ProgressBar className={styles.progress} value={progress} aria-label="Datei wird übertragen" />}
      </div>
      <ErrorMessage error={upload.error} title="Datei nicht übernommen" />
    </div>
  );
}
