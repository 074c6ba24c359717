// NestJS + Prisma: DTO classes with class-validator decorators, checked by the global ValidationPipe
// (`app.useGlobalPipes(new ValidationPipe({ whitelist: true }))` in main.ts).
import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PrismaService } from './prisma.service';

export class CreateProjectDto {
  @IsString()
  @MaxLength(200)
  name!: string;
}

export class ProjectSettingsDto {
  @IsIn(['private', 'team', 'public'])
  visibility!: 'private' | 'team' | 'public';

  @IsOptional()
  @IsUUID()
  defaultAssignee?: string;
}

@Controller('projects')
export class ProjectsController {
  constructor(private readonly prisma: PrismaService) {}

  @Post()
  create(@Body() dto: CreateProjectDto) {
    return this.prisma.project.create({ data: { name: dto.name } });
  }

  @Patch(':id/settings')
  updateSettings(@Param('id') projectId: string, @Body() settings: ProjectSettingsDto) {
    return this.prisma.projectSettings.update({ where: { projectId }, data: settings });
  }
}
