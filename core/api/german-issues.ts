import type { z } from 'zod';

/**
 * German messages for the checks zod makes itself (a wrong type, a text too long, an unknown
 * field). Schemas that say something more precise keep their own words; this map only replaces
 * zod's generic wording. Installed once for the whole contract (`z.config`, contract.ts).
 */

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'einen Text',
  number: 'eine Zahl',
  int: 'eine ganze Zahl',
  boolean: 'ja oder nein (true/false)',
  array: 'eine Liste',
  object: 'ein Objekt mit Feldern',
  date: 'ein Datum',
  bigint: 'eine Zahl',
};

const quote = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `„${text.length > 40 ? `${text.slice(0, 40)}…` : text}“`;
};
const number = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('de-DE') : String(n));
const fold = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The field meant by an unknown key: `anlass_datum` → `anlassDatum`. */
function meantKey(key: string, known: string[]): string | undefined {
  return known.find((candidate) => fold(candidate) === fold(key) && candidate !== key);
}

function unknownKeys(issue: Extract<RawIssue, { code: 'unrecognized_keys' }>): string {
  const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  const known = shape ? Object.keys(shape) : [];
  const named = issue.keys.map((key) => {
    const meant = meantKey(key, known);
    return meant ? `${quote(key)} (gemeint ist wohl „${meant}“)` : quote(key);
  });
  return issue.keys.length === 1
    ? `Das Feld ${named[0]} gibt es hier nicht; es würde nicht gespeichert.`
    : `Die Felder ${named.join(', ')} gibt es hier nicht; sie würden nicht gespeichert.`;
}

function sizeMessage(issue: Extract<RawIssue, { code: 'too_big' | 'too_small' }>): string {
  const big = issue.code === 'too_big';
  const limit = big ? issue.maximum : issue.minimum;
  switch (issue.origin) {
    case 'string':
      if (!big && Number(limit) === 1) return 'Dieses Feld darf nicht leer sein.';
      return big ? `Höchstens ${number(limit)} Zeichen.` : `Mindestens ${number(limit)} Zeichen.`;
    case 'array':
    case 'set':
      if (!big && Number(limit) === 1) return 'Bitte mindestens einen Eintrag angeben.';
      return big ? `Höchstens ${number(limit)} Einträge.` : `Mindestens ${number(limit)} Einträge.`;
    case 'number':
    case 'int':
    case 'bigint':
      if (big) return issue.inclusive === false ? `Die Zahl muss kleiner als ${number(limit)} sein.` : `Die Zahl darf höchstens ${number(limit)} sein.`;
      return issue.inclusive === false ? `Die Zahl muss größer als ${number(limit)} sein.` : `Die Zahl muss mindestens ${number(limit)} sein.`;
    default:
      return big ? 'Der Wert ist zu groß.' : 'Der Wert ist zu klein.';
  }
}

/** The German message for one of zod's own issues (undefined: keep what the schema says). */
export function germanIssueMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Dieses Feld fehlt.';
      if (issue.expected === 'never') return 'Dieses Feld ist hier nicht vorgesehen.';
      if (issue.expected === 'number' && typeof issue.input === 'number') return 'Bitte eine endliche Zahl angeben.';
      return `Bitte ${TYPE_NAMES[issue.expected] ?? 'einen gültigen Wert'} angeben${issue.input === null ? ' (nicht null)' : ''}.`;
    case 'too_big':
    case 'too_small':
      return sizeMessage(issue);
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return 'Ungültige Kennung.';
      if (issue.format === 'email') return 'Bitte eine gültige E-Mail-Adresse angeben.';
      return 'Das Format ist ungültig.';
    case 'not_multiple_of':
      return `Bitte ein Vielfaches von ${number(issue.divisor)} angeben.`;
    case 'unrecognized_keys':
      return unknownKeys(issue);
    case 'invalid_value': {
      const allowed = issue.values.slice(0, 12).map(quote).join(', ');
      return issue.values.length === 1 ? `Erwartet wird ${allowed}.` : `Zulässig ist einer dieser Werte: ${allowed}${issue.values.length > 12 ? ', …' : ''}.`;
    }
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string }).discriminator;
      const options = (issue.inst as { _zod?: { def?: { options?: Array<{ _zod?: { propValues?: Record<string, Set<unknown>> } }> } } } | undefined)?._zod?.def?.options;
      const values = discriminator ? (options ?? []).flatMap((option) => [...(option._zod?.propValues?.[discriminator] ?? [])]) : [];
      if (values.length > 0) return `Zulässig ist einer dieser Werte: ${values.map(quote).join(', ')}.`;
      return 'Die Angabe passt zu keiner der zulässigen Formen.';
    }
    case 'invalid_key':
      return 'Ungültiger Schlüssel.';
    case 'invalid_element':
      return 'Ungültiger Eintrag.';
    case 'custom':
      return 'Ungültige Angabe.';
    default:
      return undefined;
  }
}
