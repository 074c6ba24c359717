// @corpus-rules require-transaction, no-transaction-bypass
// Projects and tasks on MikroORM (unit of work).
import { EntityManager } from '@mikro-orm/postgresql';

import { Project, ProjectMember, Task } from './entities';

export class ProjectService {
  constructor(private readonly em: EntityManager) {}

  // @expect none
  async create(ownerId: string, name: string) {
    const project = this.em.create(Project, { ownerId, name });
    this.em.create(ProjectMember, { project, userId: ownerId, role: 'owner' });
    await this.em.flush();
    return project;
  }

  // @expect none
  async archive(projectId: string) {
    await this.em.transactional(async (em) => {
      await em.nativeUpdate(Project, { id: projectId }, { archived: true });
      await em.nativeUpdate(Task, { project: projectId }, { archived: true });
    });
  }

  // @expect require-transaction
  async transferOwnership(projectId: string, fromUserId: string, toUserId: string) {
    await this.em.nativeUpdate(ProjectMember, { project: projectId, userId: fromUserId }, { role: 'admin' });
    await this.em.nativeUpdate(ProjectMember, { project: projectId, userId: toUserId }, { role: 'owner' });
    await this.em.nativeUpdate(Project, { id: projectId }, { ownerId: toUserId });
  }

  // @expect none
  async addTasks(projectId: string, titles: string[]) {
    await this.em.insertMany(Task, titles.map((title) => ({ project: projectId, title })));
  }
}
