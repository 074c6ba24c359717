// Newsletter sign-up and preference edits with postgres.js: ON CONFLICT for the sign-up, array_append in SQL for topics.
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!);

export async function subscribe(email: string) {
  const [row] = await sql`
    INSERT INTO subscribers (email) VALUES (${email})
    ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
    RETURNING id`;
  return row.id;
}

export async function addTopic(subscriberId: string, topic: string) {
  await sql`UPDATE subscribers SET topics = array_append(topics, ${topic}) WHERE id = ${subscriberId} AND NOT (${topic} = ANY(topics))`;
}
