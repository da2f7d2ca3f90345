import type { SpeechInput } from '../../api/schemas/speeches';
import type { SpeechBlock, SpeechBody, SpeechInline } from '../../api/speech-body';

/** A body from paragraphs; `[…]` is a stage note and ` // ` a pause, as staff would mark them. */
function body(...paragraphs: string[]): SpeechBody {
  const content = paragraphs.map((text): SpeechBlock => {
    if (text.startsWith('# ')) return { type: 'heading' as const, attrs: { level: 2 as const }, content: [{ type: 'text' as const, text: text.slice(2) }] };
    const inline = text.split(/(\[[^\]]+\]| \/\/ )/).flatMap((part): SpeechInline[] => {
      if (!part) return [];
      if (part === ' // ') return [{ type: 'pause' as const }];
      if (part.startsWith('[')) return [{ type: 'text' as const, text: part.slice(1, -1), marks: [{ type: 'stageNote' as const }] }];
      return [{ type: 'text' as const, text: part }];
    });
    return { type: 'paragraph' as const, content: inline };
  });
  return { type: 'doc', content };
}

/**
 * Fictional demo speeches (names invented): last summer's harbour festival (given, with its
 * text, so the full-text search has something to find), an Advent market greeting in draft and
 * the New Year's speech as a fresh assignment. `speakerIndex` points into the demo signers.
 */
export function demoSpeeches(): Array<{ speakerIndex: number; appointmentTitle?: string; input: Omit<SpeechInput, 'speakerId' | 'appointmentId'> }> {
  return [
    {
      speakerIndex: 0,
      input: {
        title: 'Grußwort zum Hafenfest 2026',
        kind: 'grusswort',
        audience: 'Hafenwirtschaft, Bürgerverein Ruhrort, Gäste des Hafenfests',
        targetMinutes: 4,
        deadline: '2026-06-10',
        author: 'Frau Kemper',
        status: 'gehalten',
        notes: 'Bühne am Leinpfad; Mikrofon mit Kabel.',
        background: 'Das Hafenfest fand 2026 zum 25. Mal statt. Rund 40.000 Besucherinnen und Besucher an zwei Tagen.',
        body: body(
          'Liebe Ruhrorterinnen und Ruhrorter, liebe Gäste,',
          'zum 25. Mal feiern wir heute das Hafenfest in Ruhrort – und ich freue mich sehr, dass Sie so zahlreich gekommen sind. // [Blick zum Wasser] Hier, am größten Binnenhafen Europas, schlägt das Herz unserer Stadt.',
          '# Dank',
          'Mein Dank gilt dem Bürgerverein Ruhrort, den vielen Ehrenamtlichen und allen Unternehmen der Hafenwirtschaft, die dieses Fest möglich machen. Ohne Sie gäbe es kein Hafenfest.',
          'Ich wünsche Ihnen allen ein fröhliches Fest, gute Begegnungen und schöne Stunden am Wasser. // Glück auf!',
        ),
      },
    },
    {
      speakerIndex: 2,
      appointmentTitle: 'Adventsmarkt Eröffnung',
      input: {
        title: 'Grußwort zur Eröffnung des Adventsmarkts',
        kind: 'grusswort',
        audience: 'Marktbeschickerinnen und Marktbeschicker, Besucherinnen und Besucher',
        targetMinutes: 3,
        deadline: '2026-12-01',
        author: 'Herr Yıldız',
        status: 'entwurf',
        body: body(
          'Liebe Duisburgerinnen und Duisburger,',
          'der Duft von gebrannten Mandeln liegt in der Luft, die Lichter leuchten – der Adventsmarkt ist eröffnet! [Glocke läuten]',
        ),
      },
    },
    {
      speakerIndex: 0,
      input: {
        title: 'Neujahrsansprache 2027',
        kind: 'rede',
        audience: 'Bürgerschaft (Video und Neujahrsempfang)',
        targetMinutes: 8,
        deadline: '2026-12-18',
        author: 'Frau Kemper',
        status: 'auftrag',
        notes: 'Themen: Hafen, Wohnen, Ehrenamt; Rückblick auf das Jahr 2026.',
      },
    },
  ];
}
