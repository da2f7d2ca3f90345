import { Button, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { PRESS_STEP_LABELS, type PressRelease, type PressStep } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormDialogStyles } from '../../components/layout-styles';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const DONE: Record<PressStep, string> = {
  submit: 'Zur Freigabe vorgelegt.',
  approve: 'Freigegeben.',
  publish: 'Veröffentlicht.',
  withdraw: 'Zurückgezogen.',
};

/** The workflow buttons the state allows now; a refusal (no approval yet, embargo) is shown in German. */
export function ReleaseWorkflow({
  release,
  unsaved,
  onChanged,
}: {
  release: PressRelease;
  unsaved: boolean;
  onChanged: (release: PressRelease, message: string) => Promise<void>;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const step = useMutation({
    mutationFn: (name: PressStep) => api('press.releases.step', { id: release.id, step: name }),
    onSuccess: (saved, name) => onChanged(saved, DONE[name]),
  });
  return (
    <section aria-label="Freigabe und Veröffentlichung" className={layout.form}>
      <Subtitle2 as="h2" className={layout.section}>
        Freigabe und Veröffentlichung
      </Subtitle2>
      <div className={styles.actions}>
        {release.steps.map((name) => (
          <Button
            key={name}
            appearance={name === 'withdraw' ? 'secondary' : 'primary'}
            disabled={unsaved || step.isPending}
            onClick={() => {
              step.reset();
              step.mutate(name);
            }}
          >
            {PRESS_STEP_LABELS[name]}
          </Button>
        ))}
        {unsaved && <Text className={styles.muted}>Bitte zuerst speichern.</Text>}
      </div>
      <ErrorMessage error={step.error} title="Nicht möglich" />
    </section>
  );
}
