// @corpus-rules no-lost-update, no-check-then-create
// Posts, reactions and follows of a social feed on Mongoose (Fastify routes).
import Fastify from 'fastify';
import mongoose, { Schema } from 'mongoose';

const postSchema = new Schema({ authorId: String, body: String, likes: Number, tags: [String], editedAt: Date });
const Post = mongoose.model('Post', postSchema);

const draftSchema = new Schema({ authorId: String, body: String, wordCount: Number }, { optimisticConcurrency: true });
const Draft = mongoose.model('Draft', draftSchema);

const Follow = mongoose.model('Follow', new Schema({ followerId: String, followeeId: String }));
const Handle = mongoose.model('Handle', new Schema({ handle: { type: String, unique: true }, userId: String }));

export const fastify = Fastify();

// @expect no-lost-update
export async function likePost(postId: string) {
  const post = await Post.findById(postId);
  if (!post) throw new Error('not found');
  post.likes = (post.likes ?? 0) + 1;
  await post.save();
  return post.likes;
}

// @expect none
export async function likePostAtomically(postId: string) {
  const post = await Post.findByIdAndUpdate(postId, { $inc: { likes: 1 } }, { new: true });
  return post?.likes ?? 0;
}

// @expect no-lost-update
export async function addTags(postId: string, tags: string[]) {
  const post = await Post.findById(postId).lean();
  if (!post) throw new Error('not found');
  const merged = Array.from(new Set([...(post.tags ?? []), ...tags]));
  await Post.updateOne({ _id: postId }, { $set: { tags: merged } });
}

// @expect none
export async function addTagsAtomically(postId: string, authorId: string, tags: string[]) {
  const post = await Post.findById(postId).lean();
  if (!post || post.authorId !== authorId) throw new Error('forbidden');
  await Post.updateOne({ _id: postId }, { $addToSet: { tags: { $each: tags } } });
}

// @expect none
export async function saveDraft(draftId: string, body: string) {
  const draft = await Draft.findById(draftId);
  if (!draft) throw new Error('not found');
  draft.body = body;
  draft.wordCount = body.split(/\s+/).length;
  await draft.save();
}

// @expect none
export async function editPost(postId: string, authorId: string, body: string) {
  const post = await Post.findById(postId).lean();
  if (!post || post.authorId !== authorId) throw new Error('forbidden');
  const updated = await Post.findOneAndUpdate({ _id: postId, editedAt: post.editedAt }, { $set: { body, editedAt: new Date() } }, { new: true });
  if (!updated) throw new Error('edited elsewhere, reload');
}

// @expect no-check-then-create
fastify.post<{ Params: { id: string }; Body: { followerId: string } }>('/users/:id/follow', async (request, reply) => {
  const { followerId } = request.body;
  const already = await Follow.exists({ followerId, followeeId: request.params.id });
  if (already) return reply.code(200).send({ following: true });
  await Follow.create({ followerId, followeeId: request.params.id });
  return reply.code(201).send({ following: true });
});

// @expect none
fastify.post<{ Params: { id: string }; Body: { followerId: string } }>('/users/:id/follow-upsert', async (request, reply) => {
  const { followerId } = request.body;
  await Follow.updateOne(
    { followerId, followeeId: request.params.id },
    { $setOnInsert: { followerId, followeeId: request.params.id } },
    { upsert: true },
  );
  return reply.code(200).send({ following: true });
});

// @expect no-check-then-create
export async function claimHandle(userId: string, handle: string) {
  const owner = await Handle.findOne({ handle });
  if (owner && owner.userId !== userId) throw new Error('handle taken');
  if (!owner) await Handle.create({ handle, userId });
}

// @expect none
export async function claimHandleCatching(userId: string, handle: string) {
  try {
    await Handle.create({ handle, userId });
  } catch (error: any) {
    if (error?.code === 11000) throw new Error('handle taken');
    throw error;
  }
}
