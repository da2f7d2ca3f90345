import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Title3, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { privacySettingsSchema, type PrivacySettings, type RetentionReport } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/form-fields';
import { germanDate } from '../../components/format';
import { issuesOf, markFields, schemaIssues } from './form-issues';
import { useSectionStyles } from './section-styles';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  report: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

type PrivacyForm = Record<keyof PrivacySettings, string>;
const FIELDS: Array<[keyof PrivacySettings, string, string]> = [
  ['requestRetentionYears', 'Anliegen: Jahre nach der Erledigung', 'Danach werden Name, Anschrift, Texte, Stellungnahme und Anhänge gelöscht; die Statistik bleibt.'],
  ['eventRetentionMonths', 'Anmeldungen: Monate nach der Veranstaltung', 'Anmeldungen zu Bürgergesprächen und Bürgerspaziergängen.'],
  ['volunteeringRetentionYears', 'Ehrenamt: Jahre nach der letzten Bearbeitung', 'Anfragen zum bürgerschaftlichen Engagement.'],
];
const fieldOf = (path: string[]) => FIELDS.find(([key]) => key === path[0])?.[0];

const AT = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });

/** The last report in words: when, how, and what was erased (counts only). */
function ReportText({ report }: { report: RetentionReport }) {
  const styles = useStyles();
  const e = report.erased;
  return (
    <div role="status" aria-live="polite">
      <Body1>
        Zuletzt geprüft: {AT.format(new Date(report.at))} Uhr ({report.automatic ? 'tägliche Prüfung' : 'von Hand'}). Gelöscht wurde, was vor dem{' '}
        {germanDate(report.cutoffs.requestsClosedBefore)} erledigt, vor dem {germanDate(report.cutoffs.eventsEndedBefore)} veranstaltet bzw. vor dem{' '}
        {germanDate(report.cutoffs.volunteeringUpdatedBefore)} zuletzt bearbeitet wurde:
      </Body1>
      <ul className={styles.report}>
        <li>Anliegen anonymisiert: {e.requests}</li>
        <li>Anhänge gelöscht: {e.attachments}</li>
        <li>Anmeldungen gelöscht: {e.eventRegistrations}</li>
        <li>Ehrenamtsanfragen anonymisiert: {e.volunteerEnquiries}</li>
        <li>Personen gelöscht: {e.citizens}</li>
      </ul>
    </div>
  );
}

/**
 * Datenschutz: how long citizens' personal data is kept, the check that erases what is older
 * (it runs daily by itself; „Jetzt prüfen“ runs it at once) and its last report.
 */
export function PrivacySection() {
  const styles = useStyles();
  const section = useSectionStyles();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['privacy.settings'], queryFn: () => api('privacy.settings', {}) });
  const last = useQuery({ queryKey: ['privacy.retention.last'], queryFn: () => api('privacy.retention.last', {}) });
  const { control, handleSubmit, reset, setError, clearErrors, formState } = useForm<PrivacyForm>({
    defaultValues: { requestRetentionYears: '', eventRetentionMonths: '', volunteeringRetentionYears: '' },
  });
  const toForm = (s: PrivacySettings): PrivacyForm => ({
    requestRetentionYears: String(s.requestRetentionYears),
    eventRetentionMonths: String(s.eventRetentionMonths),
    volunteeringRetentionYears: String(s.volunteeringRetentionYears),
  });
  useEffect(() => {
    if (settings.data && !formState.isDirty) reset(toForm(settings.data));
  }, [settings.data, formState.isDirty, reset]);

  const save = useMutation({
    mutationFn: async (input: PrivacySettings) => {
      try {
        return await api('privacy.settings.save', input);
      } catch (error) {
        markFields(issuesOf(error), setError, fieldOf);
        throw error;
      }
    },
    onSuccess: async (saved) => {
      reset(toForm(saved));
      await queryClient.invalidateQueries({ queryKey: ['privacy.settings'] });
    },
  });
  const run = useMutation({
    mutationFn: () => api('privacy.retention.run', { automatic: false }),
    onSuccess: async () => {
      // Requests, registrations and enquiries may have changed.
      await queryClient.invalidateQueries();
    },
  });

  const submit = (form: PrivacyForm) => {
    clearErrors();
    save.reset();
    const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));
    const input = {
      requestRetentionYears: number(form.requestRetentionYears),
      eventRetentionMonths: number(form.eventRetentionMonths),
      volunteeringRetentionYears: number(form.volunteeringRetentionYears),
    };
    const issues = schemaIssues(privacySettingsSchema, input);
    if (issues.length) markFields(issues, setError, fieldOf);
    else save.mutate(input);
  };

  if (!settings.data) return null;
  const report = run.data ?? last.data ?? null;
  return (
    <form onSubmit={handleSubmit(submit)} noValidate aria-labelledby="settings-privacy-heading" style={{ display: 'contents' }}>
      <Title3 as="h2" id="settings-privacy-heading">
        Datenschutz
      </Title3>
      <Body1>
        Personenbezogene Daten aus dem Bürgerdialog werden nur so lange aufbewahrt, wie hier eingestellt. Die Prüfung läuft beim Start und danach täglich;
        die Statistik bleibt anonymisiert erhalten.
      </Body1>
      <div className={styles.grid}>
        {FIELDS.map(([name, label, hint]) => (
          <TextField key={name} control={control} name={name} label={label} hint={hint} type="number" />
        ))}
      </div>
      {save.isSuccess && !formState.isDirty && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Aufbewahrungsfristen gespeichert.</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={save.error && !issuesOf(save.error).length ? save.error : null} title="Nicht gespeichert" />
      <div className={section.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          Fristen speichern
        </Button>
        <Button onClick={() => run.mutate()} disabled={run.isPending || formState.isDirty} title={formState.isDirty ? 'Erst die geänderten Fristen speichern.' : undefined}>
          {run.isPending ? 'Prüft …' : 'Jetzt prüfen'}
        </Button>
      </div>
      <ErrorMessage error={run.error} title="Prüfung nicht gelaufen" />
      {report ? <ReportText report={report} /> : <Body1>Noch nicht geprüft.</Body1>}
    </form>
  );
}
