import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { speechBodySchema, type SpeechBody } from '../../core/api';
import { speechExtensions } from '../../renderer/src/features/speeches/editor/extensions';

/**
 * The speech editor's extensions against the stored document model: the editor can only hold
 * what `speechBodySchema` accepts. (Pasting HTML needs a DOM; the e2e test pastes a list.)
 */
describe('speech editor schema', () => {
  const schema = getSchema(speechExtensions({ placeholder: 'Text …' }));

  it('has exactly the nodes and marks of the speech model', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(['doc', 'hardBreak', 'heading', 'paragraph', 'pause', 'text']);
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'italic', 'stageNote', 'underline']);
  });

  it('puts a stage note outside the other marks, so it renders as one bracketed span', () => {
    expect(Object.keys(schema.marks)[0]).toBe('stageNote');
  });

  it('round-trips every construct of the model and the result validates', () => {
    const body: SpeechBody = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Neujahrsempfang' }] },
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Dank' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Sehr geehrte ', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'Damen', marks: [{ type: 'bold' }, { type: 'italic' }, { type: 'underline' }] },
            { type: 'pause' },
            { type: 'hardBreak' },
            { type: 'text', text: 'Blick ins Publikum', marks: [{ type: 'stageNote' }] },
          ],
        },
        { type: 'paragraph' },
      ],
    };
    const doc = schema.nodeFromJSON(body);
    doc.check();
    const json = doc.toJSON() as unknown;
    expect(speechBodySchema.safeParse(json).success).toBe(true);
    expect(speechBodySchema.parse(json)).toEqual(body);
  });

  it('refuses nodes and marks the speech model does not have', () => {
    const list = { type: 'doc', content: [{ type: 'bulletList', content: [] }] };
    expect(() => schema.nodeFromJSON(list)).toThrow();
    const strike = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'strike' }] }] }] };
    expect(() => schema.nodeFromJSON(strike)).toThrow();
  });

  it('parses only headings 1–3 from HTML', () => {
    const tags = (schema.nodes.heading!.spec.parseDOM ?? []).map((rule) => ('tag' in rule ? rule.tag : ''));
    expect(tags).toEqual(['h1', 'h2', 'h3']);
  });
});
