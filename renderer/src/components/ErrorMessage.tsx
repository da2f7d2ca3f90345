import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Shows a failed call's German message (and nothing when there is no error). */
export function ErrorMessage({ error, title = 'Fehler' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
