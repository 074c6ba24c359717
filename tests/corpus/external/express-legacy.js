// @corpus-rules require-timeout, no-unguarded-dual-write, no-external-call-in-transaction, no-floating-effect, require-idempotency-key
// A CommonJS Express app on Sequelize and Mongoose with Stripe, Postmark and a partner webhook.
const express = require('express');
const axios = require('axios');
const postmark = require('postmark');
const { Sequelize, DataTypes } = require('sequelize');
const mongoose = require('mongoose');
const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY);

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Subscription = sequelize.define('Subscription', { userId: DataTypes.INTEGER, plan: DataTypes.STRING, status: DataTypes.STRING });
const Activity = mongoose.model('Activity', new mongoose.Schema({ userId: Number, kind: String }));
const mail = new postmark.ServerClient(process.env.POSTMARK_TOKEN);
const partner = axios.create({ baseURL: process.env.PARTNER_URL, timeout: 5000 });

const app = express();
app.use(express.json());

// @expect require-idempotency-key, no-external-call-in-transaction
app.post('/subscriptions', async (req, res) => {
  const sub = await sequelize.transaction(async (t) => {
    const row = await Subscription.create({ userId: req.user.id, plan: req.body.plan, status: 'pending' }, { transaction: t });
    const stripeSub = await stripe.subscriptions.create({ customer: req.user.stripeCustomerId, items: [{ price: req.body.plan }] });
    await row.update({ status: stripeSub.status }, { transaction: t });
    return row;
  });
  res.status(201).json(sub);
});

// @expect no-unguarded-dual-write
app.post('/subscriptions/v2', async (req, res) => {
  const row = await Subscription.create({ userId: req.user.id, plan: req.body.plan, status: 'pending' });
  const stripeSub = await stripe.subscriptions.create(
    { customer: req.user.stripeCustomerId, items: [{ price: req.body.plan }] },
    { idempotencyKey: `subscription-${row.id}` },
  );
  await Subscription.update({ status: stripeSub.status }, { where: { id: row.id } });
  res.status(201).json(row);
});

// @expect no-floating-effect
app.post('/activity', (req, res) => {
  Activity.create({ userId: req.user.id, kind: req.body.kind });
  res.status(202).end();
});

// @expect no-unguarded-dual-write
app.delete('/subscriptions/:id', async (req, res) => {
  await Subscription.update({ status: 'cancelled' }, { where: { id: req.params.id } });
  await mail.sendEmail({ From: 'billing@acme.dev', To: req.user.email, Subject: 'Cancelled', TextBody: 'Sorry to see you go.' });
  res.status(204).end();
});

// @expect require-timeout
app.get('/partner/status', async (req, res) => {
  const upstream = await axios.get(`${process.env.PARTNER_URL}/status`);
  res.json(upstream.data);
});

// @expect none
app.get('/partner/catalog', async (req, res) => {
  const upstream = await partner.get('/catalog');
  res.json(upstream.data);
});

// @expect no-floating-effect, no-unguarded-dual-write
app.post('/partner/orders', async (req, res) => {
  const sub = await Subscription.findByPk(req.body.subscriptionId);
  await sub.update({ status: 'fulfilling' });
  partner.post('/orders', { subscriptionId: sub.id });
  res.json({ ok: true });
});

// @expect none
app.post('/partner/orders/v2', async (req, res) => {
  const sub = await Subscription.findByPk(req.body.subscriptionId);
  await sub.update({ status: 'fulfilling', partnerSync: 'pending' });
  partner.post('/orders', { subscriptionId: sub.id }).catch(async (err) => {
    await Subscription.update({ partnerSync: 'failed' }, { where: { id: sub.id } });
    console.error('partner order failed', err);
  });
  res.json({ ok: true });
});

module.exports = app;
