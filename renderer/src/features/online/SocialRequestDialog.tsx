import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REQUEST_KIND_LABELS, type CitizenRequest, type RequestInput, type RequestKind } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextareaField, TextField } from '../../components/form-fields';
import { useFormDialogStyles } from '../../components/layout-styles';
import { useNavigate } from '../../components/route';
import { berlinToday } from '../calendar/wall-clock';
import { issuesOf, markFields } from '../settings/form-issues';
import { excerpt } from './online-format';

interface SocialRequestValues {
  kind: RequestKind;
  /** The person's name or handle as the platform shows it ("@ruhrpott_gülay"); empty: anonymous. */
  name: string;
  text: string;
  link: string;
}

/** The subject: the text's first sentence, cut to 80 characters. */
const subjectOf = (text: string) => excerpt(text.trim().split(/(?<=[.!?])\s/)[0] ?? '', 80);

/** The request as saved: channel Social Media, the post's address kept, the subject the text's first sentence. */
export function socialRequestInput(values: SocialRequestValues, today: string): RequestInput {
  const name = values.name.trim();
  return {
    kind: values.kind,
    channel: 'social_media',
    citizen: name ? { surname: name } : null,
    subject: subjectOf(values.text),
    text: values.text,
    receivedOn: today,
    link: values.link,
  };
}

const FIELDS: Record<string, keyof SocialRequestValues> = { kind: 'kind', citizen: 'name', subject: 'text', text: 'text', link: 'link' };

/**
 * A question or complaint seen on a channel, recorded as a citizen's request in one step (channel
 * „Social Media“, the post's link kept); it is then worked on under Anliegen like any other.
 * `link`: the address given beforehand (a published post's).
 */
export function SocialRequestDialog({ link = '', onClose }: { link?: string; onClose: () => void }) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [saved, setSaved] = useState<CitizenRequest | null>(null);
  const { control, handleSubmit, setError, clearErrors } = useForm<SocialRequestValues>({ defaultValues: { kind: 'beschwerde', name: '', text: '', link } });
  const save = useMutation({
    mutationFn: async (values: SocialRequestValues) => {
      clearErrors();
      try {
        return await api('requests.save', socialRequestInput(values, berlinToday()));
      } catch (error) {
        markFields(issuesOf(error), setError, (path) => FIELDS[path[0] ?? '']);
        throw error;
      }
    },
    onSuccess: async (request) => {
      setSaved(request);
      await queryClient.invalidateQueries({ queryKey: ['requests.list'] });
      await queryClient.invalidateQueries({ queryKey: ['requests.stats'] });
    },
  });
  const submit = handleSubmit((values) => {
    // The post's address is what makes it findable again: asked for before anything is sent.
    let missing = false;
    if (!values.text.trim()) {
      setError('text', { type: 'required', message: 'Bitte den Text der Frage oder Beschwerde eintragen.' });
      missing = true;
    }
    if (!values.link.trim()) {
      setError('link', { type: 'required', message: 'Bitte den Link zum Beitrag angeben.' });
      missing = true;
    }
    if (!missing) save.mutate(values);
  });

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Anliegen aus sozialen Medien erfassen">
        <DialogBody>
          <DialogTitle>Anliegen aus sozialen Medien erfassen</DialogTitle>
          <DialogContent className={layout.content}>
            {saved ? (
              <MessageBar intent="success" role="status">
                <MessageBarBody>
                  Anliegen Nr. {saved.id} erfasst (Eingangsweg Social Media): „{saved.subject}“.
                </MessageBarBody>
              </MessageBar>
            ) : (
              <form id="social-request" className={layout.form} onSubmit={submit} aria-label="Anliegen aus sozialen Medien" noValidate>
                <Text>Eine Frage oder Beschwerde aus einem Kanal wird ein Bürgeranliegen mit dem Eingangsweg „Social Media“; der Link zum Beitrag bleibt dabei.</Text>
                <SelectField control={control} name="kind" label="Art" required>
                  {Object.entries(REQUEST_KIND_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </SelectField>
                <TextField control={control} name="name" label="Name oder Benutzername" placeholder="@…" />
                <TextareaField control={control} name="text" label="Text der Frage oder Beschwerde" />
                <TextField control={control} name="link" label="Link zum Beitrag" type="url" placeholder="https://…" required />
                <ErrorMessage error={save.error} title="Nicht erfasst" />
              </form>
            )}
          </DialogContent>
          <DialogActions>
            {saved ? (
              <>
                <Button appearance="primary" onClick={() => navigate(['requests', String(saved.id)])}>
                  Anliegen öffnen
                </Button>
                <Button onClick={onClose}>Schließen</Button>
              </>
            ) : (
              <>
                <Button appearance="primary" type="submit" form="social-request" disabled={save.isPending}>
                  Anliegen erfassen
                </Button>
                <Button onClick={onClose}>Abbrechen</Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
