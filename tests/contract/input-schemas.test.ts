import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../core/api';
import { defOf, isStrict, maxLength, nodes, type Schema } from '../support/schema-walk';

/**
 * The contract's inputs as a whole: what every door lets in. Each rule is checked on every
 * method's input schema, so a method added later cannot forget it.
 */
const inputOf = (method: (typeof METHOD_NAMES)[number]) => contract[method].input as unknown as Schema;
const at = (method: string, path: string[]) => `${method}: ${path.join('.') || '(Eingabe)'}`;

describe('every contract input', () => {
  it('gives every text a maximum length', () => {
    const unlimited = METHOD_NAMES.flatMap((method) =>
      [...nodes(inputOf(method))].filter((node) => defOf(node.schema).type === 'string' && maxLength(node.schema) === undefined).map((node) => at(method, node.path)),
    );
    expect(unlimited).toEqual([]);
  });

  it('refuses fields it does not know (a misspelt field would otherwise be dropped silently)', () => {
    const lenient = METHOD_NAMES.flatMap((method) =>
      [...nodes(inputOf(method))].filter((node) => defOf(node.schema).type === 'object' && !isStrict(node.schema)).map((node) => at(method, node.path)),
    );
    expect(lenient).toEqual([]);
  });

  it('keeps no control character in any text: free text is cleaned, formatted values refuse them', () => {
    const sample = ' Zeile\u0000eins\u0007\u001b[31m\r\nZeile zwei\u000b\u007f\u0085 ';
    const leaking = METHOD_NAMES.flatMap((method) =>
      [...nodes(inputOf(method))]
        // A record's keys are a file's column headers, matched as they are (never shown as text).
        .filter((node) => defOf(node.schema).type === 'string' && !node.recordKey)
        .filter((node) => {
          const result = (node.schema as unknown as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(sample);
          // eslint-disable-next-line no-control-regex
          return result.success && /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(String(result.data));
        })
        .map((node) => at(method, node.path)),
    );
    expect(leaking).toEqual([]);
  });
});
