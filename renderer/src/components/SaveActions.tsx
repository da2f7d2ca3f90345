import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The end of a record's form: why saving failed („Nicht gespeichert“), the submit button
 * („Wird gespeichert …“ while it runs) and, for a stored record with changes, „Ungespeicherte
 * Änderungen“ (and what saving them means, if anything).
 */
export function SaveActions({
  label,
  saving,
  error,
  unsaved,
  unsavedNote = '',
  onReload,
}: {
  label: string;
  saving: boolean;
  error: unknown;
  unsaved: boolean;
  unsavedNote?: string;
  /** Takes the record anew after a save was refused as STALE (see ErrorMessage). */
  onReload?: () => void;
}) {
  const styles = useStyles();
  return (
    <>
      <ErrorMessage error={error} title="Nicht gespeichert" onReload={onReload} />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? 'Wird gespeichert …' : label}
        </Button>
        {unsaved && (
          <Text className={styles.muted}>
            Ungespeicherte Änderungen{unsavedNote}
          </Text>
        )}
      </div>
    </>
  );
}
