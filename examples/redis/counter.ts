// Download counters and webhook de-duplication in Redis (ioredis).
import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL!);

// Two downloads read the same count and both write count + 1.
export async function countDownload(fileId: string) {
  const current = await redis.get(`downloads:${fileId}`);
  await redis.set(`downloads:${fileId}`, String(Number(current ?? 0) + 1));
}

// A redelivered webhook arriving on a second worker also finds no marker and is processed twice.
export async function markWebhookSeen(eventId: string) {
  const seen = await redis.get(`webhook:${eventId}`);
  if (seen) return false;
  await redis.set(`webhook:${eventId}`, '1', 'EX', 86_400);
  return true;
}
