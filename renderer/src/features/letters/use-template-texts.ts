import { useEffect, useState } from 'react';
import type { TemplateInfo } from '../../../../core/api';

/** Subject and body of a letter, reset to the template's defaults whenever another template is chosen. */
export function useTemplateTexts(template: TemplateInfo | undefined, onTemplateChange?: () => void) {
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  useEffect(() => {
    if (!template) return;
    setSubject(template.subject);
    setBody(template.body);
    onTemplateChange?.();
  }, [template?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  return { subject, setSubject, body, setBody };
}
