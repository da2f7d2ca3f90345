import { Mark, mergeAttributes, Node, type AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { Placeholder } from '@tiptap/extensions';
import { PAUSE_MARK } from '../../../../../core/api';

/**
 * The speech editor's document model: exactly what `speechBodySchema` (core/api/speech-body.ts)
 * allows – paragraphs, headings 1–3, bold, italic, underline, hard breaks, pauses and stage
 * notes. Everything else of the StarterKit is switched off, so neither typing, shortcuts nor
 * pasted HTML can produce a node or mark the schema would refuse (ProseMirror drops or unwraps
 * what its schema does not know).
 */

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pause: {
      /** Inserts a pause mark („//“) at the cursor. */
      insertPause: () => ReturnType;
    };
    stageNote: {
      /** Turns the selection into a stage note (or back into spoken text). */
      toggleStageNote: () => ReturnType;
    };
  }
}

/** The keyboard shortcuts, in TipTap's notation and as shown to users. */
export const SHORTCUTS = {
  bold: { keys: 'Mod-b', label: 'Strg+B' },
  italic: { keys: 'Mod-i', label: 'Strg+I' },
  underline: { keys: 'Mod-u', label: 'Strg+U' },
  paragraph: { keys: 'Mod-Alt-0', label: 'Strg+Alt+0' },
  heading1: { keys: 'Mod-Alt-1', label: 'Strg+Alt+1' },
  heading2: { keys: 'Mod-Alt-2', label: 'Strg+Alt+2' },
  heading3: { keys: 'Mod-Alt-3', label: 'Strg+Alt+3' },
  pause: { keys: 'Mod-Alt-p', label: 'Strg+Alt+P' },
  stageNote: { keys: 'Mod-Alt-r', label: 'Strg+Alt+R' },
  hardBreak: { keys: 'Shift-Enter', label: 'Umschalt+Eingabe' },
  undo: { keys: 'Mod-z', label: 'Strg+Z' },
  redo: { keys: 'Mod-y', label: 'Strg+Y' },
} as const;

/** A pause in the spoken text: an inline atom, shown as a „//“ chip, not counted as a word. */
export const Pause = Node.create({
  name: 'pause',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  parseHTML() {
    return [{ tag: 'span[data-pause]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-pause': '', contenteditable: 'false', title: 'Pause', 'aria-label': 'Pause' }), PAUSE_MARK];
  },

  renderText() {
    return ` ${PAUSE_MARK} `;
  },

  addCommands() {
    return {
      insertPause:
        () =>
        ({ commands }) =>
          commands.insertContent({ type: this.name }),
    };
  },

  addKeyboardShortcuts() {
    return { [SHORTCUTS.pause.keys]: () => this.editor.commands.insertPause() };
  },
});

/**
 * A stage direction („Blick ins Publikum“): printed, not spoken. Rendered as
 * `<span data-stage-note>`; the editor's CSS shows it grey, italic and in brackets. Its priority
 * puts it outside bold/italic/underline, so a partly bold note stays one bracketed span.
 */
export const StageNote = Mark.create({
  name: 'stageNote',
  priority: 1000,

  parseHTML() {
    return [{ tag: 'span[data-stage-note]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-stage-note': '' }), 0];
  },

  addCommands() {
    return {
      toggleStageNote:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    };
  },

  addKeyboardShortcuts() {
    return { [SHORTCUTS.stageNote.keys]: () => this.editor.commands.toggleStageNote() };
  },
});

/** The StarterKit reduced to the speech model. */
export const SpeechStarterKit = StarterKit.configure({
  heading: { levels: [1, 2, 3] },
  blockquote: false,
  bulletList: false,
  orderedList: false,
  listItem: false,
  listKeymap: false,
  code: false,
  codeBlock: false,
  strike: false,
  link: false,
  horizontalRule: false,
  trailingNode: false,
  // Only useful next to non-text blocks, which a speech does not have.
  gapcursor: false,
});

/** All extensions of the speech editor. `placeholder`: the hint shown in an empty editor. */
export function speechExtensions(options: { placeholder?: string } = {}): AnyExtension[] {
  const extensions: AnyExtension[] = [SpeechStarterKit, Pause, StageNote];
  if (options.placeholder) extensions.push(Placeholder.configure({ placeholder: options.placeholder }));
  return extensions;
}
