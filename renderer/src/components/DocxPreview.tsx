import { useEffect, useRef, useState } from 'react';
import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { renderAsync } from 'docx-preview';
import { base64ToBytes } from './files';

const useStyles = makeStyles({
  frame: {
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalM,
    overflow: 'auto',
    maxHeight: '80vh',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** Renders a generated .docx inside the app, page by page, as Word would lay it out. */
export function DocxPreview({ contentBase64 }: { contentBase64: string }) {
  const styles = useStyles();
  const container = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(true);
  useEffect(() => {
    const target = container.current;
    if (!target) return;
    setBusy(true);
    target.innerHTML = '';
    const blob = new Blob([base64ToBytes(contentBase64)]);
    void renderAsync(blob, target, undefined, { className: 'docx', inWrapper: true, ignoreLastRenderedPageBreak: true, experimental: true }).finally(
      () => setBusy(false),
    );
  }, [contentBase64]);
  return (
    <div className={styles.frame} aria-label="Briefvorschau" role="document">
      {busy && <Spinner size="small" label="Vorschau wird aufgebaut …" />}
      <div ref={container} data-testid="docx-preview" />
    </div>
  );
}
