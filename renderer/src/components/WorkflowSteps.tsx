import type { ReactNode } from 'react';
import { Button, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { ErrorMessage } from './ErrorMessage';
import { useFormDialogStyles } from './layout-styles';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * „Freigabe und Veröffentlichung“ of a record with a workflow (a press release, an online post):
 * a button for each step the record's state allows now (`steps`, from the server's rules module),
 * disabled while the form holds unsaved changes; a refusal (no approval yet, an embargo, a check
 * that found problems) is shown in German. `children` stand before the buttons (e.g. the address
 * a post was published under).
 */
export function WorkflowSteps<S extends string, R>({
  steps,
  labels,
  done,
  unsaved,
  run,
  onChanged,
  onReload,
  children,
}: {
  steps: readonly S[];
  labels: Record<S, string>;
  /** What the page says after each step succeeded. */
  done: Record<S, string>;
  unsaved: boolean;
  run: (step: S) => Promise<R>;
  onChanged: (record: R, message: string) => Promise<void>;
  /** Takes the record anew after a step was refused as STALE („Neu laden“, see ErrorMessage). */
  onReload?: () => void;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const step = useMutation({ mutationFn: run, onSuccess: (saved, name) => onChanged(saved, done[name]) });
  return (
    <section aria-label="Freigabe und Veröffentlichung" className={layout.form}>
      <Subtitle2 as="h2" className={layout.section}>
        Freigabe und Veröffentlichung
      </Subtitle2>
      <div className={styles.actions}>
        {children}
        {steps.map((name) => (
          <Button
            key={name}
            appearance={name === 'withdraw' ? 'secondary' : 'primary'}
            disabled={unsaved || step.isPending}
            onClick={() => {
              step.reset();
              step.mutate(name);
            }}
          >
            {labels[name]}
          </Button>
        ))}
        {unsaved && <Text className={styles.muted}>Bitte zuerst speichern.</Text>}
      </div>
      <ErrorMessage
        error={step.error}
        title="Nicht möglich"
        onReload={
          onReload &&
          (() => {
            step.reset();
            onReload();
          })
        }
      />
    </section>
  );
}
