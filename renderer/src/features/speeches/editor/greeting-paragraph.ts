import type { Editor } from '@tiptap/react';

/**
 * Puts the greeting in as the speech's first paragraph. A first paragraph that is still exactly
 * an earlier greeting (`previous`) is replaced, as is an empty text; otherwise the greeting
 * goes in before the first paragraph.
 */
export function insertGreetingParagraph(editor: Editor, text: string, previous: readonly string[]): void {
  const greeting = text.trim();
  if (!greeting) return;
  const paragraph = { type: 'paragraph', content: [{ type: 'text', text: greeting }] };
  const { doc } = editor.state;
  const first = doc.firstChild;
  const emptyText = doc.childCount === 1 && first !== null && first.content.size === 0;
  const earlier = first !== null && first.type.name === 'paragraph' && previous.some((p) => p.trim() && p.trim() === first.textContent.trim());
  const range = first && (emptyText || earlier) ? { from: 0, to: first.nodeSize } : 0;
  editor.chain().focus().insertContentAt(range, paragraph).run();
}
