// @corpus-rules require-transaction, no-transaction-bypass
// Follows, posts and moderation of a social app on Mongoose.
import express from 'express';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { z } from 'zod';

const redis = new Redis(process.env.REDIS_URL!);

const User = mongoose.model('User', new mongoose.Schema({ followers: Number, following: Number, posts: Number, banned: Boolean }));
const Follow = mongoose.model('Follow', new mongoose.Schema({ followerId: String, followeeId: String }));
const Post = mongoose.model('Post', new mongoose.Schema({ authorId: String, body: String, hidden: Boolean }));
const ModerationAction = mongoose.model('ModerationAction', new mongoose.Schema({ userId: String, action: String }));

export const router = express.Router();
const followBody = z.object({ followeeId: z.string() });

// @expect require-transaction
export async function follow(followerId: string, followeeId: string) {
  await Follow.create({ followerId, followeeId });
  await User.updateOne({ _id: followeeId }, { $inc: { followers: 1 } });
  await User.updateOne({ _id: followerId }, { $inc: { following: 1 } });
}

// @expect none
export async function followInTransaction(followerId: string, followeeId: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Follow.create([{ followerId, followeeId }], { session });
      await User.updateOne({ _id: followeeId }, { $inc: { followers: 1 } }, { session });
      await User.updateOne({ _id: followerId }, { $inc: { following: 1 } }).session(session);
    });
  } finally {
    await session.endSession();
  }
}

// @expect no-transaction-bypass
export async function banUser(userId: string, moderatorId: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await User.updateOne({ _id: userId }, { $set: { banned: true } }, { session });
      await Post.updateMany({ authorId: userId }, { $set: { hidden: true } });
      await ModerationAction.create([{ userId, action: `ban by ${moderatorId}` }], { session });
    });
  } finally {
    await session.endSession();
  }
}

// @expect none
export async function importPosts(authorId: string, bodies: string[]) {
  await Post.insertMany(bodies.map((body) => ({ authorId, body, hidden: false })));
}

// @expect none
export async function publish(authorId: string, body: string) {
  const post = await Post.create({ authorId, body, hidden: false });
  await redis.lpush(`feed:${authorId}`, String(post._id));
  await redis.del(`profile:${authorId}`);
  return post;
}

// @expect require-transaction
router.post('/follows', async (req, res) => {
  const { followeeId } = followBody.parse(req.body);
  const followerId = String(res.locals.userId);
  await Promise.all([
    Follow.create({ followerId, followeeId }),
    User.updateOne({ _id: followeeId }, { $inc: { followers: 1 } }),
  ]);
  res.status(201).end();
});
