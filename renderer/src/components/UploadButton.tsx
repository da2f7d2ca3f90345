import { useRef } from 'react';
import { Button } from '@fluentui/react-components';

/** A button that opens the file chooser and hands over the chosen file. */
export function UploadButton({
  accept,
  label,
  onFile,
  size,
}: {
  accept: string;
  label: string;
  onFile: (file: File) => void;
  size?: 'small' | 'medium' | 'large';
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size={size} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </>
  );
}
