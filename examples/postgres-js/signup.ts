// Newsletter sign-up and preference edits with postgres.js tagged templates.
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!);

// Two submissions of the form both find no subscriber and both insert one.
export async function subscribe(email: string) {
  const [existing] = await sql`SELECT id FROM subscribers WHERE email = ${email}`;
  if (existing) return existing.id;
  const [created] = await sql`INSERT INTO subscribers (email) VALUES (${email}) RETURNING id`;
  return created.id;
}

// Two edits from two tabs read the same topics; the later write drops the other tab's topic.
export async function addTopic(subscriberId: string, topic: string) {
  const [subscriber] = await sql`SELECT topics FROM subscribers WHERE id = ${subscriberId}`;
  await sql`UPDATE subscribers SET topics = ${[...subscriber.topics, topic]} WHERE id = ${subscriberId}`;
}
