import { Controller, useForm } from 'react-hook-form';
import { Button, Checkbox, Input, makeStyles, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CHANNEL_KEYS, CHANNEL_NAMES, DEFAULT_CHANNEL_RULES, onlineSettingsSchema, type ChannelKey, type OnlineSettings } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { issuesOf, markFields, schemaIssues } from './form-issues';

const useStyles = makeStyles({
  number: { width: '110px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Row = { limit: string; hashtagLimit: string; descriptionLimit: string; linkRequired: boolean };
type ChannelsFormValues = Record<ChannelKey, Row>;

const formOf = (settings: OnlineSettings): ChannelsFormValues =>
  Object.fromEntries(
    CHANNEL_KEYS.map((key) => {
      const rules = settings.channels[key];
      return [key, { limit: String(rules.limit), hashtagLimit: rules.hashtagLimit === null ? '' : String(rules.hashtagLimit), descriptionLimit: rules.descriptionLimit === null ? '' : String(rules.descriptionLimit), linkRequired: rules.linkRequired }];
    }),
  ) as ChannelsFormValues;

/** "2.200" or "2200" → 2200; empty → null (no limit). */
const numberOf = (text: string): number | null => (text.trim() === '' ? null : Number(text.replace(/\./g, '').replace(',', '.').trim()));

const fieldOf = (path: string[]) => (path[0] === 'channels' && path[1] && path[2] ? (`${path[1]}.${path[2]}` as `${ChannelKey}.limit`) : undefined);

/** The rules each post is checked against, per channel: platforms change their limits, the office follows. */
export function OnlineChannelsSection() {
  const settings = useQuery({ queryKey: ['online.settings'], queryFn: () => api('online.settings', {}) });
  return settings.data ? <ChannelsForm settings={settings.data} /> : <ErrorMessage error={settings.error} title="Die Regeln lassen sich nicht laden" />;
}

function ChannelsForm({ settings }: { settings: OnlineSettings }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const { control, handleSubmit, reset, setError, clearErrors, formState } = useForm<ChannelsFormValues>({ defaultValues: formOf(settings) });
  const save = useMutation({
    mutationFn: async (input: OnlineSettings) => {
      try {
        return await api('online.settings.save', input);
      } catch (error) {
        markFields(issuesOf(error), setError, fieldOf);
        throw error;
      }
    },
    onSuccess: async (saved) => {
      reset(formOf(saved));
      await queryClient.invalidateQueries({ queryKey: ['online.settings'] });
    },
  });
  const submit = (form: ChannelsFormValues) => {
    clearErrors();
    save.reset();
    const input = {
      channels: Object.fromEntries(
        CHANNEL_KEYS.map((key) => [
          key,
          { limit: numberOf(form[key].limit) ?? Number.NaN, hashtagLimit: numberOf(form[key].hashtagLimit), descriptionLimit: numberOf(form[key].descriptionLimit), linkRequired: form[key].linkRequired },
        ]),
      ),
    } as OnlineSettings;
    const issues = schemaIssues(onlineSettingsSchema, input);
    if (issues.length) markFields(issues, setError, fieldOf);
    else save.mutate(input);
  };
  const numberField = (key: ChannelKey, name: 'limit' | 'hashtagLimit' | 'descriptionLimit', label: string) => (
    <Controller
      control={control}
      name={`${key}.${name}`}
      render={({ field, fieldState }) => (
        <>
          <Input className={styles.number} aria-label={`${label} ${CHANNEL_NAMES[key]}`} value={field.value} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur} aria-invalid={Boolean(fieldState.error)} />
          {fieldState.error && <Text role="alert">{fieldState.error.message}</Text>}
        </>
      )}
    />
  );
  return (
    <form onSubmit={handleSubmit(submit)} noValidate aria-labelledby="settings-online-heading" style={{ display: 'contents' }}>
      <Title3 as="h2" id="settings-online-heading">
        Online-Kanäle
      </Title3>
      <Text className={styles.muted}>
        Danach prüft die Online-Redaktion jeden Beitrag vor der Freigabe. Vorgegeben sind die Werte der Plattformen (Dezember 2026); ändert eine Plattform sie, hier anpassen. Leer: keine Grenze.
      </Text>
      <Table size="small" aria-label="Regeln je Kanal">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Kanal</TableHeaderCell>
            <TableHeaderCell>Zeichen höchstens</TableHeaderCell>
            <TableHeaderCell>Hashtags höchstens</TableHeaderCell>
            <TableHeaderCell>Beschreibung höchstens</TableHeaderCell>
            <TableHeaderCell>Link nötig</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {CHANNEL_KEYS.map((key) => (
            <TableRow key={key}>
              <TableCell>
                {CHANNEL_NAMES[key]}
                {key === 'youtube' && <span className={styles.muted}> (Titel)</span>}
              </TableCell>
              <TableCell>{numberField(key, 'limit', 'Zeichen höchstens')}</TableCell>
              <TableCell>{numberField(key, 'hashtagLimit', 'Hashtags höchstens')}</TableCell>
              <TableCell>{DEFAULT_CHANNEL_RULES[key].descriptionLimit !== null ? numberField(key, 'descriptionLimit', 'Beschreibung höchstens') : '–'}</TableCell>
              <TableCell>
                <Controller
                  control={control}
                  name={`${key}.linkRequired`}
                  render={({ field }) => <Checkbox aria-label={`Link nötig ${CHANNEL_NAMES[key]}`} checked={field.value} onChange={(_, d) => field.onChange(Boolean(d.checked))} />}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {save.isSuccess && !formState.isDirty && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Regeln der Online-Kanäle gespeichert.</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={save.error && !issuesOf(save.error).length ? save.error : null} title="Nicht gespeichert" />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          Regeln speichern
        </Button>
        <Button onClick={() => reset(formOf({ channels: DEFAULT_CHANNEL_RULES }), { keepDefaultValues: true })}>Werte der Plattformen einsetzen</Button>
      </div>
    </form>
  );
}
