import type { ReactElement, ReactNode } from 'react';
import { makeStyles, Toolbar, ToolbarButton, ToolbarDivider, ToolbarToggleButton, Tooltip, tokens } from '@fluentui/react-components';
import {
  ArrowRedoRegular,
  ArrowUndoRegular,
  TextBoldRegular,
  TextHeader1Regular,
  TextHeader2Regular,
  TextHeader3Regular,
  TextItalicRegular,
  TextParagraphRegular,
  TextUnderlineRegular,
} from '@fluentui/react-icons';
import { useEditorState, type Editor } from '@tiptap/react';
import { SHORTCUTS } from './extensions';

const useStyles = makeStyles({
  toolbar: { flexWrap: 'wrap', padding: `2px ${tokens.spacingHorizontalXS}` },
  pauseIcon: { fontWeight: tokens.fontWeightBold, fontSize: tokens.fontSizeBase300, lineHeight: 1, letterSpacing: '-1px' },
  stageIcon: { fontStyle: 'italic', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: 1 },
});

type Shortcut = (typeof SHORTCUTS)[keyof typeof SHORTCUTS];

/** A toolbar button's label with its shortcut, e.g. „Fett (Strg+B)“; `aria-keyshortcuts` in ARIA notation. */
const labelOf = (label: string, shortcut: Shortcut) => `${label} (${shortcut.label})`;
const ariaKeys = (shortcut: Shortcut) =>
  shortcut.keys
    .replace('Mod', 'Control')
    .split('-')
    .map((k) => (k.length === 1 ? k.toUpperCase() : k))
    .join('+');

/** Formatting of the speech text: marks, block type, pause, stage note, undo. `extra`: more buttons at the end. */
export function SpeechToolbar({ editor, extra }: { editor: Editor; extra?: ReactNode }) {
  const styles = useStyles();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      marks: (['bold', 'italic', 'underline', 'stageNote'] as const).filter((m) => e.isActive(m)),
      block: [1, 2, 3].filter((level) => e.isActive('heading', { level })).map((level) => `h${level}`),
      paragraph: e.isActive('paragraph'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => command(editor.chain().focus()).run();

  const toggle = (name: 'marks' | 'block', value: string, label: string, shortcut: Shortcut, icon: ReactElement, onClick: () => void) => (
    <Tooltip content={labelOf(label, shortcut)} relationship="label" withArrow>
      <ToolbarToggleButton name={name} value={value} icon={icon} aria-keyshortcuts={ariaKeys(shortcut)} onClick={onClick} />
    </Tooltip>
  );
  const button = (label: string, shortcut: Shortcut, icon: ReactElement, onClick: () => void, disabled = false) => (
    <Tooltip content={labelOf(label, shortcut)} relationship="label" withArrow>
      <ToolbarButton icon={icon} aria-keyshortcuts={ariaKeys(shortcut)} onClick={onClick} disabled={disabled} />
    </Tooltip>
  );

  return (
    <Toolbar aria-label="Text formatieren" size="small" className={styles.toolbar} checkedValues={{ marks: state.marks, block: state.block }}>
      {toggle('marks', 'bold', 'Fett', SHORTCUTS.bold, <TextBoldRegular />, () => run((c) => c.toggleBold()))}
      {toggle('marks', 'italic', 'Kursiv', SHORTCUTS.italic, <TextItalicRegular />, () => run((c) => c.toggleItalic()))}
      {toggle('marks', 'underline', 'Unterstrichen', SHORTCUTS.underline, <TextUnderlineRegular />, () => run((c) => c.toggleUnderline()))}
      <ToolbarDivider />
      {button('Absatz', SHORTCUTS.paragraph, <TextParagraphRegular />, () => run((c) => c.setParagraph()))}
      {toggle('block', 'h1', 'Überschrift 1', SHORTCUTS.heading1, <TextHeader1Regular />, () => run((c) => c.toggleHeading({ level: 1 })))}
      {toggle('block', 'h2', 'Überschrift 2', SHORTCUTS.heading2, <TextHeader2Regular />, () => run((c) => c.toggleHeading({ level: 2 })))}
      {toggle('block', 'h3', 'Überschrift 3', SHORTCUTS.heading3, <TextHeader3Regular />, () => run((c) => c.toggleHeading({ level: 3 })))}
      <ToolbarDivider />
      {button('Pause einfügen', SHORTCUTS.pause, <span className={styles.pauseIcon}>//</span>, () => run((c) => c.insertPause()))}
      {toggle('marks', 'stageNote', 'Regieanweisung', SHORTCUTS.stageNote, <span className={styles.stageIcon}>[…]</span>, () => run((c) => c.toggleStageNote()))}
      <ToolbarDivider />
      {button('Rückgängig', SHORTCUTS.undo, <ArrowUndoRegular />, () => run((c) => c.undo()), !state.canUndo)}
      {button('Wiederholen', SHORTCUTS.redo, <ArrowRedoRegular />, () => run((c) => c.redo()), !state.canRedo)}
      {extra && (
        <>
          <ToolbarDivider />
          {extra}
        </>
      )}
    </Toolbar>
  );
}
