import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { ColumnMapping, ImportPreview } from '../../api/schemas/contacts';
import { foldGerman } from '../../domain/text/fold';
import type { ServiceDeps } from '../deps';
import { audit } from '../audit';
import type { RoleCatalogue } from '../reference/role-catalogue';
import { analyzeCsv, parseContactRows } from './csv-import';
import { contactsRepository } from './repository';
import { createContactWriter } from './contacts-service';
import { formatFullName } from '../../domain/addressing';
import { contactToPerson } from '../../api/contact-person';

type ImportHandlers = Pick<Handlers, 'contacts.import.analyze' | 'contacts.import.preview' | 'contacts.import.commit'>;

/**
 * CSV import in three steps (file errors are raised as CsvImportError, an AppError): analyse (encoding, delimiter, columns), preview (every row
 * checked, errors with line and column), commit (all rows in one transaction, or none).
 */
export function createContactImportService(deps: ServiceDeps, catalogue: RoleCatalogue): ImportHandlers {
  const repo = contactsRepository(deps.engine);
  const writer = createContactWriter(deps, catalogue);

  const parse = async (contentBase64: string, mapping: ColumnMapping) => {
    const bytes = decodeBase64(contentBase64);
    if (!Object.values(mapping).includes('surname') && !Object.values(mapping).includes('name')) {
      throw new AppError(
        'IMPORT_INVALID',
        'Bitte ordnen Sie mindestens eine Spalte dem Feld „Nachname“ oder „Name der Organisation“ zu.',
      );
    }
    const parsed = parseContactRows(bytes, mapping, catalogue.list());
    const known = await repo.organisationsByFoldedName();
    // Organisations that are rows of the file themselves are linked to, not created twice.
    const inFile = new Set(parsed.rows.flatMap((row) => (row.data.kind === 'organisation' ? [foldGerman(row.data.name.trim())] : [])));
    const newOrganisations = new Map<string, string>();
    for (const row of parsed.rows) {
      const name = row.organisationName?.trim();
      const folded = name ? foldGerman(name) : '';
      if (name && !known.has(folded) && !inFile.has(folded) && !newOrganisations.has(folded)) {
        newOrganisations.set(folded, name);
      }
    }
    return { ...parsed, known, newOrganisations };
  };

  return {
    'contacts.import.analyze': ({ contentBase64 }) => analyzeCsv(decodeBase64(contentBase64)),

    'contacts.import.preview': async ({ contentBase64, mapping }): Promise<ImportPreview> => {
      const { rows, errors, newOrganisations } = await parse(contentBase64, mapping);
      return {
        validCount: rows.length,
        newOrganisations: [...newOrganisations.values()],
        errors,
        sample: rows.slice(0, 20).map((row) => ({
          line: row.line,
          displayName:
            row.data.kind === 'organisation' ? row.data.name : formatFullName(contactToPerson(row.data)),
          city: row.data.city,
        })),
      };
    },

    'contacts.import.commit': async ({ contentBase64, mapping, skipInvalidRows, fileName }) => {
      const { rows, errors, known, newOrganisations } = await parse(contentBase64, mapping);
      if (errors.length > 0 && !skipInvalidRows) {
        throw new AppError(
          'IMPORT_INVALID',
          `Die Datei „${fileName}“ enthält ${errors.length} fehlerhafte Zeile(n); es wurde nichts importiert.`,
          { errors },
        );
      }
      if (rows.length === 0) {
        throw new AppError('IMPORT_INVALID', `Die Datei „${fileName}“ enthält keine importierbaren Zeilen.`);
      }
      return deps.engine.transaction(async () => {
        const organisationIds = new Map(known);
        for (const [folded, name] of newOrganisations) {
          organisationIds.set(folded, await writer.create({ kind: 'organisation', name }));
        }
        // Organisations of the file first, so the persons can point at them.
        for (const row of rows) {
          if (row.data.kind === 'organisation') organisationIds.set(foldGerman(row.data.name.trim()), await writer.create(row.data));
        }
        for (const row of rows) {
          if (row.data.kind !== 'person') continue;
          const organisationId = row.organisationName ? (organisationIds.get(foldGerman(row.organisationName.trim())) ?? null) : null;
          await writer.create({ ...row.data, organisationId });
        }
        await audit(deps, {
          action: 'import',
          entity: 'contact',
          summary: `${fileName}: ${rows.length} Kontakte, ${newOrganisations.size} neue Organisationen`,
        });
        return { imported: rows.length, organisationsCreated: newOrganisations.size, skipped: errors.length };
      });
    },
  };
}

function decodeBase64(contentBase64: string): Uint8Array {
  return new Uint8Array(Buffer.from(contentBase64, 'base64'));
}

