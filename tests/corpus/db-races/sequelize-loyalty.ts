// @corpus-rules no-lost-update, no-check-then-create
// Loyalty points and coupons of an Express API on Sequelize.
import express from 'express';
import { DataTypes, Model, Sequelize, Transaction, UniqueConstraintError } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!, { logging: false });

class Member extends Model {
  declare id: string;
  declare points: number;
  declare tier: string;
}
Member.init(
  { id: { type: DataTypes.UUID, primaryKey: true }, points: DataTypes.INTEGER, tier: DataTypes.STRING },
  { sequelize, modelName: 'member' },
);

class Coupon extends Model {
  declare id: string;
  declare code: string;
  declare uses: number;
  declare maxUses: number;
}
Coupon.init(
  { id: { type: DataTypes.UUID, primaryKey: true }, code: DataTypes.STRING, uses: DataTypes.INTEGER, maxUses: DataTypes.INTEGER },
  { sequelize, modelName: 'coupon', version: true },
);

class Enrollment extends Model {}
Enrollment.init({ memberId: DataTypes.UUID, programId: DataTypes.UUID }, { sequelize, modelName: 'enrollment' });

export const router = express.Router();

// @expect no-lost-update
router.post('/members/:id/points', async (req, res) => {
  const member = await Member.findByPk(req.params.id);
  if (!member) return res.status(404).end();
  member.points = member.points + Number(req.body.points);
  member.tier = member.points > 10_000 ? 'gold' : member.tier;
  await member.save();
  res.json({ points: member.points });
});

// @expect none
router.post('/members/:id/points/atomic', async (req, res) => {
  const member = await Member.findByPk(req.params.id);
  if (!member) return res.status(404).end();
  await Member.increment('points', { by: Number(req.body.points), where: { id: member.id } });
  res.status(204).end();
});

// @expect none
export async function spendPoints(memberId: string, points: number) {
  return sequelize.transaction(async (t: Transaction) => {
    const member = await Member.findByPk(memberId, { lock: t.LOCK.UPDATE, transaction: t });
    if (!member || member.points < points) throw new Error('not enough points');
    member.points -= points;
    await member.save({ transaction: t });
    return member.points;
  });
}

// @expect no-lost-update
export async function demoteInactive(memberId: string) {
  return sequelize.transaction(async (t) => {
    const member = await Member.findByPk(memberId, { transaction: t });
    if (!member) return null;
    await Member.update({ points: Math.floor(member.points / 2), tier: 'silver' }, { where: { id: memberId }, transaction: t });
    return member.id;
  });
}

// @expect none
export async function useCoupon(code: string) {
  const coupon = await Coupon.findOne({ where: { code } });
  if (!coupon || coupon.uses >= coupon.maxUses) throw new Error('coupon not valid');
  coupon.uses += 1;
  await coupon.save();
}

// @expect no-check-then-create
export async function enroll(memberId: string, programId: string) {
  const existing = await Enrollment.findOne({ where: { memberId, programId } });
  if (existing) return existing;
  return Enrollment.create({ memberId, programId });
}

// @expect none
export async function enrollOnce(memberId: string, programId: string) {
  const [enrollment] = await Enrollment.findOrCreate({ where: { memberId, programId }, defaults: { memberId, programId } });
  return enrollment;
}

// @expect none
export async function enrollCatching(memberId: string, programId: string) {
  try {
    return await Enrollment.create({ memberId, programId });
  } catch (error) {
    if (error instanceof UniqueConstraintError) return Enrollment.findOne({ where: { memberId, programId } });
    throw error;
  }
}

// @expect no-check-then-create
router.post('/coupons', async (req, res) => {
  const { code, maxUses } = req.body as { code: string; maxUses: number };
  const taken = await Coupon.count({ where: { code } });
  if (taken > 0) return res.status(409).json({ error: 'code already exists' });
  const coupon = await Coupon.create({ code, maxUses, uses: 0 });
  res.status(201).json(coupon);
});
