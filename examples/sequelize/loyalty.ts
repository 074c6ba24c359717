// Loyalty points and programme enrolment on Sequelize.
import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!, { logging: false });

export class Member extends Model {
  declare id: string;
  declare points: number;
}
Member.init({ id: { type: DataTypes.UUID, primaryKey: true }, points: DataTypes.INTEGER }, { sequelize, modelName: 'member' });

export class Enrollment extends Model {}
Enrollment.init({ memberId: DataTypes.UUID, programId: DataTypes.UUID }, { sequelize, modelName: 'enrollment' });

// Two purchases load the same member; the second save() writes back the points it loaded, losing the first award.
export async function awardPoints(memberId: string, points: number) {
  const member = await Member.findByPk(memberId);
  if (!member) throw new Error(`member ${memberId} not found`);
  member.points = member.points + points;
  await member.save();
}

// Two clicks on "join" both find no enrolment and both create one.
export async function enroll(memberId: string, programId: string) {
  const existing = await Enrollment.findOne({ where: { memberId, programId } });
  if (existing) return existing;
  return Enrollment.create({ memberId, programId });
}
