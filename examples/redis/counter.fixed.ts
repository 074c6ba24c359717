// Download counters and webhook de-duplication in Redis (ioredis): INCR and SET … NX do the read and the write in one command.
import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL!);

export async function countDownload(fileId: string) {
  return redis.incr(`downloads:${fileId}`);
}

export async function markWebhookSeen(eventId: string) {
  const result = await redis.set(`webhook:${eventId}`, '1', 'EX', 86_400, 'NX');
  return result === 'OK';
}
