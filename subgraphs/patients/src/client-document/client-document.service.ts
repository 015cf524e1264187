import { randomUUID } from 'node:crypto';
import { DomainError, notFound } from '@solace/server-kit';
import { badInput } from '../shared/bad-input';
import type { ClientGuard } from '../shared/client-guard.repository';
import type { DocumentStorage } from './document-storage';
import { MAX_DOCUMENT_BYTES, type ClientDocumentUploadInput } from './client-document.input';
import type { ClientDocumentRepository, DocumentRow } from './client-document.repository';
import type { ClientDocument, ClientDocumentUpload } from './client-document.type';

/** Presigned URLs live five minutes: long enough to upload a photo, too short to pass around. */
export const URL_LIFETIME_SECONDS = 300;

export class ClientDocumentService {
  constructor(
    private readonly documents: ClientDocumentRepository,
    private readonly clients: ClientGuard,
    private readonly storage: DocumentStorage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private view = (row: DocumentRow, downloadUrl: string | null): ClientDocument => ({
    id: row.id,
    clientId: row.clientId,
    kind: row.kind,
    filename: row.filename,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    createdAt: row.createdAt,
    downloadUrl,
  });

  async requestUpload(practiceId: string, uploadedById: string, clientId: string, input: ClientDocumentUploadInput): Promise<ClientDocumentUpload> {
    await this.clients.requireWritable(practiceId, clientId);
    // Random, so the key says nothing about the client; the practice prefix only groups objects.
    const storageKey = `${practiceId}/${randomUUID()}`;
    const row = await this.documents.create({ practiceId, clientId, kind: input.kind, filename: input.filename.trim(), contentType: input.contentType, sizeBytes: input.sizeBytes, storageKey, uploadedById });
    const uploadUrl = await this.storage.presignUpload(storageKey, input.contentType, URL_LIFETIME_SECONDS);
    return { document: this.view(row, null), uploadUrl, expiresAt: new Date(this.now().getTime() + URL_LIFETIME_SECONDS * 1000) };
  }

  /** Checks the upload arrived as announced; a wrong size or type is deleted and refused. */
  async confirm(practiceId: string, id: string): Promise<ClientDocument> {
    const row = await this.documents.find(practiceId, id);
    if (!row) throw notFound('ClientDocument', id);
    if (row.confirmedAt) return this.view(row, await this.storage.presignDownload(row.storageKey, URL_LIFETIME_SECONDS));
    const stored = await this.storage.head(row.storageKey);
    if (!stored) throw new DomainError('CONFLICT', 'The file has not been uploaded yet.', { details: { reason: 'NOT_UPLOADED' } });
    const typeMatches = !stored.contentType || stored.contentType.split(';')[0]!.trim().toLowerCase() === row.contentType;
    if (stored.sizeBytes !== row.sizeBytes || stored.sizeBytes > MAX_DOCUMENT_BYTES || !typeMatches) {
      await this.storage.remove(row.storageKey);
      await this.documents.remove(practiceId, id);
      throw badInput('The uploaded file is not the size or type announced; it was discarded.', 'sizeBytes');
    }
    const confirmed = await this.documents.confirm(practiceId, id, stored.sizeBytes, this.now());
    if (!confirmed) throw notFound('ClientDocument', id);
    return this.view(confirmed, await this.storage.presignDownload(confirmed.storageKey, URL_LIFETIME_SECONDS));
  }

  /** Confirmed documents, each with a fresh presigned GET URL. */
  async listForClient(practiceId: string, clientId: string): Promise<ClientDocument[]> {
    const rows = await this.documents.listConfirmed(practiceId, clientId);
    return Promise.all(rows.map(async (row) => this.view(row, await this.storage.presignDownload(row.storageKey, URL_LIFETIME_SECONDS))));
  }

  async remove(practiceId: string, id: string): Promise<ClientDocument> {
    const row = await this.documents.find(practiceId, id);
    if (!row) throw notFound('ClientDocument', id);
    await this.clients.requireWritable(practiceId, row.clientId);
    await this.storage.remove(row.storageKey);
    await this.documents.remove(practiceId, id);
    return this.view(row, null);
  }
}
