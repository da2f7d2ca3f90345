import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiCallError } from '../api/client';

/**
 * Shows a failed call's German message (and nothing when there is no error). A save refused as
 * STALE (someone else changed the record since it was loaded) is a notice with „Neu laden“ when
 * the form passes `onReload`: the user's input stays in the form until they choose to reload.
 */
export function ErrorMessage({ error, title = 'Fehler', onReload }: { error: unknown; title?: string; onReload?: () => void }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  if (isStale(error) && onReload) {
    return (
      <MessageBar intent="warning" role="alert" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Inzwischen geändert</MessageBarTitle>
          {message}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onReload}>Neu laden</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The record was changed by someone else since it was loaded; nothing was saved. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiCallError && error.code === 'STALE';
}
