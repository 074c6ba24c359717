// tRPC + Prisma: every procedure parses its input with a zod schema.
import { initTRPC } from '@trpc/server';
import { PrismaClient } from '@prisma/client';
import { z } from 'zod';

const prisma = new PrismaClient();
const t = initTRPC.create();

const PostInput = z.object({ title: z.string().min(1).max(200), body: z.string().max(20_000) });

export const postRouter = t.router({
  create: t.procedure.input(PostInput).mutation(({ input }) => prisma.post.create({ data: input })),

  update: t.procedure
    .input(PostInput.partial().extend({ id: z.string().uuid() }))
    .mutation(({ input }) => {
      const { id, ...changes } = input;
      return prisma.post.update({ where: { id }, data: changes });
    }),
});
