import { useEffect, useState, type ReactNode } from 'react';
import { makeStyles, mergeClasses, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { DEFAULT_WORDS_PER_MINUTE, formatSpeakingTime, speakingSeconds, spokenWords, type SpeechBody } from '../../../../../core/api';
import { count } from '../../../components/format';
import { speechExtensions } from './extensions';
import { placeholderList } from './placeholders';
import { SpeechToolbar } from './Toolbar';
import { TextBlockPicker } from './TextBlockPicker';

/** Over this share of the target length the status line warns. */
const TOO_LONG = 1.1;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0 },
  frame: {
    flex: '1 1 auto',
    minHeight: '220px',
    display: 'grid',
    gridTemplateRows: 'auto minmax(0, 1fr)',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `2px solid ${tokens.colorNeutralStrokeAccessible}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-within': { borderBottomColor: tokens.colorCompoundBrandStroke },
  },
  toolbarRow: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2, borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0` },
  content: {
    overflowY: 'auto',
    minHeight: 0,
    '& .ProseMirror': {
      minHeight: '300px',
      padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
      outlineStyle: 'none',
      fontSize: tokens.fontSizeBase400,
      lineHeight: '1.6',
      whiteSpace: 'pre-wrap',
      overflowWrap: 'break-word',
    },
    '& .ProseMirror p': { margin: `0 0 ${tokens.spacingVerticalM}` },
    '& .ProseMirror h1': { fontSize: tokens.fontSizeBase600, lineHeight: '1.3', margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}` },
    '& .ProseMirror h2': { fontSize: tokens.fontSizeBase500, lineHeight: '1.3', margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}` },
    '& .ProseMirror h3': { fontSize: tokens.fontSizeBase400, lineHeight: '1.3', margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}` },
    '& .ProseMirror > :first-child': { marginTop: 0 },
    '& [data-stage-note]': { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
    '& [data-stage-note]::before': { content: '"["' },
    '& [data-stage-note]::after': { content: '"]"' },
    '& [data-pause]': {
      display: 'inline-block',
      margin: '0 3px',
      padding: '0 6px',
      borderRadius: tokens.borderRadiusCircular,
      border: `1px solid ${tokens.colorBrandStroke2}`,
      backgroundColor: tokens.colorBrandBackground2,
      color: tokens.colorBrandForeground2,
      fontWeight: tokens.fontWeightSemibold,
      fontSize: tokens.fontSizeBase300,
      lineHeight: '1.5',
      verticalAlign: 'baseline',
      userSelect: 'none',
      cursor: 'default',
    },
    '& [data-pause].ProseMirror-selectednode': { outline: `2px solid ${tokens.colorBrandStroke1}` },
    '& .ProseMirror p.is-editor-empty:first-child::before': {
      content: 'attr(data-placeholder)',
      color: tokens.colorNeutralForeground4,
      float: 'left',
      height: 0,
      pointerEvents: 'none',
    },
  },
  status: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  tooLong: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The speech editor (TipTap), created once with the first text; later texts go in with `setContent`. */
export function useSpeechEditor(initial: SpeechBody): Editor {
  return useEditor({
    extensions: speechExtensions({ placeholder: 'Text der Rede …' }),
    content: initial,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Text der Rede', lang: 'de', spellcheck: 'true' },
    },
  });
}

/** The editor's document in the stored model (the extensions allow nothing else). */
export const bodyOf = (editor: Editor): SpeechBody => editor.getJSON() as SpeechBody;

/** Spoken words of the editor's text, recounted shortly after each change. */
function useSpokenWords(editor: Editor): number {
  const [words, setWords] = useState(() => spokenWords(bodyOf(editor)));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setWords(spokenWords(bodyOf(editor))), 150);
    };
    recount();
    editor.on('update', recount);
    return () => {
      clearTimeout(timer);
      editor.off('update', recount);
    };
  }, [editor]);
  return words;
}

/** „412 Wörter · Redezeit ca. 3:45 Min. · Vorgabe 5 Min.“, a warning when clearly too long. */
export function SpeakingTimeStatus({ editor, targetMinutes, wordsPerMinute }: { editor: Editor; targetMinutes: number | null; wordsPerMinute: number }) {
  const styles = useStyles();
  const words = useSpokenWords(editor);
  const seconds = speakingSeconds(words, wordsPerMinute);
  const tooLong = targetMinutes !== null && targetMinutes > 0 && seconds > targetMinutes * 60 * TOO_LONG;
  const parts = [count(words, 'Wort', 'Wörter'), `Redezeit ca. ${formatSpeakingTime(seconds)}`];
  if (targetMinutes) parts.push(`Vorgabe ${targetMinutes.toLocaleString('de-DE')} Min.`);
  return (
    <Text role="status" className={mergeClasses(styles.status, tooLong && styles.tooLong)}>
      {parts.join(' · ')}
      {tooLong && ' – zu lang'}
    </Text>
  );
}

/**
 * Toolbar, text and status line of a speech. `placeholderValues` fill the placeholders of
 * inserted text blocks; `toolbarExtra` adds buttons at the toolbar's end. Given a height, the
 * text area takes what the toolbar, status line and messages leave and scrolls inside.
 */
export function SpeechEditor({
  editor,
  targetMinutes,
  wordsPerMinute = DEFAULT_WORDS_PER_MINUTE,
  placeholderValues,
  toolbarExtra,
  className,
}: {
  editor: Editor;
  targetMinutes: number | null;
  wordsPerMinute?: number;
  placeholderValues: Readonly<Record<string, string>>;
  toolbarExtra?: ReactNode;
  className?: string;
}) {
  const styles = useStyles();
  const [missing, setMissing] = useState<string[]>([]);
  // The reminder shrinks as the placeholders are filled in.
  useEffect(() => {
    if (!missing.length) return;
    const check = () => setMissing((names) => names.filter((n) => editor.getText().includes(`{{${n}}}`)));
    editor.on('update', check);
    return () => void editor.off('update', check);
  }, [editor, missing.length]);
  return (
    <div className={mergeClasses(styles.root, className)} data-speech-editor="">
      <div className={styles.frame}>
        <div className={styles.toolbarRow}>
          <SpeechToolbar
            editor={editor}
            extra={
              <>
                <TextBlockPicker editor={editor} placeholderValues={placeholderValues} onInserted={setMissing} />
                {toolbarExtra}
              </>
            }
          />
        </div>
        <EditorContent editor={editor} className={styles.content} data-speech-text="" />
      </div>
      <SpeakingTimeStatus editor={editor} targetMinutes={targetMinutes} wordsPerMinute={wordsPerMinute} />
      {missing.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>Bitte noch ausfüllen: {placeholderList(missing)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
