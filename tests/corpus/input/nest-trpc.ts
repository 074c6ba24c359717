// @corpus-rules require-input-validation, no-mass-assignment
// A NestJS service with its controller (TypeORM, Prisma), and the tRPC router of the same product.
import { Body, Controller, Injectable, Param, Patch, Post, Put, Query, UsePipes } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import { ZodValidationPipe } from 'nestjs-zod';
import { PrismaService } from './prisma.service';
import { prisma } from './db';
import { Project } from './project.entity';
import { CreateProjectDto, UpdateProjectDto } from './dto';

interface ProjectSettings {
  visibility: 'private' | 'team' | 'public';
  defaultAssignee?: string;
}

const ArchiveSchema = z.object({ reason: z.string().max(200) });

@Injectable()
export class ProjectsService {
  constructor(
    @InjectRepository(Project) private readonly projectRepository: Repository<Project>,
    private readonly prisma: PrismaService,
  ) {}

  // @expect no-mass-assignment
  async update(id: string, changes: Partial<Project>) {
    const project = await this.projectRepository.findOneByOrFail({ id });
    Object.assign(project, changes);
    return this.projectRepository.save(project);
  }

  // @expect no-mass-assignment
  async patchSettings(projectId: string, patch: Partial<ProjectSettings>) {
    return this.prisma.projectSettings.update({ where: { projectId }, data: patch });
  }

  // @expect none
  async rename(id: string, patch: Partial<Project>) {
    return this.projectRepository.update(id, { name: patch.name, updatedAt: new Date() });
  }

  // @expect none
  async create(dto: CreateProjectDto, ownerId: string) {
    return this.prisma.project.create({ data: { ...dto, ownerId } });
  }
}

@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly prisma: PrismaService,
  ) {}

  // @expect none
  @Post()
  create(@Body() dto: CreateProjectDto) {
    return this.prisma.project.create({ data: dto });
  }

  // @expect none
  @Patch(':id')
  update(@Param('id') id: string, @Body() dto: UpdateProjectDto) {
    return this.prisma.project.update({ where: { id }, data: dto });
  }

  // @expect require-input-validation, no-mass-assignment
  @Put(':id/settings')
  saveSettings(@Param('id') projectId: string, @Body() settings: ProjectSettings) {
    return this.prisma.projectSettings.upsert({
      where: { projectId },
      create: { projectId, ...settings },
      update: settings,
    });
  }

  // @expect require-input-validation, no-mass-assignment
  @Post(':id/labels')
  addLabels(@Param('id') projectId: string, @Body() body: Record<string, any>) {
    return this.prisma.label.createMany({ data: body.labels.map((l: { name: string }) => ({ ...l, projectId })) });
  }

  // @expect none
  @Post(':id/archive')
  @UsePipes(new ZodValidationPipe(ArchiveSchema))
  archive(@Param('id') id: string, @Body() body: { reason: string }) {
    return this.prisma.project.update({ where: { id }, data: { archivedAt: new Date(), archiveReason: body.reason } });
  }

  // @expect require-input-validation
  @Post('import')
  importFromUrl(@Query() query: any) {
    return this.prisma.importJob.create({ data: { sourceUrl: query.url, status: 'pending' } });
  }
}

// ---------------------------------------------------------------- tRPC
const t = initTRPC.context<{ userId: string }>().create();
const publicProcedure = t.procedure;
const protectedProcedure = t.procedure.use(({ ctx, next }) => next({ ctx }));

export const projectRouter = t.router({
  // @expect none
  create: protectedProcedure
    .input(z.object({ name: z.string().min(1), description: z.string().max(2000).optional() }))
    .mutation(({ ctx, input }) => prisma.project.create({ data: { ...input, ownerId: ctx.userId } })),

  // @expect require-input-validation, no-mass-assignment
  update: protectedProcedure.mutation(async ({ ctx, input }) => {
    const { id, ...changes } = input as { id: string } & Partial<ProjectSettings>;
    return prisma.project.update({ where: { id, ownerId: ctx.userId }, data: changes });
  }),

  // @expect require-input-validation
  star: publicProcedure.input((raw: unknown) => raw as { projectId: string; note: string }).mutation(({ ctx, input }) =>
    prisma.star.create({ data: { projectId: input.projectId, note: input.note, userId: ctx.userId } }),
  ),

  // @expect none
  list: publicProcedure.query(({ ctx }) => prisma.project.findMany({ where: { ownerId: ctx.userId } })),
});
