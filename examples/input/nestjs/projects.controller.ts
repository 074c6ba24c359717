// NestJS + Prisma: an untyped body and an interface body reach the database unvalidated.
import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { PrismaService } from './prisma.service';

interface ProjectSettings {
  visibility: 'private' | 'team' | 'public';
  defaultAssignee?: string;
}

@Controller('projects')
export class ProjectsController {
  constructor(private readonly prisma: PrismaService) {}

  @Post()
  create(@Body() body: any) {
    return this.prisma.project.create({ data: { name: body.name, ownerId: body.ownerId } });
  }

  @Patch(':id/settings')
  updateSettings(@Param('id') projectId: string, @Body() settings: ProjectSettings) {
    // An interface cannot carry class-validator decorators: the ValidationPipe checks nothing here.
    return this.prisma.projectSettings.update({ where: { projectId }, data: settings });
  }
}
