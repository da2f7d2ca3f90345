import { diffWordsWithSpace } from 'diff';
import { countWords } from '../../api/speech-body';
import type { SpeechComparison } from '../../api/schemas/speeches';

type Change = SpeechComparison['changes'][number];

/**
 * What changed from one text of a speech to another, word by word (jsdiff's word diff, spaces as tokens so both texts are kept exactly;
 * a changed line break shows as a change). Consecutive runs of the same kind are joined.
 */
export function compareTexts(from: string, to: string): Pick<SpeechComparison, 'changes' | 'addedWords' | 'removedWords'> {
  const changes: Change[] = [];
  let addedWords = 0;
  let removedWords = 0;
  for (const part of diffWordsWithSpace(from, to)) {
    const kind: Change['kind'] = part.added ? 'added' : part.removed ? 'removed' : 'same';
    if (kind === 'added') addedWords += countWords(part.value);
    if (kind === 'removed') removedWords += countWords(part.value);
    const last = changes[changes.length - 1];
    if (last && last.kind === kind) last.text += part.value;
    else changes.push({ kind, text: part.value });
  }
  return { changes, addedWords, removedWords };
}
