// Loyalty points and programme enrolment on Sequelize: increments in SQL, enrolment by findOrCreate on a unique pair.
import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!, { logging: false });

export class Member extends Model {
  declare id: string;
  declare points: number;
}
Member.init({ id: { type: DataTypes.UUID, primaryKey: true }, points: DataTypes.INTEGER }, { sequelize, modelName: 'member' });

export class Enrollment extends Model {}
Enrollment.init(
  { memberId: DataTypes.UUID, programId: DataTypes.UUID },
  { sequelize, modelName: 'enrollment', indexes: [{ unique: true, fields: ['memberId', 'programId'] }] },
);

export async function awardPoints(memberId: string, points: number) {
  await Member.increment('points', { by: points, where: { id: memberId } });
}

export async function enroll(memberId: string, programId: string) {
  const [enrollment] = await Enrollment.findOrCreate({ where: { memberId, programId }, defaults: { memberId, programId } });
  return enrollment;
}
