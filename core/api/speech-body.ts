import { z } from 'zod';
import { multiLine } from './schemas/common';

/**
 * The text of a speech: a small subset of the ProseMirror/TipTap JSON document, so the editor
 * stores its own document as it is and everything else (word count, versions, search, the Word
 * manuscript) reads the same structure.
 *
 * - Blocks: paragraphs and headings (levels 1–3).
 * - Inline: text with the marks bold, italic, underline and `stageNote` (a stage direction such
 *   as „Blick ins Publikum“ – printed, but not spoken), hard line breaks and `pause` (a pause
 *   mark, printed as „//“).
 */
const markSchema = z.strictObject({ type: z.enum(['bold', 'italic', 'underline', 'stageNote']) });
export type SpeechMark = z.infer<typeof markSchema>;

const inlineSchema = z.discriminatedUnion('type', [
  // Line breaks are hardBreak nodes; a text node holds none (a pasted one becomes a space).
  z.strictObject({ type: z.literal('text'), text: multiLine(100_000, { trim: false }).overwrite((t) => t.replace(/\n/g, ' ')).min(1), marks: z.array(markSchema).max(4).optional() }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('hardBreak') }),
]);
export type SpeechInline = z.infer<typeof inlineSchema>;

const blockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), content: z.array(inlineSchema).max(100_000).optional() }),
  z.strictObject({
    type: z.literal('heading'),
    attrs: z.strictObject({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }),
    content: z.array(inlineSchema).max(100_000).optional(),
  }),
]);
export type SpeechBlock = z.infer<typeof blockSchema>;

export const speechBodySchema = z.strictObject({
  type: z.literal('doc'),
  content: z.array(blockSchema).max(20000, 'Der Text ist zu lang.'),
});
export type SpeechBody = z.infer<typeof speechBodySchema>;

/** How a pause mark is written in plain text and printed in the manuscript. */
export const PAUSE_MARK = '//';
/** Default speaking rate (words per minute) when the setting is not changed. */
export const DEFAULT_WORDS_PER_MINUTE = 110;

export const EMPTY_SPEECH_BODY: SpeechBody = { type: 'doc', content: [{ type: 'paragraph' }] };

const isStageNote = (node: SpeechInline) => node.type === 'text' && (node.marks ?? []).some((m) => m.type === 'stageNote');

/** The text of one block: stage notes in square brackets (or left out), pauses as „//“. */
function blockText(block: SpeechBlock, spokenOnly: boolean): string {
  let out = '';
  for (const node of block.content ?? []) {
    if (node.type === 'hardBreak') out += '\n';
    else if (node.type === 'pause') out += spokenOnly ? ' ' : ` ${PAUSE_MARK} `;
    else if (isStageNote(node)) out += spokenOnly ? ' ' : `[${node.text}]`;
    else out += node.text;
  }
  return out.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
}

/**
 * The whole text, one block per paragraph (separated by a blank line): stage notes in
 * [brackets], pauses as „//“. Used for versions, comparison and search.
 */
export function bodyToPlainText(body: SpeechBody): string {
  return body.content
    .map((b) => blockText(b, false))
    .filter((t) => t.length > 0)
    .join('\n\n');
}

/** Only what is spoken: no stage notes, no pause marks. */
export function spokenText(body: SpeechBody): string {
  return body.content
    .map((b) => blockText(b, true))
    .filter((t) => t.length > 0)
    .join('\n\n');
}

/** Words are runs of letters or digits (with inner hyphens, apostrophes, dots: „z.B.“, „Rhein-Ruhr“). */
const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Spoken words of a speech. */
export function spokenWords(body: SpeechBody): number {
  return countWords(spokenText(body));
}

/** Speaking time in whole seconds at the given rate. */
export function speakingSeconds(words: number, wordsPerMinute: number = DEFAULT_WORDS_PER_MINUTE): number {
  return wordsPerMinute > 0 ? Math.round((words * 60) / wordsPerMinute) : 0;
}

/** „4:05 Min.“ */
export function formatSpeakingTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} Min.`;
}

/** Paragraphs of plain text (blank lines separate paragraphs, single line breaks stay). */
export function paragraphsToBlocks(text: string): SpeechBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({
      type: 'paragraph' as const,
      content: p.split('\n').flatMap((line, i): SpeechInline[] => {
        const parts: SpeechInline[] = i > 0 ? [{ type: 'hardBreak' }] : [];
        return line.trim() ? [...parts, { type: 'text', text: line.trim() }] : parts;
      }),
    }));
}

/** A body from plain text (a text block, an older draft). */
export function bodyFromPlainText(text: string): SpeechBody {
  const content = paragraphsToBlocks(text);
  return content.length ? { type: 'doc', content } : EMPTY_SPEECH_BODY;
}
