/**
 * German-aware full-text search terms. Text is split into words, folded and reduced to its
 * Snowball stem, both when indexing and when searching. Folding for search goes further than
 * for names: umlauts lose their dots and a typed „ae/oe/ue“ counts as the vowel („Plätze“,
 * „Plaetze“ and „Platze“ alike), so singular and umlauted plural meet („Städte“ → „Stadt“,
 * „Spielplätze“ → „Spielplatz“). So „Hafenfestes“ finds „Hafenfest“ and „Bürgerinnen“ finds
 * „Buergerin“, and a search word also matches longer words starting with it („Hafen“ →
 * „Hafenfest“, German compounds). Changing these rules changes the stored terms: a migration
 * then empties the indexes, and the services rebuild them at the next start.
 */
import { stemmer } from '@orama/stemmers/german';
import type { Snippet } from '../../api/schemas/speeches';
import { foldGerman } from './fold';

const WORD = /[\p{L}\p{N}]+/gu;
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** The search term of one word („Hafenfestes“ → „hafenf“). */
export function termOf(word: string): string {
  let term = cache.get(word);
  if (term === undefined) {
    const folded = foldGerman(word).replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
    // Digits and very short words stay as they are; the stemmer would mangle them.
    term = folded.length > 3 && !/\d/.test(folded) ? stemmer(folded) : folded;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, term);
  }
  return term;
}

/** The indexed form of a text: its terms separated by spaces. */
export function indexTerms(text: string): string {
  const words = text.match(WORD);
  return words ? words.map(termOf).join(' ') : '';
}

/** The distinct terms of what someone typed into a search box (at most 12). */
export function queryTerms(text: string): string[] {
  return [...new Set((text.match(WORD) ?? []).map(termOf))].slice(0, 12);
}

/**
 * An FTS5 MATCH expression: every term (`all`) or any term (`any`) must occur, as a word or the
 * start of one (`"hafen"* "fest"*`). Null when nothing searchable was typed.
 */
export function matchExpression(text: string, mode: 'all' | 'any' = 'all'): string | null {
  const terms = queryTerms(text);
  return terms.length ? terms.map((t) => `"${t}"*`).join(mode === 'all' ? ' ' : ' OR ') : null;
}

/**
 * A short piece of `text` around the first word that matches one of the terms, with the
 * matching words marked; the start of the text when nothing matches (a hit in the title).
 */
export function snippetOf(text: string, terms: readonly string[], radius = 12): Snippet {
  const words = [...text.matchAll(WORD)];
  if (!words.length) return [];
  const matches = (w: string) => {
    const t = termOf(w);
    return terms.some((q) => t.startsWith(q));
  };
  const first = Math.max(0, words.findIndex((m) => matches(m[0])));
  const from = Math.max(0, first - radius);
  const to = Math.min(words.length - 1, first + radius * 2);
  const start = words[from]!.index;
  const out: Snippet = [];
  const push = (part: string, hit: boolean) => {
    if (!part) return;
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += part;
    else out.push({ text: part, hit });
  };
  if (from > 0) push('… ', false);
  let cursor = start;
  for (let i = from; i <= to; i++) {
    const m = words[i]!;
    push(text.slice(cursor, m.index).replace(/\s+/g, ' '), false);
    push(m[0], matches(m[0]));
    cursor = m.index + m[0].length;
  }
  if (to < words.length - 1) push(' …', false);
  return out;
}
