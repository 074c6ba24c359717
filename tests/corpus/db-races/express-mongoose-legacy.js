// @corpus-rules no-lost-update, no-check-then-create
// A CommonJS Express API on Mongoose and node-redis, the way many older services are still written.
const express = require('express');
const mongoose = require('mongoose');
const { createClient } = require('redis');

const Account = mongoose.model('Account', new mongoose.Schema({ email: { type: String, unique: true }, credits: Number, plan: String }));
const Invite = mongoose.model('Invite', new mongoose.Schema({ code: String, teamId: String, email: String, usedAt: Date }));
const redis = createClient({ url: process.env.REDIS_URL });

const router = express.Router();

// @expect no-lost-update
router.post('/accounts/:id/credits', async (req, res, next) => {
  try {
    const account = await Account.findById(req.params.id);
    if (!account) return res.sendStatus(404);
    account.credits += Number(req.body.amount);
    await account.save();
    res.json({ credits: account.credits });
  } catch (err) {
    next(err);
  }
});

// @expect none
router.post('/accounts/:id/credits/atomic', async (req, res, next) => {
  try {
    const account = await Account.findOneAndUpdate({ _id: req.params.id }, { $inc: { credits: Number(req.body.amount) } }, { new: true });
    if (!account) return res.sendStatus(404);
    res.json({ credits: account.credits });
  } catch (err) {
    next(err);
  }
});

// @expect no-check-then-create
async function inviteMember(teamId, email) {
  const pending = await Invite.findOne({ teamId, email, usedAt: null });
  if (pending) return pending;
  return Invite.create({ teamId, email, code: Math.random().toString(36).slice(2) });
}

// @expect none
async function acceptInvite(code) {
  const invite = await Invite.findOne({ code });
  if (!invite || invite.usedAt) throw new Error('invalid invite');
  const claimed = await Invite.findOneAndUpdate({ _id: invite._id, usedAt: null }, { $set: { usedAt: new Date() } }, { new: true });
  if (!claimed) throw new Error('invite already used');
  return claimed;
}

// @expect no-check-then-create
async function startTrial(accountId) {
  const started = await redis.exists(`trial:${accountId}`);
  if (started) throw new Error('trial already used');
  await redis.set(`trial:${accountId}`, new Date().toISOString());
}

// @expect none
async function startTrialOnce(accountId) {
  const ok = await redis.set(`trial:${accountId}`, new Date().toISOString(), { NX: true });
  if (!ok) throw new Error('trial already used');
}

module.exports = { router, inviteMember, acceptInvite, startTrial, startTrialOnce };
