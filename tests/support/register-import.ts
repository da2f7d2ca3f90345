import { AppError, type Handlers, type RegisterMapping, type ResidentImportPreview, type ResidentImportResult } from '../../core/api';
import { runRegisterImport, uploadBytes } from '../../core/app/register-import';

type Extract = string | Uint8Array;
const bytesOf = (content: Extract) => (typeof content === 'string' ? new Uint8Array(Buffer.from(content, 'base64')) : content);

async function run(handlers: Handlers, content: Extract, commit: boolean, options: { fileName?: string; mapping?: RegisterMapping }) {
  const uploadId = await uploadBytes(handlers, bytesOf(content), options.fileName ?? 'Melderegister.csv');
  const job = await runRegisterImport(handlers, { uploadId, mapping: options.mapping, commit, pollMs: 5 });
  if (job.state === 'failed') throw new AppError(job.error!.code as AppError['code'], job.error!.message, job.error!.details);
  if (job.state !== 'done') throw new Error(`Import ended ${job.state}`);
  return job;
}

/** Checks an extract (base64 or bytes) through the API as the window does; throws the job's error. */
export async function previewExtract(handlers: Handlers, content: Extract, options: { fileName?: string; mapping?: RegisterMapping } = {}): Promise<ResidentImportPreview> {
  return (await run(handlers, content, false, options)).preview!;
}

/** Imports an extract through the API as the window does; throws the job's error. */
export async function importExtract(handlers: Handlers, content: Extract, options: { fileName?: string; mapping?: RegisterMapping } = {}): Promise<ResidentImportResult> {
  return (await run(handlers, content, true, options)).result!;
}
