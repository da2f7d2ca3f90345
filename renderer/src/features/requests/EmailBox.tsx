import { useRef, useState } from 'react';
import { Button, Link, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { CopyRegular, MailRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  box: {
    border: `1px solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  head: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: `2px ${tokens.spacingHorizontalS}` },
  label: { color: tokens.colorNeutralForeground3 },
  text: { fontFamily: tokens.fontFamilyMonospace, '& textarea': { fontFamily: tokens.fontFamilyBase, maxHeight: '320px' } },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

export interface EmailText {
  to: string;
  subject: string;
  text: string;
}

/** A mail to `to` with subject and text, opened in the mail program (mailto: link). */
export function mailtoOf(email: EmailText): string {
  return `mailto:${email.to}?subject=${encodeURIComponent(email.subject)}&body=${encodeURIComponent(email.text)}`;
}

/** An e-mail text to send from the office's mail program: shown, copyable, or opened there. */
export function EmailBox({ title, email }: { title: string; email: EmailText }) {
  const styles = useStyles();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(email.text);
    } catch {
      // No clipboard access (an older browser, no permission): copy the selected text instead.
      area.current?.select();
      document.execCommand('copy');
    }
    setCopied('Text kopiert.');
  };
  return (
    <div className={styles.box} role="group" aria-label={title}>
      <Text weight="semibold">{title}</Text>
      <div className={styles.head}>
        <span className={styles.label}>An:</span>
        <span>{email.to || '– (keine E-Mail-Adresse hinterlegt)'}</span>
        <span className={styles.label}>Betreff:</span>
        <span>{email.subject}</span>
      </div>
      <Textarea ref={area} className={styles.text} aria-label="Text der E-Mail" readOnly value={email.text} rows={Math.min(14, email.text.split('\n').length + 1)} resize="vertical" />
      <div className={styles.actions}>
        <Button icon={<CopyRegular />} onClick={() => void copy()}>
          Kopieren
        </Button>
        <Link href={mailtoOf(email)} target="_blank">
          <MailRegular /> Im E-Mail-Programm öffnen
        </Link>
        {copied && (
          <Text role="status" size={200}>
            {copied}
          </Text>
        )}
      </div>
    </div>
  );
}
