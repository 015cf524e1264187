import { exportRecord, type ExportRecord, type FieldCipher, type PrismaClient } from '@solace/server-kit';
import { MESSAGE_BODY_FIELD } from '../thread/thread.repository';

export class ClientExportRepository {
  constructor(private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,) {}

  async messageThreads(practiceId: string, clientId: string): Promise<ExportRecord[]> {
    const threads = await this.prisma.thread.findMany({
      where: { practiceId, clientId },
      select: { id: true, subject: true, createdAt: true, messages: { select: { id: true, senderId: true, body: true, createdAt: true }, orderBy: { createdAt: 'asc' } } },
      orderBy: { createdAt: 'asc' },
    });
    return threads.map(({ messages, ...thread }) => ({
      ...exportRecord(thread),
      messages: messages.map((message) => exportRecord({ ...message, body: this.cipher.decrypt(message.body, MESSAGE_BODY_FIELD) })),
    }));
  }
}
