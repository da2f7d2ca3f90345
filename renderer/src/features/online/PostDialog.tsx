import { useEffect, useMemo, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CHANNEL_KEYS, CHANNEL_NAMES, POST_STATUS_LABELS, POST_STEP_LABELS, type ChannelKey, type OnlinePost, type OnlinePostInput, type PostStep } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DateField, SelectField, TextField, TimeField } from '../../components/form-fields';
import { SaveActions } from '../../components/SaveActions';
import { fetchFresh, useLoadedRecord } from '../../components/use-loaded-record';
import { WorkflowSteps } from '../../components/WorkflowSteps';
import { useFormDialogStyles } from '../../components/layout-styles';
import { instantText, joinDateTime, wallClockText } from '../press/press-format';
import { berlinToday } from '../calendar/wall-clock';
import { ChannelCheck } from './ChannelCheck';
import { MediaFileField, mediaFileInput, type MediaFileValue } from './MediaFileField';
import { POST_STATUS_COLORS } from './online-format';
import { SocialRequestDialog } from './SocialRequestDialog';

const useStyles = makeStyles({
  status: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  text: { '& textarea': { minHeight: '160px', fontFamily: tokens.fontFamilyBase, lineHeight: tokens.lineHeightBase400 } },
  // The fields' inputs in one line (labels of one height at the top, the hint below its field).
  medium: { display: 'grid', gridTemplateColumns: '110px minmax(0, 2fr) minmax(0, 1.3fr) 150px auto', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  /** The entry's file on its own line below its fields. */
  file: { gridColumn: '1 / -1', paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  /** The remove button beside the inputs, below the labels' line. */
  remove: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXS})` },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  url: { minWidth: '320px', flexGrow: 1 },
});

interface PostFormValues {
  topicId: string;
  channel: ChannelKey;
  text: string;
  link: string;
  /** `rightsUntil` as typed ("" for none); `file`: the one it has or one just chosen. */
  media: Array<{ kind: 'image' | 'video'; alt: string; credit: string; rightsUntil: string; file: MediaFileValue | null }>;
  plannedDate: string;
  plannedTime: string;
}

/** The media as the API takes them: no date typed is no end of the rights; the file by its key or upload. */
const mediaOf = (media: PostFormValues['media']) => media.map((m) => ({ ...m, rightsUntil: m.rightsUntil || null, file: mediaFileInput(m.file) }));
/** The media as the channel check looks at them (without their files). */
const checkedMediaOf = (media: PostFormValues['media']) => media.map(({ file: _file, ...m }) => ({ ...m, rightsUntil: m.rightsUntil || null }));

function formValuesOf(post: OnlinePost | null, topicId: number | null): PostFormValues {
  return {
    topicId: post?.topicId ? String(post.topicId) : topicId ? String(topicId) : '',
    channel: post?.channel ?? 'bluesky',
    text: post?.text ?? '',
    link: post?.link ?? '',
    media: post?.media.map((m) => ({ ...m, rightsUntil: m.rightsUntil ?? '', file: m.file })) ?? [],
    plannedDate: post?.plannedAt?.slice(0, 10) ?? '',
    plannedTime: post?.plannedAt?.slice(11, 16) ?? '',
  };
}

const DONE: Record<PostStep, string> = {
  draft: 'Die Idee ist nun ein Entwurf.',
  submit: 'Zur Freigabe vorgelegt.',
  approve: 'Freigegeben.',
  schedule: 'Eingeplant.',
  publish: 'Als veröffentlicht vermerkt.',
  withdraw: 'Zurückgezogen.',
};

/**
 * One post of the editorial plan: channel, text, link, images and videos with their alternative
 * texts, planned time; the channel check while typing; the workflow buttons the state allows.
 */
export function PostDialog({ postId, topicId, onClose }: { postId: number | null; topicId: number | null; onClose: () => void }) {
  const layout = useFormDialogStyles();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [id, setId] = useState(postId);
  const [notice, setNotice] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  /** A question or complaint under the published post is being recorded as a request. */
  const [asking, setAsking] = useState(false);
  const post = useQuery({ queryKey: ['online.posts.get', id], queryFn: () => api('online.posts.get', { id: id! }), enabled: id !== null });
  // The post as loaded: every change sends its revision back; another PC's change replaces it only while the form holds no unsaved input.
  const [data, take] = useLoadedRecord(post.data ?? null, dirty);
  /** Counts „Neu laden“: the form and the steps start again from the post as stored now. */
  const [reloads, setReloads] = useState(0);
  const stored = async (saved: OnlinePost, message: string) => {
    queryClient.setQueryData(['online.posts.get', saved.id], saved);
    take(saved);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: ['online.posts.list'] });
    await queryClient.invalidateQueries({ queryKey: ['online.plan'] });
    await queryClient.invalidateQueries({ queryKey: ['online.topics.list'] });
    await queryClient.invalidateQueries({ queryKey: ['online.topics.get'] });
  };
  /** „Neu laden“ after STALE: the post as it is stored now replaces the user's input. */
  const reload = async () => {
    if (id === null) return;
    const fresh = await fetchFresh(queryClient, 'online.posts.get', id);
    setNotice(null);
    setDirty(false);
    take(fresh);
    setReloads((n) => n + 1);
  };
  const reloadNow = () => void reload();
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Beitrag">
        <DialogBody>
          <DialogTitle>{data ? `Beitrag für ${data.channelName}` : 'Neuer Beitrag'}</DialogTitle>
          <DialogContent className={layout.content}>
            {data && (
              <div className={styles.status} role="group" aria-label="Stand">
                <Badge appearance="filled" color={POST_STATUS_COLORS[data.status]}>
                  {POST_STATUS_LABELS[data.status]}
                </Badge>
                {data.approvedBy && data.approvedAt && (
                  <Text className={styles.muted}>
                    freigegeben von {data.approvedBy} am {instantText(data.approvedAt)}
                  </Text>
                )}
                {data.notBefore && data.status !== 'veroeffentlicht' && (
                  <Badge appearance="tint" color="danger">
                    Sperrfrist bis {wallClockText(data.notBefore)}
                  </Badge>
                )}
                {data.publishedAt && (
                  <Text className={styles.muted}>
                    veröffentlicht am {wallClockText(data.publishedAt)}
                    {data.publishedUrl && ` unter ${data.publishedUrl}`}
                  </Text>
                )}
              </div>
            )}
            {id !== null && !data ? (
              post.error ? <ErrorMessage error={post.error} /> : <Spinner size="small" label="Der Beitrag wird geladen …" />
            ) : (
              <PostForm
                key={`${id ?? 'new'}-${reloads}`}
                post={data ?? null}
                topicId={topicId}
                onDirtyChange={setDirty}
                onReload={reloadNow}
                onSaved={async (saved, before) => {
                  const voided = (before?.status === 'freigegeben' || before?.status === 'geplant') && saved.status === 'entwurf';
                  await stored(
                    saved,
                    id === null
                      ? `Beitrag gespeichert (${POST_STATUS_LABELS[saved.status]}).`
                      : voided
                        ? 'Gespeichert. Der Inhalt hat sich geändert: Die Freigabe ist aufgehoben, der Beitrag ist wieder ein Entwurf.'
                        : 'Beitrag gespeichert.',
                  );
                  setId(saved.id);
                }}
              />
            )}
            {notice && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
            {data && <PostWorkflow key={`workflow-${data.id}-${reloads}`} post={data} unsaved={dirty} onChanged={stored} onReload={reloadNow} />}
          </DialogContent>
          <DialogActions>
            {data?.publishedUrl && <Button onClick={() => setAsking(true)}>Anliegen aus sozialen Medien erfassen …</Button>}
            <Button onClick={onClose}>Schließen</Button>
          </DialogActions>
          {asking && data?.publishedUrl && <SocialRequestDialog link={data.publishedUrl} onClose={() => setAsking(false)} />}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function PostForm({
  post,
  topicId,
  onSaved,
  onDirtyChange,
  onReload,
}: {
  post: OnlinePost | null;
  topicId: number | null;
  onSaved: (post: OnlinePost, before: OnlinePost | null) => Promise<void>;
  onDirtyChange: (dirty: boolean) => void;
  /** „Neu laden“ after a save refused as STALE. */
  onReload: () => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const { control, handleSubmit, formState, reset, setError, setValue } = useForm<PostFormValues>({ defaultValues: formValuesOf(post, topicId) });
  const media = useFieldArray({ control, name: 'media' });
  useEffect(() => onDirtyChange(formState.isDirty), [formState.isDirty, onDirtyChange]);
  // A newer copy (another PC's save, a step of this dialog) fills the form only while nothing is typed.
  useEffect(() => {
    if (post && !formState.isDirty) reset(formValuesOf(post, null));
    // Only a newly loaded post fills the form again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [post]);
  const topics = useQuery({ queryKey: ['online.topics.list'], queryFn: () => api('online.topics.list', {}) });
  const [channel, text, link, mediaValues, plannedDate] = useWatch({ control, name: ['channel', 'text', 'link', 'media', 'plannedDate'] });
  // The day the post goes out, for the usage rights of its media: its planned day, not before today.
  const today = berlinToday();
  const checkedMedia = useMemo(() => checkedMediaOf(mediaValues), [mediaValues]);
  const dayOut = /^\d{4}-\d{2}-\d{2}$/.test(plannedDate) && plannedDate > today ? plannedDate : today;
  const save = useMutation({
    mutationFn: (input: OnlinePostInput) => api('online.posts.save', input),
    onSuccess: async (saved) => {
      reset(formValuesOf(saved, null));
      await onSaved(saved, post);
    },
  });
  const submit = (values: PostFormValues) => {
    const plannedAt = joinDateTime(values.plannedDate, values.plannedTime);
    if (plannedAt !== null && typeof plannedAt === 'object') {
      setError(plannedAt.error.includes('Uhrzeit') ? 'plannedTime' : 'plannedDate', { message: plannedAt.error });
      return;
    }
    save.mutate({
      id: post?.id,
      revision: post?.revision,
      topicId: values.topicId ? Number(values.topicId) : null,
      channel: values.channel,
      text: values.text,
      link: values.link,
      media: mediaOf(values.media),
      plannedAt,
    });
  };
  return (
    <form className={layout.form} onSubmit={handleSubmit(submit)} aria-label="Inhalt des Beitrags" noValidate>
      <div className={layout.row}>
        <SelectField control={control} name="channel" label="Kanal">
          {CHANNEL_KEYS.map((key) => (
            <option key={key} value={key}>
              {CHANNEL_NAMES[key]}
            </option>
          ))}
        </SelectField>
        <SelectField control={control} name="topicId" label="Thema">
          <option value="">ohne Thema</option>
          {(topics.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </SelectField>
      </div>
      <Controller
        control={control}
        name="text"
        render={({ field }) => (
          <Field label="Text" hint={channel === 'youtube' ? 'Die erste Zeile ist der Titel des Videos, der Rest die Beschreibung.' : 'Leer: Der Beitrag ist eine Idee.'} className={styles.text}>
            <Textarea ref={field.ref} name={field.name} value={field.value} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur} resize="vertical" />
          </Field>
        )}
      />
      <TextField control={control} name="link" label="Link" placeholder="https://www.duisburg.de/…" hint="Wird unter den Text gesetzt, wenn er nicht schon darin steht." />
      <ChannelCheck channel={channel} text={text} link={link} media={checkedMedia} on={dayOut} />
      <Subtitle2 as="h3" className={layout.section}>
        Bilder und Videos
      </Subtitle2>
      {media.fields.map((item, i) => (
        <div key={item.id} className={styles.medium}>
          <Controller
            control={control}
            name={`media.${i}.kind`}
            render={({ field }) => (
              <Field label={`Art (${i + 1})`}>
                <Select ref={field.ref} name={field.name} value={field.value} onChange={(_, d) => field.onChange(d.value)}>
                  <option value="image">Bild</option>
                  <option value="video">Video</option>
                </Select>
              </Field>
            )}
          />
          <Controller
            control={control}
            name={`media.${i}.alt`}
            render={({ field }) => (
              <Field label={`Alternativtext (${i + 1})`} hint="Was zu sehen ist, für Menschen, die es nicht sehen.">
                <Input ref={field.ref} name={field.name} value={field.value} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur} />
              </Field>
            )}
          />
          <TextField control={control} name={`media.${i}.credit`} label={`Bildnachweis (${i + 1})`} placeholder="Foto: Stadt Duisburg / …" />
          <DateField control={control} name={`media.${i}.rightsUntil`} label={`Rechte bis (${i + 1})`} />
          <Button className={styles.remove} icon={<DeleteRegular />} aria-label={`Medium ${i + 1} entfernen`} onClick={() => media.remove(i)} />
          <Controller
            control={control}
            name={`media.${i}.file`}
            render={({ field }) => (
              <div className={styles.file}>
                <MediaFileField
                  index={i + 1}
                  kind={mediaValues[i]?.kind ?? item.kind}
                  postId={post?.id ?? null}
                  value={field.value}
                  onChange={field.onChange}
                  onKindChange={(kind) => setValue(`media.${i}.kind`, kind, { shouldDirty: true })}
                />
              </div>
            )}
          />
        </div>
      ))}
      <div>
        <Button icon={<AddRegular />} onClick={() => media.append({ kind: 'image', alt: '', credit: '', rightsUntil: '', file: null })}>
          Bild oder Video hinzufügen
        </Button>
      </div>
      <div className={layout.row}>
        <DateField control={control} name="plannedDate" label="Geplant am" />
        <TimeField control={control} name="plannedTime" label="um (Uhrzeit)" />
      </div>
      <SaveActions
        label="Beitrag speichern"
        saving={save.isPending}
        error={save.error}
        unsaved={formState.isDirty && Boolean(post)}
        onReload={onReload}
        unsavedNote={post?.status === 'freigegeben' || post?.status === 'geplant' ? ' – Speichern hebt die Freigabe auf, wenn sich der Inhalt ändert.' : ''}
      />
    </form>
  );
}

/** The workflow buttons the state allows; publishing asks for the address where the post now is. */
function PostWorkflow({
  post,
  unsaved,
  onChanged,
  onReload,
}: {
  post: OnlinePost;
  unsaved: boolean;
  onChanged: (post: OnlinePost, message: string) => Promise<void>;
  onReload: () => void;
}) {
  const styles = useStyles();
  const [url, setUrl] = useState('');
  return (
    <WorkflowSteps
      steps={post.steps}
      labels={POST_STEP_LABELS}
      done={DONE}
      unsaved={unsaved}
      run={(step) => api('online.posts.step', { id: post.id, revision: post.revision, step, ...(step === 'publish' ? { url } : {}) })}
      onChanged={onChanged}
      onReload={onReload}
    >
      {post.steps.includes('publish') && (
        <Field label="Veröffentlicht unter (URL)" className={styles.url}>
          <Input value={url} onChange={(_, d) => setUrl(d.value)} placeholder="https://…" />
        </Field>
      )}
    </WorkflowSteps>
  );
}
