import { useEffect, useState } from 'react';
import { Combobox, Field, Option } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { ContactSummary } from '../../../../core/api';
import { api } from '../../api/client';

/** Type to search the contacts register; picks one contact. */
export function ContactPicker({
  label,
  value,
  onChange,
  required = true,
}: {
  label: string;
  /** The picked contact (its id and name are enough to show it). */
  value: Pick<ContactSummary, 'id' | 'displayName'> | null;
  onChange: (contact: ContactSummary | null) => void;
  required?: boolean;
}) {
  const [text, setText] = useState(value?.displayName ?? '');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), 150);
    return () => clearTimeout(timer);
  }, [text]);
  // One cache entry per search text: the list shows the answer to the text searched last, never
  // one to an earlier text that arrives later (tests/e2e/letters.e2e.test.ts holds one back).
  const results = useQuery({
    queryKey: ['contacts.list', 'picker', query],
    queryFn: () => api('contacts.list', { query: query || undefined, limit: 30, sort: 'name' }),
  });
  return (
    <Field label={label} required={required}>
      <Combobox
        freeform
        placeholder="Name, Organisation oder Ort eingeben …"
        value={text}
        selectedOptions={value ? [String(value.id)] : []}
        onInput={(event) => setText((event.target as HTMLInputElement).value)}
        onOptionSelect={(_, data) => {
          const picked = results.data?.items.find((c) => String(c.id) === data.optionValue) ?? null;
          onChange(picked);
          setText(picked?.displayName ?? '');
        }}
      >
        {results.data?.items.map((c) => (
          <Option key={c.id} value={String(c.id)} text={c.displayName}>
            {[c.displayName, c.roleLabel, c.city].filter(Boolean).join(' · ')}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
